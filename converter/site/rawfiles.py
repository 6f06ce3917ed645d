"""Raw sources copied into the docs folder (`raw/<file>.txt`), so article footers can link them."""

from __future__ import annotations

from pathlib import Path

from .article_html import RAW_DIR, raw_src


def copy_sources(report: dict, docs: Path, still_named: frozenset[str] = frozenset()) -> list[str]:
    """Copy every converted source next to the pages. Remove copies no article names any more;
    a copy named by a kept (stale or hand-corrected) article stays, so its footer link still works."""
    wanted: dict[str, Path] = {}
    for source in report.get("sources", []):
        name, path = source.get("file"), source.get("path")
        if name and path and Path(path).is_file():
            wanted.setdefault(raw_src(name), Path(path))  # the first of two same-named files wins
    for src, path in wanted.items():
        target = docs / src
        data = path.read_bytes()
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    kept = {raw_src(name) for name in still_named}
    folder = docs / RAW_DIR
    if folder.is_dir():
        for old in sorted(folder.rglob("*")):
            src = old.relative_to(docs).as_posix()
            if old.is_file() and src not in wanted and src not in kept:
                old.unlink()
    return sorted(wanted)
