"""An Atom feed of the newest articles, written as a static file into the docs folder."""

from __future__ import annotations

import os
import posixpath
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from .catalog import Entry

FEED = "feed.xml"
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


def entry_xml(entry: Entry, base: str, updated: str, use_directory_urls: bool) -> str:
    url = base + page_url(entry.src, use_directory_urls)
    zh = (entry.meta.get("translations") or {}).get("zh") or {}
    summary = entry.meta.get("deck") or zh.get("summary") or ""
    lines = ["  <entry>", f"    <title>{escape(entry.title)}</title>",
             f'    <link rel="alternate" type="text/html" href="{escape(url)}"/>',
             f"    <id>{escape(url)}</id>", f"    <updated>{updated}</updated>"]
    lines += [f"    <author><name>{escape(a)}</name></author>" for a in entry.authors]
    if summary:
        lines.append(f"    <summary>{escape(str(summary))}</summary>")
    return "\n".join(lines + ["  </entry>"])


def feed_xml(entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> str:
    base = (site_url.rstrip("/") + "/") if site_url else "/"
    items = newest(entries)
    updated = rfc3339(items[0].date) if items else fallback_updated()
    head = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
            f"  <title>{escape(name)}</title>", f'  <link rel="alternate" href="{escape(base)}"/>',
            f'  <link rel="self" href="{escape(base + FEED)}"/>', f"  <id>{escape(base + FEED)}</id>",
            f"  <updated>{updated}</updated>", "  <generator>Broadsheet</generator>"]
    body = [entry_xml(e, base, rfc3339(e.date), use_directory_urls) for e in items]
    return "\n".join(head + body + ["</feed>"]) + "\n"


def write_feed(docs: Path, entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> Path:
    target = docs / FEED
    text = feed_xml(entries, name, site_url, use_directory_urls)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8", newline="\n")
    return target
