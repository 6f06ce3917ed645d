"""Readers → rules → articles: convert one source, or many paths.

A source a structured reader recognises (a wire transmission, news markup:
see `readers/`) is read by that reader; any other is given a kind by the
text-kind detector, which reads the text after any front matter.

Metadata is merged in this fixed order, later winning (as Pelican merges
defaults, then path metadata, then the file's own metadata):

Issue-level keys (publication, issue title, edition date, issue folder):
1. what the reader found for the whole source (a digest's header, the
   front matter of a source that holds several articles);
2. the sidecar `<source>.yml` the archivist wrote: the archivist's word on
   the edition outranks whatever the file says about it.

Article-level keys (title, date, authors, section, url, language, deck):
1. the sidecar's `date` and `language`, as defaults for every article;
2. what the rules found for the article in its text (its timestamp, byline,
   headline);
3. the source's own front matter (YAML or TOML), when the source is one article: the
   file's explicit metadata about itself outranks what rules infer, as a
   Pelican article's own metadata outranks settings and path-derived values.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from pathlib import Path

from .accounting import merged_away_entries, record_label_words
from .cache import merged_with_cache
from .detect import KINDS, Choice, choose_kind
from .explain import LineRole, Tracer, explain_lines, named, run_rules
from .parallel import Options, convert_all, triples_probe
from .model import DROP, Article, Dropped, Source
from .prepared import Prepared
from .presets import PRESETS, ruler
from .readers import recognise
from .readers.front_matter import article_fields
from .rules.join_jumps import join_jumped
from .sidecar import SidecarError, real_date
from .sources import DEFAULT_MAX_BYTES, discover
from .state import State
from .text import clear_line_caches
from .urls import site_name


@dataclass
class SourceResult:
    source: Source
    kind: str
    articles: list[Article]
    dropped: list[Dropped]
    issue: dict
    trace: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # metadata of the source refused: "what: why"
    choice: Choice | None = None  # how the kind was chosen: evidence, confidence, runner-up, override
    explanation: list[LineRole] | None = None  # with --explain: every line's role and the rules behind it
    prepared: Prepared | None = None  # its Markdown files and report entry, made where it was converted


@dataclass
class Conversion:
    results: list[SourceResult] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: "file: reason"
    warnings: list[str] = field(default_factory=list)  # converted, but read with a repair: "file: what"
    skipped: list[str] = field(default_factory=list)  # files in a folder that are not sources: "file: why"
    merged: list[str] = field(default_factory=list)
    cached: int = 0  # sources whose conversion came from the cache
    rendered: dict[int, bytes] = field(default_factory=dict)  # id(article) → its file, rendered by a worker


def convert_source(source: Source, sidecar: dict | None = None, kind: str | None = None,
                   explain: bool = False) -> SourceResult:
    """Read one source with the preset of its kind: `kind` (--format) first, then the sidecar's `format:`,
    then a structured reader that recognises the file (wire, news markup), else the kind its conventions
    score highest. When the chosen kind's rules find no article, the next candidate reads it and the
    report says so."""
    clear_line_caches()
    sidecar = sidecar or {}
    override, by = (kind, "--format") if kind else (sidecar.get("format"), "sidecar format:")
    if override is not None and override not in PRESETS:
        raise SidecarError(f"format {override!r} is not a kind of source (one of {', '.join(PRESETS)})")
    structured = None if override else recognise(source.text)
    choice = choose_kind(source.text, override=override or structured,
                         override_by=by if override else "structured reader")
    state, tracer = _read_as(source, sidecar, choice.kind, explain)
    if not state.articles and not override and not state.refused:
        state, tracer = _fall_back(source, sidecar, choice, explain) or (state, tracer)
    named("account_for_leftovers", _account_for_leftovers, state)
    _apply_source_front_matter(state)
    problems = _check_issue_metadata(state) + ([state.refused] if state.refused else [])
    _apply_issue_metadata(state)
    named("record_label_words", record_label_words, state)
    explanation = explain_lines(tracer, source.text) if tracer else None
    if explanation:
        from .labeller.explain import add_model_roles

        add_model_roles(explanation, source.text)
    return SourceResult(source, choice.kind, state.articles, state.dropped, state.issue, state.trace,
                        problems=problems, choice=choice, explanation=explanation)


def _fall_back(source: Source, sidecar: dict, choice: Choice, explain: bool):
    """The chosen kind's rules recognised no article: the kind the text scores (after a structured reader)
    or the runner-up reads it; None when neither finds one."""
    for candidate in (choice.detected, choice.runner_up):
        if candidate in PRESETS and candidate != choice.kind:
            state, tracer = _read_as(source, sidecar, candidate, explain)
            if state.articles:
                choice.detected, choice.kind = choice.kind, candidate
                choice.decided_by = f"fallback ({choice.detected} rules found no article)"
                return state, tracer
    return None


def _read_as(source: Source, sidecar: dict, kind: str, explain: bool) -> tuple[State, Tracer | None]:
    state = State(source=source, kind=kind, sidecar=sidecar)
    tracer = Tracer(state) if explain else None
    run_rules(state, ruler(kind).active(), tracer)
    return state, tracer


def _check_issue_metadata(state: State) -> list[str]:
    """The source's own metadata (a digest's YAML header) against the contract: a value that breaks it is
    left out and named (the source still converts)."""
    problems = [str(state.issue.pop("problem"))] if state.issue.get("problem") else []
    date = state.issue.get("date")
    if date and not real_date(date):
        problems.append(f"YAML header key 'date' is not a real date ({str(date)[:40]!r}): converted without it")
        del state.issue["date"]
    for key in ("title", "publication"):
        value = state.issue.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > 500):
            problems.append(f"YAML header key {key!r} is not one line of text: converted without it")
            del state.issue[key]
    return problems


def _account_for_leftovers(state: State) -> None:
    """Any block no article took and no rule dropped is reported, never lost silently."""
    taken = {id(b) for a in state.articles for b in a.body}
    for block in state.blocks:
        if id(block) not in taken and block.kind != DROP and not block.meta.get("used_as"):
            state.drop(block, f"not part of any article ({block.kind})")


def _apply_source_front_matter(state: State) -> None:
    """A one-article source's front matter outranks the rules; a many-article source's describes the issue."""
    fields = article_fields(state.source_meta) if state.source_meta else {}
    if not fields:
        return
    if len(state.articles) == 1 and state.kind != "digest":
        article = state.articles[0]
        for name, value in fields.items():
            setattr(article, name, value)
        article.untitled = article.untitled and "title" not in fields
        return
    for name in ("title", "date"):
        if fields.get(name):
            state.issue.setdefault(name, fields[name])


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _apply_issue_metadata(state: State) -> None:
    sidecar, issue = state.sidecar, state.issue
    publication = sidecar.get("publication") or issue.get("publication")
    issue_date = sidecar.get("date") or issue.get("date")
    issue_id = sidecar.get("issue") or source_issue_id(state.source.name)
    for article in state.articles:
        if state.kind == "digest":
            _attribute_digest_entry(article, publication, {publication, issue.get("publication")})
        else:
            article.publication = article.publication or publication
        article.date = article.date or issue_date
        article.language = article.language or sidecar.get("language")
        article.issue = issue_id
        article.issue_title = sidecar.get("title") or issue.get("title")
        article.issue_date = issue_date[:10] if ISO_DAY.match(str(issue_date or "")) else None
    if state.kind == "digest":
        _one_name_per_site(state.articles)


def source_issue_id(key: str) -> str:
    """A source's issue: its path relative to the sources root without the suffix (`2024/front`), so
    same-named files in two folders are two issues."""
    return str(Path(key).with_suffix("").as_posix())


def _attribute_digest_entry(article: Article, digest: str | None, digest_names: set) -> None:
    """A digest entry belongs to the outlet that published it: the source the entry states, else its
    URL's site; the digest that collected it is `collected_in`."""
    stated = article.publication if article.publication not in digest_names else None
    article.publication = stated or site_name(article.url)
    article.collected_in = digest


