"""Search at scale in headless Chromium: a generated archive built with Pagefind, searched in English and
Chinese from the search page, filters that narrow the results, results newest or oldest first, hostile
filter values that stay text, and what a page opened from file:// says. The 10,000-article archive the
issue asks for is the `slow` variant (runs in CI; skip locally with -m 'not slow')."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from converter.site.search_facets import filter_text
from converter.site.settings import TolerantLoader
from tests.search_support import (CHINESE_MARKER, ENGLISH_MARKER, PUBLICATIONS, article_date, generate_archive,
                                  is_chinese_article)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FAST_ARTICLES = 240
HOSTILE_PUBLICATION = 'Evil, year:1999 <img src=x onerror="window.__pwned=1">'
HOSTILE_SECTION = '"><script>window.__pwned=2</script>'
HOSTILE_TEXT = """Hostile Sidecar Story

The quokka spoke to the council about the harbour and the weather for a long while today.

It said <script>window.__pwned = 3</script> and the meeting went on until late in the evening.
"""


@dataclass
class SearchSite:
    site: Path
    url: str
    articles: int


def search_config(folder: Path, engine: str = "pagefind") -> Path:
    """The repository's mkdocs.yml with the broadsheet plugin's `search_engine` set."""
    data = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)
    plugins = []
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "broadsheet" in plugin:
            plugin = {"broadsheet": {**(plugin["broadsheet"] or {}), "search_engine": engine}}
        plugins.append(plugin)
    data["plugins"] = plugins
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def add_hostile_source(folder: Path) -> None:
    path = folder / "hostile" / "hostile-story.txt"
    path.parent.mkdir(parents=True)
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    sidecar = {"publication": HOSTILE_PUBLICATION, "date": "1999-12-31", "language": "en",
               "sections": [HOSTILE_SECTION]}
    path.with_suffix(".yml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
    path.write_text(HOSTILE_SECTION + "\n\n" + HOSTILE_TEXT, encoding="utf-8")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build_and_serve(tmp: Path, articles: int, engine: str = "pagefind"):
    from converter.site.commands import build_site

    sources = generate_archive(tmp / "src", articles)
    add_hostile_source(sources)
    build_site([sources], tmp / "docs", tmp / "site", search_config(tmp / "config", engine))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, SearchSite(tmp / "site", f"http://127.0.0.1:{server.server_port}/", articles)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    server, site = build_and_serve(tmp_path_factory.mktemp("search-small"), FAST_ARTICLES)
    yield site
    server.shutdown()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory):
    server, site = build_and_serve(tmp_path_factory.mktemp("search-large"), 10_000, engine="auto")
    yield site
    server.shutdown()


def marked(count: int, chinese: bool) -> list[int]:
    """The generated articles that hold the marker word (as search_support writes them)."""
    return [n for n in range(count) if (n // 4) % 25 == 0 and is_chinese_article(n) == chinese]


def open_search(page, site: SearchSite) -> None:
    page.goto(site.url + "search/")
    page.wait_for_function("document.getElementById('bs-search').dataset.ready === 'true'")


def search(page, query: str) -> None:
    """Type the query and press Enter, as a reader does."""
    box = page.locator("input[name=q]")
    box.focus()
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_function(  # the status of this query, not of the one before (typing searches too)
        r"([status, query]) => status.dataset.query === query && /\d|No articles/.test(status.textContent)",
        arg=[page.locator(".bs-search-status").element_handle(), query])


def result_count(page) -> int:
    """The count the status line opens with (`1,234 articles in the issues from 2005-03 on`)."""
    found = re.search(r"\d[\d,]*", page.inner_text(".bs-search-status"))
    return int(found.group(0).replace(",", "")) if found else 0


def search_older_issues(page) -> None:
    """A large archive searches its newest issues first: press "Search older issues" until none are left."""
    older = page.locator(".bs-search-older")
    while older.is_visible():
        before = page.inner_text(".bs-search-status")
        older.click()
        page.wait_for_function("(before) => document.querySelector('.bs-search-status').textContent !== before",
                               arg=before)


def shown_dates(page) -> list[str]:
    page.locator(".bs-search-result").first.wait_for()
    return page.locator(".bs-search-result time").all_inner_texts()


def more_until_all(page) -> None:
    while page.locator(".bs-search-more").is_visible():
        before = page.locator(".bs-search-result").count()
        page.locator(".bs-search-more").click()
        page.wait_for_function(f"document.querySelectorAll('.bs-search-result').length > {before}")


def check_language_searches(page, site: SearchSite, artifacts: Path, name: str) -> None:
    open_search(page, site)
    search(page, ENGLISH_MARKER)
    search_older_issues(page)
    assert result_count(page) == len(marked(site.articles, chinese=False))
    dates = shown_dates(page)
    assert dates == sorted(dates, reverse=True)  # newest first by default
    page.screenshot(path=str(artifacts / f"{name}-english.png"))
    search(page, CHINESE_MARKER)
    search_older_issues(page)
    assert result_count(page) == len(marked(site.articles, chinese=True))
    first = page.locator(".bs-search-result a").first
    assert re.search(r"[\u4e00-\u9fff]", first.inner_text())  # a Chinese headline
    page.screenshot(path=str(artifacts / f"{name}-chinese.png"))


def test_search_finds_english_and_chinese_articles_newest_first(page, small, artifacts) -> None:
    check_language_searches(page, small, artifacts, "search-small")


def test_oldest_first_reverses_the_order(page, small) -> None:
    open_search(page, small)
    page.select_option("select[name=sort]", "oldest")
    search(page, ENGLISH_MARKER)
    more_until_all(page)
    dates = shown_dates(page)
    assert len(dates) == len(marked(small.articles, chinese=False))
    assert dates == sorted(dates)
    expected = sorted(article_date(n) for n in marked(small.articles, chinese=False))
    assert dates == expected


def test_filters_narrow_the_results_and_are_chosen_by_keyboard(page, small) -> None:
    open_search(page, small)
    search(page, "harbour")
    everything = result_count(page)
    publication = page.locator("select[name=publication]")
    publication.focus()
    for _ in range(len(PUBLICATIONS) + 1):  # down the list from "All" to a generated publication
        page.keyboard.press("ArrowDown")
        if publication.input_value() in PUBLICATIONS:
            break
    chosen = publication.input_value()
    assert chosen in PUBLICATIONS
    # each arrow press searched again: wait for the chosen publication's results (the status line is
    # written before the results are listed, and a search for a value passed on the way may show first)
    page.wait_for_function("(chosen) => { const metas = [...document.querySelectorAll('.bs-search-result .bs-search-meta')];"
                           " return metas.length > 0 && metas.every((m) => m.textContent.trim().endsWith(chosen)); }",
                           arg=chosen)
    narrowed = result_count(page)
    assert 0 < narrowed < everything
    more_until_all(page)
    metas = page.locator(".bs-search-result .bs-search-meta").all_inner_texts()
    assert len(metas) == narrowed and all(m.endswith(chosen) for m in metas)
    page.select_option("select[name=year]", "2005")
    page.wait_for_function(f"!document.querySelector('.bs-search-status').textContent.startsWith('{narrowed:,} ')")
    dates = shown_dates(page)
    assert dates and all(d.startswith("2005-") for d in dates) and result_count(page) < narrowed


def test_the_language_filter_keeps_one_language(page, small) -> None:
    open_search(page, small)
    labels = page.locator("select[name=language] option").all_inner_texts()
    assert any(label.startswith("中文 (") for label in labels) and any(label.startswith("English (") for label in labels)
    page.select_option("select[name=language]", "zh")
    page.wait_for_function(r"/\d/.test(document.querySelector('.bs-search-status').textContent)")
    zh = sum(1 for n in range(small.articles) if is_chinese_article(n))
    assert result_count(page) == zh  # a filter alone lists its articles


def test_hostile_filter_values_stay_text(page, small) -> None:
    open_search(page, small)
    publication, section = filter_text(HOSTILE_PUBLICATION), filter_text(HOSTILE_SECTION)  # quotes made curly
    assert f"{publication} (1)" in page.locator("select[name=publication] option").all_inner_texts()
    assert f"{section} (1)" in page.locator("select[name=section] option").all_inner_texts()
    page.select_option("select[name=publication]", publication)
    page.locator(".bs-search-result").first.wait_for()
    assert page.locator(".bs-search-result a").all_inner_texts() == ["Hostile Sidecar Story"]
    assert page.locator(".bs-search-meta").inner_text() == f"1999-12-31 · {HOSTILE_PUBLICATION}"
    search(page, "quokka")
    assert page.locator(".bs-search-result p").first.inner_text().count("quokka") >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_enter_in_the_header_search_box_opens_the_search_page(page, small) -> None:
    page.goto(small.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(ENGLISH_MARKER)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=" + ENGLISH_MARKER + "$"))
    page.wait_for_function(r"/\d/.test(document.querySelector('.bs-search-status').textContent)")
    assert page.locator("input[name=q]").input_value() == ENGLISH_MARKER
    assert result_count(page) == len(marked(small.articles, chinese=False))


def test_a_search_page_opened_from_a_file_says_it_needs_http(page, small) -> None:
    """Browsers refuse module scripts, fetch() and workers on file:// pages, so Pagefind cannot load
    there (a snapshot keeps Material's offline search instead: test_search_snapshot.py)."""
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto((small.site / "search" / "index.html").as_uri())
    page.wait_for_function("document.querySelector('.bs-search-status').textContent.includes('http')")
    assert "open the archive over http(s)" in page.inner_text(".bs-search-status")
    assert any(url.endswith("broadsheet-search.js") for url in failed)
    assert page.get_attribute("#bs-search", "data-ready") is None


@pytest.mark.slow
def test_a_10000_article_archive_is_searched_in_english_and_chinese(page, large, artifacts) -> None:
    assert any((large.site / "pagefind").glob("*/pagefind-entry.json"))  # `auto` chose Pagefind, a bundle per period
    check_language_searches(page, large, artifacts, "search-10k")
    search(page, ENGLISH_MARKER)  # in articles of 2001, 2002 and 2003 (search_support's dates)
    search_older_issues(page)
    everything = result_count(page)
    page.select_option("select[name=year]", "2002")
    page.wait_for_function(f"!document.querySelector('.bs-search-status').textContent.startsWith('{everything:,} ')")
    expected = [n for n in marked(large.articles, chinese=False) if article_date(n).startswith("2002-")]
    assert result_count(page) == len(expected) and 0 < len(expected) < everything
    dates = shown_dates(page)
    assert all(d.startswith("2002-") for d in dates) and dates == sorted(dates, reverse=True)
