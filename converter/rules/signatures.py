"""Signatures on a page: a name or initials that sign a story off (`JOHN MILLER.`, `A. T. J.`)
close the text above them; set in capitals or marked as a heading they are not a headline, and
unheaded text below them is a filler item of its own, not the signed story's. segment_page.py calls
`demote_signatures` before it splits the page at heading groups."""

from __future__ import annotations

from ..model import DROP, HEADING, PARA, Block
from ..text import ends_sentence
from .attach_metadata import SIGNATURE as SIGNATURE_INITIALS, is_signature


def demote_signatures(blocks: list[Block]) -> None:
    """A heading right after text that is a signature (`JOHN MILLER.` before the next headline) is text."""
    live = [b for b in blocks if b.kind != DROP]
    right_after_text = {id(b) for before, b in zip(blocks, blocks[1:]) if before.kind == PARA}
    for index, block in enumerate(live):
        if block.kind == PARA and 0 < index < len(live) - 1 and _initials_before_filler(live, index):
            block.meta["signs_off"] = True
        if block.kind != HEADING or index == 0 or id(block) not in right_after_text:
            continue  # a signature closes the text right above it, with no furniture between
        closes = index + 1 == len(live) or live[index + 1].kind == HEADING
        if closes and block.meta.get("caps") and index + 1 < len(live) and live[index + 1].meta.get("caps"):
            continue  # the top line of a stack of capitals lines is a headline, not a name signing off
        if is_signature(block.text, closes):
            block.kind, block.meta["signature"] = PARA, True
        elif _signs_off_before_filler(live, index):
            block.kind, block.meta["signs_off"], block.meta["signature"] = PARA, True, True


def _initials_before_filler(live: list[Block], index: int) -> bool:
    """`A. T. J.` on its own line after a finished paragraph, with unheaded text (a filler quote)
    below: the initials sign the story off; the text below is not the story's."""
    before, after = live[index - 1], live[index + 1]
    return (before.kind == PARA and after.kind == PARA and ends_sentence(before.text)
            and bool(SIGNATURE_INITIALS.match(live[index].text)))


def _signs_off_before_filler(live: list[Block], index: int) -> bool:
    """`## WILLIAM COVERT.` after a finished paragraph, then more text with no headline: the name
    signs the story off and the text below is a filler item of its own (weeklies fill a column's
    foot with unheaded paragraphs). Only a line the PDF→Markdown tool marked as a heading: on an
    OCR page a capitals headline (`RIOTOUS STUDENTS.`) reads the same and heads the text below."""
    block, before = live[index], live[index - 1]
    after = live[index + 1] if index + 1 < len(live) else None
    return (block.level > 0 and after is not None and after.kind == PARA and before.kind == PARA and ends_sentence(before.text)
            and is_signature(block.text, closes=True) and not SIGNATURE_INITIALS.match(block.text))
