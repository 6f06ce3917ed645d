"""Rule: in hard-wrapped text, lines of one paragraph become one block again.

A source is hard-wrapped when most lines are short and sit next to other
non-empty lines (old-newspaper OCR, e-mail text). Lines that follow a blank
line start a new paragraph; a line ending in a hyphen joins the next word.
"""

from __future__ import annotations

import statistics

from ..model import HEADING, PARA, Block
from ..state import State
from ..dates import find_date
from ..text import ends_sentence
from .attach_metadata import SIGNATURE


def looks_hard_wrapped(blocks: list[Block]) -> bool:
    if len(blocks) < 8:
        return False
    lengths = [len(b.text) for b in blocks]
    glued = sum(1 for b in blocks if not b.meta.get("blank_before"))
    return statistics.median(lengths) <= 90 and glued / len(blocks) >= 0.6


def _starts_paragraph(previous: Block, block: Block, width: float) -> bool:
    """A blank line, or a short last line that ends a sentence, closes a paragraph."""
    if block.meta.get("blank_before") or block.meta.get("standalone") or previous.meta.get("standalone"):
        return True
    last_line = previous.meta.get("last_line", previous.text)
    return ends_sentence(last_line) and len(last_line) < 0.7 * width


def is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or len(text) > 50 or len(text.split()) > 8:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.8


def mark_caps_headlines(blocks: list[Block]) -> None:
    """Runs of one to four short lines in capitals are headline decks, not text to wrap."""
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and blocks[end].kind == PARA and is_caps_line(blocks[end].text):
            end += 1
        if 0 < end - index <= 4:
            for block in blocks[index:end]:
                block.kind, block.meta["caps"] = HEADING, True
                block.meta["dateline"] = find_date(block.text) is not None
        elif end == index and SIGNATURE.match(blocks[index].text):
            blocks[index].meta["standalone"] = True
        index = max(end, index + 1)


def join_wrapped_lines(state: State) -> None:
    if not looks_hard_wrapped(state.blocks):
        return
    mark_caps_headlines(state.blocks)
    for block in state.blocks:
        if block.meta.get("dateline"):
            state.issue.setdefault("date", find_date(block.text))
            state.drop(block, "masthead date line (kept as the issue's date)")
    width = statistics.median(len(b.text) for b in state.blocks)
    joined: list[Block] = []
    for block in state.blocks:
        previous = joined[-1] if joined else None
        if previous is None or block.kind != PARA or previous.kind != PARA or _starts_paragraph(previous, block, width):
            joined.append(block)
            continue
        if previous.text.endswith("-") and not previous.text.endswith(" -") and block.text[:1].islower():
            previous.text = previous.text[:-1]
            previous.extend(block, joiner="")
        else:
            previous.extend(block)
        previous.meta["last_line"] = block.text
    state.note("join_wrapped_lines", f"{len(state.blocks)} lines -> {len(joined)} paragraphs")
    state.blocks = joined
