"""Browse pages split by period, so a new issue re-renders only its own period's pages.

A listing of every article of a section, author or publication (or of every issue in the archive and
calendar) grows with the archive, and each new issue would change it: at 100,000 articles one
publication page held every article and was rendered again for each issue. Past `LIST_LIMIT` items a
listing keeps only an index of periods on its page and puts its items on one page per period, named by
the period (`browse/sections/world/2024-03.md`, `browse/archive/2024.md`): a period page's address
never moves, and an issue of a later period leaves it untouched. Facet listings (many items a day)
split by month (a month of more than `LIST_LIMIT` items by day), the archive and the calendar (one
item per issue) by year. Undated items go to a page
of their own (`undated`). A listing of at most `LIST_LIMIT` items stays on one page, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from .catalog import Entry
from .listing import human_date, month_name, plural

LIST_LIMIT = 200  # items on one listing page before it is split by period
UNDATED = "undated"
Item = TypeVar("Item")


def month_of(date: str) -> str:
    """The period of a facet listing: `YYYY-MM`, the year alone for a date that states only the year,
    else `undated`."""
    if len(date) >= 7:
        return date[:7]
    return date[:4] if len(date) == 4 else UNDATED


def year_of(date: str) -> str:
    return date[:4] if len(date) >= 4 else UNDATED


def period_name(period: str) -> str:
    """`2024-03-05` → `5 March 2024`; `2024-03` → `March 2024`; `2024` → `2024`; `undated` → `Undated`."""
    if period == UNDATED:
        return "Undated"
    if len(period) == 10:
        return human_date(period)
    return month_name(period) if len(period) == 7 else period


def by_month_or_day(items: Sequence[Item], date_of: Callable[[Item], str], limit: int) -> dict[str, list[Item]]:
    """Items by month, a month of more than `limit` items by day (a daily paper's section or own page);
    newest first."""
    groups: dict[str, list[Item]] = {}
    for month, members in by_period(items, date_of, month_of).items():
        if len(members) <= limit or len(month) != 7:
            groups[month] = members
            continue
        for day, on_day in by_period(members, date_of, lambda d: d[:10] if len(d) >= 10 else d[:7]).items():
            groups[day] = on_day
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == UNDATED, newest_first(kv[0]))))


def newest_first(period: str) -> tuple[int, ...]:
    """A sort key putting later periods first, and a year after its own months (`2024-03`, `2024`)."""
    return tuple(-ord(c) for c in period) + (1,)


def by_period(items: Sequence[Item], date_of: Callable[[Item], str], period_of: Callable[[str], str]) -> dict[str, list[Item]]:
    """Items grouped by period, newest period first and undated last; each group keeps the items' order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(period_of(date_of(item)), []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == UNDATED, newest_first(kv[0]))))


def period_src(listing_src: str, period: str) -> str:
    """A period page beside its listing: `browse/sections/world.md` → `browse/sections/world/2024-03.md`;
    an index page's periods are its siblings (`browse/archive/index.md` → `browse/archive/2024.md`)."""
    stem = listing_src[:-len(".md")]
    if stem.endswith("/index"):
        stem = stem[:-len("/index")]
    return f"{stem}/{period}.md"


def period_index(listing_src: str, groups: dict[str, list], noun: str, link) -> list[str]:
    """The listing's own page once split: its periods newest first, by year, each a link and a count
    (`link(label, from_src, to_src)` makes a link)."""
    body: list[str] = []
    year = None
    for period, members in groups.items():
        if period[:4] != year and period != UNDATED:
            year = period[:4]
            body += ["", f"## {year}", ""]
        elif period == UNDATED:
            body += ["", "## Undated", ""]
        body.append(f"- {link(period_name(period), listing_src, period_src(listing_src, period))} "
                    f"({plural(len(members), noun)})")
    return body


def entry_month(entry: Entry) -> str:
    return month_of(entry.date)
