"""`broadsheet build` and `broadsheet serve`: MkDocs with the broadsheet plugin, which converts the
sources, writes the browse pages, feed and raw sources, and brings the theme layer."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

import click

from ..api import convert_to
from ..cli_common import MAX_SOURCE_SIZE, say
from ..cli_options import jobs_option, no_cache_option, scheduler_option
from ..report import housekeeping_lines
from ..sources import DEFAULT_MAX_BYTES, discover
from ..writer import why_not_written
from .browse import build_pages, write_pages
from .catalog import load_entries
from .feed import write_feeds
from .listing import plural
from .rawfiles import copy_sources
from . import unchanged
from .settings import DEFAULT_CONFIG, SiteSettings, read_settings

DEFAULT_SOURCES = Path("site_src")
DEFAULT_DOCS = Path("docs")
DEFAULT_SITE = Path("site")
PROGRESS_OVER = 20  # sources: fewer convert in a blink, a bar would only flicker


class SetupError(Exception):
    """The build cannot start (no mkdocs.yml, no sources, no plugin): one line for the user."""


def source_problem(paths: list[Path]) -> str | None:
    """Why these paths cannot be built (a path that does not exist, no sources at all), or None."""
    for path in paths:
        if not path.exists():
            return f"{path}: no such file or folder"
    if not any(not f.skipped and not f.problem for f in discover(paths)):
        names = ", ".join(str(p) for p in paths)
        return f"{names}: no sources to convert (put .txt or .md files of news text there)"
    return None


def source_fingerprint(paths: list[Path]) -> str:
    seen = []
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        seen += [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files]
    return json.dumps(seen)


def progress_bar(stream=None, over: int = PROGRESS_OVER):
    """A wrapper for the list of files: a tqdm bar on a terminal when there are more than `over`."""
    stream = stream or sys.stderr

    def wrap(items):
        if len(items) <= over or not getattr(stream, "isatty", lambda: False)():
            return items
        from tqdm import tqdm

        return tqdm(items, file=stream, unit="file", desc="converting", leave=False)
    return wrap


def prepare_docs(paths: list[Path], docs: Path, settings: SiteSettings | Path, prune: bool = False,
                 progress=None, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, cache: bool = False,
                 scheduler: str | None = None) -> dict:
    """Convert the sources into `docs` (on the Dask cluster at `scheduler` if given) and write everything
    the site needs next to the articles."""
    if isinstance(settings, Path):
        settings = read_settings(settings)
    key = None
    if cache:  # the same inputs as the last run, and the docs as it left them: nothing to prepare
        key = unchanged.inputs_key(paths, (settings, prune), max_bytes)
        last = unchanged.last_result(docs, key)
        if last is not None:
            return last
        unchanged.forget(docs)
    local: dict[str, Path] = {}
    report = convert_to(paths, docs, prune=prune, progress=progress, max_bytes=max_bytes, source_paths=local,
                        jobs=jobs, cache=cache, scheduler=scheduler)
    entries = load_entries(docs)  # an unreadable article file was named by the conversion
    named = frozenset(str(p.get("file")) for e in entries for p in e.meta.get("provenance") or []
                      if isinstance(p, dict))
    copy_sources(report, docs, still_named=named, local_paths=local, max_bytes=max_bytes)
    pages = build_pages(entries, settings.name)
    write_pages(docs, pages)
    write_feeds(docs, entries, settings.name, settings.site_url, settings.use_directory_urls)
    result = {"report": report, "articles": len(entries), "browse_pages": len(pages)}
    unchanged.remember(docs, key, result)
    return result


def quiet_libraries(verbose: bool) -> None:
    """MkDocs' messages only with -v; jieba never prints its dictionary-loading lines."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_broadsheet", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._broadsheet = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    silence_jieba(verbose)


def silence_jieba(verbose: bool = False) -> None:
    level = logging.INFO if verbose else logging.WARNING
    logging.getLogger("jieba").setLevel(level)
    try:
        import jieba

        jieba.setLogLevel(level)
    except ImportError:  # pragma: no cover - jieba is a dependency
        pass


