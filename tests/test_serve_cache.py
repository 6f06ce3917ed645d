"""`broadsheet serve` converts as `build` does: unchanged sources come from the cache, in `--jobs` processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.site.plugin import BroadsheetPlugin

DATA = Path(__file__).parent / "data"
CONFIG = Path(__file__).parent.parent / "mkdocs.yml"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[dict]:
    """Instead of serving: build once with the configuration `serve` was given, as MkDocs' server does."""
    import mkdocs.commands.serve
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    calls: list[dict] = []

    def build_once(config_file, livereload=True, dev_addr=None, **overrides):
        config = load_config(config_file, site_dir=str(tmp_path / "served"), **overrides)
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        calls.append(overrides)

    monkeypatch.setattr(mkdocs.commands.serve, "serve", build_once)
    return calls


def test_serve_reads_unchanged_sources_from_the_cache(tmp_path: Path, served: list, converted_here: list[str]) -> None:
    docs = tmp_path / "docs"
    args = [str(DATA / "seeds"), "--docs", str(docs), "--config-file", str(CONFIG)]
    built = CliRunner().invoke(main, ["build", *args, "--site-dir", str(tmp_path / "site"), "--jobs", "1"],
                               catch_exceptions=False)
    assert built.exit_code == 0, built.output
    assert len(converted_here) == 4
    converted_here.clear()
    BroadsheetPlugin._converted.clear()  # a new `serve` process: it knows nothing of the build before
    result = CliRunner().invoke(main, ["serve", *args, "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert served and converted_here == [], "every unchanged source came from the cache"
    assert (tmp_path / "served" / "index.html").is_file()
    converted_here.clear()
    BroadsheetPlugin._converted.clear()
    result = CliRunner().invoke(main, ["serve", *args, "--jobs", "2", "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert converted_here == [], "with --jobs 2 the sources are converted in worker processes, not here"
    assert len(list((tmp_path / "served").rglob("index.html"))) > 4
