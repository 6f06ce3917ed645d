"""Article → Markdown text: front matter through a real YAML dumper, then the body.

Source text is always text, escaped by construction: every character that
would start Markdown or HTML structure in the site's Markdown (python-markdown
with toc, attr_list and tables) is escaped, and nothing else, so `# x`, `> x`,
`*star`, `__init__`, `<script>` or `[x](javascript:…)` in a source show up as
typed and `%` stays `%`. Escapes are character references (`&#91;`, `&#42;`)
or, for `\\` and `` ` ``, backslash escapes, so the text also reads back
unchanged where Markdown is stripped naively (emphasis markers removed before
escapes are undone). Emphasis is kept only where the
source itself was Markdown (a PDF→Markdown page, a digest) and only as a
balanced span (`*Time*`, `**bold**`). Control characters (wire framing) never
reach a title or a body.
"""

from __future__ import annotations

import html
import re

import yaml

from .ids import article_id
from .model import CAPTION, CROSSHEAD, ITEM, PARA, TABLE, Article, Block
from .text import EMPHASIS_SPAN, MARKDOWN_KINDS, without_controls

INLINE_SPECIAL = re.compile(r"[&\\`*\[<{_]")  # `&` only before an entity, `_` only at a word's edge (see _escaped)
ENTITY_AFTER = re.compile(r"&#?\w+;")
INLINE_ESCAPE = {"&": "&amp;", "\\": "\\\\", "`": "\\`", "*": "&#42;", "[": "&#91;", "<": "&lt;", "{": "&#123;",
                 "_": "&#95;"}
# What opens a block at the start of a line: heading, quote, list item, rule.
LEADING_MARK = re.compile(r"^(?:[#>]|[-+](?=\s|$)|-[-\s]*$)")
ORDERED_ITEM = re.compile(r"^(\d+)([.)])(?=\s|$)")
KEY_ORDER = ("title", "section", "page", "deck", "authors", "contributors", "source_agency", "dateline", "note",
             "continued_from", "continues_on", "date", "url", "publication", "collected_in", "issue", "issue_title",
             "issue_date",
             "language", "figures", "translations", "stub", "untitled", "id", "provenance")


class FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when present: same output
    """Safe YAML with unicode kept and long lines left alone."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


FrontMatterDumper.add_representer(str, _str_presenter)


def _escaped(m: re.Match) -> str:
    char, text, at = m.group(0), m.string, m.start()
    if char == "&" and not ENTITY_AFTER.match(text, at):
        return char  # `AT&T`: not an entity, so not markup
    if char == "_" and 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
        return char  # `snake_case`: inside a word `_` never emphasises
    return INLINE_ESCAPE[char]


def escape_inline(text: str) -> str:
    """Characters that would become inline markup, escaped; everything else as it is."""
    return INLINE_SPECIAL.sub(_escaped, text)


def escape_line(text: str, keep_emphasis: bool = False) -> str:
    """One line of source text as Markdown that renders to exactly that text."""
    text = without_controls(text).strip()
    if keep_emphasis and ("*" in text or "_" in text):
        escaped, last = [], 0
        for m in EMPHASIS_SPAN.finditer(text):
            mark, inner = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            escaped += [escape_inline(text[last:m.start()]), mark, escape_inline(inner), mark]
            last = m.end()
        body = "".join(escaped) + escape_inline(text[last:])
    else:
        body = escape_inline(text)
    if LEADING_MARK.match(body):
        return f"&#{ord(body[0])};" + body[1:]
    item = ORDERED_ITEM.match(body) if body[:1].isdigit() else None
    return body if item is None else f"{item.group(1)}\\{item.group(2)}{body[item.end():]}"


def escape_text(text: str, keep_emphasis: bool = False) -> str:
    """Source text (one line, or several kept as lines) as Markdown that renders to that text."""
    return "\n".join(escape_line(line, keep_emphasis) for line in text.split("\n"))


def figure_html(block: Block) -> str:
    caption = html.escape(without_controls(block.meta.get("caption", "")))
    credit = html.escape(without_controls(block.meta.get("credit", "")))
    credit_html = f' <span class="bs-credit">{credit}</span>' if credit else ""
    return f'<figure class="bs-figure"><figcaption>{caption}{credit_html}</figcaption></figure>'


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table we build ourselves from the source's cells, each cell escaped as text."""
    width = max(len(r) for r in rows)
    cells = [[escape_text(c).replace("|", "&#124;") if c else " " for c in r] + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells[1:]])


def render_body(article: Article) -> str:
    emphasis = bool(article.provenance) and article.provenance[0].kind in MARKDOWN_KINDS
    parts: list[str] = []
    previous = ""
    for block in article.body:
        text = escape_text(block.text, emphasis) if block.kind in (PARA, CROSSHEAD, ITEM) else ""
        if block.kind == ITEM and previous == ITEM:
            parts[-1] += "\n- " + text
            continue
        previous = block.kind
        if block.kind == PARA:
            parts.append(("> " if block.meta.get("quote") else "") + text)
        elif block.kind == CROSSHEAD:
            parts.append("## " + (text[:-1] + "\\#" if text.endswith("#") else text))  # a closing # is markup
        elif block.kind == ITEM:
            parts.append("- " + text)
        elif block.kind == TABLE:
            parts.append(table_markdown(block.meta["rows"]))
        elif block.kind == CAPTION:
            parts.append(figure_html(block))
    return "\n\n".join(parts)


def plain_values(value: object) -> object:
    """Every string in front matter without control characters (wire framing is never metadata)."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, list):
        return [plain_values(v) for v in value]
    if isinstance(value, dict):
        return {plain_values(k): plain_values(v) for k, v in value.items()}
    return value


def front_matter(article: Article) -> dict:
    values = {
        "title": article.title,
        "section": article.section,
        "page": article.page,
        "deck": article.deck,
        "authors": article.authors,
        "contributors": article.contributors,
        "source_agency": article.source_agency,
        "dateline": article.dateline,
        "note": article.note,
        "continued_from": article.continued_from,
        "continues_on": article.continues_on,
        "date": article.date,
        "url": article.url,
        "publication": article.publication,
        "collected_in": article.collected_in,
        "issue": article.issue,
        "issue_title": article.issue_title,
        "issue_date": article.issue_date,
        "language": article.language,
        "figures": [f.as_dict() for f in article.figures],
        "translations": article.translations,
        "stub": article.stub or None,
        "untitled": article.untitled or None,
        "id": article_id(article.provenance[0].file, article.provenance[0].lines[0]) if article.provenance else None,
        "provenance": [p.as_dict() for p in article.provenance],
    }
    # Keys that name files (provenance, issue) stay exact: they are looked up, and YAML escapes what needs it.
    return {k: values[k] if k in EXACT_KEYS else plain_values(values[k]) for k in KEY_ORDER
            if values[k] not in (None, [], {}, "") or k == "title"}


EXACT_KEYS = frozenset({"provenance", "issue"})


def dump_front_matter(meta: dict) -> str:
    return yaml.dump(meta, Dumper=FrontMatterDumper, sort_keys=False, allow_unicode=True, width=10_000,
                     default_flow_style=False)


def render_article(article: Article, extra: dict | None = None) -> str:
    meta = front_matter(article)
    if extra:
        meta.update(extra)
    body = render_body(article)
    text = "---\n" + dump_front_matter(meta) + "---\n"
    return text + ("\n" + body + "\n" if body else "")
