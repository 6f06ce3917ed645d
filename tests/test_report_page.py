"""The conversion report page: per source a summary first (kind and confidence, the articles produced,
each linked, lines left out, warnings), then the dropped lines collapsed by reason; every value from a
source stays text; Chinese text marked `lang="zh"`. The browser test opens the built page in Chromium."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from converter.report_page import report_markdown
from converter.site.plugin import EXTENSIONS

HOSTILE_NAME = '<img src=x onerror="pwned()">|*x*.txt'
HOSTILE_LINE = '<script>pwned()</script> {: onclick=pwned() } [a](javascript:pwned())'


def report(**source) -> dict:
    base = {"file": HOSTILE_NAME, "kind": "digest", "warnings": ["odd <b>encoding</b>"],
            "detection": {"kind": "digest", "decided_by": "evidence", "confidence": 0.8123,
                          "runner_up": "article", "runner_up_confidence": 0.1},
            "articles": [{"title": "Harbour bridge reopens", "lines": [1, 9], "path": "articles/i1/harbour bridge.md"},
                         {"title": "电动车企业加快出海步伐", "lines": [11, 20], "path": "articles/i1/ev.md"},
                         {"title": "A copy", "lines": [22, 30], "path": None, "merged_into_other": True}],
            "dropped": [{"lines": [31, 31], "reason": "feed advert", "rule": "drop_feed_adverts", "text": "获取更多RSS:"},
                        {"lines": [32, 34], "reason": "table of contents", "rule": "drop_toc", "text": HOSTILE_LINE},
                        {"lines": [40, 40], "reason": "table of contents", "rule": "drop_toc", "text": "Contents"}],
            "joins": [], "figures": []}
    base.update(source)
    return {"sources": [base], "errors": [], "warnings": [], "skipped_files": [], "hand_corrected_kept": [],
            "stale_not_removed": [], "pruned": [], "superseded_removed": [], "duplicates_merged": [],
            "totals": {"sources": 1, "articles": 2, "dropped_lines": 5, "errors": 0}}


def rendered(data: dict) -> BeautifulSoup:
    text = report_markdown(data).split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(text, extensions=list(EXTENSIONS)), "html.parser")


def test_summary_first_then_dropped_lines_collapsed_by_reason() -> None:
    soup = rendered(report())
    heading = soup.find("h2")
    assert heading.get_text() == HOSTILE_NAME  # the file name shown as typed
    summary = heading.find_next_sibling("ul")
    assert summary.find_next_sibling("details") is not None  # the summary comes before the long lists
    items = [li.get_text(" ", strip=True) for li in summary.find_all("li", recursive=False)]
    assert items[0].startswith("Kind: digest (evidence; confidence 0.81; runner-up article 0.10)")
    assert items[1].startswith("Articles produced: 3")
    assert items[2] == "Lines left out: 5 — 1 feed advert; 4 table of contents"
    assert items[3].startswith("Warnings: 1") and "odd <b>encoding</b>" in items[3]
    links = {a.get_text(): a["href"] for a in summary.select("a")}
    assert links == {"Harbour bridge reopens": "articles/i1/harbour%20bridge.md", "电动车企业加快出海步伐": "articles/i1/ev.md"}
    assert "A copy (merged into a copy from another source)" in summary.get_text()
    details = soup.select("details.bs-dropped")
    assert [d.summary.get_text() for d in details] == ["Left out: feed advert — 1 line",
                                                      "Left out: table of contents — 4 lines"]
    assert all(d.get("open") is None for d in details)  # collapsed until the reader opens one
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in details[1].select("tbody tr")]
    assert rows == [["32–34", "drop_toc", HOSTILE_LINE], ["40–40", "drop_toc", "Contents"]]


def test_chinese_text_in_rows_and_links_is_marked() -> None:
    soup = rendered(report())
    marked = [s.get_text() for s in soup.select('span[lang="zh"]')]
    assert "电动车企业加快出海步伐" in marked and "获取更多RSS:" in marked
    assert not soup.select('span[lang]:-soup-contains("Contents")')


def test_source_values_never_become_elements_or_attributes() -> None:
    soup = rendered(report(warnings=[HOSTILE_LINE]))
    allowed = {"h1", "h2", "p", "ul", "li", "strong", "a", "em", "span", "details", "summary", "table", "thead",
               "tbody", "tr", "th", "td"}
    for tag in soup.find_all(True):
        assert tag.name in allowed, str(tag)[:120]
        assert not any(k.startswith("on") for k in tag.attrs), str(tag)[:120]
        assert "pwned" not in str(tag.get("href", "")), str(tag)[:120]


@pytest.mark.browser
def test_report_page_links_each_source_to_its_articles_and_opens_dropped_lines_on_click(page, site_url) -> None:
    page.goto(site_url + "conversion-report/")
    section = page.locator("article h2").first
    summary = section.locator("xpath=following-sibling::ul[1]")
    link = summary.locator("a").first
    title = link.inner_text()
    details = page.locator("details.bs-dropped").first
    assert details.get_attribute("open") is None and not details.locator("table").is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None and details.locator("table").is_visible()
    assert details.locator("tbody tr").count() >= 1
    link.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator("article h1").first.inner_text() == title
