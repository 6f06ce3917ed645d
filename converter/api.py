"""The small public API: convert paths into an output folder."""

from __future__ import annotations

from pathlib import Path

from .pipeline import convert_paths
from .report import build_report, write_report
from .writer import write_articles


def convert_to(paths: list[Path], out: Path, kind: str | None = None, prune: bool = False,
               explain: bool = False) -> dict:
    """Convert every source under `paths` into `out`; return the report (also written to `out`).

    With `explain`, the report's sources carry `explain`: every line's role and the rules that decided it."""
    conversion = convert_paths([Path(p) for p in paths], kind=kind, explain=explain)
    converted = frozenset(result.source.name for result in conversion.results)
    written = write_articles(conversion.articles, out, prune=prune, converted=converted)
    report = build_report(conversion, written, out)
    write_report(report, out)
    return report
