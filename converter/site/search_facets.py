"""What Pagefind reads from an article page: the searchable body, and the filters, sort key and
result metadata readers ask for (publication, year, section, language; newest or oldest first).

Every value comes from an article's front matter, that is from a source or its sidecar, so each one
is written as the *text* of an element whose attribute is a constant of ours
(`<span data-pagefind-filter="publication">…escaped text…</span>`), never inside an attribute:
Pagefind's inline form (`data-pagefind-filter="key:value, key2:value2"`) would read a comma or a
colon in a hostile value as structure.
"""

from __future__ import annotations

import re

from ..escaping import html_text, one_line
from ..languages import detect_language, stated_language

FILTERS = ("publication", "year", "section", "language")
SORT_KEY = "date"
UNDATED = "0000-00-00"  # sorts after every dated article, newest first (Pagefind leaves out pages without a key)
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LANGUAGE_SAMPLE = 2000  # characters of title and body that decide an article's language
SEGMENTED = ("zh", "ja")  # languages written without spaces between words: indexed and searched as themselves


def article_language(meta: dict, markdown: str) -> str | None:
    """The front matter's `language`, else the language its title and text show clearly (`en`, `zh`…)."""
    text = " ".join([str(meta.get("title") or ""), markdown[:LANGUAGE_SAMPLE]])
    return stated_language(meta) or detect_language(text)


OPENING_QUOTE = re.compile(r'(^|[\s(\[{])"')


def filter_text(value: object) -> str:
    """A filter value as Pagefind can match it: one line, whitespace runs as one space (Pagefind collapses
    them), straight double quotes as curly ones and backslashes as ⧵ (Pagefind 1.5 finds no page for a
    filter value holding `"` or `\\`, though it lists the value)."""
    text = " ".join(one_line(value).split())
    text = OPENING_QUOTE.sub(lambda m: m.group(1) + "\u201c", text).replace('"', "\u201d")
    return text.replace("\\", "\u29f5")


def facet_values(meta: dict, markdown: str) -> dict[str, str]:
    """Filter name -> value for one article; a filter it has no value for is left out."""
    date = str(meta.get("date") or "")
    values = {"publication": meta.get("publication") or meta.get("collected_in"),
              "year": date[:4] if ISO_DATE.match(date) else None,
              "section": meta.get("section"),
              "language": article_language(meta, markdown)}
    return {key: filter_text(value) for key, value in values.items() if value and filter_text(value)}


def page_language(meta: dict, markdown: str, site_language: str) -> str | None:
    """The `<html lang>` an article page needs when it differs from the site's: a language written
    without spaces between words, which Pagefind segments only in a page of that language."""
    language = (article_language(meta, markdown) or "").split("-")[0].lower()
    return language if language in SEGMENTED and language != site_language.split("-")[0].lower() else None


def sort_value(meta: dict) -> str:
    date = str(meta.get("date") or "")
    return date[:10] if ISO_DATE.match(date) else UNDATED


def _span(kind: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{kind}="{key}">{html_text(value)}</span>'


def facets_html(meta: dict, markdown: str) -> str:
    """A hidden block holding the article's filters, sort key and result metadata (not indexed as words)."""
    spans = [_span("filter", key, value) for key, value in facet_values(meta, markdown).items()]
    spans.append(_span("sort", SORT_KEY, sort_value(meta)))
    if ISO_DATE.match(str(meta.get("date") or "")):
        spans.append(_span("meta", "date", str(meta["date"])[:10]))
    if meta.get("publication"):
        spans.append(_span("meta", "publication", one_line(meta["publication"])))
    return f'<div class="bs-search-facets" hidden data-pagefind-ignore>{"".join(spans)}</div>'


def chinese_words(meta: dict, markdown: str) -> list[str]:
    """The Chinese words (jieba's segments) of an article's title, Chinese title and summary and text."""
    import jieba

    zh = (meta.get("translations") or {}).get("zh") or {}
    text = "\n".join(str(v) for v in (meta.get("title"), zh.get("title"), zh.get("summary"), markdown) if v)
    words: dict[str, None] = {}
    for run in HAN_RUN.findall(text):
        words.update((w, None) for w in jieba.cut(run) if w.strip())
    return list(words)


def segmented_html(meta: dict, markdown: str) -> str:
    """For a page Pagefind indexes in a language written with spaces (an English article with a Chinese
    summary or Chinese names): its Chinese words, space-separated, so each is a word of the index."""
    words = chinese_words(meta, markdown)
    return f'<div class="bs-search-words" lang="zh" hidden>{html_text(" ".join(words))}</div>' if words else ""


def searchable(html: str, meta: dict, markdown: str, segmented_by_pagefind: bool = False) -> str:
    """The article's HTML as the only part of its page Pagefind indexes, with its facets; the Chinese
    words spelled out unless the page's own language is one Pagefind segments."""
    words = "" if segmented_by_pagefind else segmented_html(meta, markdown)
    return f"<div data-pagefind-body>{html}{words}{facets_html(meta, markdown)}</div>"
