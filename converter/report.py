"""The conversion report: per source, the articles found and every line left out, and why."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .pipeline import Conversion
from .prepared import Prepared, json_items
from .report_page import dropped_by_reason, report_markdown
from .sources import published
from .wording import plural
from .writer import WriteResult, write_atomic

REPORT_JSON = "conversion-report.json"
REPORT_MD = "conversion-report.md"


class SourceEntry(dict):
    """A source's entry in the report; `prepared` (from the worker) holds its fixed keys already written."""

    prepared = None


@dataclass
class PreparedEntry:
    """A source's entry kept as the worker's ready-made parts and its list of articles; a dict only when read."""

    file: str
    prepared: Prepared
    articles: list[dict]

    def __getitem__(self, key: str):  # type: ignore[no-untyped-def]
        return self.file if key == "file" else self.articles if key == "articles" else self.as_dict()[key]

    def as_dict(self) -> SourceEntry:
        entry = SourceEntry(json.loads("{" + self.prepared.head_json + "}"))
        entry["articles"] = self.articles
        entry.update(json.loads("{" + self.prepared.tail_json + "}"))
        entry.prepared = self.prepared
        return entry

    def json(self) -> str:
        """The entry as `json.dumps(..., indent=1)` writes it inside the report's list of sources."""
        articles = json_items({"articles": self.articles})
        return "{\n   " + ",\n   ".join((self.prepared.head_json, articles, self.prepared.tail_json)) + "\n  }"


class ReportSources(Sequence):
    """The report's list of sources. Entries a worker prepared stay in their written form (a few kB each, where
    the parsed dicts take several times that) and become dicts only when read; `entries` gives them as kept."""

    def __init__(self, entries: list[SourceEntry | PreparedEntry]) -> None:
        self.entries = entries

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self.entries[index]
        return entry.as_dict() if isinstance(entry, PreparedEntry) else entry


def source_head(result) -> dict:  # type: ignore[no-untyped-def]
    """The report entry's keys before "articles" (a `pipeline.SourceResult`)."""
    return {
        "file": result.source.name,  # the path relative to the sources root: never a local path
        "path": result.source.name,
        "kind": result.kind,
        "detection": result.choice.as_dict() if result.choice else None,
        "encoding": result.source.encoding,
        "sha256": result.source.sha256,
        "warnings": result.source.warnings,
        "issue": {k: v for k, v in result.issue.items() if isinstance(v, str)},
    }


def source_tail(result) -> dict:  # type: ignore[no-untyped-def]
    """The report entry's keys after "articles": the lines left out, the joins, the captions moved."""
    return {
        "dropped": [d.as_dict() for d in result.dropped],
        "joins": joins_of(result),
        "figures": [{"lines": list(f.lines), "article": a.title, "rule": f.rule}
                    for a in result.articles for f in a.figures],
    }


def _source_entry(result, paths: dict, kept: set[int]) -> SourceEntry | PreparedEntry:  # type: ignore[no-untyped-def]
    articles = [{"title": a.title, "lines": list(a.lines), "path": str(paths[id(a)]) if id(a) in kept else None,
                 "merged_into_other": id(a) not in kept} for a in result.articles]
    prepared = result.prepared
    if prepared is not None and prepared.fits(result):
        return PreparedEntry(result.source.name, prepared, articles)
    entry = SourceEntry({**source_head(result), "articles": articles, **source_tail(result)})
    if result.explanation is not None:
        entry["explain"] = [line.as_dict() for line in result.explanation]
    return entry


def build_report(conversion: Conversion, written: WriteResult, out: Path) -> dict:
    kept = {id(a) for a in conversion.articles}
    sources = ReportSources([_source_entry(result, written.paths, kept) for result in conversion.results])
    return {
        "sources": sources,
        "errors": conversion.errors + written.errors,  # as said on the terminal; published by `write_report`
        "warnings": conversion.warnings + written.warnings,
        "skipped_files": conversion.skipped,
        "duplicates_merged": conversion.merged,
        "hand_corrected_kept": [str(p.relative_to(out.resolve())) for p in written.locked],
        "stale_not_removed": [str(p.relative_to(out)) for p in written.stale],
        "pruned": [str(p.relative_to(out)) for p in written.pruned],
        "superseded_removed": [str(p.relative_to(out)) for p in written.superseded],
        "totals": {
            "sources": len(sources),
            "articles": len(conversion.articles),
            "dropped_lines": sum(d.lines[1] - d.lines[0] + 1 for r in conversion.results for d in r.dropped),
            "errors": len(conversion.errors) + len(written.errors),
        },
    }


