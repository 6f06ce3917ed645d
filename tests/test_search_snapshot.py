"""A snapshot is read from file://, where Pagefind cannot load: an archive set to `search_engine:
pagefind` still gets Material's offline search in its snapshot, and it finds articles from disk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.snapshot_support import SAMPLE, archive_config, make_snapshot

pytestmark = pytest.mark.browser

WHO_TITLE = "U.S. Exit from WHO Threatens Global Public Health"


def pagefind_archive(folder: Path) -> Path:
    config = archive_config(folder)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"] = [{"broadsheet": {**(p["broadsheet"] or {}), "search_engine": "pagefind"}}
                       if isinstance(p, dict) and "broadsheet" in p else p for p in data["plugins"]]
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def snapshot_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("offline-pagefind")
    make_snapshot(SAMPLE, tmp / "bag", tmp / "docs", pagefind_archive(tmp / "archive"))
    return tmp / "bag" / "data" / "site"


def test_a_snapshot_of_a_pagefind_archive_has_no_pagefind_bundle(snapshot_site: Path) -> None:
    assert not (snapshot_site / "pagefind").exists() and not (snapshot_site / "search-bundles.json").exists()
    index = (snapshot_site / "search" / "search_index.js").read_text(encoding="utf-8")  # the offline index
    assert "U.S. Exit from WHO" in index


def test_its_offline_search_finds_an_article_from_disk(page, snapshot_site: Path) -> None:
    page.goto((snapshot_site / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type to start')")
    box.fill("WHO")
    box.press("End")
    hit = page.locator("a.md-search-result__link", has_text=WHO_TITLE).first
    hit.wait_for()
    hit.click()
    page.wait_for_url(re.compile(r"^file://.*/u-s-exit-from-who[\w-]*\.html"))
