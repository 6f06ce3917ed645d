"""Shared by the snapshot tests: an archive configuration in a temporary folder, and the CLI."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from converter.cli import main
from converter.snapshot.archive_info import load_config

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "site_src"


def archive_config(folder: Path, **extra: object) -> Path:
    """The repository's mkdocs.yml with its relative hook and theme paths made absolute, plus `extra` keys."""
    data = load_config(ROOT / "mkdocs.yml")
    if data.get("hooks"):
        data["hooks"] = [str(ROOT / hook) for hook in data["hooks"]]
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(ROOT / theme["custom_dir"])
    data["extra"] = {**(data.get("extra") or {}), **extra}
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def make_snapshot(sources: Path, out: Path, docs: Path, config: Path, *extra: object) -> Result:
    result = run("snapshot", sources, "--out", out, "--docs", docs, "--config-file", config, *extra)
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def bag_info(bag: Path) -> dict[str, str]:
    lines = (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines)
