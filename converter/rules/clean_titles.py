"""Rule: titles are plain text: Markdown emphasis and link syntax leave them.

`**上期周报：** [Title](https://…)` → `上期周报： Title`. Entities were decoded earlier.
"""

from __future__ import annotations

import re

from ..state import State

LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))")


def plain_title(text: str) -> str:
    text = LINK.sub(r"\1", text)
    text = EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text).strip() or text.strip()


def clean_titles(state: State) -> None:
    for article in state.articles:
        article.title = plain_title(article.title)
        if article.section:
            article.section = plain_title(article.section)
