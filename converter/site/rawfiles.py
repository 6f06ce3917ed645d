"""Raw sources copied into the docs folder (`raw/<file>.txt`), so article footers can link them."""

from __future__ import annotations

from pathlib import Path

from .article_html import RAW_DIR, raw_src


def copy_sources(report: dict, docs: Path) -> list[str]:
    """Copy every converted source next to the pages; remove copies whose source is gone."""
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
    folder = docs / RAW_DIR
    if folder.is_dir():
        for old in sorted(folder.rglob("*")):
            if old.is_file() and old.relative_to(docs).as_posix() not in wanted:
                old.unlink()
    return sorted(wanted)
