"""Search at scale without a browser: which engine an archive gets, the facets Pagefind reads from an
article page (hostile sidecar values stay text), and Pagefind bundles and their list."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from converter.site.pagefind_index import (BUNDLE_LIST, PagefindError, find_bundles, index_site,
                                           write_bundle_list)
from converter.site.search_engine import OFFLINE_SEARCH_UP_TO, PAGEFIND_OVER, choose_engine, offline_note
from converter.site.search_facets import UNDATED, facet_values, facets_html, filter_text, searchable

HOSTILE = {
    "publication": 'Evil, year:1999 <img src=x onerror="window.__pwned=1">',
    "section": '"><script>window.__pwned=2</script>',
    "date": "2020-05-06",
    "language": "en",
    "title": "A title",
}


# -- which engine ----------------------------------------------------------------------------------

def test_auto_keeps_material_search_up_to_the_threshold_and_uses_pagefind_past_it() -> None:
    assert choose_engine("auto", 0) == "material"
    assert choose_engine("auto", PAGEFIND_OVER) == "material"
    assert choose_engine("auto", PAGEFIND_OVER + 1) == "pagefind"
    assert choose_engine("auto", 100_000) == "pagefind"


def test_the_threshold_is_a_setting() -> None:
    assert choose_engine("auto", 50, threshold=10) == "pagefind"
    assert choose_engine("auto", 50_000, threshold=100_000) == "material"


def test_an_explicit_engine_is_kept_whatever_the_size() -> None:
    assert choose_engine("material", 100_000) == "material"
    assert choose_engine("pagefind", 3) == "pagefind"


def test_a_snapshot_read_from_file_keeps_material_search() -> None:
    assert choose_engine("pagefind", 100_000, offline=True) == "material"
    assert choose_engine("auto", OFFLINE_SEARCH_UP_TO, offline=True) == "material"


def test_a_large_snapshot_is_told_its_offline_search_is_slow_to_start() -> None:
    assert offline_note(OFFLINE_SEARCH_UP_TO) is None
    assert "12,000 articles" in offline_note(12_000)


def test_an_unknown_engine_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="search_engine must be one of auto, material, pagefind"):
        choose_engine("lunr", 10)


def test_the_plugin_option_refuses_an_unknown_engine() -> None:
    from converter.site.plugin import BroadsheetConfig

    config = BroadsheetConfig()
    config.load_dict({"search_engine": "lunr"})
    failed, _ = config.validate()
    assert failed and failed[0][0] == "search_engine"
    config = BroadsheetConfig()
    config.load_dict({"search_engine": "pagefind", "pagefind_over": 5000})
    assert config.validate() == ([], [])


# -- facets ----------------------------------------------------------------------------------------

class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict, str]] = []
        self._open: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self._open.append((tag, dict(attrs)))
        self.found.append((tag, dict(attrs), ""))

    def handle_endtag(self, tag) -> None:
        self._open.pop()

    def handle_data(self, data) -> None:
        tag, attrs, text = self.found[-1]
        self.found[-1] = (tag, attrs, text + data)


def _parsed(html: str) -> list[tuple[str, dict, str]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


def test_hostile_filter_values_are_element_text_never_markup_or_attributes() -> None:
    elements = _parsed(facets_html(HOSTILE, "The text of the article, long enough to say it is English."))
    assert [tag for tag, _, _ in elements] == ["div"] + ["span"] * 7  # no element from a value
    filters = {attrs["data-pagefind-filter"]: text for _, attrs, text in elements if "data-pagefind-filter" in attrs}
    assert filters == {"publication": filter_text(HOSTILE["publication"]), "year": "2020",
                       "section": filter_text(HOSTILE["section"]), "language": "en"}
    assert filters["publication"] == "Evil, year:1999 <img src=x onerror=\u201dwindow.__pwned=1\u201d>"
    allowed = {"class", "hidden", "data-pagefind-ignore", "data-pagefind-filter", "data-pagefind-sort",
               "data-pagefind-meta"}
    for _, attrs, _ in elements:  # every attribute is one of ours, with a constant value
        assert set(attrs) <= allowed
        assert all(v in (None, "bs-search-facets", "publication", "year", "section", "language", "date")
                   for v in attrs.values())


def test_filter_values_avoid_what_pagefind_cannot_match() -> None:
    """Pagefind 1.5 lists but never matches a filter value with `"` or `\\`, and collapses spaces."""
    assert filter_text('The "Daily"  Courier\\Post') == "The \u201cDaily\u201d Courier\u29f5Post"
    assert filter_text('"Quoted" (a "b")') == "\u201cQuoted\u201d (a \u201cb\u201d)"


def test_a_value_with_line_breaks_is_one_line() -> None:
    values = facet_values({"publication": "Daily\nCourier\x00", "date": "2021-01-02"}, "")
    assert values["publication"] == "Daily Courier\ufffd"


def test_undated_articles_sort_last_newest_first_and_have_no_year() -> None:
    html = facets_html({"title": "Undated", "date": "sometime"}, "")
    assert f'data-pagefind-sort="date">{UNDATED}<' in html
    assert 'data-pagefind-filter="year"' not in html and 'data-pagefind-meta="date"' not in html


def test_language_is_the_stated_one_else_what_the_text_shows() -> None:
    assert facet_values({"language": "de"}, "the text of it")["language"] == "de"
    assert facet_values({"title": "经济新闻"}, "城市铁路学校的天气很好，市场和医院都开门了。")["language"] == "zh"
    assert "language" not in facet_values({"title": "x"}, "")


def test_searchable_makes_the_article_the_only_indexed_part_of_its_page() -> None:
    html = searchable("<h1>Title</h1><p>Body</p>", {"title": "Title"}, "Body")
    assert html.startswith("<div data-pagefind-body><h1>Title</h1><p>Body</p>")


# -- bundles ---------------------------------------------------------------------------------------

def _site_with_articles(site: Path) -> None:
    for n, (title, publication, date) in enumerate([("Harbour news", "Gazette", "2001-02-03"),
                                                     ("经济新闻", "华南日报", "2002-03-04")]):
        folder = site / "articles" / str(n)
        folder.mkdir(parents=True)
        meta = {"title": title, "publication": publication, "date": date}
        lang = "zh" if n else "en"
        body = searchable(f"<h1>{title}</h1><p>{title} text</p>", meta, title, segmented_by_pagefind=bool(n))
        (folder / "index.html").write_text(f'<html lang="{lang}"><body>{body}</body></html>', encoding="utf-8")
    (site / "index.html").write_text('<html lang="en"><body><p>Home page, not indexed</p></body></html>',
                                     encoding="utf-8")


def test_index_site_indexes_the_article_pages_into_its_own_bundle(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site_with_articles(site)
    facets = {"publication": {"Gazette": 1, "华南日报": 1}, "year": {"2001": 1, "2002": 1}}
    stats = index_site(site, site / "pagefind", facets=facets)
    assert stats.pages == 2  # the home page has no data-pagefind-body
    assert (site / "pagefind" / "pagefind.js").is_file() and any((site / "pagefind" / "filter").iterdir())
    assert stats.bytes_on_disk > 0 and stats.seconds > 0
    write_bundle_list(site)
    listed = json.loads((site / BUNDLE_LIST).read_text(encoding="utf-8"))
    assert listed == {"filters": facets, "bundles": [{"bundle": "pagefind/", "root": "", "period": "pagefind",
                                                      "pages": 2, "languages": ["en", "zh"]}]}


def test_index_site_names_the_folder_it_could_not_index(tmp_path: Path) -> None:
    with pytest.raises(PagefindError, match=str(tmp_path / "missing")):
        index_site(tmp_path / "missing", tmp_path / "bundle")


def test_shard_bundles_are_listed_after_the_top_one_newest_first_with_their_roots(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for shard in ("2019", "2021", "2020"):
        _site_with_articles(site / shard)
        index_site(site / shard, site / shard / "pagefind")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "pagefind-entry.json").write_text("{}")
    assert [(b["bundle"], b["root"]) for b in find_bundles(site)] == [
        ("pagefind/", ""), ("2021/pagefind/", "2021/"), ("2020/pagefind/", "2020/"), ("2019/pagefind/", "2019/")]


def test_a_bundle_kept_outside_its_shard_still_names_the_folder_it_indexed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _site_with_articles(site / "2020")
    index_site(site / "2020", site / "search-bundles" / "2020")
    assert [(b["bundle"], b["root"]) for b in find_bundles(site)] == [("search-bundles/2020/", "2020/")]
