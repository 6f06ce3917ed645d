"""Rule: boilerplate that scrapers and layout leave inside the text leaves it, reported.

- a line that is only an advert label (`Advertisement`, `ADVERTISEMENT`, `广告`, `Sponsored`)
- a feed library's serialised entry wrapper leaking before the text
  (`[{'type': 'text/html', 'language': None, 'base': '…', 'value': '`): the
  wrapper is cut off and reported, the text after it stays
"""

from __future__ import annotations

import re

from ..model import DROP, Dropped
from ..state import State

ADVERT_LABEL = re.compile(r"^(?:advertisement|advertising|sponsored(?: content)?|广告|赞助内容|\(?advt\.?\)?)$", re.I)
FEED_WRAPPER = re.compile(r"^\[?\{\s*'type':\s*'[^']*',\s*'language':\s*[^,]*,\s*'base':\s*'[^']*',\s*'value':\s*'")


def drop_boilerplate_lines(state: State) -> None:
    for block in state.blocks:
        if block.kind == DROP:
            continue
        if ADVERT_LABEL.match(block.text):
            state.drop(block, "advert label")
            continue
        match = FEED_WRAPPER.match(block.text)
        if match:
            state.dropped.append(Dropped(state.source.name, block.lines, match.group(0),
                                         "feed entry wrapper (serialised by a feed library) cut from the text"))
            block.text = block.text[match.end():].strip()
            if not block.text:
                block.kind = DROP
