"""Text fidelity: what a source says is what the page shows, character for character.

The writer escapes by construction; these properties check it against the site's
own Markdown (python-markdown with the extensions in mkdocs.yml) and the scorer's
reading of Markdown text (entities decoded, emphasis markers and escapes removed).
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import CROSSHEAD, ITEM, PARA, Article, Block, Provenance
from converter.render import escape_text, render_article
from converter.text import without_controls

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text().split("nav:")[0].split("markdown_extensions:")[1])
NAMES = [next(iter(e)) if isinstance(e, dict) else e for e in EXTENSIONS]
CONFIGS = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
MARKUP = "\\`*_{}[]()#+-.!|<>&;:=~%\"' \t"
TEXT = st.text(alphabet=st.one_of(st.sampled_from(MARKUP + "ab1é中\u00a0\x01\x02\x7f"),
                                  st.characters(blacklist_categories=("Cs",))), max_size=60)


class TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_text(md_text: str) -> str:
    parser = TextOf()
    parser.feed(markdown.markdown(md_text, extensions=NAMES, extension_configs=CONFIGS))
    return " ".join(parser.parts)


def spaced(text: str) -> str:
    return " ".join(text.split())


def scorer_norm(text: str) -> str:
    """The scorer's reading of Markdown text (eval/score.py norm)."""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = re.sub(r"(\*\*|__|\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w))", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|\"'])", r"\1", text)
    return " ".join(text.split())


def article_with(text: str, kind: str = PARA) -> Article:
    return Article(title=text, body=[Block(kind, text, (1, 1))], provenance=[Provenance("s.txt", "0" * 64, (1, 1), "article")])


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_any_text_renders_to_itself(text: str) -> None:
    assert spaced(rendered_text(escape_text(text))) == spaced(without_controls(text))


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from([PARA, CROSSHEAD, ITEM]))
def test_an_article_round_trips_through_markdown_and_yaml(text: str, kind: str) -> None:
    page = render_article(article_with(text, kind))
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", page, re.S).groups()
    assert yaml.safe_load(front)["title"] == without_controls(text)
    assert spaced(rendered_text(body)) == spaced(without_controls(text))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_the_scorer_reads_the_text_back(text: str) -> None:
    if "\\" in text or html.unescape(text) != text:
        return  # the scorer itself reads a source's `\*` or `&amp;` as markup: not a writer's choice
    assert scorer_norm(escape_text(text)) == scorer_norm(without_controls(text))


def test_characters_markdown_would_eat_are_kept() -> None:
    for source in ("*star", "__init__ is called", "# a hashtag line", "#MeToo spread", "> not a quote",
                   "- not a list", "1. not a list", "Profits rose 50% today", "[x](javascript:alert(1))",
                   "{: onclick=alert(1)}", "<script>x</script>", "a | b", "snake_case_name", "---"):
        assert spaced(rendered_text(escape_text(source))) == source, source


def test_nothing_is_added_where_nothing_needs_escaping() -> None:
    for plain in ("Profits rose 50% and 100% of staff got a bonus.", "%pct at the start", "AT&T and P&G",
                  "snake_case_name", "2+2=4; a~b", "Café «déjà vu» 中文：经济。"):
        assert escape_text(plain) == plain


def test_emphasis_is_markup_only_in_markdown_sources() -> None:
    article = article_with("The *Times* said *star")
    article.provenance[0].kind = "pdf-markdown"
    assert "<em>Times</em>" in markdown.markdown(render_article(article).split("---\n", 2)[2])
    article.provenance[0].kind = "article"
    assert "*Times*" in rendered_text(render_article(article).split("---\n", 2)[2])


def test_control_characters_never_reach_title_or_body() -> None:
    page = render_article(article_with("\x01\x7fbsf025\x02Situation\x03 report"))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", page)
    assert yaml.safe_load(page.split("---\n")[1])["title"] == "bsf025 Situation report"


def test_a_converted_plain_article_keeps_every_character(tmp_path: Path) -> None:
    from converter.api import convert_to

    paragraphs = ["The __init__ method runs first, and *star ratings fell by 50% on Tuesday, the report said.",
                  "#MeToo posts rose again this week as the campaign marked its anniversary, organisers said.",
                  "Prices (in $) rose 3.5% and <b>bold</b> claims of [x](y) {: .a} a|b 1. were all rejected."]
    source = tmp_path / "plain.txt"
    source.write_text("Stars and *star_ratings fall\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    convert_to([source], tmp_path / "out")
    page = next((tmp_path / "out" / "articles").rglob("*.md")).read_text(encoding="utf-8")
    front, body = re.match(r"^---\n(.*?)\n---\n(.*)$", page, re.S).groups()
    assert yaml.safe_load(front)["title"] == "Stars and *star_ratings fall"
    assert spaced(rendered_text(body)) == spaced(" ".join(paragraphs))
    assert "&#37;" not in page and scorer_norm(body) == scorer_norm(" ".join(paragraphs))
