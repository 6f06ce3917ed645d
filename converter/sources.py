"""Finding input files and reading them as text, whatever their encoding."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .decode import SourceError, decode_bytes
from .model import Source

__all__ = ["Found", "SourceError", "decode_bytes", "discover", "read_source"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
# News markup the structured readers read (NITF, NewsML, SGML collections, crawler XML, saved pages).
MARKUP_SUFFIXES = {".xml", ".nitf", ".sgml", ".sgm", ".html", ".htm"}
SIDECAR_SUFFIXES = {".yml", ".yaml"}


FOLDER_NOTES = {"README.MD", "SOURCES.MD", "README.TXT", "README"}  # notes about a folder, not news


DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # a page dump is kilobytes; a whole year of a daily is a few megabytes


class Said(str):
    """A message naming a file as the user typed it (for the terminal), that also knows its published form:
    the same message naming the file by its path relative to the sources root (for the report)."""

    published: str

    def __new__(cls, path: object, key: str, message: str) -> "Said":
        said = super().__new__(cls, f"{path}: {message}")
        said.published = f"{key}: {message}"
        return said

    def __reduce__(self):  # sent between processes (--jobs) and kept in the conversion cache
        return _said_again, (str(self), self.published)


def _said_again(text: str, published_text: str) -> Said:
    said = str.__new__(Said, text)
    said.published = published_text
    return said


def published(message: str) -> str:
    """How a message appears in the published report (a `Said` names the file relative to its sources root)."""
    return getattr(message, "published", message)


@dataclass
class Found:
    path: Path
    problem: str | None = None  # an error: the file should be a source but cannot be read
    skipped: str | None = None  # not a source at all (hidden, another format, folder notes): reported
    key: str = ""  # the path relative to the sources root (posix): the source's name in every output
    root: Path | None = None  # the sources root it was found under (a folder named, or a named file's folder)

    def __post_init__(self) -> None:
        self.key = self.key or self.path.name

    def said(self, message: str) -> Said:
        return Said(self.path, self.key, message)


def _why_not_a_source(path: Path) -> str | None:
    """Why a file met while walking a folder is not read as a source (None: it is one)."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith("."):
        return "hidden file: not read (name it without the leading dot to convert it)"
    if name.upper() in FOLDER_NOTES:
        return "folder notes (README/SOURCES), not a news source"
    if suffix not in TEXT_SUFFIXES | MARKUP_SUFFIXES:
        return f"not a text source ({suffix}): convert it to .txt or .md first"
    return None


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether `path`, with every symbolic link followed, lies inside the folder `root` (links followed too)."""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def file_problem(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Why a file may not be opened as a source, from lstat/stat only (a FIFO is never opened): a symbolic link
    leading outside the sources root, anything but a regular file, or a file over the size limit."""
    try:
        if os.path.islink(path) and not inside(path, root):
            return "symbolic link leading outside the sources folder: not read"
        info = os.stat(path)
    except FileNotFoundError:
        return "broken symbolic link: not read" if os.path.islink(path) else "no such file or folder"
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    if not stat.S_ISREG(info.st_mode):
        return f"{_kind_of(info.st_mode)}, not a regular file: not read"
    if info.st_size > max_bytes:
        return too_large(info.st_size, max_bytes)
    return None


def too_large(size: int, max_bytes: int) -> str:
    return (f"larger than the source size limit ({size:,} bytes > {max_bytes:,}): not read "
            "(raise the limit with --max-source-size)")


def discover(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Found]:
    """Every file under the given files and folders, sorted: sources, and those skipped with the reason
    (sidecars are read with their source and not listed). A folder named is a sources root; a file named
    belongs to the root of its own folder. Nothing outside a root is read, nothing but regular files opened."""
    found: dict[str, Found] = {}
    for path in paths:
        if path.is_dir():
            for item in _walk(path, max_bytes):
                found.setdefault(os.path.abspath(item.path), item)
        elif path.exists() or path.is_symlink():
            root = path.parent
            found.setdefault(os.path.abspath(path), Found(path, file_problem(path, root, max_bytes), root=root))
        else:
            found.setdefault(os.path.abspath(path), Found(path, "no such file or folder"))
    listed = [found[k] for k in sorted(found)]
    _unique_keys(listed)
    return listed


def _unique_keys(listed: list[Found]) -> None:
    """Two roots can hold the same relative path (`a/front.txt` and `b/front.txt` named on one command line):
    such keys take as many of their folders' names as make them distinct, so no two sources share a name."""
    by_key: dict[str, list[Found]] = {}
    for item in listed:
        by_key.setdefault(item.key, []).append(item)
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        for depth in range(1, 64):
            keys = [_with_folders(item, depth) for item in group]
            if len(set(keys)) == len(keys):
                break
        for item, longer in zip(group, keys):
            item.key = longer


def _with_folders(item: Found, depth: int) -> str:
    parts = Path(os.path.abspath(item.path)).parts
    extra = len(Path(item.key).parts) + depth
    return "/".join(parts[-extra:]) if extra < len(parts) else "/".join(parts[1:])


def _walk(root: Path, max_bytes: int) -> list[Found]:
    items, seen = [], set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        here = Path(folder)
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            items.append(_found(here, root, problem="symlink loop: this folder was already read"))
            continue
        seen.add(real)
        hidden = sorted(d for d in dirs if d.startswith("."))
        items += [_found(here / d, root, skipped="hidden folder: not read") for d in hidden]
        leaving = sorted(d for d in dirs if not d.startswith(".") and not inside(here / d, root))
        items += [_found(here / d, root, problem="symbolic link leading outside the sources folder: not read")
                  for d in leaving]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in leaving)
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() in SIDECAR_SUFFIXES and not name.startswith("."):
                continue
            skipped = _why_not_a_source(path)
            problem = None if skipped else file_problem(path, root, max_bytes)
            items.append(_found(path, root, problem=problem, skipped=skipped))
    return items


def _found(path: Path, root: Path, problem: str | None = None, skipped: str | None = None) -> Found:
    return Found(path, problem, skipped, key=path.relative_to(root).as_posix(), root=root)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A regular file's bytes, at most `max_bytes`. Opened without blocking (a FIFO swapped in after discovery
    cannot hang the run) and checked with fstat before a byte is read."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except PermissionError:
        raise SourceError("cannot be read: permission denied") from None
    except OSError as err:
        raise SourceError(f"cannot be read: {err.strerror or err}") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{_kind_of(info.st_mode)}, not a regular file: not read")
        try:
            data = _read_at_most(stream, max_bytes + 1, info.st_size)
        except OSError as err:
            raise SourceError(f"cannot be read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise SourceError(too_large(max(len(data), info.st_size), max_bytes))
    return data


def _read_at_most(stream: BinaryIO, limit: int, size: int) -> bytes:
    """`stream.read(limit)`, asking first for the size fstat gave (and one byte more), so a small file does not
    cost a buffer of `limit` bytes; a file that grew since then is read on to the limit."""
    data = stream.read(min(limit, size + 1))
    if size < len(data) < limit:
        data += stream.read(limit - len(data))
    return data


def read_source(path: Path, key: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """One source, decoded; `key` is its name in every output (its path relative to the sources root)."""
    return source_from_bytes(path, read_bytes(path, max_bytes), key)


def source_from_bytes(path: Path, data: bytes, key: str | None = None) -> Source:
    """A source from bytes already read (by `read_bytes`, here or on the machine that holds the sources)."""
    text, encoding, warnings = decode_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    return Source(path=path, name=key or path.name, sha256=digest, text=text, encoding=encoding, warnings=warnings)
