"""An article page's header, footer and head metadata, as HTML built from front matter.

Every front-matter value is escaped here (`html.escape` for text and quoted attributes, `escaping.json_script`
for JSON-LD); link targets come from
a resolver that returns a URL only for pages that exist in the build.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Callable

from ..escaping import json_script
from .browse import facet_src, issue_src
from .citation import Citation, json_ld_fields
from .listing import human_date, is_chinese
from .rawpages import line_range, raw_page_src

Resolve = Callable[[str], "str | None"]
RAW_DIR = "raw"
HEADLINE_ID = "bs-article"  # the skip link's target: the article's header, headline first


def raw_src(file_name: str) -> str:
    """Where a source file is served as text: `raw/<name>.txt` (a `.md` source must not become a page)."""
    return f"{RAW_DIR}/{file_name}" if file_name.endswith(".txt") else f"{RAW_DIR}/{file_name}.txt"


def _lang(value: str) -> str:
    """` lang="zh"` for a Chinese string, else '' (a constant: never source text)."""
    return ' lang="zh"' if is_chinese(value) else ""


def _marked(value: str, escaped: str) -> str:
    """Already escaped text, in a `lang="zh"` span when the value is Chinese."""
    return f"<span{_lang(value)}>{escaped}</span>" if _lang(value) else escaped


def _a(label: str, url: str | None, cls: str = "") -> str:
    attr = (f' class="{cls}"' if cls else "") + _lang(label)
    if url:
        return f'<a href="{escape(url)}"{attr}>{escape(label)}</a>'
    return f"<span{attr}>{escape(label)}</span>" if _lang(label) else escape(label)


def _names(names: list[str], folder: str | None, resolve: Resolve) -> str:
    linked = [_a(n, resolve(facet_src(folder, n)) if folder else None, "bs-author") for n in names]
    return linked[0] if len(linked) == 1 else ", ".join(linked[:-1]) + " and " + linked[-1]


def _kicker(meta: dict) -> str:
    bits = [_marked(str(meta[k]), escape(str(meta[k]))) for k in ("page", "section") if meta.get(k)]
    return f'<p class="bs-kicker">{" · ".join(bits)}</p>' if bits else ""


def _dateline(meta: dict, resolve: Resolve) -> str:
    bits = []
    if meta.get("dateline"):  # where the story was filed from (`GENEVA (AP)`), as printed
        bits.append(f'<span class="bs-filed">{escape(str(meta["dateline"]))}</span>')
    if meta.get("date"):
        iso = str(meta["date"])
        bits.append(f'<time datetime="{escape(iso)}">{escape(human_date(iso))}</time>')
    else:
        bits.append('<span class="bs-undated">date not stated in the source</span>')
    if meta.get("publication"):
        pub = str(meta["publication"])
        bits.append(_a(pub, resolve(facet_src("publications", pub)), "bs-publication"))
    if meta.get("collected_in"):
        digest = str(meta["collected_in"])
        bits.append("collected in " + _a(digest, resolve(facet_src("publications", digest)), "bs-collected-in"))
    if meta.get("issue"):
        label = str(meta.get("issue_title") or meta["issue"])
        bits.append(_a(label, resolve(issue_src(str(meta["issue"]))), "bs-issue"))
    return f'<p class="bs-dateline">{" · ".join(bits)}</p>' if bits else ""


def _translation(meta: dict) -> str:
    zh = (meta.get("translations") or {}).get("zh") or {}
    parts = [f'<p class="bs-zh-{k}">{escape(str(zh[k]))}</p>' for k in ("title", "summary") if zh.get(k)]
    return f'<div class="bs-translation" lang="zh">{"".join(parts)}</div>' if parts else ""


def _figures(meta: dict, body: str) -> str:
    """Figures in the front matter that the body does not already show (hand-edited files)."""
    if 'class="bs-figure"' in body:
        return ""
    out = []
    for fig in meta.get("figures") or []:
        credit = f' <span class="bs-credit">{escape(str(fig["credit"]))}</span>' if fig.get("credit") else ""
        out.append(f'<figure class="bs-figure"><figcaption>{escape(str(fig.get("caption", "")))}'
                   f"{credit}</figcaption></figure>")
    return "".join(out)


def header_html(meta: dict, body: str, resolve: Resolve) -> str:
    title = str(meta.get("title") or "Untitled")
    parts = [_kicker(meta), f'<h1 class="bs-headline"{_lang(title)}>'
                            f'{escape(str(meta.get("title") or "Untitled"))}</h1>']
    if meta.get("deck"):
        parts.append(f'<p class="bs-deck">{escape(str(meta["deck"]))}</p>')
    if meta.get("authors"):
        parts.append(f'<p class="bs-byline">By {_names([str(a) for a in meta["authors"]], "authors", resolve)}</p>')
    parts.append(_dateline(meta, resolve))
    if meta.get("continued_from"):
        parts.append(f'<p class="bs-jump">Continued from page {escape(str(meta["continued_from"]))}</p>')
    parts += [_translation(meta), _figures(meta, body)]
    if meta.get("stub") and not body.strip():
        parts.append('<p class="bs-stub">Only the summary of this article is in the archive.</p>')
    # the skip link's target: an id on the h1 would make search index the header apart from the body
    return (f'<header class="bs-article-head" id="{HEADLINE_ID}" tabindex="-1">' + "".join(p for p in parts if p)
            + "</header>")


def _line_span(lines: list, page: str | None) -> str:
    """`lines 141–169`, linking exactly those lines of the source's reading page when it exists."""
    try:
        first, last = int(lines[0]), int(lines[-1])
    except (TypeError, ValueError, IndexError):
        return ""
    text = f"lines {first}–{last}"
    if not page:
        return text
    return f'<a class="bs-source-lines" href="{escape(page)}#{line_range(first, last)}">{text}</a>'


