"""Rule: in a Markdown source, the heading level ranks a headline group: `#` is the headline.

Papers converted to Markdown mark the headline with the top level and the deck (or the
kicker) with lower ones: `# Growing pains` / `## Three buildings approved`. When an
article's headline group holds headings of different levels and one line alone has the
top level, that line is the title, the lines above it the kicker and those below it the
deck; the page header the group opened with (if any) stays the page.
"""

from __future__ import annotations

from bisect import bisect_left

from ..model import DROP, HEADING, Block
from ..state import State


def _group_of(blocks: list[Block], starts: list[int], first: int, last: int) -> list[Block]:
    """The headline blocks of an article (its range's headings before its first text line)."""
    group = []
    for block in blocks[bisect_left(starts, first):]:
        if block.lines[1] > last:
            break
        if block.meta.get("used_as") == "headline" and block.level:
            group.append(block)
        elif block.kind not in (DROP, HEADING):
            break
    return group


def rank_heading_levels(state: State) -> None:
    if not any(b.level for b in state.blocks):
        return
    blocks = sorted(state.blocks, key=lambda b: b.lines[0])
    starts = [b.lines[0] for b in blocks]
    for article in state.articles:
        first, last = article.lines
        group = [b for b in _group_of(blocks, starts, first, last) if b.text != article.page]
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
