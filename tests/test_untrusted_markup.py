"""Markup reaching readers: a site built (real MkDocs) from hostile file names, headlines, sidecar values and
dropped-line texts. Every place a source string reaches — report page, browse pages, article header and
footer, <title>, JSON-LD, OpenGraph, feed, sitemap, search index — shows it as text; the feed always
parses; in Chromium no injected handler runs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import converter.pipeline as pipeline
from converter.model import Dropped
from converter.site.catalog import Entry
from converter.site.feed import feed_xml

from .conftest import CONFIG, _serve

NAMES = ["<img src=x onerror=window.pwned=1>.txt", '"><svg onload=window.pwned=2>.txt',
         "{: onclick=window.pwned=3 } x.txt", "<script>window.pwned=4.txt", "a\x1b[31m&amp;b.txt"]
HEADLINES = ["Budget <img src=x onerror=window.pwned=10> passes", "Vote\x01 on \ufffe\uffff roads {: onmouseover=window.pwned=11 }",
             '"><script>window.pwned=12</script> Council', "Markets & <b onclick=window.pwned=13>shares</b>",
             "Rain ]]> closes <![CDATA[ schools"]
DROPPED = ['{: onfocus="window.pwned=20" autofocus tabindex=1 }', '<img src=x onerror="window.pwned=21">',
           "| a | b |\n|---|---|\n| <svg onload=window.pwned=22> | x |", "[link](javascript:window.pwned=23)"]
SIDECAR = ("publication: '<img src=x onerror=window.pwned=30>'\n"
           "title: '\"><svg onload=window.pwned=31> Issue'\ndate: 2025-08-18\n")
MARKER = "pwned"  # every payload sets window.pwned (a title rule reads `__` as emphasis, so no underscores)
PLAIN = re.compile(r"[\w\-./:#%?&]+")  # a slug, path or URL made from source text: no markup possible


BODIES = ["The harbour authority approved a new ferry timetable after a long public meeting on the quay.",
          "Farmers in the valley reported the earliest apple harvest in forty years, the cooperative said.",
          "The city orchestra will tour six countries next spring with a programme of new symphonies.",
          "A rare comet will be visible from the northern hills on Friday night, astronomers announced.",
          "The old textile mill reopens as a museum of industry with looms restored by volunteers."]


def _source(n: int) -> str:
    return (f"{HEADLINES[n % len(HEADLINES)]}\n\nBy Jane <i onclick=window.pwned=40>Doe</i>\n\n{BODIES[n]}\n\n"
            f"Paragraph {n} with <script>window.pwned=41</script> in it ends the article.\n")


def _with_dropped_lines(convert_source):
    """Every source also has hostile dropped lines (whatever rule drops them, the report shows their text)."""
    def wrapped(source, *args, **kwargs):
        result = convert_source(source, *args, **kwargs)
        result.dropped += [Dropped(source.name, (90 + n, 90 + n), text, "test: " + text[:20])
                           for n, text in enumerate(DROPPED)]
        return result
    return wrapped


@pytest.fixture(scope="module")
def hostile_archive(tmp_path_factory: pytest.TempPathFactory):
    from converter.site.commands import build_site

    tmp = tmp_path_factory.mktemp("untrusted")
    sources = tmp / "src"
    sources.mkdir()
    for n, name in enumerate(NAMES):
        (sources / name).write_text(_source(n), encoding="utf-8")
        (sources / name).with_suffix(".yml").write_text(SIDECAR if n == 0 else f"date: 2025-08-{10 + n}\n",
                                                        encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "convert_source", _with_dropped_lines(pipeline.convert_source))
        stats = build_site([sources], tmp / "docs", tmp / "site", CONFIG, strict=True)
    assert stats["report"]["errors"] == [] and stats["articles"] == len(NAMES)
    return tmp / "docs", tmp / "site"


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in sorted(site.rglob("*.html"))}


def test_no_element_or_attribute_from_source_text_in_any_page(hostile_archive) -> None:
    _, site = hostile_archive
    pages = _pages(site)
    assert len(pages) > 10
    for name, soup in pages.items():
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                assert MARKER not in attribute and not attribute.startswith("on"), (name, tag.name, attribute)
                text_value = tag.name == "meta" and attribute == "content"  # a description: text, escaped
                slug = PLAIN.fullmatch(value)  # a heading's id, a link to a page named after a source
                assert MARKER not in value or text_value or slug, (name, tag.name, attribute, value)
            assert tag.name not in {"svg", "i", "b"} or MARKER not in str(tag), (name, str(tag)[:200])
            if tag.name == "script" and MARKER in (tag.string or ""):
                assert tag.get("type") == "application/ld+json", (name, str(tag)[:200])
                assert "</" not in tag.string and json.loads(tag.string)["@type"] == "NewsArticle"
            if tag.name == "img":
                assert MARKER not in str(tag)


def test_the_report_page_shows_names_and_dropped_lines_as_typed(hostile_archive) -> None:
    _, site = hostile_archive
    report = _pages(site)["conversion-report/index.html"]
    text = report.get_text(" ")
    for name in NAMES[:4]:
        assert name in text, name
    assert "a\ufffd[31m&amp;b.txt" in text  # a control character shown as U+FFFD, the entity as typed
    for line in DROPPED:
        assert " ".join(line.split())[:60] in " ".join(text.split()), line
    assert not report.select("table img, table svg, table a, table [tabindex]")


def test_article_head_title_json_ld_and_opengraph_hold_the_headline_as_text(hostile_archive) -> None:
    _, site = hostile_archive
    articles = {n: s for n, s in _pages(site).items() if n.startswith("articles/")}
    assert len(articles) == len(NAMES)
    headlines = {s.select_one("h1.bs-headline").get_text() for s in articles.values()}
    assert "Budget <img src=x onerror=window.pwned=10> passes" in headlines
    assert '"><script>window.pwned=12</script> Council' in headlines
    for soup in articles.values():
        headline = soup.select_one("h1.bs-headline").get_text()
        assert soup.title.get_text().startswith(headline)
        assert soup.select_one('meta[property="og:title"]')["content"] == headline
        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert data["headline"] == headline
        sources = [a.get_text() for a in soup.select(".bs-provenance a.bs-source")]
        assert len(sources) == 1 and sources[0] in NAMES + ["a\x1b[31m&amp;b.txt"]
    dateline = " ".join(s.select_one(".bs-dateline").get_text() for s in articles.values() if s.select_one(".bs-dateline"))
    assert "<img src=x onerror=window.pwned=30>" in dateline and '"><svg onload=window.pwned=31> Issue' in dateline


def test_browse_pages_list_hostile_values_as_text(hostile_archive) -> None:
    docs, site = hostile_archive
    pages = _pages(site)
    home = pages["index.html"].get_text(" ")
    assert '"><svg onload=window.pwned=31> Issue' in home and "<img src=x onerror=window.pwned=30>" in home
    issues = [s for n, s in pages.items() if n.startswith("browse/issues/") and n != "browse/issues/index.html"]
    assert len(issues) == len(NAMES)
    listed = " ".join(s.get_text(" ") for s in issues)
    assert "Budget <img src=x onerror=window.pwned=10> passes" in listed
    for page in (docs / "browse").rglob("*.md"):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert "<img" not in body and "<svg" not in body and "{:" not in body and "<script" not in body, page


def test_feed_sitemap_and_search_index_parse_and_hold_text(hostile_archive) -> None:
    docs, site = hostile_archive
    feed = ET.parse(site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Budget <img src=x onerror=window.pwned=10> passes" in titles
    assert "Rain ]]> closes <![CDATA[ schools" in titles
    # the converter takes control characters out of titles; the feed replaces what XML forbids
    assert any(t and t.startswith("Vote") and " roads " in t and not re.search("[\x00-\x08\ufffe\uffff]", t)
               for t in titles)
    ET.parse(site / "sitemap.xml")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    raw = json.dumps(index, ensure_ascii=False)
    assert not re.search(r"<(img|svg|script|b|i)\b", raw)


@pytest.mark.parametrize("title", ["\x01\x02\x0b\x0c\x1f", "\ufffe\uffff", "\ud800 lone", "a & b < c > d \" '",
                                   "]]>", "\x00nul"])
def test_the_feed_always_parses(title: str) -> None:
    entry = Entry("articles/i/x.md", {"title": title, "date": "2025-08-18&<", "deck": title, "authors": [title],
                                      "translations": {"zh": {"summary": title}}})
    dated = Entry("articles/i/y.md", {"title": title, "date": "2025-08-18T10:00", "authors": [title, 3]})
    root = ET.fromstring(feed_xml([entry, dated], title, "https://x.example/?a=1&b=<2>"))
    updated = [e.find("{http://www.w3.org/2005/Atom}updated").text for e in root.iter("{http://www.w3.org/2005/Atom}entry")]
    assert updated == ["2025-08-18T10:00:00Z", "2025-08-18T00:00:00Z"]  # the date's real part; `&<` never reaches XML


# ----- in Chromium: no injected handler runs -----

@pytest.fixture(scope="module")
def hostile_archive_url(hostile_archive):
    server, url = _serve(hostile_archive[1])
    yield url
    server.shutdown()


PAGES = ["conversion-report/", "", "browse/issues/", "browse/publications/"]
OPEN_DETAILS = "document.querySelectorAll('details').forEach(d => d.open = true)"  # the report's collapsed lists
NO_SOURCE_ATTRIBUTES = """() => [...document.querySelectorAll('*')].flatMap(el =>
    [...el.attributes].filter(a => a.name.startsWith('on') || a.name.includes('pwned') ||
        (a.value.includes('pwned') && /[^\\w\\-./:#%?&]/.test(a.value) && !(el.tagName == 'META' && a.name == 'content')))
    .map(a => el.tagName + ' ' + a.name + '=' + a.value))"""


@pytest.mark.browser
def test_no_injected_handler_runs_in_chromium(page, hostile_archive, hostile_archive_url) -> None:
    _, site = hostile_archive
    articles = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "articles").rglob("index.html"))
    issues = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "browse" / "issues").rglob("index.html"))
    for path in PAGES + articles + issues:
        page.goto(hostile_archive_url + path)
        page.wait_for_load_state("load")
        page.evaluate(OPEN_DETAILS)
        page.mouse.move(400, 300)
        page.keyboard.press("Tab")  # an injected autofocus/onfocus would fire here
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.evaluate(NO_SOURCE_ATTRIBUTES) == [], path
    page.goto(hostile_archive_url + "conversion-report/")
    page.evaluate(OPEN_DETAILS)
    assert "<img src=x onerror=window.pwned=1>.txt" in page.locator("article").inner_text()
    assert '{: onfocus="window.pwned=20" autofocus tabindex=1 }' in page.locator("article").inner_text()


# --- news markup collections: what an SGML/XML source can carry never expands, loads or reaches an article ---

COLLECTION = ('<!DOCTYPE lewis [\n<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n<!ENTITY host SYSTEM "file:///etc/hostname">\n]>\n<DOCUMENT>\n'
              + "".join(f'<REUTERS NEWID="{n}">\n<DATE>2-MAR-1987 10:0{n}:00.00</DATE>\n<TEXT>&#2;\n'
                        f"<TITLE>HARBOUR {n} &c; &host; REOPENS</TITLE>\n<DATELINE>    OSLO, March 2 - </DATELINE>"
                        f"<BODY>The harbour reopened &c;&c; on\nMonday{''.join(f'&#{c};' for c in range(32))}.\n"
                        "    Ferries run again &host;.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n" for n in (1, 2))
              + "</DOCUMENT>\n")


def _converted_collection(tmp_path: Path) -> tuple[list[str], dict]:
    from converter.api import convert_to

    (tmp_path / "wire.sgm").write_text(COLLECTION, encoding="utf-8")
    convert_to([tmp_path / "wire.sgm"], tmp_path / "out")
    report = json.loads((tmp_path / "out" / "conversion-report.json").read_text(encoding="utf-8"))
    return [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out" / "articles").rglob("*.md"))], report


def test_collection_entities_are_never_expanded_nor_loaded(tmp_path: Path) -> None:
    import time

    started = time.process_time()
    articles, _ = _converted_collection(tmp_path)
    assert time.process_time() - started < 10 and len(articles) == 2
    hostname = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").exists() else ""
    for text in articles:
        assert "aaaaaaaaaa" not in text and (not hostname or hostname not in text)
        assert "<!ENTITY" not in text and "<REUTERS" not in text and "<BODY" not in text


def test_control_character_references_never_reach_an_article_and_are_reported(tmp_path: Path) -> None:
    articles, report = _converted_collection(tmp_path)
    for text in articles:
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), repr(text)
        assert "&#" not in text and "Reuter\n" not in text
    reasons = [d["reason"] for d in report["sources"][0]["dropped"]]
    assert any(r.startswith("control characters") for r in reasons)


def test_a_markup_file_too_large_to_parse_is_refused_with_a_reason(tmp_path: Path, monkeypatch) -> None:
    import converter.readers.markup as markup

    monkeypatch.setattr(markup, "MAX_SIZE", len(COLLECTION) - 1)
    articles, report = _converted_collection(tmp_path)
    assert articles == []
    assert "markup file too large to parse" in {d["reason"] for d in report["sources"][0]["dropped"]}
