"""Atom feeds (RFC 4287), written as static files into the docs folder: the newest articles of the
archive (`feed.xml`), and one feed per publication and per section (`feeds/publications/<slug>.xml`,
`feeds/sections/<slug>.xml`, the slug of the browse page that links to it)."""

from __future__ import annotations

import os
import posixpath
from datetime import datetime, timezone
from pathlib import Path
import xml.etree.ElementTree as ET

from ..escaping import xml_text
from ..writer import write_atomic
from .catalog import Entry
from ..languages import detect_language, stated_language
from ..wording import plural
from .listing import page_slug

FEED = "feed.xml"
FEEDS_DIR = "feeds"  # feeds/publications/<slug>.xml, feeds/sections/<slug>.xml
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)
NEWEST = 50
GENERATOR = "Broadsheet"
UNDATED_NOTE = ("Undated: the source gives no day of publication; this entry's updated time is the time "
                "the archive was built.")


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


def undated(entries: list[Entry]) -> list[Entry]:
    """Articles without a full date, in archive order (issue, then source order)."""
    return sorted((e for e in entries if len(e.date) < 10), key=lambda e: e.order_key())


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; text and attribute values pass `xml_text` (characters XML forbids replaced) and
    are escaped by the XML writer."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        child.text = xml_text(text)
    return child


def entry_language(entry: Entry) -> str | None:
    """The article's stated `language`, else the one its headline and lede are written in."""
    return stated_language(entry.meta) or detect_language(f"{entry.title} {entry.lede}")


def entry_authors(entry: Entry) -> list[str]:
    """RFC 4287 §4.1.2: the article's authors; when the byline names none, the publication."""
    if entry.authors:
        return entry.authors
    publication = entry.meta.get("publication") or entry.meta.get("collected_in")
    return [str(publication)] if publication else []


def entry_element(feed: ET.Element, entry: Entry, base: str, updated: str, use_directory_urls: bool) -> None:
    """One `<entry>`: id, title, updated (required), link, author, `xml:lang`; an undated article says so."""
    url = base + page_url(entry.src, use_directory_urls)
    zh = (entry.meta.get("translations") or {}).get("zh") or {}
    summary = str(entry.meta.get("deck") or (zh.get("summary") if isinstance(zh, dict) else "") or entry.lede or "")
    item = _add(feed, "entry")
    language = entry_language(entry)
    if language:
        item.set(XML_LANG, language)
    _add(item, "title", entry.title)
    _add(item, "link", rel="alternate", type="text/html", href=url)
    _add(item, "id", url)
    _add(item, "updated", updated)
    if len(entry.date) >= 10:
        _add(item, "published", rfc3339(entry.date))
    for author in entry_authors(entry):
        _add(_add(item, "author"), "name", author)
    if len(entry.date) < 10:
        _add(item, "category", term="undated", label="Undated")
        _add(item, "content", UNDATED_NOTE, type="text").set(XML_LANG, "en")
    if summary:
        own = detect_language(summary)  # a digest's Chinese summary of an English article
        element = _add(item, "summary", summary)
        if own and own != language:
            element.set(XML_LANG, own)


def feed_xml(entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True,
             path: str = FEED, title: str | None = None, with_undated: bool = False) -> str:
    """An Atom feed, written by a real XML writer: it always parses, whatever the articles hold.

    The archive is the feed's `<author>`, so every entry has one (its own, or the archive's). The
    newest dated articles come first; undated ones (`with_undated`: publication and section feeds)
    follow them as room allows, each with `<updated>` the build time (SOURCE_DATE_EPOCH), a `<content>`
    note saying so and the category `undated`. The main feed lists dated articles only; a feed that
    leaves undated articles out says how many in its `<subtitle>`."""
    base = (site_url.rstrip("/") + "/") if site_url else "/"
    dated = newest(entries)
    extra = undated(entries)[:NEWEST - len(dated)] if with_undated else []
    build_time = fallback_updated()
    updated = max(([rfc3339(dated[0].date)] if dated else []) + ([build_time] if extra or not dated else []))
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", title or name)
    left_out = sum(len(e.date) < 10 for e in entries) - len(extra)
    if left_out:
        where = ("beyond the newest" if with_undated else
                 "they are listed after the dated ones in their publication's and section's feeds")
        _add(feed, "subtitle", f"The newest dated articles first. {plural(left_out, 'undated article')} "
                               f"not in this feed ({where}).")
    _add(feed, "link", rel="alternate", href=base)
    _add(feed, "link", rel="self", href=base + path)
    _add(feed, "id", base + path)
    _add(feed, "updated", updated)
    _add(_add(feed, "author"), "name", name)
    _add(feed, "generator", GENERATOR)
    for entry in dated:
        entry_element(feed, entry, base, rfc3339(entry.date), use_directory_urls)
    for entry in extra:
        entry_element(feed, entry, base, build_time, use_directory_urls)
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


FEED_FACETS = ("publications", "sections")  # browse facets that get a feed of their own


def feed_src(folder: str, name: str) -> str:
    """The feed of one publication or section, named like its browse page (`browse/<folder>/<slug>.md`)."""
    return f"{FEEDS_DIR}/{folder}/{page_slug(str(name))}.xml"


def all_feeds(entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> dict[str, str]:
    """Path under the docs folder → feed text: the archive's, and one per publication and section."""
    from .browse import FACETS, facet_groups

    feeds = {FEED: feed_xml(entries, name, site_url, use_directory_urls)}
    for folder in FEED_FACETS:
        singular, values = FACETS[folder][1], FACETS[folder][2]
        for label, members in facet_groups(entries, values).values():
            path = feed_src(folder, label)
            feeds[path] = feed_xml(members, name, site_url, use_directory_urls, path=path,
                                   title=f"{label} ({singular.lower()}) · {name}", with_undated=True)
    return feeds


def write_feeds(docs: Path, entries: list[Entry], name: str, site_url: str, use_directory_urls: bool = True) -> list[str]:
    """Write the feeds whose text changed and remove feeds this archive no longer has (only files in
    the feeds folder that Broadsheet generated)."""
    feeds = all_feeds(entries, name, site_url, use_directory_urls)
    for path, text in feeds.items():
        target = docs / path
        if not target.exists() or target.read_bytes() != text.encode("utf-8"):
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
    for old in sorted((docs / FEEDS_DIR).glob("*/*.xml")):
        if old.relative_to(docs).as_posix() not in feeds and _generated(old):
            old.unlink()
    return sorted(feeds)


def _generated(path: Path) -> bool:
    try:
        return f"<generator>{GENERATOR}</generator>" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
