"""Articles → files under the output folder, at stable, safe, unique paths.

- `OUT/articles/<issue>/<title-slug>.md`; a second article with the same
  title in the same issue gets `-2`, in source order, so paths are stable.
- Nothing is written outside OUT; a file is rewritten only when its bytes
  change; a file whose front matter says `locked: true` (hand-corrected) is
  never overwritten.
- An article file this run did not produce is *superseded* when every source
  it names was converted again in this run (its text now lives elsewhere, for
  example merged into a copy from another source): it is removed, unless
  locked. One whose source is gone, or was not converted this run, is stale:
  kept, and removed only on prune.
- A locked file is recognised by its provenance too: when the source's headline changed, the new
  conversion of the same lines is not written next to the hand edit (the run says so).
- Every file is written atomically (a temporary in the same folder, then `os.replace`) with the user's
  umask; the temporary is removed on any error. A full disk or a read-only folder stops the run's writes
  with one error line.
- An article file whose front matter cannot be read (broken YAML, not UTF-8) is left untouched and named
  in one error line.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from .model import Article
from .render import render_article
from .safe_yaml import MetadataLoader, first_line
from .sources import Said

ARTICLES_DIR = "articles"
MAX_SLUG = 80
MAX_SLUG_BYTES = 200


def slugify(text: str, max_len: int = MAX_SLUG) -> str:
    """Letters and digits joined by `-`: no dots, slashes or spaces, at most MAX_SLUG_BYTES in UTF-8."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    text = text[:max_len]
    while len(text.encode("utf-8")) > MAX_SLUG_BYTES:  # file names are limited to 255 bytes
        text = text[:-1]
    return text.strip("-_") or "untitled"


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    locked: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)
    pruned: list[Path] = field(default_factory=list)
    superseded: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # articles that could not be written: "path: reason"
    warnings: list[str] = field(default_factory=list)  # written, but worth a look (shared names, hand edits)
    paths: dict[int, Path] = field(default_factory=dict)  # id(article) -> path relative to OUT


def plan_paths(articles: list[Article]) -> dict[int, Path]:
    used: set[str] = set()
    planned = {}
    for article in articles:
        folder = slugify(article.issue or "loose")
        stem = slugify(article.title)
        candidate, n = f"{folder}/{stem}", 2
        while candidate.casefold() in used:
            candidate, n = f"{folder}/{stem}-{n}", n + 1
        used.add(candidate.casefold())
        planned[id(article)] = Path(ARTICLES_DIR) / f"{candidate}.md"
    return planned


def shared_issue_folders(articles: list[Article]) -> list[str]:
    """Warnings for issues whose names differ but give one folder name (`front page`/`front-page`,
    `Report`/`report`, NFC/NFD spellings): their articles share the folder under distinct file names."""
    names: dict[str, set[str]] = {}
    for article in articles:
        names.setdefault(slugify(article.issue or "loose"), set()).add(article.issue or "loose")
    return [f"issues {' and '.join(repr(n) for n in sorted(group))} share the folder {ARTICLES_DIR}/{slug}/: "
            "every article is kept under its own file name, each issue has its own page"
            for slug, group in sorted(names.items()) if len(group) > 1]


class Resolver:
    """`Path.resolve()` for many files in few folders: each folder is resolved once, a file itself only when it
    is a link."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return path.resolve() if os.path.islink(path) else folder / path.name


class Unreadable(Exception):
    """An article file whose front matter cannot be read; the message says why (one line)."""


def read_front_matter(path: Path) -> dict:
    """An article file's front matter ({} when it has none); `Unreadable` when it is not UTF-8 or not YAML."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise Unreadable(f"cannot be read: {err.strerror or err}") from None
    return parse_front_matter(data)


def parse_front_matter(data: bytes) -> dict:
    """The front matter of an article file's bytes (see `read_front_matter`)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("not UTF-8 (saved in another encoding?)") from None
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 3)
    end = end if end >= 0 else (len(text) - 4 if text.endswith("\n---") else -1)
    try:
        meta = yaml.load(text[4:end + 1] if end >= 0 else text[4:], Loader=MetadataLoader)
    except yaml.YAMLError as err:
        raise Unreadable(f"front matter is not valid YAML ({first_line(err)})") from None
    except (ValueError, RecursionError) as err:
        raise Unreadable(f"front matter is not valid YAML ({err})") from None
    return meta if isinstance(meta, dict) else {}


def _front_matter(path: Path) -> dict | None:
    """An article file's front matter; None when it cannot be read (not ours to judge)."""
    try:
        return read_front_matter(path)
    except Unreadable:
        return None


