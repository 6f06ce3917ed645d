"""`broadsheet build` on the sample: browse pages, nav, article pages, metadata, feed, search index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from converter.cli import main
from converter.site.catalog import group_issues, load_entries

WHO = "articles/000_d7c7b0b25b6929d9/u-s-exit-from-who-threatens-global-public-health"
EV = "articles/003_ddf4aecfeb3f92f8/how-is-the-ev-industry-driving-china-s-going-global-strategy"
ATOM = "{http://www.w3.org/2005/Atom}"


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_build_writes_the_browse_pages(built_site) -> None:
    docs = built_site.docs
    for src in ("index.md", "browse/issues/index.md", "browse/archive/index.md", "browse/sections/index.md",
                "browse/authors/index.md", "browse/publications/index.md", "feed.xml", "raw/000_d7c7b0b25b6929d9.txt",
                "browse/issues/003_ddf4aecfeb3f92f8.md", "browse/authors/liang-yilian.md",
                "browse/sections/clear-voice.md", "browse/publications/真相集中营.md"):
        assert (docs / src).is_file(), src
    assert built_site.stats["articles"] == 33
    assert (built_site.site / "index.html").is_file() and (built_site.site / "sitemap.xml").is_file()


def test_issue_page_lists_articles_in_source_order_under_page_and_section(built_site) -> None:
    text = (built_site.docs / "browse/issues/000_d7c7b0b25b6929d9.md").read_text(encoding="utf-8")
    issue = next(i for i in group_issues(load_entries(built_site.docs)) if i.id == "000_d7c7b0b25b6929d9")
    firsts = [e.meta["provenance"][0]["lines"][0] for e in issue.entries]
    assert firsts == sorted(firsts)
    positions = [text.index(Path(e.src).name) for e in issue.entries]
    assert positions == sorted(positions)
    assert "## INSIGHTS" in text and "### Clear Voice" in text
    assert text.index("### Clear Voice") < text.index("u-s-exit-from-who")
    # the last article has no kicker: it is not listed as if it were under the one before it
    assert text.index("### Hi-Tech") < text.index("### Other articles") < text.index("rising-integration-of")


def test_home_counts_and_archive_by_month(built_site) -> None:
    home = (built_site.docs / "index.md").read_text(encoding="utf-8")
    assert "33 articles in 3 issues" in home
    digest_row = next(line for line in home.splitlines() if "003_ddf4aecfeb3f92f8" in line)
    assert "20 August 2025" in digest_row, "the digest's own date, not its latest entry's (18 August)"
    archive = (built_site.docs / "browse/archive/index.md").read_text(encoding="utf-8")
    assert "## 2025" in archive and "### August 2025" in archive and "## Undated" in archive


def test_nav_lists_browse_pages_not_articles(built_site) -> None:
    nav = soup(built_site.site, WHO).select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert hrefs and not any("articles/" in h for h in hrefs)
    assert len(hrefs) < 15


def test_article_page_has_header_footer_and_neighbours(built_site) -> None:
    page = soup(built_site.site, WHO)
    assert page.select_one("h1.bs-headline").get_text() == "U.S. Exit from WHO Threatens Global Public Health"
    assert page.select_one(".bs-kicker").get_text() == "INSIGHTS · Clear Voice"
    authors = page.select(".bs-byline a.bs-author")
    assert [a.get_text() for a in authors] == ["Liang Yilian", "Hu Dingkun"]
    assert authors[0]["href"] == "../../../browse/authors/liang-yilian/"
    assert "XINHUA" in page.select_one("figure.bs-figure .bs-credit").get_text()
    source = page.select_one(".bs-provenance a.bs-source")
    # the name opens the readable page; the line span links exactly the article's lines; the bytes stay
    assert source["href"] == "../../../raw/000_d7c7b0b25b6929d9.txt.html"
    assert re.fullmatch(r"\.\./\.\./\.\./raw/000_d7c7b0b25b6929d9\.txt\.html#L\d+-L\d+",
                        page.select_one(".bs-provenance a.bs-source-lines")["href"])
    assert page.select_one(".bs-provenance a.bs-source-download")["href"] == "../../../raw/000_d7c7b0b25b6929d9.txt"
    assert "lines 3–53" in page.select_one(".bs-provenance li").get_text()
    assert page.select_one('link[rel="next"]')["href"] == "../china-s-sci-tech-innovation-leads-the-way/"
    assert page.select_one("a.md-footer__link--next")


def test_continued_from_and_chinese_translation(built_site) -> None:
    energy = soup(built_site.site, "articles/001_481e840cd096a890/energy-cooperation-gets-new-direction")
    assert energy.select_one(".bs-jump").get_text() == "Continued from page 1"
    ev = soup(built_site.site, EV)
    zh = ev.select_one('.bs-translation[lang="zh"]')
    assert "电动车" in zh.select_one(".bs-zh-summary").get_text()
    assert ev.select_one(".bs-original a")["href"].startswith("https://www.scmp.com/")
    assert ev.select_one("time")["datetime"] == "2025-08-18T13:20"


def test_json_ld_opengraph_and_canonical(built_site) -> None:
    page = soup(built_site.site, WHO)
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "U.S. Exit from WHO Threatens Global Public Health"
    assert [a["name"] for a in data["author"]] == ["Liang Yilian", "Hu Dingkun"]
    assert data["printSection"] == "Clear Voice" and data["printPage"] == "INSIGHTS"
    assert data["isBasedOn"].endswith("/raw/000_d7c7b0b25b6929d9.txt")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == data["url"] and canonical.startswith("https://") and canonical.endswith(WHO + "/")
    assert page.select_one('meta[property="og:title"]')["content"] == data["headline"]
    assert page.select_one('meta[property="og:description"]')["content"].startswith("On January 22")
    ev = json.loads(soup(built_site.site, EV).select_one('script[type="application/ld+json"]').string)
    assert ev["datePublished"] == "2025-08-18T13:20" and ev["isBasedOn"].startswith("https://www.scmp.com/")


def test_atom_feed_lists_newest_articles(built_site) -> None:
    feed = ET.parse(built_site.site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 50
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert all(link.startswith("https://broadsheet.example.org/articles/") for link in links)
    local = built_site.site / links[0].removeprefix("https://broadsheet.example.org/") / "index.html"
    assert local.is_file()


def test_sitemap_and_search_index(built_site) -> None:
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert WHO + "/" in sitemap
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "zh" in index["config"]["lang"] and "\\u200b" in index["config"]["separator"]
    ev = [d for d in index["docs"] if d["location"].startswith(EV)]
    assert any("电动车" in d["text"] for d in ev)


def test_raw_source_served_as_text(built_site) -> None:
    raw = built_site.site / "raw/000_d7c7b0b25b6929d9.txt"
    assert raw.read_bytes() == (Path(__file__).parent.parent / "site_src/000_d7c7b0b25b6929d9.txt").read_bytes()


def test_build_and_serve_commands_are_registered() -> None:
    for command in ("build", "serve"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Examples:" in result.output
    assert "--site-dir" in CliRunner().invoke(main, ["build", "--help"]).output


def test_every_build_and_serve_option_in_the_readme_exists() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for command in ("build", "serve"):
        usage = re.search(rf"`broadsheet {command} (\[PATHS\.\.\.\].*?)`", readme).group(1)
        documented = set(re.findall(r"--[a-z-]+", usage))
        help_text = CliRunner().invoke(main, [command, "--help"]).output
        assert documented and documented <= set(re.findall(r"--[a-z-]+", help_text)), command
    assert (Path(__file__).resolve().parent.parent / "readme-assets/article.png").is_file()


def test_a_removed_source_keeps_its_articles_and_their_raw_link_until_pruned(tmp_path: Path) -> None:
    sources, docs, site = tmp_path / "src", tmp_path / "docs", tmp_path / "site"
    sources.mkdir()
    sample = Path(__file__).resolve().parent.parent / "site_src"
    for name in ("000_d7c7b0b25b6929d9.txt", "003_ddf4aecfeb3f92f8.txt"):
        (sources / name).write_bytes((sample / name).read_bytes())
    args = ["build", str(sources), "--docs", str(docs), "--site-dir", str(site)]
    assert CliRunner().invoke(main, args).exit_code == 0
    (sources / "000_d7c7b0b25b6929d9.txt").unlink()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and f"stale {WHO}.md" in result.stdout
    footer = soup(site, WHO).select_one(".bs-provenance a.bs-source")
    assert footer is not None and (site / WHO / footer["href"]).resolve().is_file()
    result = CliRunner().invoke(main, args + ["--prune"])
    assert result.exit_code == 0 and f"pruned {WHO}.md" in result.stdout
    assert not (site / WHO).exists() and not (site / "raw/000_d7c7b0b25b6929d9.txt").exists()


def test_an_issue_names_a_publication_only_when_all_its_articles_agree() -> None:
    from converter.site.catalog import Entry, Issue

    def entry(n: int, publication: str | None) -> Entry:
        return Entry(f"articles/d/{n}.md", {"title": str(n), "issue": "d", "publication": publication,
                                             "provenance": [{"file": "d.txt", "lines": [n, n]}]})

    assert Issue("d", [entry(1, "The Guardian"), entry(2, "The Guardian")]).publication == "The Guardian"
    assert Issue("d", [entry(1, "The Guardian"), entry(2, None), entry(3, "BBC")]).publication == ""
