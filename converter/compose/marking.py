"""Paragraph marking conventions: how a paper's (or an OCR engine's) lines show where paragraphs end.

Each convention turns a story's body pieces into physical lines, each with its
role and a `continues` flag, and reports the gold `joins` its own breaks create
(a column break or a hyphenated word inside a paragraph must be rejoined).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .model import BLANK, Line, Piece, blank

NO_LINE_START = set("，。、；：？！”’）》」』,.;:?!)")


@dataclass(frozen=True)
class Marking:
    name: str
    wrap: tuple[int, int] | None  # line width range (Latin script); None: a paragraph is one line
    indent: bool = False  # first line of a paragraph indented, no blank line between paragraphs
    between: int = 0  # blank lines between paragraphs
    around_blocks: int = 0  # blank lines around headings, captions, adverts
    column_breaks: bool = False  # blank lines fall every few lines, inside paragraphs too


MARKINGS = {
    m.name: m
    for m in (
        Marking("blank", None, between=1, around_blocks=1),
        Marking("oneline", None),
        Marking("indent_wrap", (58, 72), indent=True),
        Marking("wrap_blank", (56, 76), between=1, around_blocks=1),
        Marking("column", (28, 40), around_blocks=1, column_breaks=True),
    )
}


LATIN_RUN = re.compile(r"[^\u3000-\u9fff\uff00-\uffef]+|.")


def tokens_of(text: str, lang: str) -> tuple[list[str], str]:
    """Words (or, in Chinese, characters; a run of Latin letters, digits and spaces stays whole)."""
    if lang == "zh":
        out, glue = [], False
        for tok in LATIN_RUN.findall(text):
            if out and (glue or tok.isspace()):  # a line never starts or ends at a space
                out[-1] += tok
            else:
                out.append(tok)
            glue = tok.isspace()
        return out, ""
    words, out = text.split(), []
    for w in words:  # a word ending in "-" ("low- and") never ends a line: it stays with the next
        if out and out[-1].endswith("-") and len(out[-1]) > 1:
            out[-1] += " " + w
        else:
            out.append(w)
    return out, " "


def splittable(token: str) -> bool:
    return len(token) >= 8 and token.isalpha() and token.islower()


def wrap(tokens: list[str], width: int, joiner: str, hyphenate: bool, rng: random.Random):
    """Greedy fill. Returns [(text, index of its first token)] and the indices of hyphenated tokens."""
    lines, splits, line, length, first, i, pending = [], [], [], 0, 0, 0, None
    while i < len(tokens):
        tok = tokens[i] if pending is None else pending
        add = len(tok) + (len(joiner) if line else 0)
        if not line or length + add <= width or (tok[:1] in NO_LINE_START):
            line.append(tok)
            length, pending, i = length + add, None, i + 1
            continue
        room = width - length - len(joiner) - 1
        if hyphenate and pending is None and splittable(tok) and 3 <= room <= len(tok) - 3 and rng.random() < 0.5:
            line.append(tok[:room] + "-")
            splits.append(i)
            pending = tok[room:]
        lines.append((joiner.join(line), first))
        line, length, first = [], 0, i
    if line:
        lines.append((joiner.join(line), first))
    return lines, splits


def wrap_short_tail(tokens, width, joiner, hyphenate, rng):
    """Wrap so that the paragraph's last line is visibly short (how a column shows a paragraph end)."""
    for w in range(width, max(8, width - 10), -1):
        lines, splits = wrap(tokens, w, joiner, hyphenate, random.Random(rng.random()))
        if len(lines) == 1 or len(lines[-1][0]) <= 0.75 * width:
            return lines, splits
    return lines, splits


def window(tokens: list[str], at: int, joiner: str, lang: str, skip: int = 0) -> str:
    """The gold join text around token `at`, never reaching into the first `skip` (dateline) tokens."""
    span = 6 if lang == "zh" else 3
    return joiner.join(tokens[max(skip, at - span): at + span])


class BodyWriter:
    """Writes one story's body pieces as lines under one marking convention."""

    def __init__(self, marking: Marking, lang: str, article: int, rng: random.Random, hyphenate: bool):
        self.m, self.lang, self.article, self.rng, self.hyphenate = marking, lang, article, rng, hyphenate
        scale = 0.45 if lang == "zh" else 1.0
        self.width = int(rng.randint(*marking.wrap) * scale) if marking.wrap else 0
        self.lines: list[Line] = []
        self.joins: list[str] = []
        self.since_break = 0
        self.break_every = rng.randint(7, 13)

    def write(self, pieces: list[Piece]) -> tuple[list[Line], list[str]]:
        previous = None
        for piece in pieces:
            self.separate(previous, piece)
            if piece.kind == "text":
                self.paragraph(piece)
            elif piece.kind == "crosshead":
                self.lines.append(Line(piece.text, "crosshead", self.article))
            else:
                self.lines.extend(piece.lines)
            previous = piece
        return self.lines, self.joins

    def separate(self, previous: Piece | None, piece: Piece) -> None:
        if previous is None:
            return
        if piece.kind != "text" or previous.kind != "text":
            count = self.m.around_blocks
        else:
            count = 0 if piece.resume and not piece.column else self.m.between
        self.lines.extend(blank() for _ in range(count))
        if count:
            self.since_break = 0

    def paragraph(self, piece: Piece) -> None:
        printed = piece.prefix + piece.text
        tokens, joiner = tokens_of(printed, self.lang)
        skip = len(tokens_of(piece.prefix, self.lang)[0]) if piece.prefix else 0
        self.joins += piece.joins
        if not self.width:
            spans, splits = [(printed, 0)], []
        elif self.m.column_breaks:
            spans, splits = wrap_short_tail(tokens, self.width, joiner, self.hyphenate, self.rng)
        else:
            spans, splits = wrap(tokens, self.width, joiner, self.hyphenate, self.rng)
        self.joins += [window(tokens, i, joiner, self.lang, skip) for i in splits[:2] if i > skip]
        for n, (text, first) in enumerate(spans):
            if n and self.m.column_breaks and self.since_break >= self.break_every:
                self.lines.append(blank())
                self.since_break = 0
                if first > skip:
                    self.joins.append(window(tokens, first, joiner, self.lang, skip))
            indent = self.indent() if n == 0 and self.m.indent and not piece.resume else ""
            line = Line(indent + text, "body", self.article, continues=bool(n) or piece.resume)
            if n == 0:
                line.extra.update(piece.lead)
            self.lines.append(line)
            self.since_break += 1

    def indent(self) -> str:
        return "\u3000\u3000" if self.lang == "zh" else " " * self.rng.choice((2, 3, 5))


def strip_blank_runs(lines: list[Line]) -> list[Line]:
    """No blank line at the very start; never more than three in a row."""
    out: list[Line] = []
    run = 0
    for line in lines:
        run = run + 1 if line.role == BLANK else 0
        if (line.role == BLANK and not out) or run > 3:
            continue
        out.append(line)
    return out


RUN_ON_JOINERS = {"gaps": "  ", "spaces": " "}


def run_on(lines: list[Line], style: str) -> tuple[str, list[Line]]:
    """A page delivered as one line (an OCR export that joins every line): lines joined by a space,
    blocks (lines a blank line sets apart) by RUN_ON_JOINERS[style]; the lines keep their roles, all on
    line 1 of the file."""
    text, gap = "", False
    for line in lines:
        if line.role == BLANK:
            gap = bool(text)
            continue
        text += (RUN_ON_JOINERS[style] if gap else " ") * bool(text) + line.text.strip()
        gap = False
    return text, [line for line in lines if line.role != BLANK]