def is_locked(path: Path) -> bool:
    meta = _front_matter(path)
    return meta is None or bool(meta.get("locked"))  # an unreadable file is left alone


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes | Iterable[str], mode: int | None = None) -> None:
    """Write a file so that readers see the old or the new bytes, never a part: a temporary in the same
    folder, then `os.replace`. `data` may come in pieces (text written one after another, never all held).
    The file gets the user's umask (`mode` default 0o666 & ~umask); the temporary is removed on any error,
    which is raised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            for piece in [data] if isinstance(data, (str, bytes)) else data:
                out.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            out.flush()
            os.fchmod(out.fileno(), 0o666 & ~current_umask() if mode is None else mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


_write_atomic = write_atomic  # the name older code used
STOPPING = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}  # no later write can succeed either


def why_not_written(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "disk full"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the output folder is not writable (permission denied or read-only)"
    return str(err.strerror or err)


def _provenance_keys(meta: dict) -> list[tuple[str, str, int, int]]:
    keys = []
    for entry in meta.get("provenance") or []:
        if isinstance(entry, dict):
            lines = list(entry.get("lines") or [0, 0]) + [0, 0]
            try:
                keys.append((str(entry.get("file")), str(entry.get("sha256")), int(lines[0]), int(lines[1])))
            except (TypeError, ValueError):
                continue
    return keys


def same_article(old: list[tuple[str, str, int, int]], new: list[tuple[str, str, int, int]]) -> bool:
    """Provenance says two files hold one article: the same lines of the same bytes, or the same source file
    with line ranges that mostly overlap (its headline or text was edited since)."""
    for file, sha, first, last in new:
        for o_file, o_sha, o_first, o_last in old:
            if sha == o_sha and (first, last) == (o_first, o_last):
                return True
            shared = min(last, o_last) - max(first, o_first) + 1
            if file == o_file and shared > 0 and shared >= 0.5 * max(last - first + 1, o_last - o_first + 1):
                return True
    return False


@dataclass
class _Existing:
    """Article files already in the output folder, read once."""

    metas: dict[Path, dict] = field(default_factory=dict)
    unreadable: dict[Path, str] = field(default_factory=dict)
    locked: dict[Path, list[tuple[str, str, int, int]]] = field(default_factory=dict)  # unclaimed hand edits
    sizes: dict[Path, int] = field(default_factory=dict)

    @classmethod
    def read(cls, out: Path, resolved: Resolver) -> "_Existing":
        """Every article file's front matter, parsed only when its bytes changed since a run parsed it."""
        from .parsed_files import parsed_files

        found = cls()
        parsed = parsed_files(out, fresh=True)
        folder = out / ARTICLES_DIR
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            real = resolved(path)
            try:
                data = path.read_bytes()
                meta = found.metas[real] = parsed.get("writer", data, parse_front_matter)
            except OSError as err:
                found.unreadable[real] = f"cannot be read: {err.strerror or err}"
                continue
            except Unreadable as err:
                found.unreadable[real] = str(err)
                continue
            found.sizes[real] = len(data)
            if meta.get("locked"):
                found.locked[real] = _provenance_keys(meta)
        parsed.save()
        return found

    def locked_copy(self, article: Article, target: Path) -> Path | None:
        """A locked file elsewhere that holds this article (recognised by provenance); each is claimed once."""
        new = [(p.file, p.sha256, p.lines[0], p.lines[1]) for p in article.provenance]
        for path, keys in self.locked.items():
            if path != target and same_article(keys, new):
                del self.locked[path]
                return path
        return None


def write_articles(articles: list[Article], out: Path, prune: bool = False,
                   converted: frozenset[str] = frozenset(), rendered: dict[int, bytes] | None = None) -> WriteResult:
    """Write each article; `converted` names the sources this run converted (for superseded files);
    `rendered` holds id(article) → its file where a worker already rendered it."""
    result = WriteResult(paths=plan_paths(articles))
    result.warnings += shared_issue_folders(articles)
    resolved = Resolver()
    root = out.resolve()
    existing = _Existing.read(out, resolved)
    produced: set[Path] = set()
    for n, article in enumerate(articles):
        relative = result.paths[id(article)]
        target = resolved(out / relative)
        if root not in target.parents:
            result.errors.append(Said(out / relative, relative.as_posix(),
                                      "not written: it resolves outside the output folder"))
            continue
        produced.add(target)
        try:
            _write_one(article, target, out, existing, result, (rendered or {}).get(id(article)))
        except OSError as err:
            result.errors.append(Said(out / relative, relative.as_posix(), f"not written: {why_not_written(err)}"))
            if err.errno in STOPPING:
                left = len(articles) - n - 1
                if left:
                    result.errors.append(Said(out, "output folder", f"{left} more articles not written: "
                                                                    f"{why_not_written(err)}"))
                break
    _find_stale(out, produced, prune, converted, result, existing, articles, resolved)
    return result


