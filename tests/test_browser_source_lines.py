"""Source lines in headless Chromium: an article's footer link opens its source's page scrolled to and
marking exactly the article's lines; a GB18030 source's page shows its Chinese text (not mojibake)."""

from __future__ import annotations

import re

import pytest

from converter.site.commands import build_site
from tests.cite_support import ZH_SOURCE, ZH_TITLE, write_sources
from tests.conftest import CONFIG, _serve

from .test_browser_site import EV

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def encodings_url(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("encodings")
    build_site([write_sources(tmp / "src")], tmp / "docs", tmp / "site", CONFIG, strict=True)
    server, url = _serve(tmp / "site")
    yield url
    server.shutdown()


def test_source_lines_link_opens_the_source_scrolled_to_the_article_lines(page, site_url) -> None:
    page.goto(site_url + EV)
    link = page.locator(".bs-provenance a.bs-source-lines").first
    match = re.search(r"#L(\d+)-L(\d+)$", link.get_attribute("href"))
    first, last = int(match[1]), int(match[2])
    assert first > 40, "the article starts far enough down its source for the page to scroll"
    link.click()
    page.wait_for_url(re.compile(rf"/raw/003_ddf4aecfeb3f92f8\.txt\.html#L{first}-L{last}$"))
    marked = page.locator("pre .line.bs-marked")
    assert marked.count() == last - first + 1
    assert marked.first.get_attribute("id") == f"L{first}" and marked.last.get_attribute("id") == f"L{last}"
    assert page.evaluate("window.scrollY") > 0
    top = page.locator(f"#L{first}").bounding_box()["y"]
    assert -2 <= top < 100, "the first line of the article is at the top of the window"
    assert "How is the EV industry" in " ".join(marked.all_inner_texts())


def test_a_gb18030_source_page_shows_its_chinese_text(page, encodings_url) -> None:
    page.goto(encodings_url + "raw/zh/front.txt.html")
    assert page.evaluate("document.characterSet") == "UTF-8"
    lines = page.locator("pre .line").all_inner_texts()
    assert len(lines) == len(ZH_SOURCE.rstrip("\n").split("\n"))
    assert any(ZH_TITLE in line for line in lines)
    assert "本报记者 王小明" in page.locator("pre").inner_text()
    download = page.locator("a.bs-raw-download")
    assert download.get_attribute("href") == "./front.txt"
    original = page.request.get(encodings_url + "raw/zh/front.txt").body()
    assert original == ZH_SOURCE.encode("gb18030"), "the download is the untouched bytes"
