"""Atom feeds (RFC 4287): the archive's newest articles and one feed per publication and section.

Every feed is parsed with ElementTree and checked against the rules that can be checked: the feed has
id, title, updated and an author; every entry has exactly one id, title and updated (RFC 3339), an
author of its own or the feed's; `xml:lang` per entry; undated articles handled and said so."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from converter.site.catalog import Entry
from converter.site.feed import UNDATED_NOTE, all_feeds, write_feeds
from converter.languages import detect_language

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


def atom_problems(root: ET.Element) -> list[str]:
    """Breaches of RFC 4287's checkable rules (§4.1.1 feed, §4.1.2 entry, §3.3 dates)."""
    problems = []
    if root.tag != f"{A}feed":
        return [f"root is {root.tag}"]
    for tag in ("id", "title", "updated"):
        if len(root.findall(f"{A}{tag}")) != 1:
            problems.append(f"feed: {len(root.findall(f'{A}{tag}'))} <{tag}>")
    feed_author = root.find(f"{A}author/{A}name") is not None
    for date in root.iter():
        if date.tag in (f"{A}updated", f"{A}published") and not RFC3339.fullmatch(date.text or ""):
            problems.append(f"not RFC 3339: {date.text!r}")
    for n, entry in enumerate(root.findall(f"{A}entry")):
        for tag in ("id", "title", "updated"):
            if len(entry.findall(f"{A}{tag}")) != 1:
                problems.append(f"entry {n}: {len(entry.findall(f'{A}{tag}'))} <{tag}>")
        if not feed_author and entry.find(f"{A}author/{A}name") is None:
            problems.append(f"entry {n}: no author, and the feed has none")
        if entry.find(f"{A}content") is None and entry.find(f"{A}link[@rel='alternate']") is None:
            problems.append(f"entry {n}: neither content nor an alternate link")
    ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    if len(ids) != len(set(ids)):
        problems.append("entry ids repeat")
    return problems


def entry(src: str, title: str, lede: str = "", **meta) -> Entry:
    return Entry(f"articles/{src}.md", {"title": title, **meta}, lede)


ENTRIES = [
    entry("i1/bridge", "Harbour bridge reopens after repairs", "The bridge reopened on Monday and the traffic "
          "was back by the evening.", authors=["Ana Ruiz", "Ben Okafor"], publication="Valley Echo",
          section="Local", date="2024-06-03T07:10", issue="i1"),
    entry("i2/ev", "电动车企业加快出海步伐", "中国电动车企业的海外投资首次超过国内投资。", publication="真相集中营",
          section="Business", date="2024-06-04", issue="i2"),
    entry("i1/letters", "Letters to the editor", "Readers write about the bridge and the market.",
          publication="Valley Echo", section="Local", language="en", issue="i1"),
    entry("i3/zeitung", "Die Brücke ist wieder offen", "Die Brücke ist seit Montag wieder offen und der "
          "Verkehr fließt.", issue="i3", date="2024-05-30"),
    entry("i3/hostile", "Bad \x01 <b>bold</b> & \ufffe title", "", authors=["<script>x</script>"],
          publication="Valley Echo", section="Sport", date="2024-05-01", issue="i3"),
]


@pytest.fixture
def feeds(monkeypatch) -> dict[str, ET.Element]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    texts = all_feeds(ENTRIES, "Test Archive", "https://archive.example.org/")
    return {path: ET.fromstring(text.encode("utf-8")) for path, text in texts.items()}


def titles(root: ET.Element) -> list[str]:
    return [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]


def by_title(root: ET.Element, title: str) -> ET.Element:
    return next(e for e in root.findall(f"{A}entry") if e.findtext(f"{A}title") == title)


def test_one_feed_per_publication_and_section_all_valid_atom(feeds) -> None:
    assert set(feeds) == {"feed.xml", "feeds/publications/valley-echo.xml", "feeds/publications/真相集中营.xml",
                          "feeds/sections/local.xml", "feeds/sections/business.xml", "feeds/sections/sport.xml"}
    for path, root in feeds.items():
        assert atom_problems(root) == [], path
        assert root.findtext(f"{A}author/{A}name") == "Test Archive", path  # the archive, at feed level
        self_link = root.find(f"{A}link[@rel='self']").get("href")
        assert self_link == "https://archive.example.org/" + path and root.findtext(f"{A}id") == self_link
    assert set(titles(feeds["feeds/sections/local.xml"])) == {"Harbour bridge reopens after repairs",
                                                              "Letters to the editor"}
    assert titles(feeds["feeds/publications/真相集中营.xml"]) == ["电动车企业加快出海步伐"]
    assert feeds["feeds/publications/真相集中营.xml"].findtext(f"{A}title").startswith("真相集中营")


def test_entry_authors_are_the_byline_else_the_publication(feeds) -> None:
    main = feeds["feed.xml"]
    names = lambda e: [a.findtext(f"{A}name") for a in e.findall(f"{A}author")]  # noqa: E731
    assert names(by_title(main, "Harbour bridge reopens after repairs")) == ["Ana Ruiz", "Ben Okafor"]
    assert names(by_title(main, "电动车企业加快出海步伐")) == ["真相集中营"]
    assert names(by_title(main, "Die Brücke ist wieder offen")) == []  # no byline, no publication: the feed's


