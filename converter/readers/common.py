"""What the structured readers share: source lines, paragraph marking, stories → articles.

A structured reader (wire transmission, news markup) finds stories in a source
and gives each one as a `Story`: its headline, metadata and paragraphs, every
piece a Block with the source lines it came from. `publish` turns stories into
the state's articles; every line a reader used as metadata stays in
`state.blocks` marked `used_as`, so the conversion report names the words no
front-matter field kept, and every line it left out is dropped with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import DROP, PARA, Article, Block, Dropped, Provenance
from ..state import State
from ..text import ends_sentence
from ..urls import clean_urls_in_text

INDENT = re.compile(r"^(?: {2,}|\t)")
BLANKISH = re.compile(r"^[\s\u00a0]*$")


@dataclass
class Line:
    number: int  # 1-based line of the source
    raw: str  # as read (control characters already removed)

    @cached_property
    def text(self) -> str:
        return " ".join(self.raw.split())

    @property
    def indented(self) -> bool:
        return bool(INDENT.match(self.raw)) and bool(self.text)

    @property
    def blank(self) -> bool:
        return bool(BLANKISH.match(self.raw))


@dataclass
class Story:
    """One story a structured reader found, before it becomes an Article."""

    title: str = ""
    title_blocks: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    meta_blocks: list[Block] = field(default_factory=list)  # lines read as metadata (kept out of the body)
    fields: dict = field(default_factory=dict)  # Article attributes: date, authors, source_agency, url, deck …
    lines: tuple[int, int] = (0, 0)


def block(kind: str, text: str, first: int, last: int | None = None, **meta) -> Block:
    return Block(kind, text, (first, last if last is not None else first), meta=dict(meta))


def metadata(state: State, story: Story, text: str, lines: tuple[int, int], used_as: str = "metadata",
             kind: str = PARA) -> Block:
    """A source line read as metadata: kept in the state (for the report), never in the body."""
    found = Block(kind, text, lines, meta={"used_as": used_as})
    state.blocks.append(found)
    story.meta_blocks.append(found)
    return found


def dropped(state: State, text: str, lines: tuple[int, int], reason: str) -> Block:
    """A source line left out of every article, with the reason."""
    found = Block(PARA, text, lines)
    state.blocks.append(found)
    state.drop(found, reason)
    return found


def paragraph_marking(lines: list[Line]) -> str:
    """How a run of body lines marks its paragraphs: `indent`, `blank`, `wrapped` or `line`.

    Indentation: several text lines start indented below lines that do not (Reuters,
    Kyodo, ANPA copy). Blank lines with hard-wrapped lines between them: `blank`.
    Otherwise lines that end a sentence one after another are one paragraph each
    (`line`), and lines that mostly run on are `wrapped`.
    """
    text = [ln for ln in lines if not ln.blank]
    if not text:
        return "line"
    indented = sum(1 for ln in text if ln.indented)
    if indented >= 2 and indented < len(text):
        return "indent"
    runs_on = sum(1 for a, b in zip(text, text[1:]) if not ends_sentence(a.text) and b.number == a.number + 1)
    blanks = any(ln.blank for ln in lines[1:-1])
    if runs_on >= max(2, (len(text) - 1) // 2):
        return "blank" if blanks else "wrapped"
    return "line"


def paragraphs(lines: list[Line], marking: str | None = None) -> list[Block]:
    """Paragraph blocks from body lines, marked as `paragraph_marking` finds (or as told)."""
    marking = marking or paragraph_marking(lines)
    result: list[Block] = []
    current: Block | None = None
    previous_blank = True
    for line in lines:
        if line.blank:
            previous_blank = True
            if marking in ("blank", "indent", "wrapped"):
                current = None
            continue
        starts = (current is None or marking == "line" or (marking == "indent" and line.indented)
                  or (marking in ("blank", "wrapped") and previous_blank))
        if starts:
            current = block(PARA, line.text, line.number)
            result.append(current)
        else:
            _join_line(current, line)
        previous_blank = False
    return result


def _join_line(current: Block, line: Line) -> None:
    """A wrapped line goes on with the paragraph (a hyphen at a break within a word joins it)."""
    if current.text.endswith("-") and not current.text.endswith(" -") and line.text[:1].islower() \
            and current.text[-2:-1].isalpha():
        current.text = current.text[:-1] + line.text
    else:
        current.text += " " + line.text
    current.lines = (current.lines[0], line.number)


def publish(state: State, stories: list[Story]) -> None:
    """Stories → the state's articles (in source order), their blocks added to the state."""
    for story in stories:
        if not story.title and not story.body:
            continue
        article = Article(title=story.title or _first_words(story), order=len(state.articles))
        article.untitled = not story.title
        for name, value in story.fields.items():
            if value not in (None, "", [], {}):
                setattr(article, name, value)
        for head in story.title_blocks:
            head.meta["used_as"] = "headline"
            state.blocks.append(head)
        _remove_tracking(state, story.body)
        state.blocks.extend(story.body)
        article.body = list(story.body)
        article.stub = not any(b.kind == PARA for b in story.body)
        lines = story.lines if story.lines != (0, 0) else _span(story)
        article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
        state.articles.append(article)


def _remove_tracking(state: State, body: list[Block]) -> None:
    for found in body:
        found.text, removed = clean_urls_in_text(found.text)
        if removed:
            state.dropped.append(Dropped(state.source.name, found.lines, "&".join(removed),
                                         "tracking parameters removed from the address"))


def _span(story: Story) -> tuple[int, int]:
    found = [b.lines for b in story.title_blocks + story.body + story.meta_blocks]
    return (min(a for a, _ in found), max(b for _, b in found)) if found else (1, 1)


def _first_words(story: Story) -> str:
    text = next((b.text for b in story.body if b.kind == PARA), "Untitled")
    words = text.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def account_for_lines(state: State, lines: list[Line], reason: str) -> None:
    """Every non-blank line a reader did not read is dropped with the given reason."""
    for line in lines:
        if not line.blank:
            dropped(state, line.text, (line.number, line.number), reason)


def live(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind != DROP]
