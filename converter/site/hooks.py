"""Article pages and safe titles, called from the broadsheet MkDocs plugin (`plugin.py`).

- `on_page_content`: an article (a page whose front matter has `provenance`) gets its
  header (kicker, headline, byline with author links, date, publication, jump line,
  Chinese title and summary) and footer (original URL, provenance linking the raw
  source) around the body, so search indexes them too; its head gets OpenGraph
  tags and schema.org `NewsArticle` JSON-LD.
- `on_env` (after every page is read, before any is rendered): previous/next
  article within the issue, and every page title and templated meta value
  HTML-escaped, since MkDocs' Jinja environment does not autoescape.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from converter.ids import id_from_meta

from converter.site.article_html import description, footer_html, head_html, header_html, raw_src
from converter.site.catalog import order_key
from converter.site.citation import Citation, cite_html, citation_of
from converter.site.permalinks import absolute, permalink_href, permalink_url

TEMPLATED_META = ("title", "description", "author", "subtitle")


def _resolver(page, files):
    """Links to other docs files; each file looked for is noted in `page.bs_lookups` (found or not), so an
    incremental build renders the page again when one appears or goes."""
    page.bs_lookups = {}

    def resolve(src: str):
        target = files.get_file_from_path(src)
        page.bs_lookups[src] = target is not None
        return target.url_relative_to(page.file) if target is not None else None
    return resolve


def _absolute(config, files, src: str):
    target = files.get_file_from_path(src)
    if target is None or not config.site_url:
        return None
    return config.site_url.rstrip("/") + "/" + target.url


def is_article(page) -> bool:
    return bool(page.meta.get("provenance")) and page.file.src_uri.startswith("articles/")


def on_page_content(html, page, config, files, **kwargs):
    if not is_article(page):
        return html
    meta = page.meta
    resolve = _resolver(page, files)
    provenance = meta.get("provenance") or [{}]
    source_url = _absolute(config, files, raw_src(str(provenance[0].get("file", ""))))
    cite, cite_block = _citation(page, config)
    page.bs_head = Markup(head_html(meta, page.markdown or "", page.canonical_url, source_url, config.site_name,
                                    cite))
    meta["description"] = description(meta, page.markdown or "")
    return header_html(meta, html, resolve) + html + footer_html(meta, resolve) + cite_block


def _citation(page, config) -> tuple[Citation | None, str]:
    """The article's citation and its "Cite this article" block; `page.bs_permalink` (id, page URL, title)
    for the plugin, which writes the permalink pages after the build."""
    article_id = id_from_meta(page.meta)
    if article_id is None:
        return None, ""
    extra = config.extra or {}
    archive = str(extra.get("archive_name") or config.site_name or "")
    cite = citation_of(page.meta, article_id, absolute(config.site_url or "", permalink_url(article_id)), archive,
                       extra)
    page.bs_permalink = (article_id, page.url, cite.title)
    href = get_relative_url(permalink_href(article_id, bool(config.use_directory_urls)), page.url)
    return cite, cite_html(cite, href)


def _link_issues(pages) -> None:
    issues: dict[str, list] = {}
    for page in pages:
        if is_article(page):
            issues.setdefault(str(page.meta.get("issue") or ""), []).append(page)
    for members in issues.values():
        members.sort(key=lambda p: order_key(p.meta, p.file.src_uri))
        for i, page in enumerate(members):
            page.previous_page = members[i - 1] if i else None
            page.next_page = members[i + 1] if i + 1 < len(members) else None


def escape_meta(page) -> None:
    if not isinstance(page.meta.get("title"), Markup):
        page.meta["title"] = Markup(escape(str(page.title or "")))
    for key in TEMPLATED_META[1:]:
        value = page.meta.get(key)
        if value is not None and not isinstance(value, Markup):
            page.meta[key] = Markup(escape(str(value)))


def documentation_pages(files) -> list:
    return [f.page for f in files.documentation_pages() if f.page is not None]


def on_env(env, config, files, **kwargs):
    pages = documentation_pages(files)
    _link_issues(pages)
    for page in pages:
        escape_meta(page)
    return env