def _write_one(article: Article, target: Path, out: Path, existing: _Existing, result: WriteResult,
               rendered: bytes | None = None) -> None:
    if target in existing.unreadable:
        _name_unreadable(out / target.relative_to(out.resolve()), out, existing.unreadable[target], result)
        return
    if target.exists() and existing.metas.get(target, {}).get("locked"):
        existing.locked.pop(target, None)
        result.locked.append(target)
        return
    twin = existing.locked_copy(article, target)
    if twin is not None:
        result.locked.append(twin)
        result.warnings.append(f"{twin.relative_to(out.resolve()).as_posix()}: hand-corrected (locked: true) and "
                               f"its source now gives this article as {article.title[:80]!r}: "
                               "the hand edit is kept, no second copy written")
        return
    data = rendered if rendered is not None else render_article(article).encode("utf-8")
    same_size = existing.sizes.get(target) == len(data) if target in existing.sizes else target.exists()
    if same_size and target.read_bytes() == data:
        result.unchanged.append(target)
        return
    write_atomic(target, data)
    result.written.append(target)


WORD = re.compile(r"\w+")
LIVES_ON = 0.9  # share of an old article's words a new conversion of its source must hold to supersede it


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def _text_lives_on(path: Path, keys: list[tuple[str, str, int, int]], articles: list[Article]) -> bool:
    """Whether an old article's text is in this run's articles from the sources it names. A source named
    like it but holding other text (a same-named file under another sources root) does not supersede it."""
    named = {key[0] for key in keys}
    new = set().union(*[_words(a.title + " " + " ".join(b.text for b in a.body)) for a in articles
                        if any(p.file in named for p in a.provenance)] or [set()])
    try:
        old = _words(path.read_text(encoding="utf-8").split("\n---\n", 1)[-1])  # the body
    except (OSError, UnicodeDecodeError):
        return False
    return not old or len(old & new) >= LIVES_ON * len(old)


def _find_stale(out: Path, produced: set[Path], prune: bool, converted: frozenset[str],
                result: WriteResult, existing: _Existing, articles: list[Article], resolved: Resolver) -> None:
    folder = out / ARTICLES_DIR
    if not folder.is_dir():
        return
    kept = set(result.locked)
    new = {(p.sha256, p.lines[0], p.lines[1]) for a in articles for p in a.provenance}
    for path in sorted(folder.rglob("*.md")):
        real = resolved(path)
        if real in produced or real in kept:
            continue
        if real in existing.unreadable:
            _name_unreadable(path, out, existing.unreadable[real], result)
            result.stale.append(path)
            continue
        meta = existing.metas.get(real) or {}
        if meta.get("locked"):  # hand-corrected: kept, never removed
            result.stale.append(path)
            continue
        keys = _provenance_keys(meta)
        sources = {key[0] for key in keys}
        moved = bool(keys) and all((sha, first, last) in new for _, sha, first, last in keys)  # same bytes, new path
        if moved or (sources and sources <= converted and _text_lives_on(path, keys, articles)):
            _remove(path, folder)
            result.superseded.append(path)
        elif prune:
            _remove(path, folder)
            result.pruned.append(path)
        else:
            result.stale.append(path)


def _name_unreadable(path: Path, out: Path, reason: str, result: WriteResult) -> None:
    relative = path.relative_to(out).as_posix()
    if not any(e.startswith(relative + ":") for e in result.errors):
        result.errors.append(f"{relative}: {reason}: left untouched (a hand-corrected file? fix its front matter)")


def _remove(path: Path, articles_folder: Path) -> None:
    """Delete an article file, and its issue folder once nothing is left in it."""
    path.unlink()
    if path.parent != articles_folder and not any(path.parent.iterdir()):
        path.parent.rmdir()
