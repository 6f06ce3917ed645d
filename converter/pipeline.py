"""Readers → rules → articles: convert one source, or many paths.

Metadata is merged in this fixed order, later winning:
1. what the reader found for the whole source (a digest's header);
2. the sidecar `<source>.yml` the archivist wrote;
3. what the rules found for the single article (its own timestamp, byline).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path

from .detect import KINDS, detect_kind
from .accounting import merged_away_text, record_label_words
from .cache import merged_with_cache
from .parallel import convert_all
from .model import DROP, Article, Dropped, Source
from .presets import PRESETS
from .sidecar import SidecarError, load_sidecar
from .sources import SourceError, discover, read_source
from .state import State


@dataclass
class SourceResult:
    source: Source
    kind: str
    articles: list[Article]
    dropped: list[Dropped]
    issue: dict
    trace: list[str] = field(default_factory=list)


@dataclass
class Conversion:
    results: list[SourceResult] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "file: reason"
    warnings: list[str] = field(default_factory=list)  # converted, but read with a repair: "file: what"
    skipped: list[str] = field(default_factory=list)  # files in a folder that are not sources: "file: why"
    merged: list[str] = field(default_factory=list)
    cached: int = 0  # sources whose conversion came from the cache


def convert_source(source: Source, sidecar: dict | None = None, kind: str | None = None) -> SourceResult:
    kind = kind or detect_kind(source.text)
    state = State(source=source, kind=kind, sidecar=sidecar or {})
    for rule in PRESETS[kind]:
        rule(state)
    _account_for_leftovers(state)
    _apply_issue_metadata(state)
    record_label_words(state)
    return SourceResult(source, kind, state.articles, state.dropped, state.issue, state.trace)


def _account_for_leftovers(state: State) -> None:
    """Any block no article took and no rule dropped is reported, never lost silently."""
    taken = {id(b) for a in state.articles for b in a.body}
    for block in state.blocks:
        if id(block) not in taken and block.kind != DROP and not block.meta.get("used_as"):
            state.drop(block, f"not part of any article ({block.kind})")


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _apply_issue_metadata(state: State) -> None:
    sidecar, issue = state.sidecar, state.issue
    publication = sidecar.get("publication") or issue.get("publication")
    issue_date = sidecar.get("date") or issue.get("date")
    issue_id = sidecar.get("issue") or state.source.stem
    for article in state.articles:
        article.publication = article.publication or publication
        article.date = article.date or issue_date
        article.language = article.language or sidecar.get("language")
        article.issue = issue_id
        article.issue_title = sidecar.get("title") or issue.get("title")
        article.issue_date = issue_date[:10] if ISO_DAY.match(str(issue_date or "")) else None


def convert_paths(paths: list[Path], kind: str | None = None, jobs: int = 1,
                  cache_folder: Path | None = None) -> Conversion:
    """Every source under `paths`, in `jobs` processes, unchanged ones from the cache folder if given."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown format {kind!r}; one of {', '.join(KINDS)}")
    conversion = Conversion()
    found_all = discover(paths)
    sources = [found.path for found in found_all if not (found.skipped or found.problem)]
    outcomes, conversion.warnings, conversion.cached = convert_all(sources, kind, jobs, cache_folder)
    converted, keys = iter(outcomes), []
    for found in found_all:
        if found.skipped:
            conversion.skipped.append(f"{found.path}: {found.skipped}")
        elif found.problem:
            conversion.errors.append(f"{found.path}: {found.problem}")
        elif (outcome := next(converted)).error:
            conversion.warnings += outcome.warnings
            conversion.errors.append(outcome.error)
        else:
            conversion.warnings += outcome.warnings
            conversion.results.append(outcome.result)
            keys += [outcome.key] * len(outcome.result.articles)
    all_articles = [a for r in conversion.results for a in r.articles]
    conversion.articles, conversion.merged, notes = merged_with_cache(all_articles, keys, cache_folder)
    conversion.warnings += notes
    _report_merged_away_text(conversion, all_articles)
    return conversion


def _report_merged_away_text(conversion: Conversion, all_articles: list[Article]) -> None:
    kept = {id(a) for a in conversion.articles}
    merged_away = [a for a in all_articles if id(a) not in kept]
    if not merged_away:
        return
    by_source = {id(a): r for r in conversion.results for a in r.articles}
    for article in merged_away:
        for entry in merged_away_text(conversion.articles, [article]):
            by_source[id(article)].dropped.append(entry)
