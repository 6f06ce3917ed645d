"""Rule: captions become the figures of the article they describe.

A caption inside an article's text belongs to that article. A caption that
floats between two articles (after the last paragraph of one, before the
headline of the next, or above the first headline) goes to the article near
it on the page whose text shares the most distinctive words with it; on a
tie, to the article it stands in.
"""

from __future__ import annotations

import math
from collections import Counter

from ..model import CAPTION, CROSSHEAD, PARA, Article, Block, Figure
from ..state import State
from ..text import words
from .find_short_lines import FUNCTION_WORDS


def _content_words(text: str) -> set[str]:
    return {w for w in words(text.casefold()) if len(w) > 2 and w not in FUNCTION_WORDS}


def _floating_captions(article: Article) -> list[Block]:
    """Captions before an article's first text or after its last: between two articles on the page."""
    text = [i for i, b in enumerate(article.body) if b.kind in (PARA, CROSSHEAD)]
    if not text:
        return [b for b in article.body if b.kind == CAPTION]
    outside = article.body[: text[0]] + article.body[text[-1] + 1:]
    return [b for b in outside if b.kind == CAPTION]


def best_article(caption: str, vocab: list[set[str]], df: Counter, default: int) -> int:
    """The article whose words share the most distinctive words with the caption; ties stay at `default`."""
    wanted = _content_words(caption)
    scores = [sum(math.log(1 + len(vocab) / df[w]) for w in wanted & v) for v in vocab]
    best = max(range(len(vocab)), key=lambda i: (scores[i], i == default))
    return best if scores[best] > scores[default] else default


NEIGHBOURS = 6  # a floating caption belongs to a story printed near it: this many articles either side


def place_figures(state: State) -> None:
    articles = state.articles
    floating = [(i, b) for i, a in enumerate(articles) for b in _floating_captions(a)]
    if len(articles) > 1 and state.kind != "digest" and floating:
        cache: dict[int, set[str]] = {}

        def words_of(i: int) -> set[str]:
            if i not in cache:
                cache[i] = _content_words(articles[i].title + " " + " ".join(articles[i].paragraphs()))
            return cache[i]

        for index, block in floating:
            near = list(range(max(0, index - NEIGHBOURS), min(len(articles), index + NEIGHBOURS + 1)))
            vocab = [words_of(i) for i in near]
            wanted = _content_words(block.meta["caption"])
            df = Counter({w: sum(1 for v in vocab if w in v) for w in wanted})  # only the caption's words count
            target = near[best_article(block.meta["caption"], vocab, df, near.index(index))]
            if target != index:
                articles[index].body = [b for b in articles[index].body if b is not block]
                articles[target].body.append(block)
                state.note("place_figures", f"caption at line {block.lines[0]} -> {articles[target].title!r}")
    for article in articles:
        article.figures = [
            Figure(b.meta["caption"], b.meta["credit"], b.lines) for b in article.body if b.kind == CAPTION
        ]