def _provenance(meta: dict, resolve: Resolve) -> str:
    items = []
    for prov in meta.get("provenance") or []:
        name = str(prov.get("file", ""))
        lines = prov.get("lines") or []
        page = resolve(raw_page_src(name))
        kind = f" ({escape(str(prov['kind']))})" if prov.get("kind") else ""
        download = resolve(raw_src(name))
        download = f', <a class="bs-source-download" href="{escape(download)}">original bytes</a>' if download else ""
        items.append(f'<li>{_a(name, page, "bs-source")}, {_line_span(lines, page)}{kind}, sha256 '
                     f'<code class="bs-sha">{escape(str(prov.get("sha256", "")))}</code>{download}</li>')
    return '<div class="bs-provenance"><p>Converted from</p><ul>' + "".join(items) + "</ul></div>"


def footer_html(meta: dict, resolve: Resolve) -> str:
    parts = []
    if meta.get("continues_on"):
        parts.append(f'<p class="bs-jump">Continued on page {escape(str(meta["continues_on"]))}</p>')
    for key, label in (("contributors", "Additional reporting by "), ("source_agency", "Source: ")):
        value = meta.get(key)
        if value:
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f'<p class="bs-{key}">{label}{_marked(text, escape(text))}</p>')
    if meta.get("note"):
        parts.append(f'<p class="bs-note">{_marked(str(meta["note"]), escape(str(meta["note"])))}</p>')
    url = str(meta.get("url") or "")
    if re.match(r"https?://", url):
        parts.append(f'<p class="bs-original">Original: <a href="{escape(url)}" rel="nofollow noopener">'
                     f"{escape(url)}</a></p>")
    parts.append(_provenance(meta, resolve))
    return '<footer class="bs-article-foot">' + "".join(parts) + "</footer>"


def description(meta: dict, markdown: str, limit: int = 200) -> str:
    """Plain text for og:description: the deck, else the first paragraph, else the Chinese summary."""
    zh = (meta.get("translations") or {}).get("zh") or {}
    first = next((p for p in markdown.split("\n\n") if p.strip() and not p.lstrip().startswith("<")), "")
    text = str(meta.get("deck") or unescape(first.replace("\\", "")).lstrip("#> ") or zh.get("summary") or "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def json_ld(meta: dict, canonical: str | None, source_url: str | None, cite: Citation | None = None) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": str(meta.get("title") or "")}
    if meta.get("authors"):
        data["author"] = [{"@type": "Person", "name": str(a)} for a in meta["authors"]]
    optional = {"datePublished": meta.get("date"), "printSection": meta.get("section"),
                "printPage": meta.get("page"), "isBasedOn": meta.get("url") or source_url,
                "url": canonical, "inLanguage": meta.get("language")}
    data.update({k: str(v) for k, v in optional.items() if v})
    if meta.get("publication"):
        data["publisher"] = {"@type": "Organization", "name": str(meta["publication"])}
    if cite is not None:
        data.update(json_ld_fields(cite))
    return f'<script type="application/ld+json">{json_script(data)}</script>'


def head_html(meta: dict, markdown: str, canonical: str | None, source_url: str | None, site_name: str,
              cite: Citation | None = None) -> str:
    tags = [("og:type", "article"), ("og:title", str(meta.get("title") or "")),
            ("og:description", description(meta, markdown)), ("og:site_name", site_name)]
    if canonical:
        tags.append(("og:url", canonical))
    metas = [f'<meta property="{k}" content="{escape(v)}">' for k, v in tags if v]
    metas.append(f'<meta name="description" content="{escape(description(meta, markdown))}">')
    return "\n".join(metas + [json_ld(meta, canonical, source_url, cite)])
