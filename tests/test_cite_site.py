"""A built site's source pages, permalinks and citations, from sources in GB18030, Latin-1 and UTF-8:
the readable page shows each source's decoded text with the article's lines linked, the original bytes
stay downloadable, a corrected headline keeps the permalink, a snapshot's citation names the snapshot."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup

from converter.site.catalog import load_entries
from converter.site.commands import build_site
from tests.cite_support import EN_SOURCE, EN_TITLE, FR_TITLE, ZH_SOURCE, ZH_TITLE, write_sources
from tests.conftest import CONFIG, BuiltSite
from tests.snapshot_support import archive_config, make_snapshot

NEW_TITLE = "Harbour Bridge Reopens After Six Weeks"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _build(tmp: Path, src: Path) -> BuiltSite:
    docs, site = tmp / "docs", tmp / "site"
    return BuiltSite(docs, site, build_site([src], docs, site, CONFIG, strict=True))


@pytest.fixture(scope="module")
def cite_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    tmp = tmp_path_factory.mktemp("cite")
    return _build(tmp, write_sources(tmp / "src"))


def _article(built: BuiltSite, title: str) -> tuple[dict, Path]:
    entry = next(e for e in load_entries(built.docs) if e.meta["title"] == title)
    page = built.site / entry.src.removesuffix(".md") / "index.html"
    return entry.meta, page


def _follow(page: Path, href: str) -> Path:
    target = Path(unquote(urljoin(page.as_uri(), href.split("#")[0]).removeprefix("file://")))
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize(("title", "raw", "encoding"), [(ZH_TITLE, "raw/zh/front.txt", "gb18030"),
                                                        (FR_TITLE, "raw/fr.txt", "latin-1"),
                                                        (EN_TITLE, "raw/en.txt", "utf-8")])
def test_footer_links_the_article_lines_on_a_readable_page(cite_site, title, raw, encoding) -> None:
    meta, page = _article(cite_site, title)
    first, last = meta["provenance"][0]["lines"]
    link = _soup(page).select_one(".bs-provenance a.bs-source-lines")
    assert link["href"].endswith(f"{raw}.html#L{first}-L{last}")
    raw_page = _follow(page, link["href"])
    shown = _soup(raw_page)
    assert shown.find("meta", charset="utf-8") is not None
    lines = {line["id"]: line.get_text() for line in shown.select("pre .line")}
    assert any(title in lines[f"L{n}"] for n in range(first, last + 1)), "the linked lines hold the headline"
    assert lines[f"L{first}"].startswith(str(first))
    download = _follow(raw_page, shown.select_one("a.bs-raw-download")["href"])
    assert download == cite_site.site / raw
    assert download.read_bytes() == (cite_site.docs.parent / "src" / raw.removeprefix("raw/")).read_bytes()
    if encoding != "utf-8":  # the bytes are not UTF-8; the page is, made from the decoded text
        with pytest.raises(UnicodeDecodeError):
            download.read_bytes().decode("utf-8")


def test_gb18030_source_page_shows_its_chinese_lines(cite_site) -> None:
    shown = _soup(cite_site.site / "raw/zh/front.txt.html")
    texts = [line.get_text()[len(line["id"]) - 1:] for line in shown.select("pre .line")]
    assert texts == ZH_SOURCE.rstrip("\n").split("\n")
    assert shown.html.get("lang") == "zh"


def test_every_article_has_an_id_and_a_permalink_page_that_redirects_to_it(cite_site) -> None:
    for entry in load_entries(cite_site.docs):
        article_id = entry.meta["id"]
        assert re.fullmatch(r"[0-9a-f]{12}", article_id)
        page = cite_site.site / entry.src.removesuffix(".md") / "index.html"
        shown = _soup(page)
        href = shown.select_one("a.bs-permalink-link")["href"]
        assert shown.select_one("a.bs-permalink-link").get_text() == f"https://broadsheet.example.org/a/{article_id}/"
        redirect = _follow(page, href)
        assert redirect == cite_site.site / "a" / article_id / "index.html"
        refresh = _soup(redirect).find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert _follow(redirect, refresh.removeprefix("0; url=")) == page
        assert (cite_site.site / "a" / f"{article_id}.html").is_file()


def test_cite_block_and_json_ld_carry_the_same_record(cite_site) -> None:
    meta, page = _article(cite_site, EN_TITLE)
    shown = _soup(page)
    text = shown.select_one(".bs-cite .bs-citation").get_text()
    permalink = f"https://broadsheet.example.org/a/{meta['id']}/"
    assert EN_TITLE in text and "Ann Lee" in text and "Broadsheet archive" in text and permalink in text
    assert f"@article{{bs-{meta['id']}," in shown.select_one(".bs-bibtex").get_text()
    csl = json.loads(shown.select_one(".bs-csl-json").get_text())[0]
    assert csl["title"] == EN_TITLE and csl["URL"] == permalink
    ld = json.loads(shown.find("script", type="application/ld+json").string)
    assert ld["archivedAt"] == permalink and ld["isPartOf"]["name"] == "Broadsheet archive"
    assert ld["pageStart"] == meta["page"]


def test_a_corrected_headline_keeps_the_id_and_the_permalink_leads_to_the_new_page(tmp_path) -> None:
    src = write_sources(tmp_path / "src")
    before = _build(tmp_path, src)
    old_meta, old_page = _article(before, EN_TITLE)
    (src / "en.txt").write_text(EN_SOURCE.replace(EN_TITLE, NEW_TITLE), encoding="utf-8")
    after = _build(tmp_path, src)
    new_meta, new_page = _article(after, NEW_TITLE)
    assert new_meta["id"] == old_meta["id"] and new_page != old_page
    redirect = after.site / "a" / new_meta["id"] / "index.html"
    target = _follow(redirect, _soup(redirect).select_one("a.bs-permalink-target")["href"])
    assert target == new_page
    assert _soup(target).select_one("h1.bs-headline").get_text() == NEW_TITLE


def test_a_snapshot_citation_names_the_snapshot_label_and_date(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1774915200")  # 2026-03-31
    src = write_sources(tmp_path / "src")
    make_snapshot(src, tmp_path / "bag", tmp_path / "docs", archive_config(tmp_path / "archive"),
                  "--label", "March {2026} & co")
    site = tmp_path / "bag" / "data" / "site"
    entry = next(e for e in load_entries(tmp_path / "docs") if e.meta["title"] == ZH_TITLE)
    page = site / (entry.src.removesuffix(".md") + ".html")
    shown = _soup(page)
    text = shown.select_one(".bs-citation").get_text()
    assert "March {2026} & co" in text and "2026-03-31" in text and f"/a/{entry.meta['id']}/" in text
    assert r"March \{2026\} \& co" in shown.select_one(".bs-bibtex").get_text()
    ld = json.loads(shown.find("script", type="application/ld+json").string)
    assert ld["isPartOf"]["version"] == "March {2026} & co" and ld["isPartOf"]["dateCreated"] == "2026-03-31"
    redirect = _follow(page, shown.select_one("a.bs-permalink-link")["href"])
    assert redirect == site / "a" / f"{entry.meta['id']}.html"
    assert _follow(redirect, _soup(redirect).select_one("a.bs-permalink-target")["href"]) == page


def test_a_snapshot_home_page_names_the_snapshot_and_links_the_changes_since_the_previous(tmp_path) -> None:
    src = write_sources(tmp_path / "src")
    config = archive_config(tmp_path / "archive")
    make_snapshot(src, tmp_path / "one", tmp_path / "docs", config, "--label", "One")
    first = _soup(tmp_path / "one" / "data" / "site" / "index.html").select_one(".bs-snapshot")
    assert "\u201cOne\u201d" in first.get_text() and "3 articles from 3 sources" in first.get_text()
    assert first.select_one("a.bs-snapshot-changes") is None, "the first snapshot has no previous one"
    (src / "en.txt").write_text(EN_SOURCE.replace(EN_TITLE, NEW_TITLE), encoding="utf-8")
    make_snapshot(src, tmp_path / "two", tmp_path / "docs", config, "--label", "<Two>",
                  "--previous", tmp_path / "one")
    home = tmp_path / "two" / "data" / "site" / "index.html"
    banner = _soup(home).select_one(".bs-snapshot")
    assert "\u201c<Two>\u201d" in banner.get_text() and banner.find("two") is None
    changes = _follow(home, banner.select_one("a.bs-snapshot-changes")["href"])
    assert changes == tmp_path / "two" / "data" / "changes-since-previous.txt"
    assert NEW_TITLE in changes.read_text(encoding="utf-8")
    # the corrected headline's article keeps its permalink in the next snapshot: the same set of a/<id> pages
    permalinks = [sorted(p.name for p in (tmp_path / bag / "data" / "site" / "a").iterdir()) for bag in ("one", "two")]
    assert permalinks[0] == permalinks[1] and len(permalinks[0]) == 6


def test_an_ordinary_build_has_no_snapshot_banner(cite_site) -> None:
    assert _soup(cite_site.site / "index.html").select_one(".bs-snapshot") is None
