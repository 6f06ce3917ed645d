"""What a reader meets, in headless Chromium at desktop and phone widths: readable issue names,
acronym search with date and publication, the skip link to the headline, Chinese text marked
as Chinese, nothing cut off at 390 px, captions that read as captions. With
BROADSHEET_README_SHOTS=1 the home page and an article are saved to readme-assets/ for the README."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .test_browser_site import EV, WHO, search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
HASH = re.compile(r"\b[0-9a-f]{12,}\b")
PAGES = ["", "browse/issues/", "browse/issues/000_d7c7b0b25b6929d9/", "browse/calendar/", "browse/archive/",
         "browse/publications/", "browse/publications/真相集中营/", "browse/authors/", "conversion-report/", WHO, EV]
UNMARKED_CHINESE = """() => {
  const han = /[\\u3400-\\u9fff]/;
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  const bad = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!han.test(node.textContent)) continue;
    const marked = node.parentElement.closest('[lang]');
    if (!marked || !marked.getAttribute('lang').startsWith('zh')) bad.push(node.textContent.trim().slice(0, 40));
  }
  return bad;
}"""


@pytest.fixture(params=list(WIDTHS))
def sized(request, browser):
    context = browser.new_context(viewport=WIDTHS[request.param], is_mobile=request.param == "phone")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield request.param, tab
    context.close()


def test_home_page_shows_readable_issue_names_not_hashes(sized, site_url) -> None:
    _, page = sized
    page.goto(site_url)
    text = page.locator("article").inner_text()
    assert not HASH.search(text), HASH.search(text)
    names = page.locator("article table tbody tr td:first-child").all_inner_texts()
    assert len(names) == 3 and "INSIGHTS: U.S. exit from WHO, data flow, AI jewelry" in names
    assert "33 articles in 3 issues from 3 publications" in text


@pytest.mark.parametrize("query, article, date, publication", [
    ("EV", EV, "18 August 2025", "scmp.com"),
    ("WHO", WHO, "date not stated in the source", "Science and Technology Daily"),  # an undated page says so
])
def test_acronym_search_finds_the_article_first_with_date_and_publication(sized, site_url, query, article, date,
                                                                          publication) -> None:
    _, page = sized
    page.goto(site_url)
    if page.locator("label.md-header__button[for='__search']").is_visible():  # phone: open the search
        page.locator("label.md-header__button[for='__search']").click()
    search(page, query)
    first = page.locator("li.md-search-result__item > a.md-search-result__link").first
    first.wait_for()
    assert first.get_attribute("href").split("?")[0] == site_url + article
    shown = first.inner_text()
    assert publication in shown and date in shown, shown
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert not any("\u200b" in t for t in titles)


def test_chinese_search_result_titles_have_no_zero_width_spaces(page, site_url) -> None:
    page.goto(site_url)
    search(page, "电动车")
    page.locator("a.md-search-result__link").first.wait_for()
    html = page.locator(".md-search-result").inner_html()
    titles = page.locator(".md-search-result__link h1").all_inner_texts()
    assert titles and not any("\u200b" in t for t in titles), titles
    assert "/browse/" not in html and "conversion-report" not in html, "articles only"


def test_tab_reaches_the_headline(sized, site_url) -> None:
    _, page = sized
    page.goto(site_url + WHO)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.classList.contains('md-skip'), "
                            "document.activeElement.textContent.trim()]")
    assert focused == [True, "Skip to content"], "the first Tab lands on the skip link"
    assert page.locator("a.md-skip").is_visible(), "the skip link shows when focused"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.classList.contains('bs-article-head')")
    headline = page.locator("h1.bs-headline")
    assert page.evaluate("document.activeElement.querySelector('h1.bs-headline').textContent") == \
        "U.S. Exit from WHO Threatens Global Public Health"
    box = headline.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the headline is on screen"


def test_chinese_strings_carry_lang(page, site_url) -> None:
    for url in ["", "browse/issues/", "browse/calendar/", "browse/publications/", "browse/publications/真相集中营/",
                "browse/issues/003_ddf4aecfeb3f92f8/", EV]:
        page.goto(site_url + url)
        assert page.evaluate(UNMARKED_CHINESE) == [], url


def test_nothing_is_cut_off_at_phone_width(browser, site_url) -> None:
    context = browser.new_context(viewport=WIDTHS["phone"], is_mobile=True)
    page = context.new_page()
    for url in PAGES:
        page.goto(site_url + url)
        widths = page.evaluate("[document.body.scrollWidth, document.body.clientWidth]")
        assert widths[0] <= widths[1], (url, widths)
        for wrap in page.locator(".md-typeset__scrollwrap").all():  # a wide table scrolls inside its box
            assert wrap.evaluate("e => getComputedStyle(e).overflowX") in ("auto", "scroll"), url
    page.goto(site_url)
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert wrap.evaluate("e => e.scrollWidth > e.clientWidth"), "the issues table keeps its columns"
    wrap.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert page.locator("article table th", has_text="Articles").is_visible()
    context.close()


def test_captions_read_as_captions(page, site_url) -> None:
    page.goto(site_url + WHO)
    caption = page.locator("figure.bs-figure figcaption").first
    style = caption.evaluate("e => { const s = getComputedStyle(e), p = getComputedStyle(e.closest('article').querySelector('p:not([class])'));"
                             " return [parseFloat(s.fontSize), parseFloat(p.fontSize), s.fontStyle, "
                             "getComputedStyle(e.parentElement).borderLeftWidth] }")
    assert style[0] < style[1], "smaller than body text"
    assert style[2] == "normal" and style[3] == "0px", "not a boxed, italic pull quote"


def test_readme_screenshots(page, site_url) -> None:
    """The README's two screenshots, saved when BROADSHEET_README_SHOTS=1 (otherwise only taken)."""
    target = ROOT / "readme-assets" if os.environ.get("BROADSHEET_README_SHOTS") == "1" else None
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(site_url)
    home = page.screenshot()
    page.goto(site_url + WHO)
    article = page.screenshot()
    assert home[:8] == article[:8] == b"\x89PNG\r\n\x1a\n"
    if target:
        target.mkdir(exist_ok=True)
        (target / "home.png").write_bytes(home)
        (target / "article.png").write_bytes(article)
