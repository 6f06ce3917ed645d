"""The duplicate search of a run that adds articles after those of the run before, without searching again.

The pairs the full search (`candidates.candidate_pairs`) finds do not depend on the order they are found in:
two articles are a pair when their dates fall in one window (or either is undated), `allowed` lets them merge,
and they share at least `min_shared` counted triples — a triple counting for an article unless more than
`common` articles *before it in input order* hold it. So when the articles of the last run come first, in the
same order and unchanged, their pairs among themselves are still the pairs, and only the pairs with a new
article are searched: each new article's counted triples are indexed, and the old articles in a new article's
window of days (all of them only when a new article is undated) are looked up in that index. The triples'
common cut-off still needs every article's triples (`common_cutoffs`); the search itself reads the window.
"""

from __future__ import annotations

from array import array
from datetime import date
from typing import Callable, Sequence, TypeVar

from .candidates import _counted, _insert, _shared, common_cutoffs

T = TypeVar("T")


def pairs_with_new(items: Sequence[T], sets: Sequence[array], days: Sequence[date | None], first_new: int,
                   allowed: Callable[[T, T], bool], common: int, min_shared: int,
                   window_days: int) -> list[tuple[int, int]]:
    """Pairs (i < j) with j ≥ first_new that the full search would find, sorted."""
    cutoffs = common_cutoffs(sets, common)
    ordinal = [None if d is None else d.toordinal() for d in days]

    def in_window(i: int, j: int) -> bool:
        a, b = ordinal[i], ordinal[j]
        return a is None or b is None or abs(a - b) <= window_days

    pairs: list[tuple[int, int]] = []

    def look_up(i: int, counted, index: dict) -> None:
        for j, n in _shared([index], counted).items():
            if n >= min_shared and in_window(i, j) and allowed(items[j], items[i]):
                pairs.append((min(i, j), max(i, j)))

    index: dict[int, tuple[int, ...]] = {}
    for j in range(first_new, len(items)):  # new against new
        counted = _counted(j, sets[j], cutoffs)
        look_up(j, counted, index)
        _insert(index, j, counted)
    new_days = {ordinal[j] for j in range(first_new, len(items))}
    everything = None in new_days
    for i in range(first_new):  # old articles in a new one's window against the new
        if everything or ordinal[i] is None or any(abs(ordinal[i] - d) <= window_days for d in new_days):
            look_up(i, _counted(i, sets[i], cutoffs), index)
    pairs.sort()
    return pairs
