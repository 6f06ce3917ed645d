"""Rule: `From page 1` / `Continued from Page A3` → a JUMP block naming the page.

`Continued on page 3` (the forward jump) is a JUMP too, marked `direction: to`.
"""

from __future__ import annotations

import re

from ..model import JUMP, PARA
from ..state import State

JUMP_FROM = re.compile(
    r"^\(?(?:continued\s+from\s+(?:page\s+|p\.?\s*)?|from\s+(?:page\s+|p\.\s*))(?P<page>[A-Z]?\d+[A-Z]?)\)?\.?$",
    re.IGNORECASE,
)
JUMP_TO = re.compile(
    r"^\(?(?:continued|see|turn to|cont(?:inued|'d)?\.?)\s+(?:on\s+)?(?:to\s+)?page\s+(?P<page>[A-Z]?\d+[A-Z]?|\w+)\)?\.?$",
    re.IGNORECASE,
)


def is_jump_line(text: str) -> bool:
    return len(text) <= 40 and bool(JUMP_FROM.match(text) or JUMP_TO.match(text))


def find_jump_lines(state: State) -> None:
    for block in state.blocks:
        if block.kind != PARA or len(block.text) > 40:
            continue
        for pattern, direction in ((JUMP_FROM, "from"), (JUMP_TO, "to")):
            match = pattern.match(block.text)
            if match:
                block.kind = JUMP
                block.meta.update(page=match.group("page"), direction=direction)
                break
