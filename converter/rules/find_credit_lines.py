"""Rule: lines that credit rather than tell → CREDIT blocks with a `field`.

- `Source: Xinhua` → source_agency
- `Additional reporting by A and B` → contributors
- `The authors are from BAAI.` / `The writer is a researcher at …` → note
"""

from __future__ import annotations

import re

from ..model import CREDIT, PARA
from ..state import State

SOURCE = re.compile(r"^(?:Source|Sources|Wire|Agency)\s*[:：]\s*(?P<value>[^.:]{1,60})\.?$")
ADDITIONAL = re.compile(r"^\(?(?:Additional|Further)\s+reporting\s+by\s+(?P<value>.+?)\)?\.?$", re.IGNORECASE)
NOTE = re.compile(
    r"^\*?\(?The\s+(?:authors?|writers?|columnists?|contributors?)\s+(?:is|are|was|were)\s+.{3,200}$"
)
NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|&| and )\s*")


def split_names(value: str) -> list[str]:
    return [n.strip(" .") for n in NAME_SPLIT.split(value) if n.strip(" .")]


def is_credit_line(text: str) -> bool:
    return bool(SOURCE.match(text) or ADDITIONAL.match(text) or NOTE.match(text))


def find_credit_lines(state: State) -> None:
    for block in state.blocks:
        if block.kind != PARA or len(block.text) > 240:
            continue
        if match := SOURCE.match(block.text):
            block.kind, block.meta["field"] = CREDIT, "source_agency"
            block.meta["value"] = match.group("value").strip()
        elif match := ADDITIONAL.match(block.text):
            block.kind, block.meta["field"] = CREDIT, "contributors"
            block.meta["value"] = split_names(match.group("value"))
        elif NOTE.match(block.text) and len(block.text.split()) <= 40:
            block.kind, block.meta["field"] = CREDIT, "note"
            block.meta["value"] = block.text.strip("*_ ")
