"""The small public API: convert paths into an output folder."""

from __future__ import annotations

from pathlib import Path

from .pipeline import convert_paths
from .sources import DEFAULT_MAX_BYTES
from .report import build_report, write_report
from .writer import write_articles


def convert_to(paths: list[Path], out: Path, kind: str | None = None, prune: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES, source_paths: dict[str, Path] | None = None,
               progress=None) -> dict:
    """Convert every source under `paths` into `out`; return the report (also written to `out`).
    `source_paths`, when given, is filled with each converted source's key → its local path (the report
    holds only keys, relative to the sources root); `progress` is called once per source."""
    conversion = convert_paths([Path(p) for p in paths], kind=kind, max_bytes=max_bytes, progress=progress)
    if source_paths is not None:
        source_paths.update({r.source.name: r.source.path for r in conversion.results})
    converted = frozenset(result.source.name for result in conversion.results)
    written = write_articles(conversion.articles, out, prune=prune, converted=converted)
    report = build_report(conversion, written, out)
    write_report(report, out)
    return report
