"""Rule: every non-empty source line becomes one block, with its line number."""

from __future__ import annotations

from ..model import PARA, Block
from ..state import State
from ..text import clean_space
from .run_on_lines import RUN_ON_CHARS, cut_run_on, is_run_on


def split_lines(state: State) -> None:
    """One block per non-empty line; `blank_before` records a paragraph gap above it, `gap_before`
    how many blank lines stand there (a wider gap sets stories apart on plain-text pages)."""
    blocks: list[Block] = []
    blanks = 0
    for number, raw in enumerate(state.source.text.split("\n"), start=1):
        if len(raw) >= RUN_ON_CHARS and is_run_on(raw):
            blocks += _run_on_blocks(state, raw, number)
            blanks = 0
            continue
        text = clean_space(raw)
        if text:
            blocks.append(Block(PARA, text, (number, number),
                                meta={"blank_before": blanks > 0 or not blocks, "gap_before": blanks}))
        blanks = 0 if text else blanks + 1
    state.blocks = blocks


def _run_on_blocks(state: State, raw: str, number: int) -> list[Block]:
    """A page delivered as one line (run_on_lines.py): one block per piece, all on its line number."""
    cleaned = [(p, text) for p in cut_run_on(raw) if (text := clean_space(p.text))]
    pieces = [p for p, _ in cleaned]
    state.note("split_lines", f"line {number}: a page set on one line, cut into {len(pieces)} pieces")
    blocks = [Block(PARA, text, (number, number),
                    meta={"blank_before": p.blank_before, "gap_before": p.gap, "run_on": p.role})
              for p, text in cleaned]
    for block, piece in zip(blocks, pieces):
        if piece.head and piece.gap >= 2:
            block.meta["opens_story"] = True  # a headline and its deck, or a headline over its text: a story starts
    return blocks
