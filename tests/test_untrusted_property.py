"""Property: for any file name and any sidecar, `convert` succeeds or gives one error line; the browse pages,
report page, feed and article header/footer built from the result hold no element or attribute that came
from source text; the feed parses. A few examples also run the real MkDocs build."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.cli import main
from converter.sidecar import SCHEMA
from converter.site.article_html import footer_html, head_html, header_html
from converter.site.catalog import load_entries

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
MARKER = "pwned"
PAYLOADS = ["<img src=x onerror=pwned()>", "{: onclick=pwned() }", '"><svg onload=pwned()>', "<b pwned=1>",
            "[a](javascript:pwned())", "*pwned*", "`pwned`", "&amp;", "&#60;i&#62;", "\x1b[31m", "]]>", "\ufffe",
            "\uffff", "\x0b", "\n", "\r", "\t", "|", "#", "> ", "- ", "1. ", "---", "=", "~~", "==", "^", "$", "\\",
            "café", "cafe\u0301", "中文", "\u202e", " "]
BODY = "The harbour bridge reopened on Monday after repairs that took most of the winter, officials said."
ALLOWED_TAGS = {"p", "br", "strong", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td",
                "span", "em", "header", "footer", "div", "code", "time", "figure", "figcaption", "meta", "script",
                "details", "summary"}  # details/summary: the report's collapsed lists
EXTENSIONS = ["toc", "attr_list", "tables", "md_in_html"]  # the ones mkdocs.yml enables

fragment = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=6))
hostile_text = st.lists(fragment, min_size=1, max_size=6).map("".join)
file_name = hostile_text.map(lambda t: t.replace("/", "∕").replace("\x00", "") + ".txt").filter(
    lambda n: len(n.encode("utf-8", "surrogatepass")) <= 200 and not any(0xD800 <= ord(c) <= 0xDFFF for c in n))
value = st.one_of(hostile_text, st.integers(), st.none(), st.booleans(), st.lists(hostile_text, max_size=3),
                  st.dates().map(str), st.sampled_from(["2026-13-45", "sometime in spring", "2025-02-29", "2024-02-29"]),
                  st.dictionaries(st.text(max_size=3), hostile_text, max_size=2))
sidecar_map = st.dictionaries(st.sampled_from(sorted(SCHEMA) + ["bogus"]), value, max_size=4).map(
    lambda d: yaml.safe_dump(d, allow_unicode=True))
sidecar = st.one_of(st.none(), sidecar_map, st.text(max_size=60))  # a real dump, or any text at all


def _write(folder: Path, name: str, side: str | None, headline: str) -> Path:
    sources = folder / "src"
    sources.mkdir()
    source = sources / name
    source.write_text(f"{headline}\n\nBy Jane {headline}\n\n{BODY}\n", encoding="utf-8", errors="surrogatepass")
    if side is not None:
        source.with_suffix(".yml").write_text(side, encoding="utf-8", errors="surrogatepass")
    return sources


def _convert(sources: Path, docs: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["convert", str(sources), "--out", str(docs)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert all(line.startswith(("error: ", "warning: ")) for line in lines), lines
    assert all("\x1b" not in line and "\r" not in line for line in result.output.splitlines())
    return sum(line.startswith("error: ") for line in lines), lines


def _no_markup_from_source(html: str, where: str) -> None:
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        assert tag.name in ALLOWED_TAGS, (where, tag.name, str(tag)[:200])
        for attribute, found in tag.attrs.items():
            found = " ".join(found) if isinstance(found, list) else str(found)
            assert MARKER not in attribute and not attribute.startswith("on"), (where, tag.name, attribute)
            plain = re.fullmatch(r"[\w\-./:#%?&]+", found) or (tag.name == "meta" and attribute == "content")
            assert MARKER not in found or plain, (where, tag.name, attribute, found)
        if tag.name == "script":
            assert tag.get("type") == "application/ld+json" and "</" not in (tag.string or "")


def _check_docs(docs: Path) -> None:
    from converter.site.browse import build_pages
    from converter.site.feed import all_feeds, feed_xml

    entries = load_entries(docs)
    pages = build_pages(entries, "Archive")
    pages["conversion-report.md"] = (docs / "conversion-report.md").read_text(encoding="utf-8")
    for src, text in pages.items():
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        _no_markup_from_source(markdown.markdown(body, extensions=EXTENSIONS), src)
    ET.fromstring(feed_xml(entries, "Archive", "https://example.org/"))
    for text in all_feeds(entries, "Archive", "https://example.org/").values():  # per publication, section
        ET.fromstring(text.encode("utf-8"))
    for entry in entries:
        resolve = lambda src: "x/"  # noqa: E731  every link target exists
        html = header_html(entry.meta, "", resolve) + footer_html(entry.meta, resolve)
        html += head_html(entry.meta, "", "https://example.org/a/", None, "Archive")
        _no_markup_from_source(html, entry.src)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=file_name, side=sidecar, headline=hostile_text)
def test_any_name_and_sidecar_convert_or_give_one_error_and_stay_text(name: str, side: str | None,
                                                                      headline: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources = _write(Path(tmp), name, side, headline or "Headline")
        errors, lines = _convert(sources, Path(tmp) / "docs")
        assert errors <= 1, lines
        articles = list((Path(tmp) / "docs" / "articles").rglob("*.md")) if (Path(tmp) / "docs" / "articles").exists() else []
        assert errors == 1 or articles or name.startswith(".") or not (headline + BODY).strip(), lines
        _check_docs(Path(tmp) / "docs")


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=file_name.filter(lambda n: not n.startswith(".")), side=sidecar_map, headline=hostile_text)  # a hidden file is no source
def test_a_few_real_site_builds_from_any_name_and_sidecar(name: str, side: str, headline: str) -> None:
    from converter.site.commands import build_site

    with tempfile.TemporaryDirectory() as tmp:
        sources = _write(Path(tmp), name, side, headline or "Headline")
        stats = build_site([sources], Path(tmp) / "docs", Path(tmp) / "site", CONFIG, strict=True)
        assert len(stats["report"]["errors"]) <= 1
        ET.parse(Path(tmp) / "site" / "feed.xml")
        for page in (Path(tmp) / "site").rglob("*.html"):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            for tag in soup.find_all(True):
                for attribute, found in tag.attrs.items():
                    found = " ".join(found) if isinstance(found, list) else str(found)
                    assert MARKER not in attribute and not attribute.startswith("onerror"), (page, attribute)
                    plain = re.fullmatch(r"[\w\-./:#%?&]+", found) or (tag.name == "meta" and attribute == "content")
                    assert MARKER not in found or plain, (page, tag.name, attribute, found)
                assert tag.name not in {"img", "svg", "iframe", "object", "embed"} or MARKER not in str(tag)
