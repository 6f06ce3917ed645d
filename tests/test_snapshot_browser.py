"""The snapshot's site from disk (file://, no server) in headless Chromium: links from the home
page to an issue and an article work, and search finds articles by an English and a Chinese word."""

from __future__ import annotations

import re

import pytest

from tests.snapshot_support import SAMPLE, archive_config, make_snapshot

pytestmark = pytest.mark.browser

WHO_TITLE = "U.S. Exit from WHO Threatens Global Public Health"
EV_TITLE = "How is the EV industry driving"
SEARCH_READY = "document.querySelector('.md-search-result__meta').textContent.includes('Type to start')"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("offline")
    make_snapshot(SAMPLE, tmp / "bag", tmp / "docs", archive_config(tmp / "archive"))
    return (tmp / "bag" / "data" / "site" / "index.html").as_uri()


def test_links_from_home_to_issue_to_article_work_from_disk(page, home) -> None:
    page.goto(home)
    page.locator('article a[href*="issues/000_d7c7b0b25b6929d9"]').first.click()  # named by its sidecar
    page.wait_for_url(re.compile(r"^file://.*/browse/issues/000_d7c7b0b25b6929d9\.html$"))
    page.locator("article a", has_text="U.S. Exit from WHO").click()
    page.wait_for_url(re.compile(r"^file://.*/articles/000_d7c7b0b25b6929d9/u-s-exit-from-who[\w-]*\.html$"))
    assert page.locator("h1.bs-headline").inner_text() == WHO_TITLE
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(re.compile(r"\.html$"))
    assert page.locator("h1.bs-headline").inner_text() != WHO_TITLE


def search_from_disk(page, home: str, query: str, hit_text: str) -> None:
    """On file:// Material starts its search worker (in an iframe) when the search box is opened."""
    page.goto(home)
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(SEARCH_READY)
    box.fill(query)
    box.press("End")
    hit = page.locator("a.md-search-result__link", has_text=hit_text).first
    hit.wait_for()
    hit.click()


def test_search_from_disk_finds_an_article_by_an_english_word(page, home) -> None:
    search_from_disk(page, home, "WHO", WHO_TITLE)
    page.wait_for_url(re.compile(r"^file://.*/u-s-exit-from-who[\w-]*\.html"))
    assert page.locator("h1.bs-headline").inner_text() == WHO_TITLE


def test_search_from_disk_finds_an_article_by_a_chinese_word(page, home) -> None:
    search_from_disk(page, home, "电动车", EV_TITLE)
    page.wait_for_url(re.compile(r"^file://.*/how-is-the-ev-industry[\w-]*\.html"))
    assert "电动车" in page.locator('.bs-translation[lang="zh"] .bs-zh-summary').inner_text()
