"""Rule: a single-article source is one article: its first line is the headline.

A date line right under the headline is the article's date; a byline there
is its byline; short title-like lines further down are crossheads.
"""

from __future__ import annotations

from ..dates import find_date, is_date_line
from ..model import CROSSHEAD, DROP, HEADING, PARA, Article, Provenance
from ..state import State


def segment_single(state: State) -> None:
    live = [b for b in state.blocks if b.kind != DROP]
    if not live:
        return
    head, rest = live[0], live[1:]
    article = Article(title=head.text, order=0)
    head.meta["used_as"] = "headline"
    if rest and rest[0].kind in (PARA, HEADING) and is_date_line(rest[0].text):
        article.date = find_date(rest[0].text)
        rest[0].kind = DROP
        rest[0].reason = "date line (kept as the article's date)"
        rest = rest[1:]
    for block in rest:
        if block.kind == HEADING:
            block.kind = PARA if block.meta.get("question") else CROSSHEAD
    article.body = [b for b in state.blocks if b is not head]
    lines = (state.blocks[0].lines[0], state.blocks[-1].lines[1])
    article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
    state.articles = [article]
