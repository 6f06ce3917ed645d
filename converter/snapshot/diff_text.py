"""The text form of `broadsheet diff`. Titles and paths come from sources: each is quoted with
control characters escaped, so nothing in them can drive the terminal."""

from __future__ import annotations

import json
import re

from .diff import ArchiveDiff, ArticleChange

_CONTROL = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def quoted(text: str) -> str:
    """A JSON string literal (C0 controls escaped) with DEL, C1 and bidi controls escaped too."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(str(text), ensure_ascii=False))


def _change_line(change: ArticleChange) -> str:
    parts = [f"~ {quoted(change.path)} {quoted(change.title)}"]
    if change.old_title:
        parts.append(f"title was {quoted(change.old_title)}")
    if change.old_path:
        parts.append(f"path was {quoted(change.old_path)}")
    if change.fields:
        parts.append("fields: " + ", ".join(quoted(f) for f in change.fields))
    if change.paragraphs_changed:
        n = change.paragraphs_changed
        parts.append(f"{n} paragraph{'s' if n != 1 else ''} changed")
    return "; ".join(parts)


def diff_lines(result: ArchiveDiff) -> list[str]:
    lines = [f"{quoted(result.old)} → {quoted(result.new)}",
             f"articles: {len(result.articles_added)} added, {len(result.articles_removed)} removed, "
             f"{len(result.articles_changed)} changed, {result.articles_unchanged} unchanged"]
    lines += [f"+ {quoted(a.path)} {quoted(a.title)}" for a in result.articles_added]
    lines += [f"- {quoted(a.path)} {quoted(a.title)}" for a in result.articles_removed]
    lines += [_change_line(c) for c in result.articles_changed]
    lines.append(f"sources: {len(result.sources_added)} added, {len(result.sources_removed)} removed, "
                 f"{len(result.sources_changed)} changed")
    lines += [f"+ {quoted(k)} sha256 {v}" for k, v in result.sources_added.items()]
    lines += [f"- {quoted(k)} sha256 {v}" for k, v in result.sources_removed.items()]
    lines += [f"~ {quoted(k)} sha256 {a} → {b}" for k, (a, b) in result.sources_changed.items()]
    return lines
