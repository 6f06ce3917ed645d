"""The built site in headless Chromium: browse to an article, search in English and Chinese,
phone width, dark mode, print, and hostile titles that must stay text."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

WHO = "articles/000_d7c7b0b25b6929d9/u-s-exit-from-who-threatens-global-public-health/"
EV = "articles/003_ddf4aecfeb3f92f8/how-is-the-ev-industry-driving-china-s-going-global-strategy/"


def test_home_to_issue_to_article(page, site_url, artifacts) -> None:
    page.goto(site_url)
    assert page.locator("h1").first.inner_text() == "Broadsheet archive"
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    page.locator("article table a", has_text="INSIGHTS: U.S. exit from WHO").click()  # the sidecar's name
    page.wait_for_url(re.compile(r"/browse/issues/000_d7c7b0b25b6929d9/$"))
    assert page.locator("h2", has_text="INSIGHTS").is_visible()
    page.screenshot(path=str(artifacts / "issue.png"), full_page=True)
    page.locator("article a", has_text="U.S. Exit from WHO").click()
    page.wait_for_url(site_url + WHO)
    assert page.locator("h1.bs-headline").inner_text() == "U.S. Exit from WHO Threatens Global Public Health"
    assert page.locator(".bs-byline").inner_text() == "By Liang Yilian and Hu Dingkun"
    caption = page.locator("figure.bs-figure figcaption").first
    assert "press briefing in Geneva" in caption.inner_text() and "XINHUA" in caption.inner_text()
    page.screenshot(path=str(artifacts / "article.png"))
    download = page.locator(".bs-provenance a.bs-source-download")  # the original bytes, as text
    response = page.request.get(site_url + WHO + download.get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("text/plain")
    assert "U.S. Exit from WHO Threatens Global Public Health" in response.text()
    source = page.locator(".bs-provenance a.bs-source")  # the page to read it on
    response = page.request.get(site_url + WHO + source.get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("text/html")
    assert "U.S. Exit from WHO Threatens Global Public Health" in response.text()


def test_author_link_and_next_article_within_issue(page, site_url) -> None:
    page.goto(site_url + WHO)
    page.locator(".bs-byline a", has_text="Liang Yilian").click()
    page.wait_for_url(re.compile(r"/browse/authors/liang-yilian/$"))
    assert page.locator("article a", has_text="Data Flow Should Be Safe and Steady").is_visible()
    page.goto(site_url + WHO)
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(re.compile(r"/china-s-sci-tech-innovation-leads-the-way/$"))


SEARCH_READY = "document.querySelector('.md-search-result__meta').textContent.includes('Type to start')"


def search(page, query: str) -> None:
    """Enter a query once the search index is ready. Material reads the query on focus and
    keyup, so after filling (which also handles Chinese) a key is pressed."""
    page.wait_for_function(SEARCH_READY)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")


def search_and_open(page, site_url: str, query: str, hit_text: str) -> None:
    page.goto(site_url)
    search(page, query)
    hit = page.locator("a.md-search-result__link", has_text=hit_text).first
    hit.wait_for()
    hit.click()


def test_search_in_english_finds_the_who_article(page, site_url) -> None:
    search_and_open(page, site_url, "WHO", "U.S. Exit from WHO Threatens Global Public Health")
    page.wait_for_url(re.compile(re.escape(WHO)))
    assert page.locator("h1.bs-headline").inner_text().startswith("U.S. Exit from WHO")


def test_search_in_chinese_finds_the_ev_article_by_its_summary(page, site_url) -> None:
    search_and_open(page, site_url, "电动车", "How is the EV industry driving")
    page.wait_for_url(re.compile(re.escape(EV)))
    summary = page.locator('.bs-translation[lang="zh"] .bs-zh-summary')
    assert "电动车" in summary.inner_text()


def test_phone_width_dark_mode_and_print(browser, site_url, artifacts) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True)
    phone = context.new_page()
    phone.goto(site_url + EV)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    phone.screenshot(path=str(artifacts / "article-phone.png"))
    phone.locator("form.md-header__option label:visible").first.click()
    assert phone.locator("body").get_attribute("data-md-color-scheme") == "slate"
    phone.screenshot(path=str(artifacts / "article-phone-dark.png"))
    phone.emulate_media(media="print")
    assert phone.locator(".md-header").is_hidden() and phone.locator("h1.bs-headline").is_visible()
    context.close()


def test_hostile_titles_stay_text(page, hostile_url) -> None:
    page.goto(hostile_url)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.locator("article table a", has_text="hostile").click()
    page.locator("article a", has_text="Hostile").click()
    page.wait_for_url(re.compile(r"/articles/hostile/"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    headline = page.locator("h1.bs-headline").inner_text()
    assert headline.startswith("<script>window.") and "Hostile <img" in headline
    assert "<script>window.__pwned = 1</script>" in page.locator("article").inner_text()
    assert "<script>window." in page.title()
    search(page, "Hostile")
    page.locator("a.md-search-result__link", has_text="Hostile").first.wait_for()
    assert page.evaluate("typeof window.__pwned") == "undefined"
