"""The element names each family of news markup gives a story's parts.

One table per family, tried in this order: the first whose story element
occurs in a file reads it. Names are local names, lower case (prefixes such as
`nitf:` are ignored), so NITF inside NewsML, XHTML and SGML all match.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str
    stories: tuple[str, ...]  # the element that holds one story
    title: tuple[str, ...]
    body: tuple[str, ...]  # the element holding the text (the story element itself when none)
    deck: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    dateline: tuple[str, ...] = ()
    url: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    agency: tuple[str, ...] = ()
    date_attributes: tuple[str, ...] = ("norm", "datetime", "value", "content")


# NITF (IPTC News Industry Text Format): head/title, hedline/hl1, hl2, byline, dateline, body.content.
NITF = Family(
    "NITF", stories=("nitf",), title=("hl1", "title"), body=("body.content",), deck=("hl2",),
    date=("date.issue", "date.release", "story.date", "pubdata"), byline=("byline",), dateline=("dateline",),
    url=("doc-id",), section=("tobject.subject",), agency=("distributor", "copyrite.holder"),
)
# NewsML-G2 (newsItem: itemMeta, contentMeta with headline/by/dateline, contentSet with inline XHTML or NITF)
# and NewsML 1 (NewsItem: HeadLine, ByLine, DateLine, DataContent).
NEWSML = Family(
    "NewsML", stories=("newsitem",), title=("headline", "hl1", "title"),
    body=("inlinexml", "datacontent", "body.content", "body"), deck=("subheadline", "hl2", "subheadline"),
    date=("contentcreated", "firstcreated", "versioncreated", "date.issue"), byline=("by", "byline", "creditline"),
    dateline=("dateline",), url=("link",), agency=("provider", "copyrightholder"),
)
# SGML collections (TREC, LDC, Reuters corpora): <DOC><DOCNO>…<HEADLINE>…<TEXT><P>…; records of any other
# name holding these elements (`<REUTERS>`, `<story>`) are added by markup_records.record_names.
SGML = Family(
    "SGML collection", stories=("doc",), title=("headline", "hl", "title", "head", "hd"),
    body=("text", "body", "leadpara"), deck=("subhead", "sub-headline"), date=("date", "date_time", "dd", "pubdate"),
    byline=("byline", "by", "author"), dateline=("dateline", "dl"), url=("url",), section=("section",),
    agency=("source", "so"),
)
# What crawlers and feeds save: RSS items, Atom entries, <record>/<article> XML wrappers, HTML articles.
CRAWLED = Family(
    "crawled page", stories=("item", "entry", "record", "post", "article", "html", "page", "document", "news"),
    title=("title", "headline", "h1"),
    body=("content", "content:encoded", "encoded", "body", "text", "article-body", "maintext", "description", "summary"),
    deck=("subtitle", "standfirst", "h2"),
    date=("pubdate", "date", "published", "updated", "time", "datetime", "dc:date", "date_publish", "timestamp"),
    byline=("byline", "author", "creator", "dc:creator"), url=("url", "link", "guid", "canonical", "source_url"),
    section=("category", "section"), agency=("source", "publisher"),
)
FAMILIES = (NITF, NEWSML, SGML, CRAWLED)
