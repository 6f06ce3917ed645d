"""Which pairs of articles duplicate merging compares, with memory bounded by a window of days.

The rule is the one merging always had: two articles are compared when they share at least
`min_shared` word triples, where a triple held by more than `common` articles before the later of
the two no longer counts (a masthead or standing advert says nothing about a pair). Only the way
the pairs are found changed:

- pairs that can never merge (same source, dates too far apart) are never counted: each article
  is looked up only in the index of its window of days (articles leave it when their day is
  too old), plus the index of undated articles (an undated copy may match anything);
- "held by more than `common` articles before" is known up front: a count-min sketch (a fixed
  bytearray; it can only over-count) finds the triples that may be that common, and an exact
  count over those few gives, for each, the article after which it stops counting.

So the decisions are the same as comparing every pair, and memory grows with the window (about
fifty articles a day), not with the archive: each article keeps only its sorted triple hashes, 8
bytes each.
"""

from __future__ import annotations

import gc
from array import array
from collections import Counter, deque
from datetime import date
from itertools import chain
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
SATURATED = 255
MIN_WIDTH, MAX_WIDTH = 1 << 16, 1 << 25


def common_cutoffs(sets: Sequence[array], common: int) -> dict[int, int]:
    """For each triple held by more than common+1 articles: the index of its (common+1)-th holder.

    Pairs whose later article comes after that index do not count the triple."""
    if len(sets) <= common + 1:
        return {}
    total = sum(len(s) for s in sets)
    width = MIN_WIDTH
    while width < min(total, MAX_WIDTH):
        width <<= 1
    mask, sketch = width - 1, bytearray(width)
    for triples in sets:
        for h in triples:
            cell = h & mask
            if sketch[cell] < SATURATED:
                sketch[cell] += 1
    threshold = min(common + 2, SATURATED)
    seen: dict[int, int] = {}
    cutoffs: dict[int, int] = {}
    for i, triples in enumerate(sets):
        for h in triples:
            if sketch[h & mask] >= threshold:
                n = seen.get(h, 0) + 1
                seen[h] = n
                if n == common + 1:
                    cutoffs[h] = i
    return {h: i for h, i in cutoffs.items() if seen[h] > common + 1}


def _counted(i: int, triples: array, cutoffs: dict[int, int]) -> list[int] | array:
    """The triples of article i that still count for its pairs."""
    if cutoffs:
        late = [h for h in cutoffs.keys() & triples if cutoffs[h] < i]
        if late:
            return list(set(triples).difference(late))
    return triples


def _windows(days: Sequence[date | None]) -> tuple[list[int], dict[int, list[int]]]:
    undated = [i for i, d in enumerate(days) if d is None]
    by_day: dict[int, list[int]] = {}
    for i, d in enumerate(days):
        if d is not None:
            by_day.setdefault(d.toordinal(), []).append(i)
    return undated, by_day


class _Index:
    """Word triple → the articles holding it, for the articles of a window of days."""

    def __init__(self) -> None:
        self.postings: dict[int, list[int]] = {}

    def shared(self, triples) -> Counter:
        """How many of `triples` each indexed article holds."""
        return Counter(chain.from_iterable(filter(None, map(self.postings.get, triples))))

    def add(self, i: int, triples) -> None:
        for h in triples:
            posting = self.postings.get(h)
            if posting is None:
                self.postings[h] = [i]
            else:
                posting.append(i)

    def remove(self, i: int, triples) -> None:
        for h in triples:
            posting = self.postings[h]
            if len(posting) == 1:
                del self.postings[h]
            else:
                posting.remove(i)


def candidate_pairs(items: Sequence[T], sets: Sequence[array], days: Sequence[date | None],
                    allowed: Callable[[T, T], bool], common: int, min_shared: int,
                    window_days: int) -> list[tuple[int, int]]:
    """Sorted pairs (i < j) that `allowed` lets merge and that share at least min_shared counted triples."""
    collecting = gc.isenabled()
    gc.disable()  # the index makes many small lists that hold no cycles: collecting them only costs time
    try:
        return _candidate_pairs(items, sets, days, allowed, common, min_shared, window_days)
    finally:
        if collecting:
            gc.enable()


def _candidate_pairs(items: Sequence[T], sets: Sequence[array], days: Sequence[date | None],
                     allowed: Callable[[T, T], bool], common: int, min_shared: int,
                     window_days: int) -> list[tuple[int, int]]:
    cutoffs = common_cutoffs(sets, common)
    undated_ids, by_day = _windows(days)
    pairs: list[tuple[int, int]] = []
    undated, window = _Index(), _Index()

    def visit(i: int, triples, indexes: list[_Index]) -> None:
        for index in indexes:
            for j, n in index.shared(triples).items():
                if n >= min_shared and allowed(items[j], items[i]):
                    pairs.append((min(i, j), max(i, j)))

    for i in undated_ids:
        triples = _counted(i, sets[i], cutoffs)
        visit(i, triples, [undated])
        undated.add(i, triples)
    indexes = [window, undated] if undated_ids else [window]
    held: deque[int] = deque()  # the days in the window, oldest first
    for day in sorted(by_day):
        while held and held[0] < day - window_days:  # nothing from here on can merge with that day
            for j in by_day[held.popleft()]:
                window.remove(j, _counted(j, sets[j], cutoffs))
        for i in by_day[day]:
            triples = _counted(i, sets[i], cutoffs)
            visit(i, triples, indexes)
            window.add(i, triples)
        held.append(day)
    pairs.sort()
    return pairs
