"""Search at scale: what a reader's query fetches, the index size on disk and the indexing time.
Prints figures, asserts nothing.

    .venv/bin/python bench/bench_search.py                 # 1,000 and 10,000 articles
    .venv/bin/python bench/bench_search.py 1000 10000 100000
    .venv/bin/python bench/bench_search.py --periods --daily 10000 100000   # a bundle per period, as built
    .venv/bin/python bench/bench_search.py --build 1000    # a real build: Material's index against Pagefind
    .venv/bin/python bench/bench_search.py --snapshot 1000 # a snapshot's offline search from file://

Article pages are generated as HTML directly, shaped as the site's article pages are (a
`data-pagefind-body` holding the headline, the text and the facets block that
`converter/site/search_facets.py` writes), so 100,000 articles can be indexed without building a
100,000-page MkDocs site; one in five articles is Chinese. Each size is indexed into a Pagefind bundle
by `index_site` (the build's own function), the site's search page is put beside it, and headless
Chromium searches it: the bytes are the response bodies of the search files (the bundle list and
everything under pagefind/) counted from Playwright's network events, for the page's first query
(code, metadata, filters, index chunks, the first 20 results' fragments) and for a following one.
`--build N` also builds N generated articles with `broadsheet build` and prints Material's
search_index.json size next to Pagefind's, the figure behind `search_engine: auto`'s threshold.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import http.server
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.site.pagefind_index import index_site, write_bundle_list  # noqa: E402
from converter.site.search_periods import ArticlePage, index_by_period  # noqa: E402
from converter.site.search_facets import facet_values, searchable  # noqa: E402
from converter.site.search_page import SCRIPT, search_page_markdown  # noqa: E402

THEME = ROOT / "converter" / "site" / "theme"
CORPUS = ROOT / "tests" / "data" / "extra"
PUBLICATIONS = ["Generated Gazette", "Daily Courier", "Evening Post", "南方日报", "Weekly Herald"]
SECTIONS = ["World", "Business", "Sport", "Opinion", "Science", "Culture", "Local", "要闻"]
QUERIES = [("English common", "government"), ("English rare", "telescope"), ("Chinese", "经济"),
           ("Chinese rare", "电动车")]


def vocabularies() -> tuple[list[str], list[str]]:
    import jieba

    english = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("pdfmd_amsentinel_*.txt")))
    chinese = "".join(re.findall(r"[\u4e00-\u9fff]+", (CORPUS / "digest_newsrss_1.txt").read_text(encoding="utf-8")))
    return [w for w in english.split() if w.isalpha()], [w for w in jieba.lcut(chinese) if w.strip()]


def article_date(n: int, daily: bool) -> str:
    """Dates spread over 26 years, or (`daily`) a daily paper's: 50 articles a day from 1990 on."""
    if daily:
        return (datetime.date(1990, 1, 1) + datetime.timedelta(days=n // 50)).isoformat()
    return f"{2000 + n % 26}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"


def article_page(n: int, rng: random.Random, english: list[str], chinese: list[str], facets: dict,
                 daily: bool = False) -> tuple[str, str, dict]:
    zh = n % 5 == 4
    words, join = (chinese, "") if zh else (english, " ")
    title = join.join(rng.choice(words) for _ in range(8)) + f" {n}"
    paragraphs = [join.join(rng.choice(words) for _ in range(60)) for _ in range(6)]
    if n % 97 == 0:
        paragraphs.append("The telescope saw it." if not zh else "电动车")
    date = article_date(n, daily)
    meta = {"title": title, "date": date, "publication": PUBLICATIONS[n % len(PUBLICATIONS)],
            "section": SECTIONS[n % len(SECTIONS)]}
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    own = facet_values(meta, title + " " + paragraphs[0])
    for name, value in own.items():
        facets.setdefault(name, {})[value] = facets.setdefault(name, {}).get(value, 0) + 1
    return date, own, (f'<!doctype html><html lang="{"zh" if zh else "en"}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'{searchable(f"<h1>{title}</h1>{body}", meta, title + " " + paragraphs[0], segmented_by_pagefind=zh)}'
            "</body></html>")


def generate(site: Path, count: int, daily: bool = False) -> tuple[dict, list[ArticlePage]]:
    """The article pages; returns their filter counts (what the build's plugin collects) and the pages."""
    rng, (english, chinese), facets, pages = random.Random(count), vocabularies(), {}, []
    for n in range(count):
        folder = site / "articles" / f"{n // 1000:03d}" / f"{n:06d}"
        folder.mkdir(parents=True)
        date, own, html = article_page(n, rng, english, chinese, facets, daily)
        (folder / "index.html").write_text(html, encoding="utf-8")
        pages.append(ArticlePage(f"articles/{n // 1000:03d}/{n:06d}/index.html", date, own))
    return facets, pages


def add_search_page(site: Path) -> None:
    """The site's search page (the markdown source's HTML, with a minimal head) and its script."""
    source = search_page_markdown("en", True).split("---\n", 2)[2]
    body = re.sub(r"^\s*# .*\n", "", source)  # the Markdown heading line
    (site / "search").mkdir(exist_ok=True)
    (site / "search" / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>{body}</body></html>',
        encoding="utf-8")
    (site / SCRIPT).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(THEME / SCRIPT, site / SCRIPT)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def is_search_file(url: str) -> bool:
    return "/pagefind/" in url or url.endswith("search-bundles.json") or url.endswith("search_index.json")


def measure_queries(site: Path) -> list[tuple[str, int, int, int]]:
    """(label, results, bytes, gzipped bytes) for the page load and each query, search files only."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"],
                                                 headless=True)
            for label, query in QUERIES:
                page = browser.new_page()  # a fresh page (and cache) per query: what a reader's first query costs
                bodies: dict[str, bytes] = {}
                page.on("response", lambda r: is_search_file(r.url) and bodies.setdefault(r.url, r.body()))
                page.goto(f"http://127.0.0.1:{server.server_port}/search/?q={query}")
                page.wait_for_function("document.querySelector('.bs-search-status').textContent !== '' "
                                       "&& !document.querySelector('.bs-search-status').textContent.includes('Loading')",
                                       timeout=120_000)
                page.wait_for_load_state("networkidle")
                found = page.locator(".bs-search-result").count()
                status = page.inner_text(".bs-search-status")
                total = sum(len(b) for b in bodies.values())
                kinds: dict[str, list[int]] = {}
                for url, body in bodies.items():
                    kind = next((k for k in ("pagefind.js", "wasm", "entry", "pf_meta", "pf_index", "pf_fragment",
                                             "pf_filter", "bundles") if k in url), "other")
                    kinds.setdefault(kind, []).append(len(body))
                print("      " + ", ".join(f"{k}: {len(v)} files {sum(v) / 1e3:.0f} kB" for k, v in sorted(kinds.items())))
                zipped = sum(len(gzip.compress(b)) for b in bodies.values())
                rows.append((f"{label} '{query}' ({status})", found, total, zipped))
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run_size(count: int, periods: bool = False, daily: bool = False) -> None:
    """One bundle of the whole site, or (`periods`) a bundle per period as the site build makes them."""
    kept = os.environ.get("BENCH_SEARCH_DIR")  # a folder to keep the site in, and measure again without indexing
    with tempfile.TemporaryDirectory() as tmp:
        tmp = kept or tmp
        site = Path(tmp) / "site"
        if kept and (site / "search-bundles.json").is_file():
            for label, found, total, zipped in measure_queries(site):
                print(f"    first query {label:55} {found:3} shown  fetched {total / 1e3:6.0f} kB ({zipped / 1e3:4.0f} kB gzipped)")
            return
        started = time.perf_counter()
        facets, pages = generate(site, count, daily)
        generated = time.perf_counter() - started
        if periods:
            stats = index_by_period(site, Path(tmp) / "docs", pages)
            shape = f"{stats.periods} period bundles"
        else:
            stats = index_site(site, site / "pagefind", facets=facets)
            shape = "one bundle"
        write_bundle_list(site)
        add_search_page(site)
        files, size = folder_bytes(site / "pagefind")
        print(f"{count:7} articles ({'a daily paper' if daily else 'over 26 years'}, {shape}): generated in "
              f"{generated:5.1f}s, indexed {stats.pages} pages in {stats.seconds:6.1f}s "
              f"({1000 * stats.seconds / count:4.2f} ms/article); index {size / 1e6:7.1f} MB in {files} files")
        for label, found, total, zipped in measure_queries(site):
            print(f"    first query {label:55} {found:3} shown  fetched {total / 1e3:6.0f} kB "
                  f"({zipped / 1e3:4.0f} kB gzipped)")


def engine_config(folder: Path, engine: str) -> Path:
    """The repository's mkdocs.yml with the broadsheet plugin's `search_engine` set."""
    import yaml

    from converter.site.settings import TolerantLoader

    data = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TolerantLoader)
    data["plugins"] = [{"broadsheet": {**(p["broadsheet"] or {}), "search_engine": engine}}
                       if isinstance(p, dict) and "broadsheet" in p else p for p in data["plugins"]]
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def run_build(count: int) -> None:
    """A real `broadsheet build` of `count` generated articles (bench_site's generator) with Material's
    search, then with Pagefind: what a reader downloads before the first result with each."""
    from bench_site import generated

    from converter.site.commands import build_site

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "src").mkdir()
        paths = generated(tmp_path / "src", issues=max(1, count // 50), per_issue=min(50, count))
        for engine in ("material", "pagefind"):
            site = tmp_path / f"site-{engine}"
            started = time.process_time()
            stats = build_site(paths, tmp_path / "docs", site, engine_config(tmp_path, engine))
            cpu = time.process_time() - started
            print(f"build {stats['articles']} articles with {engine:8} search: {cpu:5.1f}s CPU in this process "
                  f"(+ Pagefind {stats.get('search_seconds', 0):4.1f}s wall)")
            if engine == "material":
                material = (site / "search" / "search_index.json").read_bytes()
                print(f"    Material's index, loaded whole before the first result: {len(material) / 1e3:7.0f} kB "
                      f"({len(gzip.compress(material)) / 1e3:5.0f} kB gzipped)")
            else:
                for label, found, total_bytes, zipped in measure_queries(site):
                    print(f"    first query {label:55} {found:3} shown  fetched {total_bytes / 1e3:6.0f} kB "
                          f"({zipped / 1e3:4.0f} kB gzipped)")


def run_snapshot(count: int) -> None:
    """A snapshot of `count` generated articles read from file://: Material's offline search index (a
    script) and how long the page takes from opening the search box to the first result."""
    from bench_site import generated
    from click.testing import CliRunner
    from playwright.sync_api import sync_playwright

    from converter.cli import main as cli

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "src").mkdir()
        generated(tmp_path / "src", issues=max(1, count // 50), per_issue=min(50, count))
        started = time.perf_counter()
        result = CliRunner().invoke(cli, ["snapshot", str(tmp_path / "src"), "--out", str(tmp_path / "bag"),
                                          "--docs", str(tmp_path / "docs"), "--config-file", str(ROOT / "mkdocs.yml")])
        assert result.exit_code == 0, result.output
        site = tmp_path / "bag" / "data" / "site"
        index = (site / "search" / "search_index.js").stat().st_size
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto((site / "index.html").as_uri())
            opened = time.perf_counter()
            page.locator("input.md-search__input").click()
            page.wait_for_function("document.querySelector('.md-search-result__meta').textContent"
                                   ".includes('Type to start')", timeout=600_000)
            ready = time.perf_counter() - opened
            page.locator("input.md-search__input").fill("government")
            page.locator("input.md-search__input").press("End")
            page.locator("a.md-search-result__link").first.wait_for(timeout=600_000)
            first = time.perf_counter() - opened
            browser.close()
        print(f"snapshot of {count} articles built in {time.perf_counter() - started - first:5.1f}s; offline index "
              f"{index / 1e6:5.1f} MB; from file:// search ready {ready:5.1f}s, first result {first:5.1f}s")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--snapshot"]:
        sys.path.insert(0, str(ROOT / "bench"))
        for count in args[1:] or ["1000"]:
            run_snapshot(int(count))
        return
    if args[:1] == ["--build"]:
        sys.path.insert(0, str(ROOT / "bench"))
        for count in args[1:] or ["1000"]:
            run_build(int(count))
        return
    periods, daily = "--periods" in args, "--daily" in args
    for count in [a for a in args if a.isdigit()] or ["1000", "10000"]:
        run_size(int(count), periods, daily)


if __name__ == "__main__":
    main()
