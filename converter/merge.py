"""The same article in two sources becomes one, with both provenance entries.

Matching compares the words of the bodies, not their exact text, so OCR
noise, line breaks, emphasis or a missing paragraph do not hide a copy:
two articles from different sources are the same when most of the word
triples of the shorter body also occur in the longer one. Titles only help;
an article whose body is too short to judge, or a stub, merges with nothing
but an identical title and address.
"""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from .model import Article
from .text import key

SHINGLE = 3
MIN_SHINGLES = 20


def shingles(article: Article) -> set[int]:
    tokens = key(" ".join(article.paragraphs())).split()
    return {hash(tuple(tokens[i:i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}


def same_article(a: Article, b: Article, sa: set[int], sb: set[int]) -> bool:
    if a.provenance[0].file == b.provenance[0].file:
        return False
    if len(sa) < MIN_SHINGLES or len(sb) < MIN_SHINGLES:
        return bool(a.url) and a.url == b.url and key(a.title) == key(b.title)
    containment = len(sa & sb) / min(len(sa), len(sb))
    title_similarity = SequenceMatcher(None, key(a.title), key(b.title)).ratio()
    return containment >= 0.8 or (containment >= 0.5 and title_similarity >= 0.6)


COMMON = 50  # a word triple found in more articles than this says nothing about any pair


def _candidates(sets: list[set[int]]) -> set[tuple[int, int]]:
    """Pairs of articles sharing at least five word triples, through an inverted index."""
    index: dict[int, list[int]] = defaultdict(list)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for i, s in enumerate(sets):
        for h in s:
            posting = index[h]
            if len(posting) <= COMMON:
                for j in posting:
                    pairs[(j, i)] += 1
                posting.append(i)
    return {p for p, n in pairs.items() if n >= 5}


def combine(primary: Article, other: Article) -> None:
    """Fill what the primary copy lacks from the other; keep every provenance entry."""
    for name in ("page", "section", "deck", "source_agency", "note", "continued_from", "date", "url",
                 "publication", "language"):
        if not getattr(primary, name) and getattr(other, name):
            setattr(primary, name, getattr(other, name))
    for name in ("authors", "contributors", "figures"):
        if not getattr(primary, name):
            setattr(primary, name, list(getattr(other, name)))
    for lang, value in other.translations.items():
        primary.translations.setdefault(lang, value)
    primary.provenance = sorted(primary.provenance + other.provenance, key=lambda p: (p.file, p.lines))


def _rank(article: Article) -> tuple:
    return (-article.richness(), -len(article.paragraphs()), article.provenance[0].file, article.order)


def merge_duplicates(articles: list[Article]) -> tuple[list[Article], list[str]]:
    if len({a.provenance[0].file for a in articles}) < 2:  # copies are only ever merged across sources
        return sorted(articles, key=lambda a: (a.provenance[0].file, a.order)), []
    sets = [shingles(a) for a in articles]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidates(sets)):
        if find(i) != find(j) and same_article(articles[i], articles[j], sets[i], sets[j]):
            parent[find(j)] = find(i)
    groups: dict[int, list[Article]] = defaultdict(list)
    for i, article in enumerate(articles):
        groups[find(i)].append(article)
    kept, notes = [], []
    for members in groups.values():
        members.sort(key=_rank)
        primary = members[0]
        for other in members[1:]:
            combine(primary, other)
            notes.append(f"{other.provenance[0].file} lines {other.lines[0]}-{other.lines[1]} "
                         f"is the same article as {primary.title!r}; merged")
        kept.append(primary)
    kept.sort(key=lambda a: (a.provenance[0].file, a.order))
    return kept, notes
