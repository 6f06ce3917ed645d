"""Rule: titles are plain text: Markdown emphasis and link syntax leave them.

`**上期周报：** [Title](https://…)` → `上期周报： Title`. Entities were decoded earlier.
Only a source written in Markdown has emphasis, and only as balanced spans:
in plain text `*star` and `__init__` are characters of the title and stay.
"""

from __future__ import annotations

import re

from ..state import State
from ..text import MARKDOWN_KINDS, without_emphasis

LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
ATX_LINE = re.compile(r"^#{1,6} \S", re.M)


def plain_title(text: str, markdown: bool = True) -> str:
    if markdown:
        text = without_emphasis(LINK.sub(r"\1", text))
    return re.sub(r"\s+", " ", text).strip() or text.strip()


def clean_titles(state: State) -> None:
    markdown = state.kind in MARKDOWN_KINDS or ("#" in state.source.text and bool(ATX_LINE.search(state.source.text)))
    for article in state.articles:
        article.title = plain_title(article.title, markdown)
        if article.section:
            article.section = plain_title(article.section, markdown)
