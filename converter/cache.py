"""A content-hash cache of per-source conversions, so an unchanged source is not converted again.

An entry's key is the SHA-256 of everything a source's conversion depends on: the source's path
and bytes, its sidecar's path and bytes, the options (`--format`), and the converter itself (its
version and a hash of every file of the `converter` package, so any code change starts afresh).
The entry is the pickled conversion result, kept under `OUT/.broadsheet-cache/` (MkDocs leaves
dot-folders out of the site; the folder is ignored by git). An entry that cannot be read is
ignored with a warning and the source is converted again.

The cache is the user's own output, trusted like the rest of OUT; never point it at a folder
others can write to (pickle runs code on load).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .sidecar import sidecar_path

CACHE_DIR = ".broadsheet-cache"
FORMAT = 1  # bump when what is stored changes shape
PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def converter_fingerprint() -> str:
    """The converter's version and a hash of its files: any edit to the converter changes it."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    try:
        digest.update(version("broadsheet").encode())
    except PackageNotFoundError:  # pragma: no cover - running from a checkout without installing
        pass
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def source_key(found, options) -> str | None:
    """The key of one source's conversion (a `sources.Found` with the run's `parallel.Options`), or None when
    its files cannot be read safely (the conversion then reports why). Files are read as the converter
    reads them: no FIFO, device or link out of the sources root is ever opened here."""
    from .sources import SourceError, file_problem, read_bytes

    digest = hashlib.sha256(converter_fingerprint().encode())
    try:
        digest.update(f"\0{options.kind}\0{found.key}\0{found.path}\0{found.root}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(read_bytes(found.path, options.max_bytes)).digest())
        sidecar = sidecar_path(found.path)
        if sidecar is not None:
            if file_problem(sidecar, found.root or sidecar.parent, options.max_bytes):
                return None
            digest.update(f"\0{sidecar}\0".encode("utf-8", "surrogateescape"))
            digest.update(hashlib.sha256(read_bytes(sidecar, options.max_bytes)).digest())
    except (OSError, ValueError, SourceError):
        return None
    return digest.hexdigest()


@dataclass
class Cache:
    """Entries under `folder`, one file each, named by key."""

    folder: Path
    warnings: list[str] = field(default_factory=list)

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str, source: Path):
        entry = self._entry(key)
        try:
            with entry.open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as err:  # a truncated or foreign file: convert again, say so
            self.warnings.append(f"{source}: cached conversion {entry.name} unreadable "
                                 f"({type(err).__name__}); converted again")
            return None

    def store(self, key: str, data: bytes) -> None:
        """Keep `data` (a pickle) as the entry for `key`; a failure costs a conversion next time, nothing else."""
        entry = self._entry(key)
        temp = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, entry)  # readers see a whole entry or none
            temp = None
        except OSError as err:
            self.warnings.append(f"{entry}: conversion not cached ({err.strerror or err})")
        finally:
            if temp is not None:
                Path(temp).unlink(missing_ok=True)


MERGE_DIR = "merge"


def merged_with_cache(articles: list, keys: list[str | None], folder: Path | None,
                      known: list | None = None, jobs: int = 1) -> tuple[list, list[str], list[str]]:
    """Duplicate merging, its decisions read from the cache when the same sources come in the same order, and
    its search limited to the new articles' windows when the last run's articles come first, unchanged.

    `known` (optional): each article's word-triple hashes where a worker made them, else None; `jobs`: processes
    for the search.
    Returns the kept articles, the merge notes and warnings about the cache."""
    from .merge import Search, apply_groups, merge_groups

    if folder is None or None in keys:
        return (*apply_groups(articles, merge_groups(articles, known, jobs)), [])
    digest = hashlib.sha256(f"{converter_fingerprint()}\0merge\0".encode())
    digest.update("\n".join(keys).encode())  # type: ignore[arg-type]
    entry = folder / MERGE_DIR / f"{digest.hexdigest()}.json"
    warnings: list[str] = []
    groups = _load_groups(entry, len(articles), warnings)
    if groups is None:
        prints = _article_prints(articles, keys)  # type: ignore[arg-type]
        found = Search()
        groups = merge_groups(articles, known, jobs, _earlier_search(folder, prints), found)
        _store_groups(entry, groups, warnings)
        _store_search(folder, prints, found, warnings)
    return (*apply_groups(articles, groups), warnings)


SEARCH_ENTRY = Path("merge-search") / "pairs.json"  # beside the decisions, which keep only the latest


def _article_prints(articles: list, keys: list[str]) -> list[str]:
    """Per article, what its pairs depend on: its source's key (the source's bytes, sidecar, options and the
    converter's code) and what the main process may have changed since (a jump joined to it, its title)."""
    return [hashlib.sha256(f"{key}\0{a.title}\0{a.date}\0{a.url}\0{sum(len(b.text) for b in a.body)}\0"
                           f"{a.provenance[0].file}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
            for a, key in zip(articles, keys)]


def _prefix_digest(prints: list[str], count: int) -> str:
    return hashlib.sha256(f"{converter_fingerprint()}\0search\0".encode() + "\n".join(prints[:count]).encode()).hexdigest()


def _earlier_search(folder: Path, prints: list[str]):  # type: ignore[no-untyped-def]
    """The last run's candidate pairs when its articles are this run's first ones, unchanged; else None."""
    from .merge import Search

    try:
        saved = json.loads((folder / SEARCH_ENTRY).read_text(encoding="utf-8"))
        count, pairs = int(saved["count"]), [(int(i), int(j)) for i, j in saved["pairs"]]
        if not 0 < count < len(prints) or saved["prefix"] != _prefix_digest(prints, count):
            return None
        if any(not 0 <= i < j < count for i, j in pairs):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none kept, or damaged: the search is done in full
    return Search(count, pairs)


def _store_search(folder: Path, prints: list[str], found, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    entry = folder / SEARCH_ENTRY
    data = {"count": found.count, "prefix": _prefix_digest(prints, found.count), "pairs": found.pairs}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp = entry.with_suffix(".tmp")
        temp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temp, entry)
    except OSError as err:
        warnings.append(f"{entry}: duplicate search not cached ({err.strerror or err})")


def _load_groups(entry: Path, count: int, warnings: list[str]) -> list[list[int]] | None:
    try:
        groups = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        warnings.append(f"{entry}: cached merge decisions unreadable ({type(err).__name__}); merged again")
        return None
    flat = [i for g in groups for i in g] if isinstance(groups, list) and all(
        isinstance(g, list) and g and all(type(i) is int for i in g) for g in groups) else None
    if flat is None or sorted(flat) != list(range(count)):
        warnings.append(f"{entry}: cached merge decisions do not fit these articles; merged again")
        return None
    return groups


def _store_groups(entry: Path, groups: list[list[int]], warnings: list[str]) -> None:
    """Keep only the latest decisions: they serve the next run with nothing changed."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        for old in entry.parent.glob("*.json"):
            old.unlink()
        temp = entry.with_suffix(".tmp")
        temp.write_text(json.dumps(groups, separators=(",", ":")), encoding="utf-8")
        os.replace(temp, entry)
    except OSError as err:
        warnings.append(f"{entry}: merge decisions not cached ({err.strerror or err})")
