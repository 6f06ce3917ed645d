"""Same inputs, same bytes: converting twice, or in another order, writes identical Markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

from converter.api import convert_to

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "extra").glob("*.txt"))


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.md")) if "articles" in p.parts}


def test_two_runs_write_the_same_bytes(tmp_path: Path) -> None:
    convert_to(CORPUS, tmp_path / "a")
    convert_to(CORPUS, tmp_path / "b")
    first = snapshot(tmp_path / "a")
    assert first and first == snapshot(tmp_path / "b")
    assert (tmp_path / "a" / "conversion-report.json").read_bytes() == (tmp_path / "b" / "conversion-report.json").read_bytes()


def test_input_order_does_not_change_the_output(tmp_path: Path) -> None:
    convert_to(CORPUS, tmp_path / "forward")
    convert_to(list(reversed(CORPUS)), tmp_path / "reversed")
    assert snapshot(tmp_path / "forward") == snapshot(tmp_path / "reversed")


def test_a_file_copied_elsewhere_converts_to_the_same_bytes(tmp_path: Path) -> None:
    source = CORPUS[0]
    moved = tmp_path / "elsewhere" / "deeper"
    moved.mkdir(parents=True)
    shutil.copy(source, moved / source.name)
    convert_to([source], tmp_path / "a")
    convert_to([moved / source.name], tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_rerunning_into_the_same_folder_changes_nothing(tmp_path: Path) -> None:
    convert_to(CORPUS, tmp_path / "out")
    first = snapshot(tmp_path / "out")
    report = convert_to(CORPUS, tmp_path / "out")
    assert snapshot(tmp_path / "out") == first and report["stale_not_removed"] == []


def test_hash_seed_does_not_change_the_output(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        command = [sys.executable, "-c", "from converter.cli import main; main()", "convert",
                   *map(str, CORPUS), "--out", str(tmp_path / seed)]
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
    assert snapshot(tmp_path / "1") == snapshot(tmp_path / "2")
