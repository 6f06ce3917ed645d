"""Rule `drop_advert_sections`: text under an advertising section's label, to the page's end, is adverts.

Papers gather paid notices on a page (or the foot of one) under a section label: `Advertisements.`,
`CLASSIFIED ADVERTISING`, `Anzeigen`, `Petites annonces`, `Clasificados`, `分类广告`. A PDF→Markdown
tool prints the label as a heading (`# Advertisements.`) and every advert box under it as a headline
group with a few lines of text, which would otherwise be read as stories. The label is a section's
name, in the plural or as a section (`Classified`): the singular `Advertisement` is the slot label
of one advert inside a story's text (boilerplate.py drops that line alone).

Everything from the label to the next page break (or the end of the source, when it has none) is
dropped with the reason; a page break ends the section, since the next page carries stories again.
"""

from __future__ import annotations

import re

from ..model import DROP, HEADING, PARA
from ..state import State

SECTION_LABEL = re.compile(
    r"^(?:advertisements|classifieds?|classified (?:advertising|advertisements|ads)|want ads|"
    r"anzeigen(?:teil)?|kleinanzeigen|annonces|petites annonces|annonces classées|"
    r"anuncios(?: clasificados)?|clasificados|avisos clasificados|分类广告|分類廣告)[.:：]?$", re.I)
LABEL_CHARS = 40  # a section label is a few words; a longer line is text


def is_advert_section_label(text: str) -> bool:
    text = text.strip().strip("*_").strip()
    return len(text) <= LABEL_CHARS and bool(SECTION_LABEL.match(text))


def drop_advert_sections(state: State) -> None:
    inside = False
    for block in state.blocks:
        if block.kind == DROP:
            if "page marker" in block.reason:
                inside = False
            continue
        if not inside and block.kind in (HEADING, PARA) and is_advert_section_label(block.text):
            inside = True
            state.note("drop_advert_sections", f"line {block.lines[0]}: an advert section's label")
        if inside:
            state.drop(block, "advert section (under its label `Advertisements`, to the page's end)")
