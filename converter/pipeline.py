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
from .merge import merge_duplicates
from .model import DROP, Article, Dropped, Source
from .presets import PRESETS
from .rules.join_jumps import join_jumped
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


def convert_paths(paths: list[Path], kind: str | None = None) -> Conversion:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown format {kind!r}; one of {', '.join(KINDS)}")
    conversion = Conversion()
    for found in discover(paths):
        if found.skipped:
            conversion.skipped.append(f"{found.path}: {found.skipped}")
            continue
        if found.problem:
            conversion.errors.append(f"{found.path}: {found.problem}")
            continue
        try:
            source = read_source(found.path)
            if not source.text.strip():
                raise SourceError("empty file: no text to convert")
            conversion.warnings += [f"{found.path}: {w}" for w in source.warnings]
            result = convert_source(source, load_sidecar(found.path), kind)
        except (SourceError, SidecarError) as err:
            conversion.errors.append(f"{found.path}: {err}")
            continue
        except RecursionError:
            conversion.errors.append(f"{found.path}: too deeply nested to convert")
            continue
        conversion.results.append(result)
    _join_across_sources(conversion.results)
    all_articles = [a for r in conversion.results for a in r.articles]
    conversion.articles, conversion.merged = merge_duplicates(all_articles)
    _report_merged_away_text(conversion, all_articles)
    return conversion


def _join_across_sources(results: list[SourceResult]) -> None:
    """A story that starts in one converted file and continues in another is one article."""
    owner = {id(a): r for r in results for a in r.articles}
    if len({id(r) for r in owner.values()}) < 2:
        return
    kept = {id(a) for a in join_jumped([a for r in results for a in r.articles],
                                       lambda article, entry: owner[id(article)].dropped.append(entry))}
    for result in results:
        result.articles = [a for a in result.articles if id(a) in kept]


def _report_merged_away_text(conversion: Conversion, all_articles: list[Article]) -> None:
    kept = {id(a) for a in conversion.articles}
    merged_away = [a for a in all_articles if id(a) not in kept]
    if not merged_away:
        return
    by_source = {id(a): r for r in conversion.results for a in r.articles}
    for article in merged_away:
        for entry in merged_away_text(conversion.articles, [article]):
            by_source[id(article)].dropped.append(entry)
