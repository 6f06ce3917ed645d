"""Golden files for the readers: a small source per kind → the exact article files and report.

The fixtures under tests/fixtures/readers/ are written to show one phenomenon
each (kicker before and after a headline, a caption cutting a sentence, a
jump line, a digest with contents, summaries, an advert and a stub). After a
deliberate change, regenerate with BROADSHEET_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from converter.api import convert_to

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SOURCES = sorted(FIXTURES.glob("*.txt"))


def snapshot(out: Path) -> str:
    parts = []
    for path in sorted((out / "articles").rglob("*.md")):
        parts.append(f"==> {path.relative_to(out).as_posix()}\n{path.read_text(encoding='utf-8')}")
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    for source in report["sources"]:
        parts.append(f"==> report: {source['file']} kind={source['kind']} issue={json.dumps(source['issue'], ensure_ascii=False)}")
        parts += [f"dropped {d['lines']} {d['reason']}: {d['text']}" for d in source["dropped"]]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_reader_output_matches_golden(source: Path, tmp_path: Path) -> None:
    convert_to([source], tmp_path)
    got = snapshot(tmp_path)
    golden = source.with_suffix(".golden.md")
    if os.environ.get("BROADSHEET_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file for {source.name}; run with BROADSHEET_UPDATE_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")