def test_xml_lang_per_entry_stated_else_detected(feeds) -> None:
    main, echo = feeds["feed.xml"], feeds["feeds/publications/valley-echo.xml"]
    assert by_title(main, "电动车企业加快出海步伐").get(XML_LANG) == "zh"
    assert by_title(main, "Harbour bridge reopens after repairs").get(XML_LANG) == "en"
    assert by_title(main, "Die Brücke ist wieder offen").get(XML_LANG) == "de"
    assert by_title(echo, "Letters to the editor").get(XML_LANG) == "en"  # stated in front matter


def test_undated_articles_are_not_in_the_main_feed_and_come_last_elsewhere_saying_so(feeds) -> None:
    main, echo = feeds["feed.xml"], feeds["feeds/publications/valley-echo.xml"]
    assert "Letters to the editor" not in titles(main)
    assert "1 undated article not in this feed" in main.findtext(f"{A}subtitle")
    updated = [e.findtext(f"{A}updated") for e in main.findall(f"{A}entry")]
    assert updated == sorted(updated, reverse=True) and main.findtext(f"{A}updated") == updated[0]
    assert titles(echo)[-1] == "Letters to the editor"
    letters = by_title(echo, "Letters to the editor")
    assert letters.findtext(f"{A}updated") == "2023-11-14T22:13:20Z"  # the build time (SOURCE_DATE_EPOCH)
    assert letters.find(f"{A}published") is None
    assert letters.find(f"{A}category").get("term") == "undated"
    assert letters.findtext(f"{A}content") == UNDATED_NOTE
    dated = by_title(echo, "Harbour bridge reopens after repairs")
    assert dated.findtext(f"{A}published") == dated.findtext(f"{A}updated") == "2024-06-03T07:10:00Z"
    assert dated.find(f"{A}category") is None


def test_source_text_stays_text_and_forbidden_characters_are_replaced(feeds) -> None:
    sport = feeds["feeds/sections/sport.xml"]
    [item] = sport.findall(f"{A}entry")
    assert item.findtext(f"{A}title") == "Bad \ufffd <b>bold</b> & \ufffd title"
    assert item.find(f"{A}title/*") is None and item.findtext(f"{A}author/{A}name") == "<script>x</script>"


def test_feeds_written_and_stale_ones_removed_user_files_kept(tmp_path: Path) -> None:
    write_feeds(tmp_path, ENTRIES, "Test Archive", "")
    assert (tmp_path / "feeds/sections/sport.xml").is_file()
    mine = tmp_path / "feeds/sections/handwritten.xml"
    mine.write_text("<feed/>", encoding="utf-8")
    write_feeds(tmp_path, ENTRIES[:2], "Test Archive", "")
    assert not (tmp_path / "feeds/sections/sport.xml").exists() and mine.is_file()
    assert (tmp_path / "feeds/sections/local.xml").is_file()
    root = ET.parse(tmp_path / "feeds/sections/local.xml").getroot()
    assert root.find(f"{A}link[@rel='self']").get("href") == "/feeds/sections/local.xml"


@pytest.mark.parametrize("text, lang", [
    ("The council said on Monday that the bridge is open to traffic from the north.", "en"),
    ("Der Rat sagte am Montag, dass die Brücke für den Verkehr von Norden offen ist.", "de"),
    ("Le conseil a dit lundi que le pont est ouvert à la circulation pour les voitures.", "fr"),
    ("El consejo dijo el lunes que el puente está abierto para los coches y las motos.", "es"),
    ("中国电动车企业的海外投资首次超过国内投资", "zh"),
    ("東京の電車は今日も満員でした", "ja"),
    ("서울의 날씨는 오늘 맑습니다", "ko"),
    ("Q3 2024 OK", None),
    ("", None),
])
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_built_site_links_every_publication_and_section_page_to_its_feed(built_site) -> None:
    pages = sorted((built_site.site / "browse").glob("*/*/index.html"))
    facet_pages = [p for p in pages if p.parent.parent.name in ("publications", "sections")]
    assert facet_pages, "the sample has publication or section pages"
    for html in facet_pages:
        link = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one("a.bs-feed")
        assert link is not None and link["type"] == "application/atom+xml", html
        from urllib.parse import unquote

        target = (html.parent / unquote(link["href"])).resolve()
        assert target.is_file() and target.suffix == ".xml", (html, link["href"])
        assert atom_problems(ET.parse(target).getroot()) == [], target
    for feed in [built_site.site / "feed.xml", *(built_site.site / "feeds").glob("*/*.xml")]:
        assert atom_problems(ET.parse(feed).getroot()) == [], feed


def test_publication_and_section_pages_announce_their_feed_in_the_head(built_site) -> None:
    from urllib.parse import unquote

    pages = [p for p in sorted((built_site.site / "browse").glob("*/*/index.html"))
             if p.parent.parent.name in ("publications", "sections")]
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        feeds = [link["href"] for link in soup.select('head link[rel="alternate"][type="application/atom+xml"]')]
        own = [href for href in feeds if "/feeds/" in href or href.startswith("feeds/")]
        assert len(own) == 1, (html, feeds)
        assert (html.parent / unquote(own[0])).resolve().is_file(), (html, own[0])
