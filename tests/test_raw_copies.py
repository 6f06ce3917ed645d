"""Raw source copies in the docs folder: a rebuild reads again only the sources whose file, copy or
reading page changed since the last run."""

from __future__ import annotations

import hashlib
from pathlib import Path

from converter.site import rawfiles
from converter.site.article_html import raw_src
from converter.site.rawpages import raw_page_src


def _report(sources: dict[str, Path]) -> dict:
    return {"sources": [{"file": key, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
                        for key, path in sources.items()]}


def test_unchanged_sources_are_not_read_again_and_a_touched_copy_is_rewritten(tmp_path: Path, monkeypatch) -> None:
    folder, docs = tmp_path / "src", tmp_path / "docs"
    folder.mkdir()
    sources = {}
    for n in range(3):
        sources[f"day/story-{n}.txt"] = folder / f"story-{n}.txt"
        sources[f"day/story-{n}.txt"].write_text(f"Harbour story {n}\n\nThe council met.\n", encoding="utf-8")
    report = _report(sources)
    assert len(rawfiles.copy_sources(report, docs, local_paths=sources)) == 3

    reads: list[Path] = []
    real = rawfiles.read_bytes
    monkeypatch.setattr(rawfiles, "read_bytes", lambda path, limit: reads.append(path) or real(path, limit))
    assert len(rawfiles.copy_sources(report, docs, local_paths=sources)) == 3
    assert reads == [], "nothing changed: no source read again"

    copy = docs / raw_src("day/story-1.txt")
    copy.write_text("hand edited\n", encoding="utf-8")
    (docs / raw_page_src("day/story-2.txt")).unlink()
    rawfiles.copy_sources(report, docs, local_paths=sources)
    assert sorted(reads) == [sources["day/story-1.txt"], sources["day/story-2.txt"]]
    assert copy.read_bytes() == sources["day/story-1.txt"].read_bytes()
    assert (docs / raw_page_src("day/story-2.txt")).is_file()
