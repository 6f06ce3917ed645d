"""An Atom feed of the newest articles, written as a static file into the docs folder."""

from __future__ import annotations

import os
import posixpath
from datetime import datetime, timezone
from pathlib import Path
import xml.etree.ElementTree as ET

from ..escaping import xml_text
from ..writer import write_atomic
from .catalog import Entry

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)
NEWEST = 50


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a Markdown file."""
    stem = src[:-3]
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def rfc3339(iso: str) -> str:
    """An article date as RFC 3339; sources give no zone, so the time is taken as UTC."""
    if len(iso) == 10:
        return iso + "T00:00:00Z"
    return iso[:16] + (iso[16:19] if len(iso) >= 19 else ":00") + "Z"


def fallback_updated() -> str:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def newest(entries: list[Entry], count: int = NEWEST) -> list[Entry]:
    dated = [e for e in entries if len(e.date) >= 10]
    dated.sort(key=lambda e: (rfc3339(e.date), e.src), reverse=True)
    return dated[:count]


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; text and attribute values pass `xml_text` (characters XML forbids replaced) and
    are escaped by the XML writer."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        child.text = xml_text(text)
    return child


def entry_element(feed: ET.Element, entry: Entry, base: str, updated: str, use_directory_urls: bool) -> None:
    url = base + page_url(entry.src, use_directory_urls)
    zh = (entry.meta.get("translations") or {}).get("zh") or {}
    summary = entry.meta.get("deck") or (zh.get("summary") if isinstance(zh, dict) else "") or ""
    item = _add(feed, "entry")
    _add(item, "title", entry.title)
    _add(item, "link", rel="alternate", type="text/html", href=url)
    _add(item, "id", url)
    _add(item, "updated", updated)
    for author in entry.authors:
        _add(_add(item, "author"), "name", author)
    if summary:
        _add(item, "summary", str(summary))


def feed_xml(entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> str:
    """The Atom feed, written by a real XML writer: it always parses, whatever the articles hold."""
    base = (site_url.rstrip("/") + "/") if site_url else "/"
    items = newest(entries)
    updated = rfc3339(items[0].date) if items else fallback_updated()
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", name)
    _add(feed, "link", rel="alternate", href=base)
    _add(feed, "link", rel="self", href=base + FEED)
    _add(feed, "id", base + FEED)
    _add(feed, "updated", updated)
    _add(feed, "generator", "Broadsheet")
    for entry in items:
        entry_element(feed, entry, base, rfc3339(entry.date), use_directory_urls)
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def write_feed(docs: Path, entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> Path:
    target = docs / FEED
    text = feed_xml(entries, name, site_url, use_directory_urls)
    if not target.exists() or target.read_bytes() != text.encode("utf-8"):
        write_atomic(target, text)
    return target
