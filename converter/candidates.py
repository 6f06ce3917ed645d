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
fifty articles a day), not with the archive: each article keeps only its triple hashes, 8
bytes each.
"""

from __future__ import annotations

import gc
import re
from array import array
from collections import Counter
from contextlib import contextmanager
from datetime import date
from itertools import chain
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
SATURATED = 255
MIN_WIDTH, MAX_WIDTH = 1 << 16, 1 << 25


@contextmanager
def paused_gc():
    """No cyclic garbage collection inside (reference counting still frees what is dropped)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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
        for cell in map(mask.__and__, triples):
            if sketch[cell] < SATURATED:
                sketch[cell] += 1
    threshold = min(common + 2, SATURATED)
    flags = sketch.translate(bytes(int(n >= threshold) for n in range(256)))
    hot = {m.start() for m in re.finditer(b"\x01", flags)}  # cells that may hold a common triple
    seen: dict[int, int] = {}
    cutoffs: dict[int, int] = {}
    for i, triples in enumerate(sets):
        if hot.isdisjoint(map(mask.__and__, triples)):
            continue
        for h in triples:
            if h & mask in hot:
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


def _shared(indexes: list[dict[int, tuple[int, ...]]], triples) -> Counter:
    """How many of `triples` each article in the indexes holds."""
    counts: Counter = Counter()
    for index in indexes:
        counts.update(chain.from_iterable(filter(None, map(index.get, triples))))
    return counts


def _insert(index: dict[int, tuple[int, ...]], i: int, triples) -> None:
    """Add article i under each of its triples (most are new: one shared tuple serves them all)."""
    extended = {h: index[h] + (i,) for h in index.keys() & triples}
    index.update(dict.fromkeys(triples, (i,)))
    index.update(extended)


def candidate_pairs(items: Sequence[T], sets: Sequence[array], days: Sequence[date | None],
                    allowed: Callable[[T, T], bool], common: int, min_shared: int,
                    window_days: int) -> list[tuple[int, int]]:
    """Sorted pairs (i < j) that `allowed` lets merge and that share at least min_shared counted triples."""
    with paused_gc():  # the index makes many small tuples that hold no cycles: collecting them only costs time
        return _candidate_pairs(items, sets, days, allowed, common, min_shared, window_days)


def _candidate_pairs(items: Sequence[T], sets: Sequence[array], days: Sequence[date | None],
                     allowed: Callable[[T, T], bool], common: int, min_shared: int,
                     window_days: int) -> list[tuple[int, int]]:
    cutoffs = common_cutoffs(sets, common)
    undated_ids, by_day = _windows(days)
    pairs: list[tuple[int, int]] = []

    def visit(i: int, indexes: list[dict]) -> list[int] | array:
        triples = _counted(i, sets[i], cutoffs)
        for j, n in _shared(indexes, triples).items():
            if n >= min_shared and allowed(items[j], items[i]):
                pairs.append((min(i, j), max(i, j)))
        return triples

    undated: dict[int, tuple[int, ...]] = {}
    for i in undated_ids:
        _insert(undated, i, visit(i, [undated]))
    window: dict[int, dict[int, tuple[int, ...]]] = {}  # day → its index; older days are dropped
    for day in sorted(by_day):
        for old in [d for d in window if d < day - window_days]:
            del window[old]  # nothing from here on can merge with that day
        today = window.setdefault(day, {})
        indexes = [*window.values(), undated] if undated else list(window.values())
        for i in by_day[day]:
            _insert(today, i, visit(i, indexes))
    pairs.sort()
    return pairs
