"""Rule: a single-article source is one article: its first line is the headline.

A short label right above or below the headline (`Comment`, `Analysis`) is its kicker.
A date line right under the headline is the article's date; a byline there
is its byline; short title-like lines further down are crossheads.
"""

from __future__ import annotations

from ..dates import find_date, is_date_line
from ..model import CROSSHEAD, DROP, HEADING, PARA, Article, Provenance
from ..state import State
from ..text import word_count
from .segment_page import split_heads


def segment_single(state: State) -> None:
    live = [b for b in state.blocks if b.kind != DROP]
    if not live:
        return
    heads = [live[0]]
    while len(heads) < 2 and len(live) > len(heads) + 1 and live[len(heads)].kind == HEADING \
            and not is_date_line(live[len(heads)].text):
        heads.append(live[len(heads)])
    if len(heads) == 2 and word_count(min((h.text for h in heads), key=word_count)) > 3:
        heads = heads[:1]  # two long lines: a headline and the first line of text, not a kicker
    parts = split_heads(state, [h.text for h in heads], first=False)
    rest = live[len(heads):]
    article = Article(title=parts["title"], section=parts["section"], order=0)
    for head in heads:
        head.meta["used_as"] = "headline"
    if rest and rest[0].kind in (PARA, HEADING) and is_date_line(rest[0].text):
        article.date = find_date(rest[0].text)
        rest[0].kind = DROP
        rest[0].reason = "date line (kept as the article's date)"
        rest = rest[1:]
    for block in rest:
        if block.kind == HEADING:
            block.kind = PARA if block.meta.get("question") else CROSSHEAD
    article.body = [b for b in state.blocks if not any(b is h for h in heads)]
    lines = (state.blocks[0].lines[0], state.blocks[-1].lines[1])
    article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
    state.articles = [article]
