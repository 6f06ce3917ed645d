"""Rule: every non-empty source line becomes one block, with its line number."""

from __future__ import annotations

from ..model import PARA, Block
from ..state import State
from ..text import clean_space


def split_lines(state: State) -> None:
    """One block per non-empty line; `blank_before` records a paragraph gap above it."""
    blocks = []
    previous_blank = True
    for number, raw in enumerate(state.source.text.split("\n"), start=1):
        text = clean_space(raw)
        if text:
            blocks.append(Block(PARA, text, (number, number), meta={"blank_before": previous_blank}))
        previous_blank = not text
    state.blocks = blocks
