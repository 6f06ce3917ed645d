"""Article → Markdown text: front matter through a real YAML dumper, then the body.

Source text is always text: any character that would start Markdown or HTML
structure is written as an entity or escaped, so `# x`, `> x`, `| x`,
`<script>` or `[x](javascript:…)` in a source show up as typed. Emphasis
written in the source (`*Time*`) is kept.
"""

from __future__ import annotations

import html
import re

import yaml

from .model import CAPTION, CROSSHEAD, ITEM, PARA, TABLE, Article, Block

LEADING_STRUCTURE = re.compile(r"^(?:[#>|=+\-!?:{~`%]|\d+[.)]\s|\*\s|_{3,}|\*{3,})")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
KEY_ORDER = ("title", "section", "page", "deck", "authors", "contributors", "source_agency", "dateline", "note",
             "continued_from", "continues_on", "date", "url", "publication", "collected_in", "issue", "issue_title",
             "issue_date",
             "language", "figures", "translations", "stub", "untitled", "provenance")


class FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml when present: same output
    """Safe YAML with unicode kept and long lines left alone."""


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


FrontMatterDumper.add_representer(str, _str_presenter)


def escape_text(text: str) -> str:
    """Inline-safe Markdown for a line of source text."""
    text = text.replace("\\", "\\\\")
    text = ENTITY_LIKE.sub("&amp;", text)
    # `[` would open a link, `{` an attribute list (`{: onclick=…}`) on the paragraph.
    text = text.replace("<", "&lt;").replace("[", "&#91;").replace("{", "&#123;")
    if LEADING_STRUCTURE.match(text):
        text = f"&#{ord(text[0])};" + text[1:]
    return text


def figure_html(block: Block) -> str:
    caption = html.escape(block.meta.get("caption", ""))
    credit = html.escape(block.meta.get("credit", ""))
    credit_html = f' <span class="bs-credit">{credit}</span>' if credit else ""
    return f'<figure class="bs-figure"><figcaption>{caption}{credit_html}</figcaption></figure>'


def table_markdown(rows: list[list[str]]) -> str:
    """A pipe table we build ourselves from the source's cells, each cell escaped as text."""
    width = max(len(r) for r in rows)
    cells = [[escape_text(c).replace("|", "&#124;") if c else " " for c in r] + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells[1:]])


def render_body(article: Article) -> str:
    parts: list[str] = []
    previous = ""
    for block in article.body:
        if block.kind == ITEM and previous == ITEM:
            parts[-1] += "\n- " + escape_text(block.text)
            continue
        previous = block.kind
        if block.kind == PARA:
            parts.append(("> " if block.meta.get("quote") else "") + escape_text(block.text))
        elif block.kind == CROSSHEAD:
            parts.append("## " + escape_text(block.text).lstrip())
        elif block.kind == ITEM:
            parts.append("- " + escape_text(block.text))
        elif block.kind == TABLE:
            parts.append(table_markdown(block.meta["rows"]))
        elif block.kind == CAPTION:
            parts.append(figure_html(block))
    return "\n\n".join(parts)


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
        "provenance": [p.as_dict() for p in article.provenance],
    }
    return {k: values[k] for k in KEY_ORDER if values[k] not in (None, [], {}, "") or k == "title"}


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
