"""An article's stable identifier: a short hash of where it starts in its source, never of its title.

`article_id("2024/front.txt", 141)` names the article whose text starts on line 141 of that source
(its first provenance entry). A corrected headline changes the article's slug, not its id, so the
permalink page `a/<id>/` keeps pointing at it in the next snapshot.
"""

from __future__ import annotations

import hashlib
import re

ID_LENGTH = 12
_VALID = re.compile(rf"^[0-9a-f]{{{ID_LENGTH}}}$")


def article_id(source_key: str, first_line: int) -> str:
    """12 hex digits of sha256 over the source's key (its path under the sources root) and first line."""
    return hashlib.sha256(f"{source_key}\n{int(first_line)}".encode("utf-8")).hexdigest()[:ID_LENGTH]


def is_article_id(value: object) -> bool:
    return isinstance(value, str) and bool(_VALID.match(value))


def id_from_meta(meta: dict) -> str | None:
    """The front matter's `id` when it is one (a hand edit may hold anything: never used as a path then),
    else the id its first provenance entry gives; None when there is neither."""
    if is_article_id(meta.get("id")):
        return str(meta["id"])
    provenance = meta.get("provenance")
    first = provenance[0] if isinstance(provenance, list) and provenance else None
    if not isinstance(first, dict) or not first.get("file"):
        return None
    lines = first.get("lines")
    try:
        start = int(lines[0]) if isinstance(lines, (list, tuple)) and lines else 0
    except (TypeError, ValueError):
        start = 0
    return article_id(str(first["file"]), start)
