"""`broadsheet build` and `broadsheet serve`: convert, write browse pages, feed and raw sources, run MkDocs."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import click

from ..api import convert_to
from ..cli_options import jobs_option, no_cache_option
from ..report import housekeeping_lines
from .browse import build_pages, write_pages
from .catalog import load_entries
from .feed import write_feed
from .rawfiles import copy_sources
from .settings import DEFAULT_CONFIG, read_settings

DEFAULT_SOURCES = Path("site_src")
DEFAULT_DOCS = Path("docs")
DEFAULT_SITE = Path("site")
SERVE_ENV = "BROADSHEET_SERVE"


def prepare_docs(paths: list[Path], docs: Path, config_file: Path, prune: bool = False, jobs: int = 1,
                 cache: bool = False) -> dict:
    """Convert the sources into `docs` and write everything the site needs next to the articles."""
    report = convert_to(paths, docs, prune=prune, jobs=jobs, cache=cache)
    entries = load_entries(docs)
    named = frozenset(str(p.get("file")) for e in entries for p in e.meta.get("provenance") or [])
    copy_sources(report, docs, still_named=named)
    settings = read_settings(config_file)
    pages = build_pages(entries, settings.name)
    write_pages(docs, pages)
    write_feed(docs, entries, settings.name, settings.site_url, settings.use_directory_urls)
    return {"report": report, "articles": len(entries), "browse_pages": len(pages)}


def _mkdocs_logging(verbose: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_broadsheet", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._broadsheet = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.INFO if verbose else logging.WARNING)


def run_mkdocs(config_file: Path, docs: Path, site_dir: Path, strict: bool = True) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), docs_dir=str(docs.resolve()), site_dir=str(site_dir.resolve()),
                         strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_site(paths: list[Path], docs: Path, site_dir: Path, config_file: Path = DEFAULT_CONFIG,
               strict: bool = True, prune: bool = False, jobs: int = 1, cache: bool = False) -> dict:
    """The whole build; returns counts and timings."""
    started = time.perf_counter()
    stats = prepare_docs(paths, docs, config_file, prune=prune, jobs=jobs, cache=cache)
    converted = time.perf_counter()
    run_mkdocs(config_file, docs, site_dir, strict=strict)
    stats.update(convert_seconds=converted - started, mkdocs_seconds=time.perf_counter() - converted)
    return stats


def _source_fingerprint(paths: list[Path]) -> str:
    seen = []
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        seen += [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files]
    return json.dumps(seen)


def refresh_for_serve() -> None:
    """Called by the hook before each `serve` rebuild: re-convert only when a source changed."""
    state = json.loads(os.environ.get(SERVE_ENV, "{}") or "{}")
    if not state:
        return
    paths = [Path(p) for p in state["paths"]]
    fingerprint = _source_fingerprint(paths)
    if fingerprint != state.get("fingerprint"):
        prepare_docs(paths, Path(state["docs"]), Path(state["config"]))
        os.environ[SERVE_ENV] = json.dumps({**state, "fingerprint": fingerprint})


def _options(func):
    func = click.option("--config-file", "config_file", type=click.Path(path_type=Path), default=DEFAULT_CONFIG,
                        show_default=True, help="The MkDocs configuration.")(func)
    func = click.option("--docs", "docs", type=click.Path(path_type=Path), default=DEFAULT_DOCS, show_default=True,
                        help="Folder the articles and browse pages are written to (MkDocs' docs_dir).")(func)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(func)


@click.command()
@_options
@click.option("--site-dir", "site_dir", type=click.Path(path_type=Path), default=DEFAULT_SITE, show_default=True,
              help="Folder the static site is built into.")
@click.option("--no-strict", is_flag=True, help="Do not fail on MkDocs warnings.")
@click.option("--prune", is_flag=True, help="Remove articles whose source is gone (never hand-locked ones).")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
@jobs_option
@no_cache_option
def build(paths: tuple[Path, ...], docs: Path, config_file: Path, site_dir: Path, no_strict: bool,
          prune: bool, verbose: bool, jobs: int | None, no_cache: bool) -> None:
    """Convert sources, write the browse pages, and build the static site.

    \b
    Examples:
      broadsheet build                           # site_src/ → docs/ → site/
      broadsheet build scans/ --docs /tmp/docs --site-dir /tmp/site
      SOURCE_DATE_EPOCH=1700000000 broadsheet build   # byte-identical rebuilds
    """
    _mkdocs_logging(verbose)
    stats = build_site(list(paths) or [DEFAULT_SOURCES], docs, site_dir, config_file, strict=not no_strict,
                       prune=prune, jobs=jobs or 0, cache=not no_cache)
    report = stats["report"]
    for error in report["errors"]:
        click.echo(f"error: {error}", err=True)
    for warning in report["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    for line in housekeeping_lines(report)[:-1]:  # the totals line is said below
        click.echo(line)
    click.echo(f"{stats['articles']} articles, {stats['browse_pages']} browse pages; "
               f"converted in {stats['convert_seconds']:.2f}s, site built in {stats['mkdocs_seconds']:.2f}s: "
               f"{site_dir / 'index.html'}")


@click.command()
@_options
@click.option("-a", "--dev-addr", "dev_addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
def serve(paths: tuple[Path, ...], docs: Path, config_file: Path, dev_addr: str) -> None:
    """Build and serve the site locally, rebuilding when sources or pages change.

    \b
    Examples:
      broadsheet serve
      broadsheet serve scans/ --dev-addr 0.0.0.0:8000
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    _mkdocs_logging(True)
    sources = list(paths) or [DEFAULT_SOURCES]
    prepare_docs(sources, docs, config_file)
    os.environ[SERVE_ENV] = json.dumps({"paths": [str(p) for p in sources], "docs": str(docs),
                                        "config": str(config_file), "fingerprint": _source_fingerprint(sources)})
    mkdocs_serve(str(config_file), livereload=True, watch=[str(p) for p in sources],
                 docs_dir=str(docs.resolve()), dev_addr=dev_addr)
