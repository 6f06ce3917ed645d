"""The small public API: convert paths into an output folder."""

from __future__ import annotations

from pathlib import Path

from .cache import CACHE_DIR
from .parallel import default_jobs
from .pipeline import convert_paths
from .sources import DEFAULT_MAX_BYTES
from .report import build_report, write_report
from .writer import write_articles


def convert_to(paths: list[Path], out: Path, kind: str | None = None, prune: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES, source_paths: dict[str, Path] | None = None,
               progress=None, explain: bool = False, jobs: int = 1, cache: bool = False,
               scheduler: str | None = None) -> dict:
    """Convert every source under `paths` into `out`; return the report (also written to `out`).
    `source_paths`, when given, is filled with each converted source's key → its local path (the report
    holds only keys, relative to the sources root); `progress` wraps the sources converted in this process.
    With `explain`, the report's sources carry `explain`: every line's role and the rules that decided it.
    `jobs` processes convert (0: one per core); with `cache`, unchanged sources are read from
    `out/.broadsheet-cache/` instead of converted again (the command line's default). With `scheduler` (a
    Dask scheduler's address, tcp://HOST:PORT) the sources are converted on that cluster: read here, their
    bytes sent (`parallel.SchedulerError` when it cannot be reached)."""
    cache_folder = Path(out) / CACHE_DIR if cache else None
    conversion = convert_paths([Path(p) for p in paths], kind=kind, max_bytes=max_bytes, progress=progress,
                               explain=explain, jobs=jobs or default_jobs(), cache_folder=cache_folder,
                               scheduler=scheduler)
    if source_paths is not None:
        source_paths.update({r.source.name: r.source.path for r in conversion.results})
    converted = frozenset(result.source.name for result in conversion.results)
    written = write_articles(conversion.articles, out, prune=prune, converted=converted,
                             rendered=conversion.rendered)
    conversion.rendered = {}
    report = build_report(conversion, written, out)
    del conversion, written  # the report holds what is left to write: the converted articles can go
    write_report(report, out)
    return report
