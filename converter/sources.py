"""Finding input files and reading them as text, whatever their encoding."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Source

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SIDECAR_SUFFIXES = {".yml", ".yaml"}


class SourceError(Exception):
    """A file that cannot be read as a news source; the message says why."""


@dataclass
class Found:
    path: Path
    problem: str | None = None


def discover(paths: list[Path]) -> list[Found]:
    """Every source file under the given files and folders, sorted, loops and sidecars skipped."""
    found: dict[str, Found] = {}
    for path in paths:
        if path.is_dir():
            for item in _walk(path):
                found.setdefault(str(item.path), item)
        elif path.exists() or path.is_symlink():
            found.setdefault(str(path), Found(path))
        else:
            found.setdefault(str(path), Found(path, "no such file or folder"))
    return [found[k] for k in sorted(found)]


def _walk(root: Path) -> list[Found]:
    items, seen = [], set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            items.append(Found(Path(folder), "symlink loop: this folder was already read"))
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() in SIDECAR_SUFFIXES or name.upper() == "SOURCES.MD":
                continue
            if path.suffix.lower() in TEXT_SUFFIXES:
                items.append(Found(path))
    return items


def read_source(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except PermissionError:
        raise SourceError("cannot be read: permission denied") from None
    except OSError as err:
        raise SourceError(f"cannot be read: {err.strerror or err}") from None
    from .decode import decode_bytes

    text, encoding, warnings = decode_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=path, name=path.name, sha256=digest, text=text, encoding=encoding, warnings=warnings)
