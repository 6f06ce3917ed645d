"""Article files parsed once: what reading a file's front matter gave, remembered by the file's bytes.

The writer (to find locked and superseded files) and the site (browse pages, feeds, the plugin) read
the front matter of every article file on every run; parsing YAML is most of that time. Here each
reader's result is kept under a hash of the file's bytes (and the reader's name), in
`OUT/.broadsheet-cache/parsed-files.pickle`: a file whose bytes did not change is not parsed again,
whatever its timestamps say, and a changed file always is; any change to the converter (the readers'
code) starts afresh. Only what this run read is kept, so the
store does not grow with files that are gone. A store that cannot be read is ignored (everything is
parsed); one that cannot be written costs the parsing next time, nothing else. Like the conversion
cache, it is the user's own output and trusted as such (pickle).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

from .cache import CACHE_DIR, converter_fingerprint

STORE = "parsed-files.pickle"
T = TypeVar("T")
_open: dict[str, "ParsedFiles"] = {}  # one per output folder in a process


class ParsedFiles:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / CACHE_DIR / STORE
        self.known: dict[tuple[str, bytes], object] = {}
        self.used: dict[tuple[str, bytes], object] = {}
        try:
            with self.path.open("rb") as handle:
                found = pickle.load(handle)
            if isinstance(found, dict) and found.get("converter") == converter_fingerprint():
                self.known = found["entries"]
        except Exception:  # missing, truncated or foreign: parse everything
            self.known = {}

    def get(self, reader: str, data: bytes, parse: Callable[[bytes], T]) -> T:
        """`parse(data)`, or what it gave for the same bytes before. An exception is not remembered."""
        key = (reader, hashlib.blake2b(data, digest_size=20).digest())
        if key in self.used:
            return self.used[key]  # type: ignore[return-value]
        value = self.known[key] if key in self.known else parse(data)
        self.used[key] = value
        return value  # type: ignore[return-value]

    def remember(self, reader: str, data: bytes, value: object) -> None:
        """Say what `reader` gives for `data` (a value made elsewhere, e.g. the hash of a page written)."""
        self.used[(reader, hashlib.blake2b(data, digest_size=20).digest())] = value

    def save(self) -> None:
        if self.used == self.known:
            return
        temp = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temp.open("wb") as handle:
                pickle.dump({"converter": converter_fingerprint(), "entries": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
            self.known.update(self.used)  # a later stage of this run (raw pages) still finds what it made last run
        except OSError:
            temp.unlink(missing_ok=True)


def parsed_files(folder: Path, fresh: bool = False) -> ParsedFiles:
    """The store of an output folder, opened once per process (`fresh`: forget what this process read,
    at the start of a run, so the store keeps only the files of that run)."""
    key = str(Path(folder).resolve())
    if fresh or key not in _open:
        previous = _open.get(key)
        _open[key] = ParsedFiles(folder)
        if previous is not None:
            _open[key].known.update(previous.used)
    return _open[key]
