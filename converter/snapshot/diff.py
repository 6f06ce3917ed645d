"""`broadsheet diff OLD NEW`: what changed between two snapshots, or a snapshot and a docs folder.

Articles are matched by identity — the source lines they came from (`provenance`: file and line
range), else their path — so a corrected headline in a hand-locked article is a change, not a
removal and an addition. Sources are compared by sha256, from each side's conversion report.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import frontmatter


class DiffError(Exception):
    """A side that is neither a snapshot nor a docs folder; the message names it."""


@dataclass
class ArticleRecord:
    identity: str
    path: str
    title: str
    meta: dict
    paragraphs: list[str]


@dataclass
class Side:
    where: Path
    label: str
    articles: dict[str, ArticleRecord]
    sources: dict[str, str]  # key under the sources root → sha256


@dataclass
class ArticleChange:
    identity: str
    path: str
    title: str
    old_path: str = ""
    old_title: str = ""
    fields: list[str] = field(default_factory=list)
    paragraphs_changed: int = 0


@dataclass
class ArchiveDiff:
    old: str
    new: str
    articles_added: list[ArticleChange]
    articles_removed: list[ArticleChange]
    articles_changed: list[ArticleChange]
    articles_unchanged: int
    sources_added: dict[str, str]
    sources_removed: dict[str, str]
    sources_changed: dict[str, list[str]]  # key → [old sha256, new sha256]


def identity(meta: dict, path: str) -> str:
    """`file#Lfirst-Llast` for each provenance entry, joined by `+`; the path when there is none."""
    parts = []
    for entry in meta.get("provenance") or []:
        if isinstance(entry, dict) and entry.get("file"):
            lines = entry.get("lines") or []
            span = f"#L{lines[0]}-L{lines[-1]}" if lines else ""
            parts.append(f"{entry['file']}{span}")
    return "+".join(parts) or path


def paragraphs(body: str) -> list[str]:
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", body) if block.strip()]


def load_articles(docs: Path) -> dict[str, ArticleRecord]:
    records: list[ArticleRecord] = []
    for file in sorted((docs / "articles").rglob("*.md")):
        post = frontmatter.loads(file.read_text(encoding="utf-8"))
        path = file.relative_to(docs).as_posix()
        records.append(ArticleRecord(identity(post.metadata, path), path, str(post.metadata.get("title") or ""),
                                     dict(post.metadata), paragraphs(post.content)))
    counts = Counter(r.identity for r in records)
    return {(r.identity if counts[r.identity] == 1 else f"{r.identity}@{r.path}"): r for r in records}


def load_sources(docs: Path) -> dict[str, str]:
    report = docs / "conversion-report.json"
    if not report.is_file():
        return {}
    listed = [(s["path"], s["sha256"]) for s in json.loads(report.read_text(encoding="utf-8")).get("sources", [])
              if s.get("path") and s.get("sha256")]
    if not listed:
        return {}
    root = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p, _ in listed])
    return {Path(os.path.relpath(os.path.abspath(p), root)).as_posix(): sha for p, sha in sorted(listed)}


def _bag_label(bag: Path) -> str:
    for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("Snapshot-Label:"):
            return line.split(":", 1)[1].strip()
    return bag.name


def load_side(where: Path, label: str | None = None) -> Side:
    if (where / "bagit.txt").is_file():
        docs, label = where / "data" / "docs", label or _bag_label(where)
    elif (where / "articles").is_dir() or (where / "conversion-report.json").is_file():
        docs, label = where, label or str(where)
    else:
        raise DiffError(f"{where}: neither a snapshot bag (bagit.txt) nor a docs folder (articles/)")
    return Side(where, label, load_articles(docs), load_sources(docs))


def _changed_paragraphs(old: list[str], new: list[str]) -> int:
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in opcodes if tag != "equal")


def compare_article(old: ArticleRecord, new: ArticleRecord) -> ArticleChange | None:
    fields = sorted(k for k in set(old.meta) | set(new.meta) if old.meta.get(k) != new.meta.get(k))
    changed = _changed_paragraphs(old.paragraphs, new.paragraphs)
    if not fields and not changed and old.path == new.path:
        return None
    return ArticleChange(new.identity, new.path, new.title, old_path=old.path if old.path != new.path else "",
                         old_title=old.title if old.title != new.title else "", fields=fields,
                         paragraphs_changed=changed)


def _pair_by_path(removed: dict, added: dict) -> list[tuple[str, str]]:
    """An article whose identity changed but whose file stayed is the same article."""
    by_path = {record.path: key for key, record in added.items()}
    return [(key, by_path[record.path]) for key, record in removed.items() if record.path in by_path]


def _listed(record: ArticleRecord) -> ArticleChange:
    return ArticleChange(record.identity, record.path, record.title)


def diff_archives(old_where: Path, new_where: Path, new_label: str | None = None) -> ArchiveDiff:
    old, new = load_side(old_where), load_side(new_where, new_label)
    removed = {k: r for k, r in old.articles.items() if k not in new.articles}
    added = {k: r for k, r in new.articles.items() if k not in old.articles}
    pairs = [(k, k) for k in old.articles if k in new.articles] + _pair_by_path(removed, added)
    changes, unchanged = [], 0
    for old_key, new_key in pairs:
        removed.pop(old_key, None)
        added.pop(new_key, None)
        change = compare_article(old.articles[old_key], new.articles[new_key])
        if change is None:
            unchanged += 1
        else:
            changes.append(change)
    return ArchiveDiff(
        old=old.label, new=new.label,
        articles_added=[_listed(r) for r in sorted(added.values(), key=lambda r: r.path)],
        articles_removed=[_listed(r) for r in sorted(removed.values(), key=lambda r: r.path)],
        articles_changed=sorted(changes, key=lambda c: c.path), articles_unchanged=unchanged,
        sources_added={k: v for k, v in new.sources.items() if k not in old.sources},
        sources_removed={k: v for k, v in old.sources.items() if k not in new.sources},
        sources_changed={k: [old.sources[k], v] for k, v in new.sources.items()
                         if k in old.sources and old.sources[k] != v})


def diff_json(result: ArchiveDiff) -> str:
    return json.dumps(asdict(result), ensure_ascii=False, indent=1, sort_keys=True, default=str)
