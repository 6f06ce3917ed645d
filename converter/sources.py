"""Finding input files and reading them as text, whatever their encoding."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .decode import SourceError, decode_bytes
from .model import Source

__all__ = ["Found", "SourceError", "decode_bytes", "discover", "read_source"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
SIDECAR_SUFFIXES = {".yml", ".yaml"}


FOLDER_NOTES = {"README.MD", "SOURCES.MD", "README.TXT", "README"}  # notes about a folder, not news


@dataclass
class Found:
    path: Path
    problem: str | None = None  # an error: the file should be a source but cannot be read
    skipped: str | None = None  # not a source at all (hidden, another format, folder notes): reported


def _why_not_a_source(path: Path) -> str | None:
    """Why a file met while walking a folder is not read as a source (None: it is one)."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith("."):
        return "hidden file: not read (name it without the leading dot to convert it)"
    if name.upper() in FOLDER_NOTES:
        return "folder notes (README/SOURCES), not a news source"
    if suffix not in TEXT_SUFFIXES:
        return f"not a text source ({suffix}): convert it to .txt or .md first"
    return None


def discover(paths: list[Path]) -> list[Found]:
    """Every file under the given files and folders, sorted: sources, and those skipped with the reason
    (sidecars are read with their source and not listed)."""
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
        hidden = sorted(d for d in dirs if d.startswith("."))
        items += [Found(Path(folder) / d, skipped="hidden folder: not read") for d in hidden]
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() in SIDECAR_SUFFIXES and not name.startswith("."):
                continue
            items.append(Found(path, skipped=_why_not_a_source(path)))
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
    text, encoding, warnings = decode_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=path, name=path.name, sha256=digest, text=text, encoding=encoding, warnings=warnings)
