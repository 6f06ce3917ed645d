"""Rule: the date line of a page's masthead dates the whole issue.

A front page often carries its edition line near the top, above the first
story: `OAKLAND, CALIFORNIA, APRIL 24, 1889.`, `NEW YORK, MARCH 11, 1897.`,
`Berlin, 6. Januar 1894.`. Such a line is a place, a weekday or a label and a
full date, nothing more. It becomes the issue's date (a sidecar still wins)
and leaves the text, reported. A date inside a sentence, a dateline that
opens a story (`BEIJING, Jan. 5 —`, no year) or a line below the first
running text is left alone. A running head already dropped as page furniture
(`6  FRIDAY, JUNE 9, 2006`) dates the issue too.
"""

from __future__ import annotations

import re

from ..dates import find_date, strip_dates
from ..model import DROP
from ..state import State

MASTHEAD_BLOCKS = 16  # how far from the top a masthead can reach, in non-empty lines
RUNNING_TEXT_WORDS = 25  # a line this long is a story's text: the masthead is above it
MARKUP = re.compile(r"^[#*_>\s]+|[*_\s]+$")


def is_masthead_date(text: str) -> bool:
    """A full date with at most a place, weekday or label around it, all in capitalised words."""
    text = MARKUP.sub("", text)
    if len(text) > 80 or find_date(text) is None:
        return False
    rest = re.findall(r"[^\W\d_]+", strip_dates(text))
    return len(rest) <= 6 and all(word[0].isupper() for word in rest)


def read_masthead_date(state: State) -> None:
    if state.sidecar.get("date") or state.issue.get("date"):
        return
    seen = 0
    for block in state.blocks:
        if block.kind == DROP and block.reason == "running head" and is_masthead_date(block.text):
            state.issue["date"] = find_date(MARKUP.sub("", block.text))[:10]  # `6  FRIDAY, JUNE 9, 2006`
            state.note("read_masthead_date", f"line {block.lines[0]} (running head): {state.issue['date']}")
            return
        if block.kind == DROP:
            continue
        if seen >= MASTHEAD_BLOCKS or len(block.text.split()) >= RUNNING_TEXT_WORDS:
            return
        seen += 1
        if is_masthead_date(block.text):
            state.issue["date"] = find_date(MARKUP.sub("", block.text))[:10]  # a masthead names a day
            state.drop(block, "masthead date line (kept as the issue's date)")
            state.note("read_masthead_date", f"line {block.lines[0]}: {state.issue['date']}")
            return
