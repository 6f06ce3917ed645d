"""PDF→Markdown dress: a composed page as a PDF-to-Markdown tool prints it.

Tools differ in how they mark what they saw on the page, and none of them knows what a
headline is: they mark text by font size or weight. So `#`, `##`, `###` or `**bold**` fall on
mastheads, page labels, kickers, headlines, decks and crossheads alike, and differently from
one tool (and one story) to the next. Each tool here is a habit seen in real output:

- mistral: Mistral OCR (`=====` / `PAGE n` / `=====` between pages, `![img-0.jpeg](img-0.jpeg)`);
- marker: `{0}------…` page separators, `![](_page_1_Picture_3.jpeg)`, bold or `###` crossheads;
- docling: every heading `##`, `<!-- image -->` for pictures;
- pymupdf: pymupdf4llm (`#`/`##` by font size, `**bold**` heads and bylines, `-----` between pages);
- pdftotext: plain text with form feeds between pages and bold headlines.

Every tool escapes `&` (and marker/docling `<`, `>`) as HTML entities. The gold is unchanged:
a correct converter reads the text behind the marks (`plain` undoes them, for the tests).
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass

from .model import Line, blank

HEAD_ROLES = ("masthead", "page_label", "running_head", "kicker", "headline", "deck", "crosshead", "byline",
              "byline_role", "caption", "credit", "advert_head")


@dataclass(frozen=True)
class Tool:
    name: str
    marks: dict  # role -> the marks the tool may give it ("#", "##", "###", "**", "*", "": none)
    images: tuple[str, ...]  # placeholder forms ({p}: page, {n}: picture number); () prints none
    page_marker: str  # the page.page_marker style this tool writes between pages
    top_marker: bool  # a page marker before page 1 too
    entities: str  # the characters written as HTML entities


TOOLS = {
    t.name: t
    for t in (
        Tool("mistral", {"masthead": ("#", ""), "page_label": ("#", ""), "kicker": ("##", ""), "headline": ("#", "##"),
                         "deck": ("##", "###", ""), "crosshead": ("##", "###"), "advert_head": ("#", "##", "")},
             ("![img-{n}.jpeg](img-{n}.jpeg)",), "rule", True, "&"),
        Tool("marker", {"masthead": ("#",), "page_label": ("##", "**"), "kicker": ("###", "####"),
                        "headline": ("#", "##"), "deck": ("##", "###"), "crosshead": ("###", "**"),
                        "byline": ("", "**"), "caption": ("", "*"), "advert_head": ("##", "###", "**")},
             ("![](_page_{p}_Picture_{n}.jpeg)", "![](_page_{p}_Figure_{n}.jpeg)"), "marker", True, "&<>"),
        Tool("docling", {r: ("##",) for r in ("masthead", "page_label", "kicker", "headline", "deck", "crosshead",
                                              "advert_head")},
             ("<!-- image -->",), "md_rule", False, "&<>"),
        Tool("pymupdf", {"masthead": ("#",), "kicker": ("**", ""), "headline": ("#", "##", "**"),
                         "deck": ("###", "**"), "crosshead": ("**",), "byline": ("**", ""), "caption": ("*", ""),
                         "advert_head": ("#", "**")},
             ("![](page-{p}-image-{n}.png)",), "md_rule", False, "&"),
        Tool("pdftotext", {"headline": ("**",), "crosshead": ("**",), "advert_head": ("**", "")}, (), "form_feed", False,
             "&"),
    )
}
ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def marked(text: str, mark: str) -> str:
    if not mark:
        return text
    if mark.startswith("#"):
        return f"{mark} {text}"
    return f"{mark}{text}{mark}"


def escaped(text: str, chars: str) -> str:
    return "".join(ENTITIES[c] if c in chars else c for c in text)


def dress(lines: list[Line], tool: Tool, boxed: bool, rng: random.Random) -> tuple[list[Line], list[str]]:
    """The page's lines as the tool prints them, and the placeholder texts no body may hold."""
    picks: dict[tuple, str] = {}
    out: list[Line] = []
    placeholders: list[str] = []
    page, pictures = 1, 0
    for index, line in enumerate(lines):
        if line.text.startswith(("{", "PAGE", "-----", "\f")) and line.role in ("page_marker", "blank"):
            page += 1
        first_of_figure = line.role in ("caption", "credit") and (index == 0 or lines[index - 1].role not in
                                                                   ("caption", "credit"))
        starts_story = line.extra.get("starts_article") and rng.random() < 0.2
        if tool.images and (first_of_figure or starts_story):
            pictures += 1
            text = rng.choice(tool.images).format(p=page - 1, n=pictures)
            out += [Line(text, "image"), blank()]
            placeholders.append(text)
        role = "advert_head" if line.role == "advert" and line.extra.get("set_large") else line.role
        if role in HEAD_ROLES and role in tool.marks:
            key = (role, line.article)
            mark = picks.setdefault(key, rng.choice(tool.marks[role]))
            line.text = marked(escaped(line.text, tool.entities), mark)
        elif line.role not in ("image", "page_marker", "blank"):
            line.text = escaped(line.text, tool.entities)
        out.append(line)
    if boxed:
        out = box_captions(out)
    return out, [p for p in placeholders if len(p) >= 6]


def box_captions(lines: list[Line]) -> list[Line]:
    """Caption and credit read from layout boxes: `| caption |`, `|---|`, `| credit |`."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if line.role not in ("caption", "credit"):
            out.append(line)
            continue
        line.text = f"| {line.text.replace('|', '/')} |"
        out.append(line)
        if index == 0 or lines[index - 1].role not in ("caption", "credit"):
            out.append(Line("|" + "-" * max(3, len(line.text) - 2) + "|", "table_rule", line.article))
    return out


def top_marker(tool: Tool) -> list[Line]:
    if not tool.top_marker:
        return []
    if tool.page_marker == "marker":
        return [Line("{0}" + "-" * 48, "page_marker"), blank()]
    return [Line("=" * 60, "page_marker"), Line("PAGE 1", "page_marker"), Line("=" * 60, "page_marker"), blank()]


HEAD_MARK = re.compile(r"^#{1,6}\s+")
WRAPPED = re.compile(r"^(\*\*|\*)(?P<inner>\S(?:.*\S)?)\1$")


def plain(text: str) -> str:
    """A dressed line's text without the tool's marks (the inverse of `dress`, for tests)."""
    text = HEAD_MARK.sub("", text)
    match = WRAPPED.match(text)
    if match:
        text = match.group("inner")
    return html.unescape(text)
