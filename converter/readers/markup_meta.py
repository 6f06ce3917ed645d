"""Page-level metadata of news markup: a saved page's `<meta>` tags, a feed's own title."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bs4 import Tag

from ..model import PARA, Block
from ..urls import clean_url
from .common import Story
from .markup_fields import local, markup_date, names_of

if TYPE_CHECKING:
    from .markup import Reading

PAGE_META = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "date": ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publish-date",
             "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date"),
    "authors": ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author"),
    "url": ("canonical", "og:url"),
    "section": ("article:section", "parsely-section"),
    "publication": ("og:site_name", "application-name"),
}


def page_meta(reading: Reading, story: Story) -> None:
    """A saved web page's `<meta>` tags (Open Graph, article:*, Dublin Core) and canonical link fill the fields
    its elements did not give; `og:site_name` names the publication."""
    found: dict[str, str] = {}
    for tag in reading.tags_of(reading.soup):
        if tag.name == "meta" and tag.get("content"):
            key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
            found.setdefault(key, " ".join(str(tag["content"]).split()))
        elif tag.name == "link" and "canonical" in (tag.get("rel") or []) and tag.get("href"):
            found.setdefault("canonical", str(tag["href"]))
    head_title = story.fields.pop("_head_title", False)
    for field, keys in PAGE_META.items():
        value = next((found[k] for k in keys if found.get(k)), None)
        if not value or story.fields.get(field) or (field == "title" and story.title and not head_title):
            continue
        if field == "title":
            story.title = value
            story.title_blocks.append(Block(PARA, value, (1, 1), meta={"from_meta": True}))
        elif field == "date":
            story.fields["date"] = markup_date(value)
        elif field == "authors":
            story.fields["authors"] = names_of(value)
        elif field == "url":
            story.fields["url"] = clean_url(value)[0] if re.match(r"https?://\S+$", value) else None
        elif field == "publication":
            reading.state.issue.setdefault("publication", value)
        else:
            story.fields[field] = value


def feed_title(reading: Reading, stories: list[Tag]) -> None:
    """The `<title>` of the `<channel>` or `<feed>` the items stand in names the publication."""
    feed = next((p for p in stories[0].parents if isinstance(p, Tag) and local(p) in ("channel", "feed")), None)
    title = next((c for c in feed.children if isinstance(c, Tag) and local(c) == "title"), None) if feed else None
    if title is not None and (name := reading.text(title)):
        reading.state.issue["publication"] = name
        reading.state.blocks.append(Block(PARA, name, reading.lines(title), meta={"used_as": "metadata"}))
