"""Pagefind bundles per period: each period's article pages are indexed into a bundle of their own
(`site/pagefind/2024/`, `site/pagefind/2026-11-21/`), so a build that changed the pages of one period
indexes that period again and keeps every other bundle, and a reader's browser loads only the bundles
a query needs (the newest first, or the year a filter names).

A period is a year; a year of more than `BUNDLE_PAGES` articles is split into months, and such a month
of more than `BUNDLE_PAGES` into thirds (the days from the 1st, the 11th and the 21st, named by that
day). A daily paper of 50 articles a day thus gets bundles of ~500 articles, and a new issue re-indexes
~500 pages whatever the archive's size; a small archive gets one bundle a year. Articles without a date
are in the `undated` bundle.

Which periods changed is told by the article pages' output files (path, size, modification time): an
incremental build leaves an unchanged page's file as it was, so its period's key is the same and its
bundle is kept. The keys are kept in the docs folder's cache (never published), so an incremental
site is byte-identical to a full one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..cache import CACHE_DIR
from .periods import newest_first
from .pagefind_index import BUNDLE_DIR, ENTRY, BundleStats, index_site

BUNDLE_PAGES = 1000  # articles in one bundle before its period is split (year → months → thirds of a month)
UNDATED = "undated"
KEYS = "pagefind-periods.json"
# Pagefind merges the results of its indexes by score, even when they are sorted by date, and a sorted
# result's score is its rank in its own index: the bundle's search code is changed to tag each result
# with its index instead, and the search page merges the indexes by date (broadsheet-search.js).
# Left as it is if Pagefind's code differs.
MERGE_BY_SCORE = "const results=search2.map((s)=>s.results).flat().sort((a,b)=>b.score-a.score);"
MERGE_KEEPING_ORDER = ("const results=options2.sort?search2.flatMap((s,i)=>s.results.map((r)=>Object.assign(r,{bsInstance:i})))"
                       ":search2.map((s)=>s.results).flat().sort((a,b)=>b.score-a.score);")
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


@dataclass
class ArticlePage:
    """One article page of the built site: its output file, its date (ISO, or '') and its filter values."""

    dest: str
    date: str
    facets: dict[str, str]


def _third(day: str) -> str:
    """The first day of the month's third a date falls in: `2026-11-25` → `2026-11-21`."""
    try:
        n = int(day[8:10])
    except ValueError:
        return day[:7]
    return f"{day[:7]}-{'01' if n < 11 else '11' if n < 21 else '21'}"


def plan_periods(pages: list[ArticlePage], limit: int = BUNDLE_PAGES) -> dict[str, list[ArticlePage]]:
    """Period name → its article pages (sorted by output path), newest period first, undated last."""
    years: dict[str, list[ArticlePage]] = {}
    for page in pages:
        years.setdefault(page.date[:4] if len(page.date) >= 4 else UNDATED, []).append(page)
    periods: dict[str, list[ArticlePage]] = {}
    for year, members in years.items():
        if year == UNDATED or len(members) <= limit:
            periods[year] = members
            continue
        months: dict[str, list[ArticlePage]] = {}
        for page in members:
            months.setdefault(page.date[:7] if len(page.date) >= 7 else year, []).append(page)
        for month, in_month in months.items():
            if len(month) == 4 or len(in_month) <= limit:
                periods[month] = in_month
                continue
            for page in in_month:
                periods.setdefault(_third(page.date) if len(page.date) >= 10 else month, []).append(page)
    ordered = sorted(periods, key=lambda p: (p == UNDATED, newest_first(p)))
    return {p: sorted(periods[p], key=lambda page: page.dest) for p in ordered}


def period_key(site_dir: Path, pages: list[ArticlePage]) -> str:
    """What a period's bundle was made from: its pages' output files as they are on disk, and their filters."""
    digest = hashlib.sha256(str(site_dir.resolve()).encode("utf-8", "surrogateescape"))
    for page in pages:
        try:
            stat = (site_dir / page.dest).stat()
            seen = f"{stat.st_size} {stat.st_mtime_ns}"
        except OSError:
            seen = "missing"
        digest.update(f"\0{page.dest}\0{seen}\0{json.dumps(page.facets, sort_keys=True)}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _stage(site_dir: Path, stage: Path, pages: list[ArticlePage]) -> None:
    """The period's pages at their own paths under `stage` (hard links, or copies across file systems)."""
    for page in pages:
        source, target = site_dir / page.dest, stage / page.dest
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def _facet_counts(pages: list[ArticlePage]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for page in pages:
        for name, value in page.facets.items():
            counts.setdefault(name, {})[value] = counts.setdefault(name, {}).get(value, 0) + 1
    return counts


def index_period(site_dir: Path, period: str, pages: list[ArticlePage], work: Path) -> BundleStats:
    """Index one period's pages into `site/pagefind/<period>/` (result URLs relative to the site)."""
    bundle = site_dir / BUNDLE_DIR / period
    shutil.rmtree(bundle, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix=f"stage-{period}-", dir=work))
    try:
        _stage(site_dir, stage, pages)
        stats = index_site(stage, bundle, facets=_facet_counts(pages), root=site_dir)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    for name in UNUSED:  # the search page uses Pagefind's API only: the UI files are not served to anyone
        (bundle / name).unlink(missing_ok=True)
    keep_index_order(bundle / "pagefind.js")
    return stats


def keep_index_order(script: Path) -> bool:
    """Make a bundle's Pagefind code keep each index's results in order when sorted (`MERGE_BY_SCORE`)."""
    code = script.read_text(encoding="utf-8")
    if MERGE_BY_SCORE not in code:
        return False
    script.write_text(code.replace(MERGE_BY_SCORE, MERGE_KEEPING_ORDER, 1), encoding="utf-8")
    return True


@dataclass
class PeriodStats:
    periods: int
    indexed: list[str]
    pages: int
    seconds: float
    bytes_on_disk: int


def index_by_period(site_dir: Path, docs_dir: Path, pages: list[ArticlePage], limit: int = BUNDLE_PAGES) -> PeriodStats:
    """Index the periods whose pages changed since the last build (all of them the first time), remove
    the bundles of periods gone and anything else under `site/pagefind/` (an older whole-site bundle)."""
    site_dir, cache = Path(site_dir), Path(docs_dir) / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    try:
        previous = json.loads((cache / KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    periods = plan_periods(pages, limit)
    root = site_dir / BUNDLE_DIR
    if root.is_dir():
        for old in root.iterdir():
            if old.name not in periods:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    keys, indexed, seconds, indexed_pages = {}, [], 0.0, 0
    for period, members in periods.items():
        key = period_key(site_dir, members)
        if previous.get(period) == key and (root / period / ENTRY).is_file():
            keys[period] = key
            continue
        stats = index_period(site_dir, period, members, cache)
        keys[period] = key
        indexed.append(period)
        seconds += stats.seconds
        indexed_pages += stats.pages
    (cache / KEYS).write_text(json.dumps(keys, sort_keys=True) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.is_dir() else 0
    return PeriodStats(len(periods), indexed, indexed_pages, seconds, size)