def _one_name_per_site(articles: list[Article]) -> None:
    """Entries from one site share the name an entry of that site states (`The Guardian`, not
    `theguardian.com` for the rest)."""
    stated = {}
    for article in articles:
        site = site_name(article.url)
        if site and article.publication and article.publication != site:
            stated.setdefault(site, article.publication)
    for article in articles:
        site = site_name(article.url)
        if site in stated and article.publication == site:
            article.publication = stated[site]


def convert_paths(paths: list[Path], kind: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  progress=None, explain: bool = False, jobs: int = 1,
                  cache_folder: Path | None = None, scheduler: str | None = None) -> Conversion:
    """Every source under `paths`, in `jobs` processes (or on the Dask cluster whose scheduler is at
    `scheduler`), unchanged ones from the cache folder if given (never with `explain`); `progress`
    (optional) wraps the list of files converted here (a progress bar)."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown format {kind!r}; one of {', '.join(KINDS)}")
    conversion = Conversion()
    found_all = discover(paths, max_bytes)
    sources = [found for found in found_all if not (found.skipped or found.problem)]
    options = Options(kind=kind, max_bytes=max_bytes, explain=explain)
    outcomes, conversion.warnings, conversion.cached = convert_all(sources, options, jobs, cache_folder,
                                                                   progress, scheduler)
    converted, key_of, triples_of = iter(outcomes), {}, {}
    for found in found_all:
        if found.skipped:
            conversion.skipped.append(found.said(found.skipped))
        elif found.problem:
            conversion.errors.append(found.said(found.problem))
        elif (outcome := next(converted)).error:
            conversion.warnings += outcome.warnings
            conversion.errors.append(outcome.error)
        else:
            conversion.warnings += outcome.warnings
            conversion.errors += [found.said(problem) for problem in outcome.result.problems]
            conversion.results.append(outcome.result)
            key_of[id(outcome.result)] = outcome.key
            if outcome.triples is not None and outcome.triples_probe == triples_probe():
                triples_of[id(outcome.result)] = outcome.triples
    _keep_issues_apart(conversion)
    _join_across_sources(conversion.results)
    all_articles = [a for r in conversion.results for a in r.articles]
    keys = [key_of[id(r)] for r in conversion.results for _ in r.articles]
    known = [triples for r in conversion.results for triples in _known_triples(r, triples_of)]
    conversion.articles, merged, notes = merged_with_cache(all_articles, keys, cache_folder, known,
                                                             1 if scheduler else jobs)
    conversion.merged = [f"{note} (rule merge_duplicates)" for note in merged]
    conversion.warnings += notes
    _report_merged_away_text(conversion, all_articles)
    conversion.rendered = _prepared_files(conversion)
    return conversion


def _known_triples(result: SourceResult, triples_of: dict[int, list]) -> list:
    """The word triples the worker hashed for each of the source's articles (None where it did not, or where
    the main process changed the articles since)."""
    triples = triples_of.pop(id(result), None)
    prepared = result.prepared
    if triples is None or prepared is None or not prepared.fits(result):
        return [None] * len(result.articles)
    return triples


def _prepared_files(conversion: Conversion) -> dict[int, bytes]:
    """id(article) → its Markdown file as the worker rendered it, for every source still as the worker saw it."""
    rendered: dict[int, bytes] = {}
    for result in conversion.results:
        prepared = result.prepared
        if prepared is not None and prepared.rendered is not None and prepared.fits(result):
            rendered.update(zip(map(id, result.articles), prepared.rendered))
        if prepared is not None:
            prepared.rendered = None  # held once, in the map, until the articles are written
    return rendered


def _join_across_sources(results: list[SourceResult]) -> None:
    """A story that starts in one converted file and continues in another is one article."""
    owner = {id(a): r for r in results for a in r.articles}
    if len({id(r) for r in owner.values()}) < 2:
        return
    kept = {id(a) for a in join_jumped([a for r in results for a in r.articles],
                                       lambda article, entry: owner[id(article)].dropped.append(entry))}
    for result in results:
        result.articles = [a for a in result.articles if id(a) in kept]


def _keep_issues_apart(conversion: Conversion) -> None:
    """Two sources whose names differ only in their suffix (`front.txt`, `front.md`) would share one issue:
    each keeps its full name as its issue instead, and the run says so."""
    by_issue: dict[str, list[SourceResult]] = {}
    for result in conversion.results:
        by_issue.setdefault(source_issue_id(result.source.name), []).append(result)
    for issue, results in by_issue.items():
        own = [r for r in results if any(a.issue == issue for a in r.articles)]
        if len(own) < 2:
            continue
        for result in own:
            for article in result.articles:
                article.issue = result.source.name if article.issue == issue else article.issue
        conversion.warnings.append(f"{' and '.join(r.source.name for r in own)}: one name but for the suffix: "
                                   "each is its own issue, named with its suffix")


def _report_merged_away_text(conversion: Conversion, all_articles: list[Article]) -> None:
    """The words of merged-away copies the kept copy lacks go to their own source's report (one pass over
    the merged-away copies, not one over all kept articles for each)."""
    kept = {id(a) for a in conversion.articles}
    merged_away = [a for a in all_articles if id(a) not in kept]
    if not merged_away:
        return
    by_source = {id(a): r for r in conversion.results for a in r.articles}
    for article, entry in merged_away_entries(conversion.articles, merged_away):
        entry.rule = entry.rule or "merge_duplicates"
        by_source[id(article)].dropped.append(entry)