def load_site_config(config_file: Path, docs: Path | None = None, site_dir: Path | None = None,
                     strict: bool = True):
    """The MkDocs config and its broadsheet plugin; SetupError when either is missing."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .plugin import BroadsheetPlugin

    if not config_file.is_file():
        raise SetupError(f"{config_file}: no such file; run `broadsheet init` to write a starter archive here")
    overrides = {"strict": strict}
    if docs is not None:
        docs.mkdir(parents=True, exist_ok=True)
        overrides["docs_dir"] = str(docs.resolve())
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    try:
        config = load_config(str(config_file), **overrides)
    except ConfigurationError as err:
        raise SetupError(f"{config_file}: {err}") from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, BroadsheetPlugin)), None)
    if plugin is None:
        raise SetupError(f"{config_file}: the broadsheet plugin is not listed (add `- broadsheet` under plugins:)")
    return config, plugin


def build_site(paths: list[Path] | None, docs: Path | None, site_dir: Path | None,
               config_file: Path = DEFAULT_CONFIG, strict: bool = True, prune: bool = False,
               progress=None, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1, cache: bool = False,
               scheduler: str | None = None) -> dict:
    """The whole build through MkDocs and the plugin; returns counts and timings."""
    from mkdocs.commands.build import build

    from .incremental import quiet_dirty_warning

    started = time.perf_counter()
    config, plugin = load_site_config(config_file, docs, site_dir, strict)
    plugin.session(sources=paths or None, prune=prune, progress=progress, force=True, max_bytes=max_bytes,
                   jobs=jobs, cache=cache, scheduler=scheduler, incremental=cache)
    problem = source_problem(plugin.source_paths(config))
    if problem:
        raise SetupError(problem)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        if cache:  # the plugin renders the pages whose inputs changed and cleans up after the rest
            quiet_dirty_warning()
            build(config, dirty=True)
        else:
            build(config)
    finally:
        config.plugins.on_shutdown()
    stats = dict(plugin.stats)
    stats.setdefault("convert_seconds", 0.0)
    stats["mkdocs_seconds"] = time.perf_counter() - started - stats["convert_seconds"]
    stats["site_dir"] = Path(config.site_dir)
    return stats


def source_line(source: dict) -> str:
    """One line per source: articles, merges, lines left out, warnings."""
    merged = sum(1 for a in source["articles"] if a.get("merged_into_other"))
    left_out = sum(d["lines"][1] - d["lines"][0] + 1 for d in source["dropped"] if len(d.get("lines") or []) == 2)
    parts = [plural(len(source["articles"]) - merged, "article"), f"{plural(merged, 'duplicate')} merged",
             f"{plural(left_out, 'line')} left out", plural(len(source.get("warnings") or []), "warning")]
    return f"{source['file']} ({source['kind']}): " + ", ".join(parts)


def _options(func):
    func = click.option("--config-file", "config_file", type=click.Path(path_type=Path), default=DEFAULT_CONFIG,
                        show_default=True, help="The MkDocs configuration.")(func)
    func = click.option("--docs", "docs", type=click.Path(path_type=Path), default=None,
                        help="Folder the articles and browse pages are written to (default: docs_dir of "
                             "the MkDocs configuration, docs).")(func)
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(func)


def _fail(message: str) -> None:
    say(f"error: {message}", err=True)
    sys.exit(2)


@click.command()
@_options
@click.option("--site-dir", "site_dir", type=click.Path(path_type=Path), default=None,
              help="Folder the static site is built into (default: site_dir of the MkDocs configuration, site).")
@click.option("--no-strict", is_flag=True, help="Do not fail on MkDocs warnings.")
@click.option("--prune", is_flag=True, help="Remove articles whose source is gone (never hand-locked ones).")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress messages.")
@MAX_SOURCE_SIZE
@jobs_option
@scheduler_option
@no_cache_option
def build(paths: tuple[Path, ...], docs: Path | None, config_file: Path, site_dir: Path | None,
          no_strict: bool, prune: bool, verbose: bool, max_bytes: int, jobs: int | None, scheduler: str | None,
          no_cache: bool) -> None:
    """Convert sources, write the browse pages, and build the static site.

    \b
    Examples:
      broadsheet init --sample && broadsheet build   # a new archive, built
      broadsheet build                           # site_src/ → docs/ → site/
      broadsheet build scans/ --docs /tmp/docs --site-dir /tmp/site
      SOURCE_DATE_EPOCH=1700000000 broadsheet build   # byte-identical rebuilds
      broadsheet build --scheduler tcp://10.0.0.5:8786   # convert on a Dask cluster
    """
    from ..parallel import SchedulerError

    quiet_libraries(verbose)
    try:
        stats = build_site(list(paths), docs, site_dir, config_file, strict=not no_strict, prune=prune,
                           progress=progress_bar(), max_bytes=max_bytes, jobs=jobs or 0, cache=not no_cache,
                           scheduler=scheduler)
    except (SetupError, SchedulerError) as err:
        _fail(str(err))
    except OSError as err:  # a full disk, a read-only folder: one line, no traceback
        say(f"error: {err.filename or docs}: not written: {why_not_written(err)}", err=True)
        sys.exit(1)
    report = stats["report"]
    for error in report["errors"]:
        say(f"error: {error}", err=True)
    for warning in report["warnings"]:
        say(f"warning: {warning}", err=True)
    for source in report["sources"]:
        say(source_line(source))
    for line in housekeeping_lines(report)[:-1]:  # the totals line is said below
        say(line)
    rendered = stats.get("pages_rendered")
    pages = f" ({rendered[0]:,} of {plural(rendered[1], 'page')} rendered)" if rendered else ""
    say(f"{plural(stats['articles'], 'article')}, {plural(stats['browse_pages'], 'browse page')}; "
               f"converted in {stats['convert_seconds']:.2f}s, site built in {stats['mkdocs_seconds']:.2f}s{pages}: "
               f"{stats['site_dir'] / 'index.html'}")


@click.command()
@_options
@click.option("-a", "--dev-addr", "dev_addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
@jobs_option
@no_cache_option
def serve(paths: tuple[Path, ...], docs: Path | None, config_file: Path, dev_addr: str, jobs: int | None,
          no_cache: bool) -> None:
    """Build and serve the site locally, rebuilding when sources or pages change.

    \b
    Examples:
      broadsheet serve
      broadsheet serve scans/ --dev-addr 0.0.0.0:8000
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .plugin import BroadsheetPlugin

    quiet_libraries(True)
    try:
        config, plugin = load_site_config(config_file, docs)
        problem = source_problem(list(paths) or plugin.source_paths(config))
    except SetupError as err:
        _fail(str(err))
    if problem:
        _fail(problem)
    BroadsheetPlugin.session(sources=list(paths) or None, jobs=jobs or 0, cache=not no_cache)
    overrides = {"docs_dir": str(docs.resolve())} if docs is not None else {}  # made by load_site_config
    mkdocs_serve(str(config_file), livereload=True, dev_addr=dev_addr, **overrides)
