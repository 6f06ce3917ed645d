"""Interleaved columns: OCR that reads a page's columns in the wrong order puts the tail of a column
above the page's first headline, where it continues no sentence.

`misplace_column` takes the last lines of one paragraph of the first story (three lines or more, from
a line that opens in lower case) and moves them right under the page's top furniture. The gold does
not change: a correct converter puts them back, so the paragraph reads whole again; the join at the
cut is added to the gold's joins. The moved lines' roles say which line they go on (`goes_on`).
"""

from __future__ import annotations

import random

from .model import BLANK, Line, blank

MOVED_LINES = 3  # a column's tail: this many lines at least


def misplace_column(lines: list[Line], joins: list[str], rng: random.Random) -> bool:
    """Move a column's tail of the first story above the first headline; False when no paragraph has one."""
    top = next((i for i, line in enumerate(lines) if line.extra.get("starts_article")), None)
    if top is None:
        return False
    choices = [(para, k) for para in _paragraphs(lines, 0) if _ends_paragraph(lines, para)
               for k in range(1, len(para) - MOVED_LINES + 1) if _cut_here(lines, para, k)]
    if not choices:
        return False
    para, k = rng.choice(choices)
    moved = [lines[i] for i in para[k:]]
    above = lines[para[k - 1]]
    moved[0].extra["goes_on"] = above.text.strip()
    joins.append(" ".join(above.text.split()[-3:] + moved[0].text.split()[:3]))
    for i in reversed(para[k:]):
        del lines[i]
    gap = [blank()] if top and lines[top - 1].role == BLANK else []  # set apart as the page sets its blocks
    lines[top:top] = moved + gap
    return True


def _paragraphs(lines: list[Line], article: int) -> list[list[int]]:
    """Index runs of one article's body lines that make one paragraph, each printed without a break."""
    paras: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.role != "body" or line.article != article:
            continue
        if line.continues and paras and paras[-1][-1] == i - 1:
            paras[-1].append(i)
        else:
            paras.append([i])
    return paras


def _ends_paragraph(lines: list[Line], para: list[int]) -> bool:
    """The run ends its paragraph: no later line of the article continues it."""
    later = next((line for line in lines[para[-1] + 1:] if line.role == "body" and line.article == 0), None)
    return later is None or not later.continues


def _cut_here(lines: list[Line], para: list[int], k: int) -> bool:
    before, first = lines[para[k - 1]].text.rstrip(), lines[para[k]].text.lstrip()
    return before[-1:].isalpha() and first[:1].islower()
