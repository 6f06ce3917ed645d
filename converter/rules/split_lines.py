"""Rule: every non-empty source line becomes one block, with its line number."""

from __future__ import annotations

from ..model import PARA, Block
from ..state import State
from ..text import clean_space


def split_lines(state: State) -> None:
    """One block per non-empty line; `blank_before` records a paragraph gap above it, `gap_before`
    how many blank lines stand there (a wider gap sets stories apart on plain-text pages)."""
    blocks = []
    blanks = 0
    for number, raw in enumerate(state.source.text.split("\n"), start=1):
        text = clean_space(raw)
        if text:
            blocks.append(Block(PARA, text, (number, number),
                                meta={"blank_before": blanks > 0 or not blocks, "gap_before": blanks}))
        blanks = 0 if text else blanks + 1
    state.blocks = blocks
