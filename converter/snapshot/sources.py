"""The sources as given, copied into the bag byte for byte, keyed by path under the sources root.

The root is the folder given (or the common folder of several paths), so `site_src/` puts
`site_src/a.txt` at `data/sources/a.txt`. Hidden files and folders (which the converter does not
read) stay out, and so does anything a symbolic link would bring in from outside the root.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class SourcesError(Exception):
    """A source path that cannot be packaged; the message names it."""


def sources_root(paths: list[Path]) -> Path:
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _files_under(path: Path) -> list[tuple[Path, str]]:
    """(file, path relative to the given folder) for each file; a given file is its own name."""
    if path.is_file():
        return [(path, path.name)]
    if not path.is_dir():
        raise SourcesError(f"{path}: no such file or folder")
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [(Path(folder) / name, (Path(folder) / name).relative_to(path).as_posix())
                  for name in sorted(files) if not name.startswith(".")]
    return found


def source_files(paths: list[Path]) -> dict[str, Path]:
    """Bag key (POSIX path under the root) → file, for every regular file under the given paths."""
    root = sources_root(paths)
    keyed: dict[str, Path] = {}
    for path in paths:
        base = (path.resolve() if path.is_dir() else path.resolve().parent).relative_to(root)
        for file, relative in _files_under(path):
            if not file.is_file() or not file.resolve().is_relative_to(root):
                continue  # a link to something outside the sources is never published
            keyed.setdefault((base / relative).as_posix(), file)
    return dict(sorted(keyed.items()))


def collect_sources(paths: list[Path], target: Path) -> dict[str, Path]:
    """Copy every source file to `target/<key>` (bytes only: no times or modes carried over)."""
    keyed = source_files(paths)
    for key, file in keyed.items():
        destination = target / key
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)
    target.mkdir(parents=True, exist_ok=True)
    return keyed
