"""Raw sources copied into the docs folder (`raw/<key>.txt`, the bytes as given) with a page to read each
(`raw/<key>.html`, numbered lines: see `rawpages`), so article footers can link them.

A source is named by its path relative to the sources root (`2024/front.txt`), so two same-named files in
two folders get two copies. Only the bytes that were converted are copied (checked by sha256), read the safe
way (regular files only, size-limited), and each copy is written atomically. A source whose file
(size, modification time, inode), copy and reading page are as the last run left them, with the same
hash in the report, is not read again (a daily rebuild would read every source of the archive).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..cache import CACHE_DIR
from ..sources import DEFAULT_MAX_BYTES, SourceError, decode_bytes, read_bytes
from ..writer import write_atomic
from .article_html import RAW_DIR, raw_src
from .rawpages import raw_page, raw_page_src


def copy_sources(report: dict, docs: Path, still_named: frozenset[str] = frozenset(),
                 local_paths: dict[str, Path] | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Copy every converted source next to the pages. Remove copies no article names any more;
    a copy named by a kept (stale or hand-corrected) article stays, so its footer link still works.
    `local_paths` maps each source's key to where it was read (the report holds keys only)."""
    local_paths = local_paths or {}
    wanted: dict[str, tuple[str, Path, str]] = {}
    for source in report.get("sources", []):
        key = source.get("file")
        path = local_paths.get(key) if key else None
        if path is not None:
            wanted.setdefault(raw_src(key), (key, path, str(source.get("sha256"))))
    copied = []
    last, done = _load_copies(docs), {}
    for src, (key, path, sha) in wanted.items():
        target = docs / src
        state = (sha, str(path), _stat(path), _stat(target), _stat(docs / raw_page_src(key)))
        if last.get(src) == state:  # the same source, copy and page as the last run left them
            done[src] = state
            copied.append(src)
            continue
        try:
            data = read_bytes(path, max_bytes)
        except SourceError:
            continue
        if hashlib.sha256(data).hexdigest() != sha:  # changed since it was converted: not what the article says
            continue
        if not target.exists() or target.read_bytes() != data:
            write_atomic(target, data)
        _write_page(docs, key, data, sha)
        done[src] = (sha, str(path), _stat(path), _stat(target), _stat(docs / raw_page_src(key)))
        copied.append(src)
    _save_copies(docs, done)
    from ..parsed_files import parsed_files

    parsed_files(docs).save()
    pages = {raw_page_src(key) for key, _, _ in wanted.values()}
    kept = {raw_src(name) for name in still_named} | {raw_page_src(name) for name in still_named}
    folder = docs / RAW_DIR
    if folder.is_dir():
        for old in sorted(folder.rglob("*")):
            src = old.relative_to(docs).as_posix()
            if old.is_file() and src not in wanted and src not in pages and src not in kept:
                old.unlink()
    return sorted(copied)


def _write_page(docs: Path, key: str, data: bytes, sha: str) -> None:
    """The reading page, from the text the converter read (so its line numbers are the provenance's).
    A page already holding what these bytes give (its hash remembered from the run that wrote it) is
    neither decoded nor rendered again."""
    from ..parsed_files import parsed_files

    target = docs / raw_page_src(key)
    parsed = parsed_files(docs)
    made = parsed.get(f"raw page {key}", data, lambda _: None)
    if made is not None and _digest(target) == made:
        return
    try:
        text, encoding, _ = decode_bytes(data)
    except SourceError:
        return
    page = raw_page(key, text, encoding, sha).encode("utf-8")
    parsed.remember(f"raw page {key}", data, hashlib.blake2b(page, digest_size=20).digest())
    if not target.exists() or target.read_bytes() != page:
        write_atomic(target, page)


COPIES = "raw-copies.pickle"  # in the docs folder's cache: each copy's source and files as last written


def _stat(path: Path) -> tuple[int, int, int] | None:
    """Size, modification time and inode: a file rewritten or replaced since shows another."""
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ino)


def _load_copies(docs: Path) -> dict:
    try:
        with (docs / CACHE_DIR / COPIES).open("rb") as handle:
            found = pickle.load(handle)
        return found if isinstance(found, dict) else {}
    except Exception:  # none yet, or unreadable: every source is read and checked again
        return {}


def _save_copies(docs: Path, copies: dict) -> None:
    path = docs / CACHE_DIR / COPIES
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, pickle.dumps(copies, protocol=pickle.HIGHEST_PROTOCOL))


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=20).digest()
    except OSError:
        return None
