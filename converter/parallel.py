"""Convert many sources: from the cache where unchanged, the rest in a pool of processes.

Results come back in input order whatever the number of jobs, and merging runs after all of
them, so the output is byte-identical for any `--jobs`. With one job (or one source to
convert) no process is started.
"""

from __future__ import annotations

import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache, source_key
from .sources import Found

CHUNKS_PER_JOB = 4  # enough chunks to even out slow sources, few enough to keep the overhead low


@dataclass
class Outcome:
    """One source's conversion: a result, or the one-line error saying why not; its warnings."""

    result: object | None = None  # a pipeline.SourceResult
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    key: str | None = None  # the cache key of the source's conversion (None: not cached)


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    """What every source's conversion is given (the same for all of them in one run)."""

    kind: str | None = None
    max_bytes: int = 64 * 1024 * 1024
    explain: bool = False


def convert_file(found: Found, options: Options) -> Outcome:
    """Read, check and convert one source; bad input becomes an error line naming the file."""
    from . import pipeline
    from .sidecar import SidecarError, load_sidecar
    from .sources import SourceError, read_source

    warnings: list[str] = []
    try:
        source = read_source(found.path, found.key, options.max_bytes)
        if not source.text.strip():
            raise SourceError("empty file: no text to convert")
        warnings = [found.said(w) for w in source.warnings]
        result = pipeline.convert_source(source, load_sidecar(found.path, found.root), options.kind,
                                         options.explain)
    except (SourceError, SidecarError) as err:
        return Outcome(None, warnings, found.said(str(err)))
    except RecursionError:
        return Outcome(None, warnings, found.said("too deeply nested to convert"))
    return Outcome(result, warnings)


def _convert_and_store(task: tuple[Found, Options, str | None, Path | None]) -> bytes:
    """In a worker: convert, keep a good result in the cache, send it back pickled once."""
    found, options, key, folder = task
    outcome = convert_file(found, options)
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    if key is not None and folder is not None and outcome.result is not None:
        cache = Cache(folder)
        cache.store(key, data)
        if cache.warnings:
            outcome.warnings += cache.warnings
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    return data


def _in_pool(tasks: list[tuple], jobs: int) -> list[Outcome]:
    chunk = max(1, len(tasks) // (jobs * CHUNKS_PER_JOB))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [pickle.loads(data) for data in pool.map(_convert_and_store, tasks, chunksize=chunk)]


def _cached_outcome(cache: Cache, key: str, path: Path) -> Outcome | None:
    found = cache.load(key, path)
    if found is None or (isinstance(found, Outcome) and found.result is not None):
        return found
    cache.warnings.append(f"{path}: cached conversion {key}.pickle is not a conversion; converted again")
    return None


def convert_all(sources: list[Found], options: Options, jobs: int | None = None,
                cache_folder: Path | None = None, progress=None) -> tuple[list[Outcome], list[str], int]:
    """Outcomes in the order of `sources`, warnings about the cache or the pool, and how many came from the
    cache. `progress` (optional) wraps the list of sources converted in this process (a progress bar)."""
    jobs = max(1, jobs or default_jobs())
    cache = Cache(cache_folder) if cache_folder is not None and not options.explain else None
    keys = [source_key(found, options) if cache else None for found in sources]
    outcomes: list[Outcome | None] = [None] * len(sources)
    for i, key in enumerate(keys):
        if cache is not None and key is not None:
            outcomes[i] = _cached_outcome(cache, key, sources[i].path)
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
    tasks = [(sources[i], options, keys[i], cache_folder if cache else None) for i in todo]
    notes = list(cache.warnings) if cache else []
    fresh: list[Outcome] | None = None
    if jobs > 1 and len(tasks) > 1:
        try:
            fresh = _in_pool(tasks, min(jobs, len(tasks)))
        except (OSError, BrokenProcessPool) as err:
            notes.append(f"could not convert in {jobs} processes ({type(err).__name__}: {err}); converted in one")
    if fresh is None:
        listed = progress(tasks) if progress else tasks
        fresh = [pickle.loads(_convert_and_store(task)) if cache else convert_file(task[0], options)
                 for task in listed]
    for i, outcome in zip(todo, fresh):
        outcomes[i] = outcome
    for outcome, key in zip(outcomes, keys):
        outcome.key = key
    return outcomes, notes, len(sources) - len(todo)
