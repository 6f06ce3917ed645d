"""No broken internal link anywhere in the built site, and every article is reachable from home."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


def page_url(site: Path, path: Path) -> str:
    return "/" + path.relative_to(site).as_posix()


def target_file(site: Path, from_url: str, href: str) -> tuple[Path | None, str]:
    """The file a link points to inside the site (None for external links) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_url), path)) if path else from_url
    if path.endswith("/") or joined.endswith("/"):
        joined += "/"
    file = site / joined.lstrip("/")
    if joined.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, parts.fragment


def anchors(fragment: str) -> list[str]:
    """The ids a fragment needs: a source page's line range `L141-L169` needs both of its ends."""
    lines = re.fullmatch(r"(L\d+)-(L\d+)", fragment)
    return [lines[1], lines[2]] if lines else [fragment]


def crawl(site: Path) -> tuple[list[str], dict[Path, set[Path]]]:
    broken, graph, ids = [], {}, {}
    pages = sorted(site.rglob("*.html"))
    parsed = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}
    for path, doc in parsed.items():
        ids[path] = {el["id"] for el in doc.find_all(id=True)}
    for path, doc in parsed.items():
        url, graph[path] = page_url(site, path), set()
        for tag, attr in ATTRS:
            for el in doc.find_all(tag, attrs={attr: True}):
                href = el[attr]
                assert not href.strip().lower().startswith("javascript:"), (url, href)
                file, fragment = target_file(site, url, href)
                if file is None:
                    continue
                if not file.is_file():
                    broken.append(f"{url}: {href}")
                elif fragment and file in ids and not set(anchors(unquote(fragment))) <= ids[file]:
                    broken.append(f"{url}: {href} (no such anchor)")
                else:
                    graph[path].add(file)
    return broken, graph


def test_no_broken_internal_links(built_site) -> None:
    broken, graph = crawl(built_site.site)
    assert not broken, "\n".join(broken[:20])
    assert len(graph) > 50


def test_every_article_is_reachable_from_home(built_site) -> None:
    _, graph = crawl(built_site.site)
    home = built_site.site / "index.html"
    seen, todo = {home}, [home]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen and nxt.suffix == ".html":
                seen.add(nxt)
                todo.append(nxt)
    articles = set((built_site.site / "articles").rglob("index.html"))
    assert len(articles) == 33 and articles <= seen


def test_hostile_site_has_no_broken_links(hostile_site) -> None:
    broken, _ = crawl(hostile_site.site)
    assert not broken, "\n".join(broken[:20])
