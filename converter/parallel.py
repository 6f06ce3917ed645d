"""Convert many sources: from the cache where unchanged, the rest on an executor.

An executor maps a picklable function over items and gives the results back in input order: in
this process (one job), in a pool of local processes (`--jobs N`), or on a Dask cluster
(`--scheduler tcp://HOST:PORT`, needs `pip install 'broadsheet[cluster]'`). Merging runs after all
conversions, here, so the output is byte-identical for any executor and any number of jobs.

Where sources are read: always on this machine, with the untrusted-file checks of
`sources.read_bytes` (no link out of the sources root, no FIFO or device, the size limit). Local
workers read them themselves (they share this filesystem); for a cluster this process reads each
source and its sidecar and sends their bytes, so Dask workers need no shared folder and never open
a path. Workers must run the same converter: a worker whose code differs is refused.
"""

from __future__ import annotations

import os
import pickle
import re
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .cache import Cache, converter_fingerprint, source_key
from .sources import Found

CHUNKS_PER_JOB = 4  # enough chunks to even out slow sources, few enough to keep the overhead low
MAX_CHUNK = 256  # sources per task at most: a worker holds a whole task's results until it sends them
CLUSTER_CHUNK = 32  # sources per task sent to a cluster: their bytes travel with the task
CONNECT_SECONDS = 10  # how long to try to reach a scheduler before saying it cannot be reached
ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):\d{1,5}")



@dataclass
class Outcome:
    """One source's conversion: a result, or the one-line error saying why not; its warnings."""

    result: object | None = None  # a pipeline.SourceResult
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    key: str | None = None  # the cache key of the source's conversion (None: not cached)
    triples: list | None = None  # each article's word-triple hashes (merge.shingles, an array each), never cached
    triples_probe: int | None = None  # `triples_probe()` where they were hashed: usable only where it is the same


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    """What every source's conversion is given (the same for all of them in one run)."""

    kind: str | None = None
    max_bytes: int = 64 * 1024 * 1024
    explain: bool = False


# -- executors: map a picklable function over items, results in input order -----------------------


class SchedulerError(Exception):
    """A Dask scheduler that cannot be reached or used: one line for the user."""


def _run_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


_ONE_AT_A_TIME = threading.Lock()


def _run_chunk_alone(fn: Callable, chunk: list) -> list:
    """On a Dask worker: one chunk at a time per process, whatever its thread count (the converter keeps
    per-process caches that are not shared between threads)."""
    with _ONE_AT_A_TIME:
        return _run_chunk(fn, chunk)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(submit: Callable[[list], object], chunks: Iterator[list], in_flight: int) -> Iterator:
    """Submit chunks, at most `in_flight` waiting at once (items are taken from `chunks` only as room frees
    up), and yield their results in input order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


class SerialExecutor:
    """Everything in this process, one item after another."""

    workers = 1
    shares_files = True

    def imap(self, fn: Callable, items: Iterable, chunk: int = 1) -> Iterator:
        return map(fn, items)

    def map(self, fn: Callable, items: Iterable, chunk: int = 1) -> list:
        return list(self.imap(fn, items, chunk))

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class PoolExecutor(SerialExecutor):
    """A pool of `jobs` local processes (started on first use); they read this machine's files."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self._pool: ProcessPoolExecutor | None = None

    def imap(self, fn: Callable, items: Iterable, chunk: int = 1) -> Iterator:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        pool = self._pool
        return _in_order(lambda c: pool.submit(_run_chunk, fn, c), _chunks(items, chunk),
                         self.workers * CHUNKS_PER_JOB)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskExecutor(SerialExecutor):
    """The workers of a Dask cluster, reached through its scheduler's address. They may be other machines:
    `shares_files` is False, so callers send data, never paths."""

    shares_files = False

    def __init__(self, address: str, timeout: float | None = None) -> None:
        if not ADDRESS.fullmatch(address):
            raise SchedulerError(f"--scheduler {address}: not a scheduler address such as tcp://10.0.0.5:8786")
        try:
            from distributed import Client
        except ImportError:
            raise SchedulerError(f"--scheduler {address}: Dask is not installed here: "
                                 "pip install 'broadsheet[cluster]'") from None
        try:
            self.client = Client(address, timeout=timeout or CONNECT_SECONDS, set_as_default=False)
        except Exception as err:  # OSError, TimeoutError, ValueError for a malformed address, …
            raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {_first_line(err)}") from None
        try:
            self.workers = self._check_workers(address, timeout or CONNECT_SECONDS)
        except BaseException:
            self.client.close()
            raise

    def _check_workers(self, address: str, timeout: float) -> int:
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except Exception:
            raise SchedulerError(f"the Dask scheduler at {address} has no workers "
                                 f"(start some: dask worker {address} --nthreads 1)") from None
        mine = converter_fingerprint()
        for worker, theirs in sorted(self.client.run(converter_fingerprint).items()):
            if theirs != mine:
                raise SchedulerError(f"Dask worker {worker} runs another version of the converter: "
                                     "install the same broadsheet on every worker")
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def imap(self, fn: Callable, items: Iterable, chunk: int = 1) -> Iterator:
        submit = self.client.submit
        return _in_order(lambda c: submit(_run_chunk_alone, fn, c, pure=False), _chunks(items, chunk),
                         self.workers * CHUNKS_PER_JOB)

    def close(self) -> None:
        self.client.close()


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]


