"""The same article in two sources becomes one, with both provenance entries.

Matching compares the words of the bodies, not their exact text, so OCR
noise, line breaks, emphasis or a missing paragraph do not hide a copy:
two articles from different sources are the same when most of the word
triples of the shorter body also occur in the longer one, and either their
titles agree or the bodies are nearly identical in full. An article whose
body is too short to judge, or a stub, merges with nothing but an identical
title and address.

What repeats is not always one article: a weekly prints its masthead and
standing adverts in every issue. So copies never merge when their dates are
more than a few days apart (an online story printed the next day is fine), or
when both come from dated pages of different editions; and a group of copies
never holds two articles of the same source.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Sequence

from .candidates import candidate_pairs, paused_gc
from .model import Article
from .text import key

SHINGLE = 3
MIN_SHINGLES = 20


def shingles(article: Article) -> set[int]:
    tokens = key(" ".join(article.paragraphs())).split()
    return set(map(hash, zip(*(tokens[k:] for k in range(SHINGLE)))))  # hash(tuple(tokens[i:i + SHINGLE]))


PAGE_KINDS = {"ocr-page", "pdf-markdown"}
REPRINT_DAYS = 3  # an online story printed in the next days' paper is still one article


def _day(article: Article) -> date | None:
    try:
        return date.fromisoformat((article.date or "")[:10])
    except ValueError:
        return None


def dates_allow_merge(a: Article, b: Article) -> bool:
    """Undated copies may match anything; dated ones only within a few days, and pages of two
    differently dated editions never (what repeats there is standing matter)."""
    day_a, day_b = _day(a), _day(b)
    if day_a is None or day_b is None or day_a == day_b:
        return True
    if a.provenance[0].kind in PAGE_KINDS and b.provenance[0].kind in PAGE_KINDS:
        return False
    return abs((day_a - day_b).days) <= REPRINT_DAYS


def same_article(a: Article, b: Article, sa: set[int], sb: set[int]) -> bool:
    """Whether two copies' texts say they are one article (sources and dates are `_may_join`'s)."""
    if len(sa) < MIN_SHINGLES or len(sb) < MIN_SHINGLES:
        return bool(a.url) and a.url == b.url and key(a.title) == key(b.title)
    shared = len(sa & sb)
    containment = shared / min(len(sa), len(sb))
    if containment < 0.5:
        return False
    if containment >= 0.8 and shared / max(len(sa), len(sb)) >= 0.8:  # nearly identical bodies
        return True
    title_similarity = SequenceMatcher(None, key(a.title), key(b.title)).ratio()
    return title_similarity >= (0.5 if containment >= 0.8 else 0.6)


COMMON = 50  # a word triple found in more articles than this says nothing about any pair
MIN_SHARED = 5  # pairs sharing fewer counted triples are not compared at all
PARALLEL_FROM = 2000  # with fewer articles, starting processes for the search costs more than it saves


def _candidates(articles: list[Article], sets: list[array], jobs: int = 1) -> list[tuple[int, int]]:
    """Pairs of articles that may merge and share at least five counted word triples, sorted.

    A triple counts for the pair (i, j) unless more than COMMON articles before the later of the two
    hold it (see `candidates.py`). Only pairs whose sources and dates allow a merge are compared: an
    index per window of days, so memory follows the window, not the archive.
    """
    days = [_day(a) for a in articles]
    if jobs < 2 or len(articles) < PARALLEL_FROM:
        return candidate_pairs(articles, sets, days, _pair_allowed, COMMON, MIN_SHARED, REPRINT_DAYS)
    from .parallel import PoolExecutor

    with PoolExecutor(jobs) as pool:
        return candidate_pairs(articles, sets, days, _pair_allowed, COMMON, MIN_SHARED, REPRINT_DAYS,
                               mapper=pool.map, parts=jobs * 2)


def _pair_allowed(a: Article, b: Article) -> bool:
    return _may_join([a], [b])


def combine(primary: Article, other: Article) -> None:
    """Fill what the primary copy lacks from the other; keep every provenance entry."""
    for name in ("page", "section", "deck", "source_agency", "dateline", "note", "continued_from", "continues_on",
                 "date", "url", "publication", "language"):
        if not getattr(primary, name) and getattr(other, name):
            setattr(primary, name, getattr(other, name))
    for name in ("authors", "contributors", "figures"):
        if not getattr(primary, name):
            setattr(primary, name, list(getattr(other, name)))
    for lang, value in other.translations.items():
        primary.translations.setdefault(lang, value)
    primary.provenance = sorted(primary.provenance + other.provenance, key=lambda p: (p.file, p.lines))


def _may_join(group: list[Article], other: list[Article]) -> bool:
    """Two groups join only if no source appears in both and every pair of dates allows it."""
    return all(a.provenance[0].file != b.provenance[0].file and dates_allow_merge(a, b)
               for a in group for b in other)


def _rank(article: Article) -> tuple:
    return (-article.richness(), -len(article.paragraphs()), article.provenance[0].file, article.order)


def merge_duplicates(articles: list[Article]) -> tuple[list[Article], list[str]]:
    return apply_groups(articles, merge_groups(articles))


@dataclass
class Search:
    """The candidate pairs of a search: `pairs` among the first `count` articles of a run (see `merge_groups`)."""

    count: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)


def merge_groups(articles: list[Article], known: Sequence[array | None] | None = None, jobs: int = 1,
                 earlier: Search | None = None, found: Search | None = None) -> list[list[int]]:
    """Which articles are one: groups of indexes into `articles`, each group in input order. `known` (optional)
    holds, per article, its `shingles` as an array("q") where a worker already hashed them (else None);
    with `jobs` > 1 the search for candidate pairs runs in that many processes (the same pairs). `earlier`:
    the pairs among the first articles, unchanged since the run that found them (only pairs with the others
    are searched, see `merge_incremental.py`); `found` (optional) is given this run's pairs."""
    if len({a.provenance[0].file for a in articles}) < 2:  # copies are only ever merged across sources
        if found is not None:
            found.count, found.pairs = len(articles), []
        return [[i] for i in range(len(articles))]
    with paused_gc():  # merging builds many small objects and no cycles: collecting costs a third of its time
        sets = list(map(_triples, articles, known or [None] * len(articles)))
        if earlier is not None and 0 < earlier.count < len(articles):
            from .merge_incremental import pairs_with_new

            new = pairs_with_new(articles, sets, [_day(a) for a in articles], earlier.count, _pair_allowed,
                                 COMMON, MIN_SHARED, REPRINT_DAYS)
            pairs = sorted(earlier.pairs + new)
        else:
            pairs = _candidates(articles, sets, jobs)
        if found is not None:
            found.count, found.pairs = len(articles), pairs
        return _find_groups(articles, sets, pairs)


