"""Fixtures for the archive site: the sample site and a hostile one, each built once per session
into a temporary folder (never the repository's docs/ or site/), served over http on 127.0.0.1,
and a headless Chromium for the browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
SAMPLE_SOURCES = ROOT / "site_src"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE_SOURCE = """<script>window.__pwned = 1</script> Hostile <img src=x onerror="window.__pwned=2"> headline

By Jane Doe

The first line of the body says <script>window.__pwned = 1</script> and goes on long enough to be a paragraph.

A second paragraph follows with <img src=x onerror="window.__pwned=3"> more words to make an article body.
"""


@dataclass
class BuiltSite:
    docs: Path
    site: Path
    stats: dict


def _build(tmp: Path, sources: list[Path]) -> BuiltSite:
    from converter.site.commands import build_site

    docs, site = tmp / "docs", tmp / "site"
    stats = build_site(sources, docs, site, CONFIG, strict=True)
    return BuiltSite(docs, site, stats)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(tmp_path_factory.mktemp("sample"), [SAMPLE_SOURCES])


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "src").mkdir()
    (tmp / "src" / "hostile.txt").write_text(HOSTILE_SOURCE, encoding="utf-8")
    return _build(tmp, [tmp / "src"])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


def _serve(root: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    server, url = _serve(built_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def hostile_url(hostile_site: BuiltSite):
    server, url = _serve(hostile_site.site)
    yield url
    server.shutdown()


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def converted_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the sources converted in this (the client's) process, in order."""
    from converter import pipeline

    names: list[str] = []
    real = pipeline.convert_source

    def counting(source, *args, **kwargs):
        names.append(source.name)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pipeline, "convert_source", counting)
    return names