def executor_for(jobs: int | None = None, scheduler: str | None = None):
    """The executor a run asked for: a Dask cluster given its scheduler's address (SchedulerError when it
    cannot be used), else `jobs` local processes (None or 0: one per core), one meaning this process.
    Use it in a `with` block; its `map(fn, items, chunk)` gives the results in input order."""
    if scheduler:
        return DaskExecutor(scheduler)
    jobs = jobs or default_jobs()
    return PoolExecutor(jobs) if jobs > 1 else SerialExecutor()


# -- one source --------------------------------------------------------------------------------------


@dataclass
class Payload:
    """A source's bytes and its sidecar's, read here with every check, to convert on another machine."""

    found: Found
    data: bytes | None = None
    sidecar: tuple[Path, bytes] | None = None
    source_error: str | None = None  # the source could not be read: why
    sidecar_error: str | None = None  # its sidecar could not be read: why


def load_payload(found: Found, max_bytes: int) -> Payload:
    """Read one source and its sidecar as the converter would (no link out of the root, no FIFO, size limit)."""
    from .sidecar import SidecarError, read_sidecar
    from .sources import SourceError, file_problem, read_bytes

    problem = file_problem(found.path, found.root or found.path.parent, max_bytes)  # again: it may have changed
    if problem:
        return Payload(found, source_error=problem)
    try:
        data = read_bytes(found.path, max_bytes)
    except SourceError as err:
        return Payload(found, source_error=str(err))
    try:
        return Payload(found, data, read_sidecar(found.path, found.root))
    except SidecarError as err:
        return Payload(found, data, sidecar_error=str(err))


def convert_payload(payload: Payload, options: Options) -> Outcome:
    """Check and convert one source read by `load_payload`; bad input becomes an error line naming the file."""
    from . import pipeline
    from .prepared import prepare
    from .sidecar import SidecarError, parse_sidecar
    from .sources import SourceError, source_from_bytes

    found, warnings = payload.found, []
    try:
        if payload.source_error is not None or payload.data is None:
            raise SourceError(payload.source_error or "cannot be read")
        source = source_from_bytes(found.path, payload.data, found.key)
        if not source.text.strip():
            raise SourceError("empty file: no text to convert")
        warnings = [found.said(w) for w in source.warnings]
        if payload.sidecar_error is not None:
            raise SidecarError(payload.sidecar_error)
        sidecar = parse_sidecar(*payload.sidecar) if payload.sidecar else {}
        result = pipeline.convert_source(source, sidecar, options.kind, options.explain)
        if not options.explain:  # its files and report entry, made here (with --explain the main process does)
            result.prepared = prepare(result)
            source.text = ""  # not needed past here (its words are in the articles and dropped lines): not held
    except (SourceError, SidecarError) as err:
        return Outcome(None, warnings, found.said(str(err)))
    except RecursionError:
        return Outcome(None, warnings, found.said("too deeply nested to convert"))
    return Outcome(result, warnings)


def convert_file(found: Found, options: Options) -> Outcome:
    """Read, check and convert one source; bad input becomes an error line naming the file."""
    return convert_payload(load_payload(found, options.max_bytes), options)


def triples_probe() -> int:
    """Python's string hashes differ between processes unless they share a start (a forked pool does): the
    word-triple hashes a worker made are used only where this value is the same."""
    return hash("broadsheet word triples")