def _triples(article: Article, known: array | None) -> array:
    return array("q", shingles(article)) if known is None else known  # 8 bytes a triple, not a set's ~60


def _find_groups(articles: list[Article], sets: list[array], pairs: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(len(articles)))
    members = [[a] for a in articles]  # each group's articles, kept at its root

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    last, set_i = -1, set()
    for i, j in pairs:  # sorted: one set for each first article
        root_i, root_j = find(i), find(j)
        if root_i != root_j and _may_join(members[root_i], members[root_j]):
            last, set_i = (last, set_i) if i == last else (i, set(sets[i]))
            if same_article(articles[i], articles[j], set_i, set(sets[j])):
                parent[root_j] = root_i
                members[root_i] += members[root_j]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    return list(groups.values())


def apply_groups(articles: list[Article], groups: list[list[int]]) -> tuple[list[Article], list[str]]:
    """One article for each group: the richest copy, filled in from the others; a note for each merged copy."""
    kept, notes = [], []
    for group in groups:
        copies = sorted((articles[i] for i in group), key=_rank)
        primary = copies[0]
        for other in copies[1:]:
            combine(primary, other)
            notes.append(f"{other.provenance[0].file} lines {other.lines[0]}-{other.lines[1]} "
                         f"is the same article as {primary.title!r}; merged")
        kept.append(primary)
    kept.sort(key=lambda a: (a.provenance[0].file, a.order))
    return kept, notes
