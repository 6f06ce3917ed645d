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
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter

from .model import Article
from .render import render_article

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


def _front_matter(path: Path) -> dict | None:
    """An article file's front matter; None when it cannot be read (not ours to judge)."""
    try:
        return frontmatter.load(path).metadata
    except Exception:
        return None


def is_locked(path: Path) -> bool:
    meta = _front_matter(path)
    return meta is None or bool(meta.get("locked"))  # an unreadable file is left alone


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".md")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temp, path)


def write_articles(articles: list[Article], out: Path, prune: bool = False,
                   converted: frozenset[str] = frozenset()) -> WriteResult:
    """Write each article; `converted` names the sources this run converted (for superseded files)."""
    result = WriteResult(paths=plan_paths(articles))
    root = out.resolve()
    for article in articles:
        target = (out / result.paths[id(article)]).resolve()
        if root not in target.parents:
            result.errors.append(f"{out / result.paths[id(article)]}: not written: it resolves outside {out}")
            continue
        text = render_article(article)
        if target.exists():
            if is_locked(target):
                result.locked.append(target)
                continue
            if target.read_text(encoding="utf-8", errors="replace") == text:
                result.unchanged.append(target)
                continue
        try:
            _write_atomic(target, text)
        except OSError as err:
            result.errors.append(f"{target}: not written: {err.strerror or err}")
            continue
        result.written.append(target)
    _find_stale(out, {(out / p).resolve() for p in result.paths.values()}, prune, converted, result)
    return result


def _find_stale(out: Path, produced: set[Path], prune: bool, converted: frozenset[str],
                result: WriteResult) -> None:
    folder = out / ARTICLES_DIR
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*.md")):
        if path.resolve() in produced:
            continue
        meta = _front_matter(path)
        if meta is None or meta.get("locked"):  # unreadable or hand-corrected: kept, never removed
            result.stale.append(path)
            continue
        sources = {str(entry.get("file")) for entry in meta.get("provenance") or [] if isinstance(entry, dict)}
        if sources and sources <= converted:
            _remove(path, folder)
            result.superseded.append(path)
        elif prune:
            _remove(path, folder)
            result.pruned.append(path)
        else:
            result.stale.append(path)


def _remove(path: Path, articles_folder: Path) -> None:
    """Delete an article file, and its issue folder once nothing is left in it."""
    path.unlink()
    if path.parent != articles_folder and not any(path.parent.iterdir()):
        path.parent.rmdir()
