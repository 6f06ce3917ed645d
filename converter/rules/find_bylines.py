"""Rule: `By A & B`, `By A, B & C`, `By Staff Reporters` → a BYLINE with the names.

Only a line whose every word after "By" is a name word (capitalised, an
initial, or a joiner such as `&`, `and`, `,`) is a byline, so a sentence that
starts with "By" (`By June, in London…`, `By contrast…`) stays body text.
Names in capitals are put in reading case: `LIANG Yilian` → `Liang Yilian`.
"""

from __future__ import annotations

import re

from ..model import BYLINE, PARA
from ..state import State
from ..text import reading_case
from .find_credit_lines import split_names

BY = re.compile(r"^(?:By|BY|by)\s+(?P<names>.+?)\.?$")
# `By ZHANG Wei in Beijing | China Daily`: the place and the paper after the names are not names.
BYLINE_TAIL = re.compile(r"\s*(?:\||—|–)\s*[^|]+$|\s+(?:in|from|reporting from)\s+[A-Z][\w.' -]+$")
JOINERS = {"&", "and", "AND", ",", "de", "van", "von", "der", "da", "di", "del", "bin", "al", "la", "le"}
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|Mc\w+|O'\w+)[,]?$")


def parse_byline(text: str) -> list[str] | None:
    match = BY.match(text.strip())
    if not match or len(text) > 120:
        return None
    names = BYLINE_TAIL.sub("", match.group("names").replace("&amp;", "&"))
    tokens = names.replace(",", " , ").replace("&", " & ").split()
    if not tokens or len(tokens) > 16:
        return None
    if not all(t in JOINERS or NAME_WORD.match(t) for t in tokens):
        return None
    parsed = [reading_case(n) for n in split_names(names)]
    return parsed or None


def find_bylines(state: State) -> None:
    for block in state.blocks:
        if block.kind == PARA and (names := parse_byline(block.text)):
            block.kind, block.meta["names"] = BYLINE, names
