"""Hostile front matter stays text everywhere; two builds with one SOURCE_DATE_EPOCH are byte-identical."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import markdown

from converter.site.listing import article_item, text
from converter.site.catalog import Entry

ROOT = Path(__file__).resolve().parent.parent
RAW_MARKUP = ("<script>window", "<img src=x", "<img src=\"x\"")


def test_hostile_values_never_reach_html_as_markup(hostile_site) -> None:
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for raw in RAW_MARKUP:
            assert raw not in html, f"{page.relative_to(hostile_site.site)} carries {raw!r}"
    article = next((hostile_site.site / "articles").rglob("index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article  # the body line, shown as text
    title = article.split("<title>")[1].split("</title>")[0]
    assert title.startswith("&lt;script&gt;window.") and "Hostile" in title


def test_hostile_values_are_escaped_in_browse_markdown(hostile_site) -> None:
    for page in (hostile_site.docs / "browse").rglob("*.md"):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert "<script" not in body and "<img" not in body, page


def test_search_index_holds_escaped_titles(hostile_site) -> None:
    index = (hostile_site.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index


def test_listing_text_cannot_open_structure() -> None:
    assert text("a] (x) | <b>") == "a&#93; (x) &#124; &lt;b>"
    assert text("# not a heading").startswith("&#35;")
    entry = Entry("articles/i/x.md", {"title": "[x](javascript:alert(1))", "issue": "i", "authors": ["<b>"]})
    html = markdown.markdown(article_item(entry, "browse/issues/i.md"))
    assert 'href="javascript' not in html and "<b>" not in html
    assert '<a href="../../articles/i/x.md">&#91;x&#93;(javascript:alert(1))</a>' in html


def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_with_one_source_date_epoch_are_byte_identical(tmp_path: Path) -> None:
    trees = []
    for n in (1, 2):
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": str(n)}
        args = [sys.executable, "-c", "from converter.cli import main; main()", "build", str(ROOT / "site_src"),
                "--docs", str(tmp_path / f"docs{n}"), "--site-dir", str(tmp_path / f"site{n}"),
                "--config-file", str(ROOT / "mkdocs.yml")]
        subprocess.run(args, cwd=tmp_path, env=env, check=True, capture_output=True)
        trees.append(_tree(tmp_path / f"site{n}"))
    assert "sitemap.xml.gz" in trees[0] and "search/search_index.json" in trees[0]
    differing = sorted(k for k in trees[0].keys() | trees[1].keys() if trees[0].get(k) != trees[1].get(k))
    assert not differing, differing
    sitemap = (tmp_path / "site1" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2023-11-14</lastmod>" in sitemap
