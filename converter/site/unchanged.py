"""A `broadsheet build` after one with the same inputs prepares nothing again.

Preparing the docs folder (converting, writing articles, copying raw sources, the browse pages and
feeds) is a function of the sources' bytes, the sidecars', the settings and options, and the converter
itself, applied to the docs folder as the last run left it. So the last good run's key of those inputs is
kept with a listing of the docs folder it left (each file's path, size and modification time), in
`docs/.broadsheet-cache/last-prepare.pickle`. When both match, the last run's result stands and nothing
is converted or written; any source changed, added or removed (by content: timestamps alone do not
count), any file of the docs folder touched, or a new converter, and the docs are prepared in full
(with the conversion cache). A source that cannot be read makes no key: then the run prepares in full
and says why, as always. A link among the sources counts by where it leads (it is never opened here);
a build that follows it reads the converter's way.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..cache import CACHE_DIR, converter_fingerprint
from ..sidecar import sidecar_path
from ..sources import SourceError, read_bytes

RECORD = "last-prepare.pickle"


def _files(paths: list[Path]) -> list[Path]:
    """Every file a conversion of `paths` may read: all files under a folder, a named file and its sidecar."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink())
        else:
            files += [path] + [s for s in [sidecar_path(path)] if s is not None]
    return files


def inputs_key(paths: list[Path], options: object, max_bytes: int) -> str | None:
    """A hash of everything preparing the docs reads besides the docs folder; None when a file cannot be
    read safely (no shortcut then)."""
    digest = hashlib.sha256(f"{converter_fingerprint()}\0{options!r}\0{max_bytes}\0".encode("utf-8", "surrogateescape"))
    for path in paths:
        digest.update(f"root {os.path.abspath(path)}\0".encode("utf-8", "surrogateescape"))
    for file in _files(paths):
        if file.is_symlink():  # by where it leads: nothing outside the sources is opened here
            digest.update(f"{os.path.abspath(file)}\0link {os.readlink(file)}\0".encode("utf-8", "surrogateescape"))
            continue
        try:
            data = read_bytes(file, max_bytes)
        except (SourceError, OSError):
            return None
        digest.update(f"{os.path.abspath(file)}\0".encode("utf-8", "surrogateescape"))
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def docs_listing(docs: Path) -> list[tuple[str, int, int]]:
    """Path, size and modification time of every file in the docs folder but the cache."""
    listing = []
    for folder, subfolders, names in os.walk(docs):
        subfolders[:] = sorted(d for d in subfolders if not (folder == str(docs) and d == CACHE_DIR))
        for name in sorted(names):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            listing.append((os.path.relpath(path, docs), info.st_size, info.st_mtime_ns))
    return listing


def last_result(docs: Path, key: str | None) -> dict | None:
    """The last run's result when it had these inputs and the docs folder is as it left it."""
    if key is None:
        return None
    try:
        with (docs / CACHE_DIR / RECORD).open("rb") as handle:
            record = pickle.load(handle)
    except Exception:  # missing, truncated or foreign: prepare in full
        return None
    if not isinstance(record, dict) or record.get("key") != key or record.get("docs") != docs_listing(docs):
        return None
    return record.get("result")


def forget(docs: Path) -> None:
    (docs / CACHE_DIR / RECORD).unlink(missing_ok=True)


def remember(docs: Path, key: str | None, result: dict) -> None:
    """Keep this run's key, the docs folder's listing and the result (a failure costs a full run next time)."""
    if key is None:
        return
    path = docs / CACHE_DIR / RECORD
    temp = path.with_suffix(".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            pickle.dump({"key": key, "docs": docs_listing(docs), "result": result}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)
