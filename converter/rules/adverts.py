"""Rule `drop_adverts` (after paragraphs are joined): a block that is a reading notice or advert
(`… —Advt.`, a phone number or price with a sale word, `FOR SALE`, `WANTED`, a capitals sale
banner, a short boxed line closing on a phone number) goes, with any capitals heading right above it
that belongs to it. `mark_notices` marks a reading notice's lines before they are joined; page
furniture (page_furniture.py) calls it.
"""

from __future__ import annotations

import re

from ..model import DROP, HEADING, PARA, Block
from ..state import State
from ..text import is_upper_label, word_count
from .layout_settings import FURNITURE

FOUR_DIGITS = re.compile(r"\d{4}")  # what a PHONE number holds: tried first, it lets most lines through at once
ADVT = re.compile(r"[-—–]\s*\W?[lI1|]?Ad(?:v|vt|vL|vl|vert)\.?\)?[\s,.;:'\"|\d]*$")
PHONE = re.compile(r"(?:\b(?:tel|phone|call|téléphone|telefon|fernsprecher|电话)\b\.?\s*[:：]?\s*)?"
                   r"(?:\(\d{2,4}\)\s*)?\d{3,4}[-. ]\d{4}\b", re.I)
SALE = re.compile(r"\b(?:sale|off|discount|bargain|reduced|free|for sale|wanted|to let|for rent|offer|"
                  r"rabatt|angebot|soldes|prix)\b|\d+\s*%", re.I)
PRICE_TAG = re.compile(r"[$£€¥]\s?\d|\d+\s*%")
WANT_AD = re.compile(r"^(?:FOR SALE|WANTED|TO LET|FOR RENT|LOST|FOUND|HELP WANTED|SITUATIONS? WANTED)\b")


NOTICE_LINES = 8  # a reading notice runs to at most this many lines before its Advt. mark


def mark_notices(blocks: list[Block]) -> None:
    """Lines of a reading notice, before paragraphs are joined: the line ending in `—Advt.` and the
    lines above it back to the last one that ends a sentence (the end of the text before it)."""
    from .paragraph_marking import line_closes

    for index, block in enumerate(blocks):
        if block.kind != PARA or "Ad" not in block.text or not ADVT.search(block.text[-FURNITURE.advt_tail:]):
            continue
        block.meta["notice"] = True
        above = index - 1
        while above >= 0 and index - above <= NOTICE_LINES and blocks[above].kind in (PARA, DROP):
            if blocks[above].kind == PARA:
                if line_closes(blocks[above].text):
                    break
                blocks[above].meta["notice"] = True
            above -= 1


def advert_reason(text: str) -> str | None:
    if "Ad" in text and ADVT.search(text[-FURNITURE.advt_tail:]):  # ADVT needs its `Ad`
        return "advert (reading notice marked Advt.)"
    if WANT_AD.match(text):
        return "classified advert"
    if len(text) <= 160 and FOUR_DIGITS.search(text) and PHONE.search(text) and SALE.search(text):
        return "advert (phone number and offer)"
    if is_sale_banner(text):
        return "advert (sale banner)"
    if is_contact_line(text):
        return "advert (a short line closing on a phone number)"
    return None


YEAR_SPAN = re.compile(r"(?:1[5-9]|20)\d\d[-. ](?:1[5-9]|20)\d\d")


def is_contact_line(text: str) -> bool:
    """A short line that closes on a phone number with no sentence end (`Hamlin Furniture, 12 Main St.
    Call 555-0134`, `Riverside Motors  Open Sundays  555-0199`): an advert's or a notice's contact, set
    in a box. Running text that gives a number says so in a sentence that ends with its full stop."""
    if len(text) > FURNITURE.contact_chars or not any(c.isdigit() for c in text[-4:]):
        return False
    found = [m for m in PHONE.finditer(text)]
    if not found or text[found[-1].end():].strip():
        return False
    return not YEAR_SPAN.fullmatch(found[-1].group(0).strip())


def is_sale_banner(text: str) -> bool:
    """A short line in capitals offering goods at a price (`SPRING SALE 30% OFF`)."""
    if len(text) > 60:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return False
    return len(SALE.findall(text)) >= 2 or bool(SALE.search(text) and PRICE_TAG.search(text))


def drop_adverts(state: State) -> None:
    """Adverts and notices, once lines are paragraphs, with the heading that tops them: capitals
    lines, or a short label line standing by itself right above the notice (`Poland: poland::`)."""
    for index, block in enumerate(state.blocks):
        reason = advert_reason(block.text) if block.kind == PARA else None
        if block.kind == PARA and block.meta.get("notice") and not reason:
            reason = "advert (reading notice marked Advt.)"
        if not reason:
            continue
        state.drop(block, reason)
        state.note("drop_adverts", f"line {block.lines[0]}: {reason}")
        above = index - 1
        while above >= 0 and state.blocks[above].kind in (HEADING, DROP):
            if state.blocks[above].kind == HEADING and state.blocks[above].meta.get("caps"):
                state.drop(state.blocks[above], "advert heading")
            above -= 1
        if above >= 0 and above == index - 1 and state.blocks[above].kind == PARA \
                and word_count(state.blocks[above].text) <= 6 and (state.blocks[above].meta.get("alone") or (
                    is_upper_label(state.blocks[above].text) and not block.meta.get("blank_before"))):
            state.drop(state.blocks[above], "advert heading")  # a label over it, or capitals set with it
