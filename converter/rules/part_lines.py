"""Rule: in hard-wrapped text, a byline, its role line, a credit, a jump or an end line stands alone.

Article parts are printed on lines of their own even where the running text is wrapped at
a fixed width (OCR, e-mail wire copy). Marking them `standalone` before wrapped lines are
joined keeps `By JOHN SMITH` / `Staff Writer` / `Staff photo by X` / `See BUDGET, page 6`
/ `（完）` out of the paragraphs around them, so the rules that read them still see them; the
headline group over a byline or a jump-in (`From page 1`) stands apart for the same reason.
"""

from __future__ import annotations

from ..model import PARA
from ..state import State
from ..text import has_cjk, per_source_cache
from .cues import BYLINE_LABELS, CREDIT_LABELS
from .find_bylines import head_group_above, is_role, read_byline
from .find_captions import parse_credit
from .find_credit_lines import end_line_reason, read_credit
from .find_jump_lines import is_jump_line, read_jump


MAX_PART_LINE = 120  # characters: bylines, credits, jumps and end lines are short


# The words such lines open with (labels of bylines, credits and jumps), to pass over running text quickly.
OPENING_WORDS = ({w.casefold() for w in BYLINE_LABELS} | {label.split()[0] for label in CREDIT_LABELS}
                 | {"see", "please", "continued", "cont", "cont'd", "turn", "jump", "more", "suite", "lire", "fortsetzung",
                    "weiter", "continúa", "sigue", "pasa", "continua", "viene", "continuación", "source", "sources",
                    "wire", "agency", "quelle", "quellen", "fuente", "fuentes", "agence", "additional", "further",
                    "editing", "edited", "reporting", "copyright", "copr", "staff", "file", "ap", "afp", "reuters",
                    "avec", "con", "mit", "with"})


def _may_be_part(text: str) -> bool:
    if has_cjk(text) or "/" in text or text[:1] in "([{<—–-©=":
        return True
    first = text.split(maxsplit=1)[0].casefold().strip(".:,*_") if text.strip() else ""
    return first in OPENING_WORDS


@per_source_cache
def is_part_line(text: str) -> bool:
    return len(text) <= MAX_PART_LINE and _may_be_part(text) and bool(read_byline(text) or parse_credit(text) or is_jump_line(text) or end_line_reason(text)
                or read_credit(text))


def keep_part_lines_apart(state: State) -> None:
    previous_byline = False
    for index, block in enumerate(state.blocks):
        if block.kind != PARA:
            continue
        if is_part_line(block.text) or (previous_byline and len(block.text) <= MAX_PART_LINE and is_role(block.text)):
            block.meta["standalone"] = True
            previous_byline = bool(read_byline(block.text))
            if previous_byline or (jump := read_jump(block.text)) and jump["direction"] == "from":
                for head in head_group_above(state.blocks, index):  # the story's head stands apart too
                    head.meta["standalone"] = True
        else:
            previous_byline = False
