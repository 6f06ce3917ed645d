"""Hostile text stays text: no live tags, links or structure; titles round-trip through YAML.

The converted Markdown is rendered with Python-Markdown using the extensions
of the site's mkdocs.yml (when present) plus the ones MkDocs Material sites
commonly enable; the HTML must hold no element or attribute the source text
could have injected, and the source text must read the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from converter.api import convert_to
from converter.audit import read_article
from converter.model import Article, Block, Provenance
from converter.render import render_article

ROOT = Path(__file__).resolve().parent.parent
BASE_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "pymdownx.superfences"]
HOSTILE_LINES = [
    '<script>alert("x")</script> was typed into the minutes by a prankster.',
    "<img src=x onerror=alert(1)> appeared in the second draft of the report.",
    "See [the plan](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this link</a> for details.",
    '<div class="x" onclick="alert(3)">A raw HTML block in the source</div>',
    "<iframe src=https://evil.example></iframe> and <style>body{display:none}</style> too.",
    "# 1 is the number of the motion, not a heading.",
    "> quoted text that is not a quotation mark of ours.",
    "| not | a | table |",
    "--- three dashes open this line.",
    "+ plus sign opens this line.",
    "1. is how the list of demands began.",
    "{{ config.site_name }} and {% include 'x.html' %} appear as typed.",
    "Hello world {: onclick=\"alert(4)\" } ends with an attribute list.",
    "!!! note \"admonition\" opened this line.",
    "??? details opened this line.",
    "```js fenced code opened this line.",
    "<!-- a comment --> and &lt;b&gt; and <https://evil.example/autolink> are text.",
    "![image](https://evil.example/x.png) is not an image.",
    "[ref]: javascript:alert(5)",
]
LIVE_TAGS = {"script", "img", "a", "div", "iframe", "style", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
             "table", "ul", "ol", "li", "hr", "pre", "details", "summary", "input", "form", "object", "embed"}


def site_extensions() -> list:
    """Extensions from mkdocs.yml (names and their options) plus the common Material ones."""
    config = ROOT / "mkdocs.yml"
    listed: list = []
    if config.exists():
        loader = type("Lenient", (yaml.SafeLoader,), {})
        loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)  # !!python/name tags
        listed = (yaml.load(config.read_text(encoding="utf-8"), Loader=loader) or {}).get("markdown_extensions") or []
    names = {e if isinstance(e, str) else next(iter(e)) for e in listed}
    return [e if isinstance(e, str) else next(iter(e)) for e in listed] + [e for e in BASE_EXTENSIONS if e not in names]


def render_html(body: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(body, extensions=site_extensions()), "html.parser")


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def convert_hostile(tmp_path: Path, kind: str) -> list[tuple[dict, str]]:
    text = "City Council Meets Tonight\n\nThe council met on Monday to discuss the budget.\n\n"
    text += "\n\n".join(HOSTILE_LINES) + "\n\nThe meeting ended at nine o'clock.\n"
    (tmp_path / "hostile.txt").write_text(text, encoding="utf-8")
    convert_to([tmp_path / "hostile.txt"], tmp_path / "out", kind=kind)
    return [read_article(p) for p in sorted((tmp_path / "out" / "articles").rglob("*.md"))]


@pytest.mark.parametrize("kind", ["ocr-page", "article", "generic"])
def test_hostile_lines_render_as_text_only(tmp_path: Path, kind: str) -> None:
    # Single articles and generic text read `# Heading` as a Markdown heading (a crosshead, <h2>) on purpose;
    # the heading's words must still read the same. Page OCR is plain text throughout.
    reads_headings = kind != "ocr-page"
    articles = convert_hostile(tmp_path, kind)
    html_text = ""
    for meta, body in articles:
        soup = render_html(body)
        live = [t.name for t in soup.find_all(True) if t.name in LIVE_TAGS - ({"h2"} if reads_headings else set())]
        assert live == [], f"live tags from source text: {live}"
        attributes = [(t.name, a) for t in soup.find_all(True) for a in t.attrs]
        assert all(attribute == ("h2", "id") for attribute in attributes), f"attributes set: {attributes}"
        html_text += " " + plain(str(meta.get("title", ""))) + " " + plain(soup.get_text(" "))
    for line in HOSTILE_LINES:
        if reads_headings and line.startswith("# "):
            line = line[2:]
        expected = plain(line.replace("&lt;b&gt;", "<b>"))  # entities in a source are decoded once, as text
        assert expected in html_text, f"text changed: {line!r}"


def test_markdown_dump_structure_never_carries_live_html(tmp_path: Path) -> None:
    for meta, body in convert_hostile(tmp_path, "pdf-markdown"):
        soup = render_html(body)
        for tag in soup.find_all(True):
            assert tag.name not in {"script", "img", "a", "iframe", "style", "div"}
            assert not any(a.startswith("on") or a in ("href", "src", "style") for a in tag.attrs)
        assert "javascript:" not in str(meta.get("url", ""))


HOSTILE_TITLES = ["Breaking: markets fall", "Why # matters", "- dash first", "* star first", "& anchor",
                  "! bang", "yes", "null", "No", "~", "'single' and \"double\" quotes", "x" * 600,
                  "line one\nline two", "key: value # comment", "[1, 2]", "{a: b}", "@at", "`tick`", "%percent",
                  "2024-05-01", "1e3", "0x1F", ":colon", "? question", "| pipe", "> gt", "\ttab", " spaced ",
                  "中文标题：测试", "emoji 🙂 title", "\u2028separator", "trailing backslash \\"]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_front_matter_round_trips_every_title(title: str) -> None:
    article = Article(title=title, authors=[title], deck=title, body=[Block("para", "Text.", (2, 2))],
                      provenance=[Provenance("s.txt", "0" * 64, (1, 2))])
    text = render_article(article)
    meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert meta["title"] == title and meta["authors"] == [title] and meta["deck"] == title


def test_hostile_headline_from_a_source_round_trips(tmp_path: Path) -> None:
    title = 'Breaking: "Yes" # no comment & more'
    (tmp_path / "s.txt").write_text(f"{title}\n\nThe story under the headline goes on here.\n", encoding="utf-8")
    convert_to([tmp_path / "s.txt"], tmp_path / "out")
    [(meta, _)] = [read_article(p) for p in (tmp_path / "out" / "articles").rglob("*.md")]
    assert meta["title"] == title
