"""Which kind of source a file is, from its text alone.

Kinds: `digest` (a feed digest: entries with addresses or timestamps, or
translated summaries), `pdf-markdown` (a page converted to Markdown: ATX
headings, entities, bold crossheads), `ocr-page` (text of a laid-out page:
several articles, bylines, jump lines, or hard-wrapped OCR), `article` (one
headline and its text), `generic` (anything else).
"""

from __future__ import annotations

import re

from .rules.find_bylines import parse_byline
from .rules.find_jump_lines import JUMP_FROM
from .rules.feed_markup import AUTOLINK, TAG
from .text import is_upper_label
from .urls import bare_url

KINDS = ("ocr-page", "pdf-markdown", "article", "digest", "generic", "wire", "news-markup")
ATX = re.compile(r"^#{1,6}\s+\S")
TIMESTAMP = re.compile(r"^(?:发布时间\s*[:：]\s*)?\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}[ T]\d{1,2}:\d{2}")
SUMMARY = re.compile(r"^(中文标题|内容摘要)\s*[:：]")
LINK_HEADING = re.compile(r"^#{2,6}\s+\[.+\]\(https?://")


def detect_kind(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    nonblank = [line for line in lines if line]
    if not nonblank:
        return "generic"
    counts = {
        "atx": sum(1 for line in nonblank if ATX.match(line)) + _setext_headings(lines),
        "stamps": sum(1 for line in nonblank if TIMESTAMP.match(line)),
        "summaries": sum(1 for line in nonblank if SUMMARY.match(line)),
        "urls": sum(1 for line in nonblank if bare_url(line)),
        "link_headings": sum(1 for line in nonblank if LINK_HEADING.match(line)),
        "bylines": sum(1 for line in nonblank if parse_byline(line)),
        "jumps": sum(1 for line in nonblank if JUMP_FROM.match(line)),
    }
    counts["linked_headings"] = _headings_with_links(nonblank)
    if counts["summaries"] >= 2 or counts["stamps"] >= 3 or counts["link_headings"] >= 3:
        return "digest"
    if counts["linked_headings"] >= 3 and counts["linked_headings"] >= counts["atx"] / 2:
        return "digest"
    if counts["atx"] >= 2:
        return "pdf-markdown"
    if counts["bylines"] + counts["jumps"] >= 2 or _page_shaped(nonblank):
        return "ocr-page"
    if _hard_wrapped(nonblank, lines):
        return "ocr-page"
    if len(nonblank) >= 2 and len(nonblank[0]) <= 200:
        return "article"
    return "generic"


def _page_shaped(nonblank: list[str]) -> bool:
    """A page header in capitals over a headline, or a byline below the top: a page, not one article."""
    if len(nonblank) >= 3 and is_upper_label(nonblank[0]) and len(nonblank[0]) <= 40 and not is_upper_label(nonblank[1]):
        return True
    return any(parse_byline(line) or JUMP_FROM.match(line) for line in nonblank[4:])


def _setext_headings(lines: list[str]) -> int:
    return sum(1 for above, below in zip(lines, lines[1:]) if above and re.fullmatch(r"(=+|-{3,})", below))


def _headings_with_links(nonblank: list[str]) -> int:
    """ATX headings whose next text line (layout tags aside) is only an address: a link digest."""
    texts = [TAG.sub("", AUTOLINK.sub(r"\1", line)).strip() for line in nonblank]
    texts = [t for t in texts if t]
    return sum(1 for i, t in enumerate(texts[:-1]) if ATX.match(t) and bare_url(texts[i + 1]))


def _hard_wrapped(nonblank: list[str], lines: list[str]) -> bool:
    if len(nonblank) < 10:
        return False
    short = sum(1 for line in nonblank if len(line) <= 90)
    blank = len(lines) - len(nonblank)
    return short / len(nonblank) >= 0.7 and blank / max(len(lines), 1) < 0.3