def joins_of(result) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every join of one source line or block into another, with the rule that made it."""
    blocks = {id(b): b for a in result.articles for b in a.body}
    joins = []
    for block in blocks.values():
        notes = {note["line"]: note for note in block.meta.get("join_notes", ())}  # why, and words mended
        for rule, lines, joiner in block.meta.get("joins", ()):
            join = {"rule": rule, "lines": list(lines), "into": list(block.lines),
                    "how": "line" if joiner == "\n" else "wrapped line or broken paragraph"}
            note = notes.get(lines[0], {})
            join.update({key: note[key] for key in ("word",) if key in note})
            if note.get("rule"):
                join["why"] = note["rule"]
            joins.append(join)
    return sorted(joins, key=lambda j: (j["lines"][0], j["rule"]))


def _markdown(report: dict) -> str:
    """The report page (`report_page`): per source a summary first, the dropped lines collapsed by reason."""
    return report_markdown(report)


MESSAGE_LISTS = ("errors", "warnings", "skipped_files")


def published_report(report: dict) -> dict:
    """The report as published: messages name files by their path relative to the sources root
    (the terminal shows the paths as typed), so no local path of the converting machine is written."""
    return {**report, **{key: [published(m) for m in report.get(key, [])] for key in MESSAGE_LISTS}}


def write_report(report: dict, out: Path) -> None:
    """Both report files, each written atomically: a killed run leaves the old report or the new, never
    an empty or half-written one."""
    public = published_report(report)
    write_atomic(out / REPORT_JSON, report_json_parts(public))
    write_atomic(out / REPORT_MD, _markdown(public))


def report_json(report: dict) -> str:
    """`json.dumps(report, ensure_ascii=False, indent=1)` and a newline, byte for byte."""
    return "".join(report_json_parts(report))


def report_json_parts(report: dict) -> Iterator[str]:
    """`report_json` in pieces, to be written one after another: the entries of sources a worker prepared are
    put together from their ready-made parts instead of encoded again."""
    if next(iter(report), None) != "sources":  # not the report's own order: encode it the plain way
        listed = {"sources": list(report["sources"])} if "sources" in report else {}
        yield json.dumps({**report, **listed}, ensure_ascii=False, indent=1) + "\n"
        return
    sources = report["sources"]
    entries = sources.entries if isinstance(sources, ReportSources) else sources
    yield '{\n "sources": ' + ("[" if entries else "[]")
    for n, entry in enumerate(entries):
        yield ("\n  " if n == 0 else ",\n  ") + _entry_json(entry)
    yield "\n ]" if entries else ""
    items = {key: value for key, value in report.items() if key != "sources"}
    yield (",\n " + json_items(items, "\n ") if items else "") + "\n}\n"


def _entry_json(entry: SourceEntry | PreparedEntry | dict) -> str:
    if isinstance(entry, PreparedEntry):
        return entry.json()
    return json.dumps(entry, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def summary_lines(report: dict) -> list[str]:
    """One line per source (articles, source lines left out by reason), then the housekeeping and totals."""
    lines = []
    for source in report["sources"]:
        reasons = dropped_by_reason(source["dropped"])
        left_out = sum(n for n, _ in reasons.values())
        why = (f"{plural(left_out, 'line')} left out: "
               + "; ".join(f"{n} {r}" for r, (n, _) in sorted(reasons.items()))) if reasons else "nothing left out"
        lines.append(f"{source['file']} ({source['kind']}): {plural(len(source['articles']), 'article')}; {why}")
    return lines + housekeeping_lines(report)


SKIPPED_SHOWN = 20  # a folder of thousands of images is summed up, the report lists them all


def housekeeping_lines(report: dict) -> list[str]:
    """Files not read, what happened to article files already in the output folder, and the totals."""
    skipped = report["skipped_files"]
    lines = [f"skipped {entry}" for entry in skipped[:SKIPPED_SHOWN]]
    if len(skipped) > SKIPPED_SHOWN:
        lines.append(f"skipped {plural(len(skipped) - SKIPPED_SHOWN, 'more file')} that are not sources (listed in the report)")
    for path in report["hand_corrected_kept"]:
        lines.append(f"kept hand-corrected {path} (locked: true): not overwritten")
    for path in report["stale_not_removed"]:
        lines.append(f"stale {path}: not produced by this run (source gone, not converted, or locked); "
                     "kept (remove with --prune)")
    for path in report["pruned"]:
        lines.append(f"pruned {path}: its source is gone")
    for path in report["superseded_removed"]:
        lines.append(f"removed {path}: its source was converted again and no longer gives this article")
    t = report["totals"]
    lines.append(f"{plural(t['articles'], 'article')} from {plural(t['sources'], 'source')}; "
                 f"{plural(t['errors'], 'error')}; {plural(len(report['duplicates_merged']), 'duplicate')} merged")
    return lines
