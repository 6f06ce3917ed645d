"""The conversion report: per source, the articles found and every line left out, and why."""

from __future__ import annotations

import json
from pathlib import Path

from .escaping import markdown_text
from .pipeline import Conversion
from .sources import published
from .writer import WriteResult, write_atomic

REPORT_JSON = "conversion-report.json"
REPORT_MD = "conversion-report.md"


def build_report(conversion: Conversion, written: WriteResult, out: Path) -> dict:
    paths = written.paths
    kept = {id(a) for a in conversion.articles}
    sources = []
    for result in conversion.results:
        sources.append({
            "file": result.source.name,  # the path relative to the sources root: never a local path
            "path": result.source.name,
            "kind": result.kind,
            "encoding": result.source.encoding,
            "sha256": result.source.sha256,
            "warnings": result.source.warnings,
            "issue": {k: v for k, v in result.issue.items() if isinstance(v, str)},
            "articles": [
                {"title": a.title, "lines": list(a.lines),
                 "path": str(paths[id(a)]) if id(a) in kept else None,
                 "merged_into_other": id(a) not in kept}
                for a in result.articles
            ],
            "dropped": [d.as_dict() for d in result.dropped],
        })
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
            "dropped_lines": sum(d["lines"][1] - d["lines"][0] + 1 for s in sources for d in s["dropped"]),
            "errors": len(conversion.errors) + len(written.errors),
        },
    }


def _markdown(report: dict) -> str:
    """The report page. Every value from a source (file names, dropped text, messages) is
    `markdown_text`: it shows as typed and can never become a tag, an attribute or structure."""
    lines = ["---", "title: Conversion report", "---", "", "# Conversion report", ""]
    totals = report["totals"]
    lines.append(f"{totals['sources']} sources, {totals['articles']} articles, "
                 f"{totals['dropped_lines']} source lines left out, {totals['errors']} errors.")
    lines += [f"\n- error: {markdown_text(error)}" for error in report["errors"]]
    lines += [f"\n- warning: {markdown_text(warning)}" for warning in report.get("warnings", [])]
    if report["skipped_files"]:
        lines += ["", "## Files not read as sources", ""]
        lines += [f"- {markdown_text(entry)}" for entry in report["skipped_files"]]
    for title, key in (("Hand-corrected articles kept (locked: true)", "hand_corrected_kept"),
                       ("Stale articles kept (source gone, not converted this run, or locked; remove with --prune)",
                        "stale_not_removed"),
                       ("Pruned articles (source gone)", "pruned"),
                       ("Superseded articles removed (their source was converted again)", "superseded_removed")):
        if report.get(key):
            lines += ["", f"## {title}", ""] + [f"- {markdown_text(p)}" for p in report[key]]
    for source in report["sources"]:
        lines += ["", f"## {markdown_text(source['file'])}", "",
                  f"Kind: {markdown_text(source['kind'])}; {len(source['articles'])} articles.", ""]
        lines += ["| lines | left out because | text |", "|---|---|---|"]
        for d in source["dropped"]:
            lines.append(f"| {d['lines'][0]}–{d['lines'][1]} | {markdown_text(d['reason'])} | "
                         f"{markdown_text(d['text'][:120])} |")
    return "\n".join(lines) + "\n"


MESSAGE_LISTS = ("errors", "warnings", "skipped_files")


def published_report(report: dict) -> dict:
    """The report as published: messages name files by their path relative to the sources root
    (the terminal shows the paths as typed), so no local path of the converting machine is written."""
    return {**report, **{key: [published(m) for m in report.get(key, [])] for key in MESSAGE_LISTS}}


def write_report(report: dict, out: Path) -> None:
    """Both report files, each written atomically: a killed run leaves the old report or the new, never
    an empty or half-written one."""
    public = published_report(report)
    write_atomic(out / REPORT_JSON, json.dumps(public, ensure_ascii=False, indent=1) + "\n")
    write_atomic(out / REPORT_MD, _markdown(public))


def summary_lines(report: dict) -> list[str]:
    lines = []
    for source in report["sources"]:
        reasons: dict[str, int] = {}
        for d in source["dropped"]:
            reasons[d["reason"]] = reasons.get(d["reason"], 0) + 1
        why = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items())) or "nothing left out"
        lines.append(f"{source['file']} ({source['kind']}): {len(source['articles'])} articles; {why}")
    return lines + housekeeping_lines(report)


SKIPPED_SHOWN = 20  # a folder of thousands of images is summed up, the report lists them all


def housekeeping_lines(report: dict) -> list[str]:
    """Files not read, what happened to article files already in the output folder, and the totals."""
    skipped = report["skipped_files"]
    lines = [f"skipped {entry}" for entry in skipped[:SKIPPED_SHOWN]]
    if len(skipped) > SKIPPED_SHOWN:
        lines.append(f"skipped {len(skipped) - SKIPPED_SHOWN} more files that are not sources (listed in the report)")
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
    lines.append(f"{t['articles']} articles from {t['sources']} sources; {t['errors']} errors; "
                 f"{len(report['duplicates_merged'])} duplicates merged")
    return lines
