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

from .accounting import merged_away_text, record_label_words
from .detect import KINDS, Choice, choose_kind
from .explain import LineRole, Tracer, explain_lines, named, run_rules
from .merge import merge_duplicates
from .model import DROP, Article, Dropped, Source
from .presets import PRESETS, ruler
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
    choice: Choice | None = None  # how the kind was chosen: evidence, confidence, runner-up, override
    explanation: list[LineRole] | None = None  # with --explain: every line's role and the rules behind it


@dataclass
class Conversion:
    results: list[SourceResult] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "file: reason"
    warnings: list[str] = field(default_factory=list)  # converted, but read with a repair: "file: what"
    skipped: list[str] = field(default_factory=list)  # files in a folder that are not sources: "file: why"
    merged: list[str] = field(default_factory=list)


def convert_source(source: Source, sidecar: dict | None = None, kind: str | None = None,
                   explain: bool = False) -> SourceResult:
    """Read one source with the preset of its kind: `kind` (--format) first, then the sidecar's `format:`,
    else the kind its conventions score highest."""
    sidecar = sidecar or {}
    override, by = (kind, "--format") if kind else (sidecar.get("format"), "sidecar format:")
    if override is not None and override not in PRESETS:
        raise SidecarError(f"format {override!r} is not a kind of source (one of {', '.join(PRESETS)})")
    choice = choose_kind(source.text, available=PRESETS, override=override, override_by=by)
    state, tracer = _read_as(source, sidecar, choice.kind, explain)
    if not state.articles and not override and choice.runner_up in PRESETS and choice.runner_up != choice.kind:
        # The chosen kind's rules recognised no article: the runner-up reads it, and the report says so.
        fallback, fallback_tracer = _read_as(source, sidecar, choice.runner_up, explain)
        if fallback.articles:
            choice.detected, choice.kind = choice.kind, choice.runner_up
            choice.decided_by = f"runner-up ({choice.detected} rules found no article)"
            state, tracer = fallback, fallback_tracer
    named("account_for_leftovers", _account_for_leftovers, state)
    _apply_issue_metadata(state)
    named("record_label_words", record_label_words, state)
    explanation = explain_lines(tracer, source.text) if tracer else None
    return SourceResult(source, choice.kind, state.articles, state.dropped, state.issue, state.trace, choice,
                        explanation)


def _read_as(source: Source, sidecar: dict, kind: str, explain: bool) -> tuple[State, Tracer | None]:
    state = State(source=source, kind=kind, sidecar=sidecar)
    tracer = Tracer(state) if explain else None
    run_rules(state, ruler(kind).active(), tracer)
    return state, tracer


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


def convert_paths(paths: list[Path], kind: str | None = None, explain: bool = False) -> Conversion:
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
            result = convert_source(source, load_sidecar(found.path), kind, explain)
        except (SourceError, SidecarError) as err:
            conversion.errors.append(f"{found.path}: {err}")
            continue
        except RecursionError:
            conversion.errors.append(f"{found.path}: too deeply nested to convert")
            continue
        conversion.results.append(result)
    all_articles = [a for r in conversion.results for a in r.articles]
    conversion.articles, merged = merge_duplicates(all_articles)
    conversion.merged = [f"{note} (rule merge_duplicates)" for note in merged]
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
            entry.rule = entry.rule or "merge_duplicates"
            by_source[id(article)].dropped.append(entry)
