"""Rule: in a Markdown source, the heading level ranks a headline group: `#` is the headline.

Papers converted to Markdown mark the headline with the top level and the deck (or the
kicker) with lower ones: `# Growing pains` / `## Three buildings approved`. When an
article's headline group holds headings of different levels and one line alone has the
top level, that line is the title, the lines above it the kicker and those below it the
deck; the page header the group opened with (if any) stays the page.
"""

from __future__ import annotations

from ..model import DROP, HEADING, Block
from ..state import State


def _group_of(state: State, first: int, last: int) -> list[Block]:
    """The headline blocks of an article (its range's headings before its first text line)."""
    group = []
    for block in state.blocks:
        if block.lines[0] < first or block.lines[1] > last or block.kind == DROP and not group:
            continue
        if block.meta.get("used_as") == "headline" and block.level:
            group.append(block)
        elif block.kind != DROP and block.kind != HEADING:
            break
    return group


def rank_heading_levels(state: State) -> None:
    for article in state.articles:
        first, last = article.lines
        group = [b for b in _group_of(state, first, last) if b.text != article.page]
        levels = [b.level for b in group]
        if len(group) < 2 or len(set(levels)) < 2 or levels.count(min(levels)) != 1:
            continue
        top = levels.index(min(levels))
        lines = [b.text for b in group]
        if lines[top] == article.title:
            continue
        state.note("rank_heading_levels", f"{article.title!r} -> {lines[top]!r} (heading level {min(levels)})")
        article.title = lines[top]
        article.section = " — ".join(lines[:top]) or None
        article.deck = " — ".join(lines[top + 1:]) or None
