"""Rule: a line that is a photo or illustration caption becomes a CAPTION block.

Recognised shapes (the credit is what names the photographer or agency):
- `Caption text. (PHOTO: XINHUA)`, `(COURTESY PHOTO)`, `(XINHUA PHOTO)`
- `Caption text. Photo: AFP`, `Illustration: Craig Stephens`, `Graphic: …`
- a pointer arrow before the caption: `◀The brooch … (COURTESY PHOTO)`
"""

from __future__ import annotations

import re

from ..model import CAPTION, PARA
from ..state import State

POINTERS = "◀▶◄►▲▼←→↑↓☜☞"
PAREN_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*[(\[](?P<credit>(?:PHOTOS?|PHOTOGRAPH|PICTURE|IMAGE|ILLUSTRATION|GRAPHIC)\s*(?:[:/]|by\s)\s*[^()\[\]]{1,60}"
    r"|[A-Z][A-Za-z/&.' -]{0,40}\s(?:PHOTOS?|IMAGE|GRAPHIC)S?)[)\]]\s*$",
    re.IGNORECASE,
)
TRAILING_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*(?<![\w-])(?P<label>Photos?|Photograph|Illustration|Graphic|Image|Picture|Video|Source image)"
    r"\s*:\s*(?P<credit>[^\s:][^:]{0,80})$"
)


def _credit_ok(credit: str) -> bool:
    credit = credit.strip().rstrip(".")
    if not credit or len(credit.split()) > 8:
        return False
    return ". " not in credit and not credit.endswith(("said", "says"))


def parse_caption(text: str) -> tuple[str, str] | None:
    """Return (caption, credit) when the whole line is a caption, else None."""
    pointer = text[:1] in POINTERS
    body = text.lstrip(POINTERS + " ")
    match = PAREN_CREDIT.match(body)
    if match:
        credit = re.sub(r"^(?:PHOTOS?|PHOTOGRAPH|PICTURE|IMAGE|ILLUSTRATION|GRAPHIC)\s*(?:[:/]|by\s)\s*", "",
                        match.group("credit").strip(), flags=re.IGNORECASE)
        return match.group("caption").strip(), credit.strip()
    match = TRAILING_CREDIT.match(body)
    if match and _credit_ok(match.group("credit")):
        caption = match.group("caption").strip()
        if not caption or caption[-1] in ".!?”\")" or pointer:
            return caption, match.group("credit").strip().rstrip(".")
    if pointer and body:
        return body, ""
    return None


def find_captions(state: State) -> None:
    for block in state.blocks:
        if block.kind != PARA:
            continue
        parsed = parse_caption(block.text)
        if parsed:
            block.kind = CAPTION
            block.meta["caption"], block.meta["credit"] = parsed
