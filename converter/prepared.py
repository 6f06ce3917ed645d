"""What a worker prepares from one source's finished conversion, so the main process need not.

A source's conversion (`pipeline.convert_source`) runs in a worker; most of what follows it is per source
too: each article's Markdown file, and the source's entry in the conversion report (JSON and Markdown).
The worker makes them once, they travel back with the result and are kept in the conversion cache, so
`--jobs N` spreads that work and a rerun with nothing changed reads them instead of making them again.

Only a few things the main process does change a source's articles after the worker is done: merging
duplicates (the kept copy gains provenance, the others' words go to the report), joining a story that
jumps to another source, and giving two same-named sources their own issues. A prepared source is used
only when its articles and dropped lines are still as the worker saw them (`fits`); any other source is
rendered and reported in the main process exactly as before, so the output is the same byte for byte.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

ENTRY_INDENT = "\n   "  # a source's keys sit three levels deep in conversion-report.json (indent 1)


def json_items(values: dict, newline: str = ENTRY_INDENT) -> str:
    """`"key": value` pairs as `json.dumps(..., indent=1)` writes them at the depth `newline` gives."""
    return ("," + newline).join(
        json.dumps(key, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False, indent=1).replace(
            "\n", newline) for key, value in values.items())


@dataclass
class Prepared:
    """A source's Markdown files and report entry, made in the worker; valid while `fits` says so."""

    shape: list[tuple]  # per article, as the worker left it: see `article_shape`
    dropped: int  # dropped lines the worker recorded
    rendered: list[bytes] | None  # each article's Markdown file
    head_json: str  # the report entry's keys before "articles", as written in conversion-report.json
    tail_json: str  # … and after it ("dropped", "joins", "figures")
    kind_markdown: str  # the report page's kind line for the source
    rest_markdown: str  # the report page's lines after the list of articles

    def fits(self, result) -> bool:  # type: ignore[no-untyped-def]
        """Whether the source's articles and dropped lines are still those the worker prepared."""
        return (len(result.dropped) == self.dropped and len(result.articles) == len(self.shape)
                and all(article_shape(a) == shape for a, shape in zip(result.articles, self.shape)))


def article_shape(article) -> tuple:  # type: ignore[no-untyped-def]
    """What changes when the main process touches an article: merging adds provenance, joining a jumped story
    adds its text (and figures), two same-named sources get their own issue."""
    return (len(article.provenance), article.issue, sum(len(b.text) for b in article.body), len(article.figures))


def prepare(result) -> Prepared:  # type: ignore[no-untyped-def]
    """Render a converted source's articles and its report entry (a `pipeline.SourceResult`)."""
    from .render import render_article
    from .report import source_head, source_tail
    from .report_page import rest_of_summary, kind_markdown

    head, tail = source_head(result), source_tail(result)
    entry = {**head, **tail}
    return Prepared(
        shape=[article_shape(a) for a in result.articles],
        dropped=len(result.dropped),
        rendered=[render_article(a).encode("utf-8") for a in result.articles],
        head_json=json_items(head), tail_json=json_items(tail),
        kind_markdown=kind_markdown(entry), rest_markdown="\n".join(rest_of_summary(entry)))
