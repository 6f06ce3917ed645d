"""Works anywhere: the built wheel in a fresh virtualenv, `broadsheet init` + `build` in an empty
folder, the plugin in a user's own Material mkdocs.yml, and the one-line errors of a bad setup."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


def run(args: list, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.slow
def test_the_wheel_installs_inits_builds_and_opens_in_the_browser(tmp_path: Path, browser) -> None:
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "-q",
                 "-w", dist], tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("broadsheet-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = run([python, "-m", "pip", "install", "-q", wheel], tmp_path)
    assert installed.returncode == 0, installed.stderr[-2000:]
    archive = tmp_path / "archive"
    archive.mkdir()  # an empty folder, far from the checkout
    broadsheet = env_dir / "bin" / "broadsheet"
    init = run([broadsheet, "init", "--sample"], archive)
    assert init.returncode == 0, init.stderr
    assert sorted(p.name for p in (archive / "site_src").glob("*.txt")) == sorted(
        p.name for p in (ROOT / "site_src").glob("*.txt"))
    build = run([broadsheet, "build"], archive)
    assert build.returncode == 0, build.stderr
    assert "33 articles" in build.stdout
    assert "Building prefix dict" not in build.stdout + build.stderr, "jieba must stay quiet"
    from .conftest import _serve

    server, url = _serve(archive / "site")
    try:
        page = browser.new_page()
        page.goto(url)
        assert page.locator("h1").first.inner_text() == "News archive"
        assert page.locator("link[href$='broadsheet.css']").count() == 1, "the plugin brings its stylesheet"
        page.locator("article table a", has_text="INSIGHTS: U.S. exit from WHO").click()
        page.locator("article a", has_text="U.S. Exit from WHO").click()
        assert page.locator("h1.bs-headline").inner_text() == "U.S. Exit from WHO Threatens Global Public Health"
        assert page.locator(".bs-byline").is_visible(), "the plugin's article header"
        page.close()
    finally:
        server.shutdown()
    again = run([env_dir / "bin" / "mkdocs", "build", "-q"], archive)
    assert again.returncode == 0, again.stderr


MATERIAL_CONFIG = """\
site_name: My own site
theme:
  name: material
  custom_dir: overrides
  palette:
    primary: deep orange
  features:
    - navigation.instant
plugins:
  - search
  - broadsheet:
      sources: [news]
      archive_name: The Example Archive
markdown_extensions:
  - admonition
"""


def test_the_plugin_in_a_users_own_material_config(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Welcome\n\nMy own front page.\n", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}User announcement{% endblock %}\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(
        "Harbour Bridge Reopens After Repairs\n\nBy Ana Ruiz\n\nThe harbour bridge reopened on Monday after "
        "eight months of repairs, the city council said.\n\nTraffic returned to both lanes by noon.\n",
        encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MATERIAL_CONFIG, encoding="utf-8")
    strict = run([MKDOCS, "build", "--strict"], tmp_path)
    assert strict.returncode != 0 and "is not broadsheet's home page: kept" in strict.stderr
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8").startswith("# Welcome"), "never overwritten"
    result = run([MKDOCS, "build"], tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert "My own front page." in (site / "index.html").read_text(encoding="utf-8")
    home = (site / "browse/issues/index.html").read_text(encoding="utf-8")
    assert "User announcement" in home and ">Story<" in home, "user override and plugin both apply"
    assert "The Example Archive" in (site / "feed.xml").read_text(encoding="utf-8"), "the plugin's archive_name"
    assert "deep-orange" in home, "the user's palette is kept"
    article = next(site.glob("articles/story/*/index.html")).read_text(encoding="utf-8")
    assert 'class="bs-headline"' in article and "broadsheet.css" in article
    assert "User announcement" in article
    assert (site / "feed.xml").is_file() and (site / "browse/calendar/index.html").is_file()


def test_the_plugin_options_are_validated_by_mkdocs(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    config = "site_name: x\ntheme: material\nplugins:\n  - broadsheet:\n      {}\n"
    (tmp_path / "mkdocs.yml").write_text(config.format("sources: 3"), encoding="utf-8")
    wrong_type = run([MKDOCS, "build"], tmp_path)
    assert wrong_type.returncode != 0
    assert "Plugin 'broadsheet' option 'sources': Expected a list of items" in wrong_type.stderr
    (tmp_path / "mkdocs.yml").write_text(config.format("colour: red"), encoding="utf-8")
    unknown = run([MKDOCS, "build", "--strict"], tmp_path)
    assert unknown.returncode != 0 and "Unrecognised configuration name: colour" in unknown.stderr


def test_init_writes_a_starter_archive_and_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    new = tmp_path / "new"
    assert "broadsheet" in (new / "mkdocs.yml").read_text(encoding="utf-8")
    assert "sidecar" in (new / "site_src" / "README.md").read_text(encoding="utf-8").lower()
    assert (new / "docs").is_dir()
    again = runner.invoke(main, ["init", str(new)])
    assert again.exit_code == 2 and "already exists" in again.output
    assert len(again.output.strip().splitlines()) == 1


def test_init_keeps_sources_already_there(tmp_path: Path) -> None:
    (tmp_path / "site_src").mkdir()
    (tmp_path / "site_src" / "mine.txt").write_text("My page\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path), "--sample"]).exit_code == 2, "the sample never mixes in"
    result = runner.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0 and "kept the sources already in" in result.output
    assert sorted(p.name for p in (tmp_path / "site_src").iterdir()) == ["mine.txt"]
    assert (tmp_path / "mkdocs.yml").is_file()


def test_build_of_an_empty_archive_is_a_one_line_error(tmp_path: Path, monkeypatch) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: {Path('site_src').resolve()}: no sources to convert (put .txt or .md files of news text there)"]
    assert not (tmp_path / "site").exists(), "no empty '0 articles' site is published"


def test_build_of_a_missing_path_or_without_mkdocs_yml_is_a_one_line_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    missing_config = runner.invoke(main, ["build"])
    assert missing_config.exit_code == 2 and "broadsheet init" in missing_config.output
    assert len(missing_config.output.strip().splitlines()) == 1
    assert runner.invoke(main, ["init"]).exit_code == 0
    missing = runner.invoke(main, ["build", "no-such-folder"])
    assert missing.exit_code == 2
    assert missing.output.strip() == "error: no-such-folder: no such file or folder"


def test_a_config_without_the_plugin_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme: material\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2 and "broadsheet plugin is not listed" in result.output


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, want: str, seconds: float) -> str:
    import time
    import urllib.request

    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if want in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    return text


@pytest.mark.slow
def test_serve_rebuilds_when_a_source_is_added(tmp_path: Path) -> None:
    """`broadsheet serve` (MkDocs' server and the plugin): a new source appears without a restart."""
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    story = "{}\n\nBy Ana Ruiz\n\nThe harbour bridge reopened on Monday after eight months of repairs.\n"
    (tmp_path / "site_src" / "one.txt").write_text(story.format("Harbour Bridge Reopens"), encoding="utf-8")
    port = _free_port()
    broadsheet = Path(sys.executable).with_name("broadsheet")
    server = subprocess.Popen([str(broadsheet), "serve", "-a", f"127.0.0.1:{port}"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert "1 article in 1 issue" in _fetch(url, "1 article in 1 issue", 90)
        (tmp_path / "site_src" / "two.txt").write_text(story.format("Ferry Timetable Changes"), encoding="utf-8")
        assert "2 articles in 2 issues" in _fetch(url, "2 articles in 2 issues", 90)
    finally:
        server.terminate()
        server.wait(timeout=30)
