"""Permalink pages: `a/<id>/` redirects to the article (and so does `a/<id>.html`, the form the pages of
a site without directory URLs link, which also opens from file://).

The id is the article's stable identifier (`converter.ids`), so the permalink stays the same when a
corrected headline changes the article's slug; each build rewrites the redirect to the current page.
A page holds a meta refresh, a canonical link and a visible link (works from file:// too).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..escaping import html_attr, html_text
from ..ids import is_article_id
from ..writer import write_atomic

PERMALINK_DIR = "a"
log = logging.getLogger("mkdocs.plugins.broadsheet")


def permalink_url(article_id: str) -> str:
    """The permalink cited, relative to the site root: the same whatever the build's URL style."""
    return f"{PERMALINK_DIR}/{article_id}/"


def permalink_href(article_id: str, use_directory_urls: bool) -> str:
    """What the site's own pages link: `a/<id>.html` without directory URLs (a folder opens as a listing
    from file://)."""
    return permalink_url(article_id) if use_directory_urls else f"{PERMALINK_DIR}/{article_id}.html"


def absolute(site_url: str, url: str) -> str:
    """`site_url` + url when the site has one, else the URL relative to the site's root."""
    return site_url.rstrip("/") + "/" + url if site_url else url


def redirect_page(target: str, canonical: str, title: str) -> str:
    """`target` relative to the permalink page; `canonical` absolute when the site has a URL."""
    return ("<!doctype html>\n"
            f'<html><head><meta charset="utf-8"><title>{html_text(title)}</title>'
            f'<link rel="canonical" href="{html_attr(canonical)}">'
            f'<meta http-equiv="refresh" content="0; url={html_attr(target)}">'
            '<meta name="robots" content="noindex"></head><body>'
            f'<p>Permanent link to <a class="bs-permalink-target" href="{html_attr(target)}">{html_text(title)}</a>.'
            "</p></body></html>\n")


def write_permalinks(site_dir: Path, pages: dict[str, tuple[str, str]], site_url: str,
                     use_directory_urls: bool) -> list[str]:
    """`pages`: article id → (page URL relative to the site root, title). Returns the files (relative to
    the site folder); one that already holds the page's bytes is left as it is."""
    written = []
    for article_id, (url, title) in sorted(pages.items()):
        if not is_article_id(article_id):
            continue
        for name in (f"{PERMALINK_DIR}/{article_id}/index.html", f"{PERMALINK_DIR}/{article_id}.html"):
            target = get_relative_url(url, name)
            data = redirect_page(target, absolute(site_url, url), title).encode("utf-8")
            if not _holds(site_dir / name, data):
                write_atomic(site_dir / name, data)
            written.append(name)
    return written


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
