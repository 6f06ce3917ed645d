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
from dataclasses import dataclass
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
                    window_days: int, mapper: Callable | None = None, parts: int = 1) -> list[tuple[int, int]]:
    """Sorted pairs (i < j) that `allowed` lets merge and that share at least min_shared counted triples.

    With `mapper` (an executor's `map(fn, tasks)`), the dated articles are searched in `parts` runs of days
    at once (see `_search_days`): the pairs are the same, they do not depend on the order they are found in."""
    with paused_gc():  # the index makes many small tuples that hold no cycles: collecting them only costs time
        cutoffs = common_cutoffs(sets, common)
        undated_ids, by_day = _windows(days)
        ordered = sorted(by_day)
        runs = _runs_of_days(ordered, by_day, parts) if mapper is not None and parts > 1 else [ordered]
        tasks = [_DaysTask(cutoffs, min_shared, window_days, undated_ids, [sets[i] for i in undated_ids],
                           *_days_with_lead(run, ordered, by_day, sets, window_days), n == 0)
                 for n, run in enumerate(runs)]
        found = mapper(_search_days, tasks) if len(tasks) > 1 else [_search_days(task) for task in tasks]
        pairs = [(i, j) for part in found for i, j in part if allowed(items[max(i, j)], items[min(i, j)])]
    pairs.sort()
    return pairs


def _runs_of_days(ordered: list[int], by_day: dict[int, list[int]], parts: int) -> list[list[int]]:
    """The days cut into `parts` runs of about equal numbers of articles."""
    total = sum(len(by_day[d]) for d in ordered)
    runs: list[list[int]] = [[]]
    size = 0
    for day in ordered:
        if size >= total / parts * len(runs) and len(runs) < parts:
            runs.append([])
        runs[-1].append(day)
        size += len(by_day[day])
    return [run for run in runs if run]


def _days_with_lead(run: list[int], ordered: list[int], by_day: dict[int, list[int]], sets: Sequence[array],
                    window_days: int) -> tuple[list[tuple[int, int, array, bool]], ]:
    """The run's articles in search order (day, index, triples, searched), after the lead-in: the articles of
    the days before the run that its first days are compared with (indexed only, searched by the run before)."""
    first = run[0] if run else 0
    lead = [d for d in ordered if first - window_days <= d < first]
    return ([(d, i, sets[i], False) for d in lead for i in by_day[d]]
            + [(d, i, sets[i], True) for d in run for i in by_day[d]],)


@dataclass
class _DaysTask:
    cutoffs: dict[int, int]
    min_shared: int
    window_days: int
    undated_ids: list[int]
    undated_sets: list[array]
    articles: list[tuple[int, int, array, bool]]  # (day, index, triples, searched) in search order
    with_undated: bool  # this task also pairs the undated articles with each other


def _search_days(task: _DaysTask) -> list[tuple[int, int]]:
    """Pairs sharing at least min_shared counted triples, found as the one-process search finds them: undated
    articles against each other, each dated one against the undated and the days of its window."""
    with paused_gc():
        pairs: list[tuple[int, int]] = []

        def visit(i: int, triples: array, indexes: list[dict], searched: bool = True) -> list[int] | array:
            counted = _counted(i, triples, task.cutoffs)
            if searched:
                pairs.extend((min(i, j), max(i, j)) for j, n in _shared(indexes, counted).items()
                             if n >= task.min_shared)
            return counted

        undated: dict[int, tuple[int, ...]] = {}
        for i, triples in zip(task.undated_ids, task.undated_sets):
            _insert(undated, i, visit(i, triples, [undated], task.with_undated))
        window: dict[int, dict[int, tuple[int, ...]]] = {}  # day → its index; older days are dropped
        for day, i, triples, searched in task.articles:
            if day not in window:
                for old in [d for d in window if d < day - task.window_days]:
                    del window[old]  # nothing from here on can merge with that day
            today = window.setdefault(day, {})
            indexes = [*window.values(), undated] if undated else list(window.values())
            _insert(today, i, visit(i, triples, indexes, searched))
        return pairs
