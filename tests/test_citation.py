"""Article ids, citations and source pages, unit by unit: stable ids, each citation format escaped for
its target, the raw-source page escaped line by line with one anchor per line."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from converter.ids import article_id, id_from_meta, is_article_id
from converter.site.article_html import json_ld
from converter.site.citation import bibtex, bibtex_text, citation_of, cite_html, csl_json, plain_text
from converter.site.permalinks import redirect_page
from converter.site.rawpages import line_range, raw_page

META = {"title": "Harbour Bridge Reopens", "authors": ["Ann Lee", "Bo Chen"], "publication": "The Evening Post",
        "date": "1921-03-04", "page": "3", "provenance": [{"file": "1921/post.txt", "lines": [141, 169]}]}
SNAPSHOT = {"broadsheet_snapshot": {"label": "March 2026", "date": "2026-03-31"}}


def test_id_depends_on_source_key_and_first_line_not_on_title() -> None:
    first = id_from_meta(META)
    assert first == article_id("1921/post.txt", 141) and is_article_id(first)
    assert id_from_meta({**META, "title": "Harbour Bridge Reopens After Repairs"}) == first
    assert id_from_meta({**META, "provenance": [{"file": "1921/post.txt", "lines": [170, 180]}]}) != first
    assert id_from_meta({**META, "provenance": [{"file": "1922/post.txt", "lines": [141, 169]}]}) != first


def test_a_front_matter_id_is_used_only_when_it_is_twelve_hex_digits() -> None:
    assert id_from_meta({**META, "id": "0123456789ab"}) == "0123456789ab"
    assert id_from_meta({**META, "id": "../../etc/pw"}) == article_id("1921/post.txt", 141)
    assert id_from_meta({"title": "no provenance"}) is None


def test_citation_names_publication_date_page_title_authors_archive_snapshot_and_permalink() -> None:
    cite = citation_of(META, "0123456789ab", "https://arch.example/a/0123456789ab/", "City Archive", SNAPSHOT)
    text = plain_text(cite)
    for part in ("Ann Lee and Bo Chen", "\u201cHarbour Bridge Reopens.\u201d", "The Evening Post", "1921-03-04",
                 "page 3", "City Archive", "March 2026", "2026-03-31", "https://arch.example/a/0123456789ab/"):
        assert part in text, part
    csl = csl_json(cite)
    assert csl["issued"] == {"date-parts": [[1921, 3, 4]]} and csl["container-title"] == "The Evening Post"
    assert csl["URL"] == cite.permalink and csl["archive_location"] == "March 2026"
    assert "bs-0123456789ab" in bibtex(cite) and "journal = {The Evening Post}" in bibtex(cite)


def test_without_a_snapshot_the_citation_names_no_snapshot() -> None:
    cite = citation_of(META, "0123456789ab", "a/0123456789ab/", "City Archive", {})
    assert "snapshot" not in plain_text(cite) and "archive_location" not in csl_json(cite)


def test_bibtex_escapes_every_special_character() -> None:
    assert bibtex_text("50% of {x} & $y #1 a_b ~ ^ \\") == (
        r"50\% of \{x\} \& \$y \#1 a\_b \textasciitilde{} \textasciicircum{} \textbackslash{}")


@given(st.text(max_size=60))
def test_bibtex_fields_keep_braces_balanced_whatever_the_title(title: str) -> None:
    entry = bibtex(citation_of({**META, "title": title}, "0123456789ab", "a/0123456789ab/", "A", SNAPSHOT))
    depth = 0
    for match in re.finditer(r"\\.|[{}]", entry):
        if match.group(0) in "{}":
            depth += 1 if match.group(0) == "{" else -1
            assert depth >= 0
    assert depth == 0


def test_hostile_values_stay_text_in_the_cite_block_and_the_json_ld() -> None:
    evil = {**META, "title": '</script><img src=x onerror=alert(1)>"', "authors": ["<b>x</b>"],
            "publication": "P & </code>"}
    cite = citation_of(evil, "0123456789ab", "a/0123456789ab/", "<i>Arch</i>", SNAPSHOT)
    block = BeautifulSoup(cite_html(cite, "../../a/0123456789ab/"), "html.parser")
    assert block.find("img") is None and block.find("b") is None and block.find("i") is None
    assert evil["title"] in block.select_one(".bs-citation").get_text()
    assert json.loads(block.select_one(".bs-csl-json").get_text())[0]["title"] == evil["title"]
    script = json_ld(evil, None, None, cite)
    assert "</script><img" not in script and script.count("</script>") == 1
    data = json.loads(script.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    assert data["isPartOf"]["name"] == "<i>Arch</i>" and data["archivedAt"] == "a/0123456789ab/"
    assert data["datePublished"] == "1921-03-04" and data["pageStart"] == "3"


def test_raw_page_numbers_every_line_and_escapes_it() -> None:
    text = "first\n<script>alert(1)</script>\n\n中文 & más\n"
    page = BeautifulSoup(raw_page("<b>evil.txt", text, "utf-8", "ab" * 32), "html.parser")
    lines = page.select("pre .line")
    assert [line["id"] for line in lines] == ["L1", "L2", "L3", "L4"]
    assert lines[1].get_text() == "2<script>alert(1)</script>" and page.find("b") is None
    assert lines[3].get_text() == "4中文 & más"
    assert page.select_one("h1").get_text() == "<b>evil.txt"
    assert page.select_one("a.bs-raw-download")["href"] == "./%3Cb%3Eevil.txt"
    assert page.find("meta", charset="utf-8") is not None


def test_download_link_of_a_name_with_a_colon_is_not_a_scheme() -> None:
    page = BeautifulSoup(raw_page("javascript:alert(1).md", "x", "utf-8", ""), "html.parser")
    assert page.select_one("a.bs-raw-download")["href"] == "./javascript%3Aalert%281%29.md.txt"


def test_line_range_fragment() -> None:
    assert line_range(141, 169) == "L141-L169" and line_range(7, 7) == "L7" and line_range(7) == "L7"


def test_redirect_page_refreshes_links_and_names_its_canonical() -> None:
    page = BeautifulSoup(redirect_page("../../articles/x/a-b/", "https://e.org/articles/x/a-b/", "<T>"),
                         "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../../articles/x/a-b/"
    assert page.find("link", rel="canonical")["href"] == "https://e.org/articles/x/a-b/"
    assert page.select_one("a.bs-permalink-target").get_text() == "<T>"
