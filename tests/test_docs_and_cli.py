"""The README and the CLI agree, and the CLI does what the README says."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEEDS = ROOT / "tests" / "data" / "seeds"


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(commands) >= 2
    assert commands[1].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_every_convert_option_in_the_readme_exists() -> None:
    usage = re.search(r"`broadsheet convert (\[PATHS\.\.\.\].*?)`", README).group(1)
    documented = set(re.findall(r"--[a-z-]+", usage))
    help_text = CliRunner().invoke(main, ["convert", "--help"]).output
    assert documented and documented <= set(re.findall(r"--[a-z-]+", help_text))


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["convert", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "broadsheet convert site_src/" in result.output


def test_convert_prints_a_summary_and_writes_the_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(SEEDS), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "003_ddf4aecfeb3f92f8.txt (digest): 23 articles" in result.output
    report = json.loads((tmp_path / "conversion-report.json").read_text(encoding="utf-8"))
    assert report["totals"]["articles"] == 33
    reasons = {d["reason"] for s in report["sources"] for d in s["dropped"]}
    assert {"table of contents", "feed advert"} <= reasons


def test_a_missing_file_is_an_error_but_the_rest_converts(tmp_path: Path) -> None:
    args = ["convert", str(SEEDS / "002_6d8c507b6052882a.txt"), str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert f"error: {tmp_path / 'nope.txt'}: no such file or folder" in result.output
    assert list((tmp_path / "o" / "articles").rglob("*.md"))
    strict = CliRunner().invoke(main, args + ["--strict"])
    assert strict.exit_code == 1


def test_format_forces_the_kind(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("Title\n\nBody text here.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "--out", str(tmp_path / "o"), "--format", "generic"])
    assert "page.txt (generic): 1 article;" in result.output  # singular: issue 11