def _convert_and_store(task: tuple[Found | Payload, Options, str | None, Path | None]) -> bytes:
    """In a worker: convert (reading the source first unless its bytes came along), keep a good result in
    the cache when given its folder, send it back pickled once, with its articles' word triples when the
    workers share this machine's files (a local pool: the duplicate search then need not hash them again)."""
    source, options, key, folder = task
    outcome = convert_payload(source, options) if isinstance(source, Payload) else convert_file(source, options)
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    if key is not None and folder is not None and outcome.result is not None:
        cache = Cache(folder)
        cache.store(key, data)
        if cache.warnings:
            outcome.warnings += cache.warnings
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    if outcome.result is not None and outcome.result.prepared is not None and not isinstance(source, Payload):
        from array import array

        from .merge import shingles

        outcome.triples = [array("q", shingles(a)) for a in outcome.result.articles]
        outcome.triples_probe = triples_probe()
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    return data


# -- many sources ------------------------------------------------------------------------------------


def _cached_outcome(cache: Cache, key: str, path: Path) -> Outcome | None:
    found = cache.load(key, path)
    if found is None or (isinstance(found, Outcome) and found.result is not None):
        return found
    cache.warnings.append(f"{path}: cached conversion {key}.pickle is not a conversion; converted again")
    return None


def _tasks(executor, sources: list[Found], options: Options, keys: list, cache_folder: Path | None):
    """What the executor is given for each source: its path when the workers share this filesystem (and the
    cache folder, where they keep their results), else its bytes, read here only as the executor takes them."""
    if executor.shares_files:
        return [(found, options, key, cache_folder) for found, key in zip(sources, keys)]
    return ((load_payload(found, options.max_bytes), options, None, None) for found in sources)


def _on_executor(executor, sources: list[Found], options: Options, keys: list,
                 cache: Cache | None, cache_folder: Path | None) -> list[Outcome]:
    tasks = _tasks(executor, sources, options, keys, cache_folder)
    chunk = max(1, min(len(sources) // (executor.workers * CHUNKS_PER_JOB),
                       MAX_CHUNK if executor.shares_files else CLUSTER_CHUNK))
    outcomes = []
    for data, key in zip(executor.imap(_convert_and_store, tasks, chunk), keys):
        outcome = pickle.loads(data)
        if cache is not None and key is not None and outcome.result is not None and not executor.shares_files:
            cache.store(key, data)  # the cluster's workers cannot write here: their results are kept here
        outcomes.append(outcome)
    return outcomes


def convert_all(sources: list[Found], options: Options, jobs: int | None = None,
                cache_folder: Path | None = None, progress=None,
                scheduler: str | None = None) -> tuple[list[Outcome], list[str], int]:
    """Outcomes in the order of `sources`, warnings about the cache or the pool, and how many came from the
    cache. `progress` (optional) wraps the list of sources converted in this process (a progress bar).
    With `scheduler` (a Dask scheduler's address) the sources are converted on that cluster, `jobs` unused;
    `SchedulerError` when it cannot be reached."""
    jobs = max(1, jobs or default_jobs())
    cache = Cache(cache_folder) if cache_folder is not None and not options.explain else None
    keys = [source_key(found, options) if cache else None for found in sources]
    outcomes: list[Outcome | None] = [None] * len(sources)
    for i, key in enumerate(keys):
        if cache is not None and key is not None:
            outcomes[i] = _cached_outcome(cache, key, sources[i].path)
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
    todo_sources, todo_keys = [sources[i] for i in todo], [keys[i] for i in todo]
    folder = cache_folder if cache else None
    notes = list(cache.warnings) if cache else []
    fresh: list[Outcome] | None = None
    if scheduler and todo:
        stored_before = len(cache.warnings) if cache else 0
        with DaskExecutor(scheduler) as executor:
            fresh = _on_executor(executor, todo_sources, options, todo_keys, cache, folder)
        notes += cache.warnings[stored_before:] if cache else []  # results this process failed to keep
    elif jobs > 1 and len(todo) > 1:
        try:
            with PoolExecutor(min(jobs, len(todo))) as executor:
                fresh = _on_executor(executor, todo_sources, options, todo_keys, cache, folder)
        except (OSError, BrokenProcessPool) as err:
            notes.append(f"could not convert in {jobs} processes ({type(err).__name__}: {err}); converted in one")
    if fresh is None:
        tasks = [(found, options, key, folder) for found, key in zip(todo_sources, todo_keys)]
        listed = progress(tasks) if progress else tasks
        fresh = [pickle.loads(_convert_and_store(task)) if cache else convert_file(task[0], options)
                 for task in listed]
    for i, outcome in zip(todo, fresh):
        outcomes[i] = outcome
    for outcome, key in zip(outcomes, keys):
        outcome.key = key
    return outcomes, notes, len(sources) - len(todo)
