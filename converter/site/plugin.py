"""The `broadsheet` MkDocs plugin: the whole site layer, usable from any `mkdocs.yml`.

    plugins:
      - search
      - broadsheet:
          sources: [site_src]          # files or folders of raw news text (default: site_src)
          archive_name: My archive     # home page and feed title (default: site_name)

It brings the theme overrides (a template directory placed just after the user's
own `custom_dir`), the stylesheet, the Markdown extensions the articles use, search
settings that suit news text (English and Chinese), and a nav of the browse pages
when `mkdocs.yml` has none. Before each build it converts the sources into the docs
folder and writes the browse pages, the feed and the raw sources (only when a
source changed), so `mkdocs build` and `mkdocs serve` work like `broadsheet build`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import hooks
from .search_facets import facet_values, page_language, searchable
from .search_engine import ENGINES, PAGEFIND_OVER, choose_engine, offline_note
from .searchindex import SEARCH_FIELDS, SEARCH_SEPARATOR, rewrite_search_index, search_keywords
from .settings import SiteSettings

THEME_DIR = Path(__file__).resolve().parent / "theme"
STYLESHEET = "assets/stylesheets/broadsheet.css"
EXTENSIONS = ("toc", "attr_list", "tables", "md_in_html")  # md_in_html: the report's collapsed lists
DEFAULT_NAV = [{"Home": "index.md"}, {"Issues": "browse/issues/index.md"},
               {"Calendar": "browse/calendar/index.md"}, {"Archive": "browse/archive/index.md"},
               {"Sections": "browse/sections/index.md"}, {"Authors": "browse/authors/index.md"},
               {"Publications": "browse/publications/index.md"}, {"Conversion report": "conversion-report.md"}]
NOT_IN_NAV = ["/articles/", "/browse/"]
UNSEARCHED = {"conversion-report.md"}  # browse pages say so in their own front matter
log = logging.getLogger("mkdocs.plugins.broadsheet")


class BroadsheetConfig(Config):
    """The plugin's options, validated by MkDocs' own config classes."""

    sources = c.ListOfItems(c.Type(str), default=["site_src"])
    archive_name = c.Optional(c.Type(str))
    convert = c.Type(bool, default=True)
    prune = c.Type(bool, default=False)
    nav = c.Type(bool, default=True)
    search_settings = c.Type(bool, default=True)
    search_engine = c.Choice(ENGINES, default="auto")  # auto: Pagefind past `pagefind_over` articles
    pagefind_over = c.Type(int, default=PAGEFIND_OVER)
    stylesheet = c.Type(bool, default=True)


class BroadsheetPlugin(BasePlugin[BroadsheetConfig]):
    """Registered as the `broadsheet` entry point of `mkdocs.plugins`."""

    supports_multiple_instances = False
    # Shared by the instances MkDocs makes (`serve` loads the config again for each rebuild):
    _session: dict = {}  # set by `broadsheet build/serve`: sources given on the command line, prune, progress
    _converted: dict[str, str] = {}  # docs folder -> fingerprint of the sources last converted into it

    def __init__(self) -> None:
        self.stats: dict = {}
        self._incremental = None  # an incremental.IncrementalBuild during `broadsheet build`
        self._files = None
        self._pages: list = []  # the documentation pages, in MkDocs' order
        self._keywords: dict[str, str] = {}
        self._issue_names: dict[str, str] = {}
        self._permalinks: dict[str, tuple[str, str]] = {}
        self._counts = (0, 0)  # articles, sources: for a snapshot's home page
        self.engine = "material"  # this build's search: set in on_files once the articles are known
        self._article_pages: list = []  # what Pagefind indexes (search_periods.ArticlePage)

    @classmethod
    def session(cls, sources: list[Path] | None = None, prune: bool = False, progress=None,
                force: bool = False, max_bytes: int | None = None, jobs: int = 1, cache: bool = False,
                scheduler: str | None = None, incremental: bool = False) -> None:
        """What `broadsheet build/serve` adds to mkdocs.yml's options for this run (`force`: convert
        even when no source changed since the last build in this process; `incremental`: render only the
        pages whose inputs changed, MkDocs being called with `dirty=True`)."""
        cls._session = {"sources": sources, "prune": prune, "progress": progress, "max_bytes": max_bytes,
                        "jobs": jobs, "cache": cache, "scheduler": scheduler,
                        "incremental": incremental}
        if force:
            cls._converted.clear()

    # -- configuration -------------------------------------------------------------------------

    def source_paths(self, config) -> list[Path]:
        if self._session.get("sources"):
            return [Path(p) for p in self._session["sources"]]
        base = Path(config.config_file_path or ".").resolve().parent
        return [base / p for p in self.config.sources]

    def settings(self, config) -> SiteSettings:
        name = self.config.archive_name or (config.extra or {}).get("archive_name") or config.site_name
        return SiteSettings(name=str(name), site_url=config.site_url or "",
                            use_directory_urls=bool(config.use_directory_urls))

    @event_priority(100)  # before the search plugin reads its settings
    def on_config(self, config):
        from .commands import silence_jieba

        silence_jieba(logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG)
        if config.theme.name != "material":
            raise PluginError("broadsheet: the plugin needs the Material theme (theme: name: material)")
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        if self.config.stylesheet and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        if self.config.nav and config.nav is None:
            import pathspec

            config.nav = DEFAULT_NAV
            if config.not_in_nav is None:
                config.not_in_nav = pathspec.GitIgnoreSpec.from_lines(NOT_IN_NAV)
        if self.config.search_settings:
            _tune_search(config)
        return config

    # -- conversion ----------------------------------------------------------------------------

    def on_pre_build(self, config):
        """Convert the sources into the docs folder (unless nothing changed since the last build), then
        start an incremental build or forget the last one's manifest."""
        self._convert(config)
        from .incremental import IncrementalBuild, drop_manifest, load_manifest

        self._incremental = None
        if self._session.get("incremental"):
            self._incremental = IncrementalBuild(config)
        else:  # this build renders every page into site_dir: the manifest no longer describes it
            previous = load_manifest(config.docs_dir)
            if previous is not None and previous.site_dir == str(Path(config.site_dir).resolve()):
                drop_manifest(config.docs_dir)

    def _convert(self, config) -> None:
        if not self.config.convert:
            return
        from .commands import prepare_docs, progress_bar, source_fingerprint, source_problem

        paths = self.source_paths(config)
        problem = source_problem(paths)
        if problem:
            raise PluginError(f"broadsheet: {problem}")
        docs = str(Path(config.docs_dir).resolve())
        fingerprint = source_fingerprint(paths) + repr(self.settings(config))
        if self._converted.get(docs) == fingerprint and (Path(docs) / "index.md").is_file():
            return
        started = time.perf_counter()
        prune = self.config.prune or bool(self._session.get("prune"))
        limit = self._session.get("max_bytes")
        self.stats = prepare_docs(paths, Path(docs), self.settings(config), prune=prune,
                                  progress=self._session.get("progress") or progress_bar(),
                                  jobs=self._session.get("jobs", 1), cache=self._session.get("cache", False),
                                  scheduler=self._session.get("scheduler"),
                                  **({"max_bytes": limit} if limit else {}))
        self.stats["convert_seconds"] = time.perf_counter() - started
        self._converted[docs] = fingerprint

    def on_shutdown(self):
        """The command-line session ends with the build or the server (a later run reads mkdocs.yml)."""
        type(self)._session = {}

    def on_serve(self, server, config, builder):
        for path in self.source_paths(config):
            if path.exists():
                server.watch(str(path))
        return server

    # -- pages ---------------------------------------------------------------------------------

    def on_files(self, files, config):
        """Issue names for article headers (the fallback names too: never a file hash)."""
        from .catalog import group_issues, load_entries

        entries = load_entries(Path(config.docs_dir))
        self._issue_names = {i.id: i.title for i in group_issues(entries)}
        self._counts = (len(entries), len({str(p.get("file")) for e in entries for p in e.meta["provenance"]
                                           if isinstance(p, dict)}))
        self._permalinks = {}  # this build's articles only (MkDocs may reuse the plugin for the next build)
        self._keywords = {}
        self._metas = {e.src: e.meta for e in entries}
        self.engine = choose_engine(self.config.search_engine, len(entries), self.config.pagefind_over,
                                    offline=_is_offline(config))
        if _is_offline(config) and offline_note(len(entries)):
            log.info("broadsheet: %s", offline_note(len(entries)))
        if self.engine == "pagefind":
            from .search_page import add_search_page

            add_search_page(files, config)
        if self._incremental is not None:
            extras = {e.src: self._issue_names.get(e.issue) for e in entries}
            extras["index.md"] = self._counts
            # every page shows the search engine (header box, article markup): a change renders them all
            extras = {f.src_uri: (extras.get(f.src_uri), self.engine) for f in files.documentation_pages()}
            self._incremental.plan(files, extras)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in UNSEARCHED or (self.engine == "pagefind" and hooks.is_article(page)):
            page.meta.setdefault("search", {"exclude": True})  # Pagefind indexes the articles
        return markdown

    def on_page_content(self, html, page, config, files):
        if page.file.src_uri == "index.md":
            from .snapshot_banner import snapshot_banner

            return snapshot_banner(config.extra, *self._counts) + html
        if not hooks.is_article(page):
            return html
        issue = str(page.meta.get("issue") or "")
        if issue and not page.meta.get("issue_title") and issue in self._issue_names:
            page.meta["issue_title"] = self._issue_names[issue]
        self._keywords[page.url] = search_keywords(page.meta, page.markdown or "")
        page.bs_facets = facet_values(page.meta, page.markdown or "")
        page.bs_lang = page_language(page.meta, page.markdown or "", config.theme.get("language") or "en")
        html = searchable(hooks.on_page_content(html, page, config, files), page.meta, page.markdown or "",
                          segmented_by_pagefind=page.bs_lang is not None)
        _headline_first_in_toc(page)
        return html

    def on_env(self, env, config, files):
        search_page = files.get_file_from_path("search.md") if self.engine == "pagefind" else None
        env.globals["bs_search_page"] = search_page.url if search_page is not None else ""
        self._files, self._pages = files, hooks.documentation_pages(files)
        if self._incremental is None:
            return hooks.on_env(env, config, files)
        from mkdocs.commands.build import _populate_page

        pages = self._pages
        self._incremental.fill_skipped(pages, self._metas)
        env = hooks.on_env(env, config, files)
        self._incremental.add_neighbour_changes(pages, lambda page: _populate_page(page, config, files))
        for page in pages:
            hooks.escape_meta(page)  # a page read just now has its front matter afresh
        return env

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context, page, config, nav):
        if self._incremental is not None:
            search = _search_plugin(config)
            self._incremental.capture_search(page, getattr(search, "search_index", None))
        return context

    def _claims(self, pages) -> list:
        """Every article's permalink claim in page order: this build's, or the last build's for a page
        not rendered."""
        claims = []
        for page in pages:
            kept = self._incremental.kept(page.file.src_uri) if self._incremental is not None else None
            claims.append(kept.claim if kept else getattr(page, "bs_permalink", None))
        return claims

    def _claim_permalink(self, claim) -> None:
        if not claim:
            return
        article_id, url, title = claim
        held = self._permalinks.get(article_id)
        if held and held[0] != url:  # two files claim one place in one source (a hand-made copy)
            log.warning("broadsheet: %s and %s share the permalink a/%s; it leads to %s",
                        held[0], url, article_id, min(held[0], url))
            url = min(held[0], url)
            title = held[1] if url == held[0] else title
        self._permalinks[article_id] = (url, title)

    @event_priority(50)  # before the search plugin writes its index
    def _before_search(self, config):
        """Pages not rendered this build give their search entries, keywords and permalinks from the
        manifest; then (after search) the keywords go into the index and the permalink pages are written."""
        pages = self._pages
        self._article_pages = self._searched_articles(pages) if self.engine == "pagefind" else []
        if self._incremental is not None:
            search = _search_plugin(config)
            if search is not None and getattr(search, "search_index", None) is not None:
                search.search_index.entries = self._incremental.search_entries(pages)
            for page in pages:
                kept = self._incremental.kept(page.file.src_uri)
                if kept is not None and kept.keywords is not None:
                    self._keywords[page.url] = kept.keywords
        for claim in self._claims(pages):
            self._claim_permalink(claim)

    def _searched_articles(self, pages) -> list:
        """The article pages Pagefind indexes: output file, date and filter values (this build's, or the
        last build's for a page not rendered)."""
        from .catalog import iso_date
        from .search_periods import ArticlePage

        found = []
        for page in pages:
            meta = self._metas.get(page.file.src_uri)
            if meta is None:
                continue
            kept = self._incremental.kept(page.file.src_uri) if self._incremental is not None else None
            facets = kept.facets if kept is not None else getattr(page, "bs_facets", None)
            found.append(ArticlePage(page.file.dest_uri, iso_date(meta.get("date")), dict(facets or {})))
        return found

    @event_priority(-100)  # after the search plugin has written its index
    def _after_search(self, config):
        from .permalinks import write_permalinks

        if self.config.search_settings:
            rewrite_search_index(Path(config.site_dir), self._keywords)
        extras = write_permalinks(Path(config.site_dir), self._permalinks, config.site_url or "",
                                  bool(config.use_directory_urls))
        if self._incremental is not None:
            statics = [f.dest_uri for f in self._files.static_pages()] + [f.dest_uri for f in self._files.media_files()]
            self._incremental.finish(self._pages, statics, extras, self._keywords,
                                     lambda page: getattr(page, "bs_lookups", {}))
            self.stats["pages_rendered"] = (len(self._incremental.render), len(self._pages))
            self._incremental = None
        if self.engine == "pagefind":
            self._index_pagefind(config)

    def _index_pagefind(self, config) -> None:
        """A Pagefind bundle per period of the articles (only the periods whose pages changed are indexed
        again), and the list of bundles the search page loads."""
        from .pagefind_index import PagefindError, write_bundle_list
        from .search_periods import index_by_period

        site = Path(config.site_dir)
        try:
            stats = index_by_period(site, Path(config.docs_dir), self._article_pages)
        except PagefindError as error:
            raise PluginError(f"broadsheet: {error}") from error
        write_bundle_list(site)
        self.stats.update(search_pages=stats.pages, search_seconds=stats.seconds, search_bytes=stats.bytes_on_disk,
                          search_periods=(len(stats.indexed), stats.periods))

    on_post_build = CombinedEvent(_before_search, _after_search)


def _headline_first_in_toc(page) -> None:
    """The headline as the first (level-1) entry of the page's table of contents, holding the body's
    headings: Material's skip-to-content link then leads to the headline, and its sidebar still
    lists only the subheadings."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    from .article_html import HEADLINE_ID

    headline = AnchorLink(str(page.meta.get("title") or page.title or ""), HEADLINE_ID, 1)
    headline.children = list(page.toc or [])
    page.toc = TableOfContents([headline])


def _search_plugin(config):
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "search":
            return plugin
    return None


def _tune_search(config) -> None:
    """English and Chinese, no stemmer or stop words ("WHO" is a word here), a separator that splits
    jieba's segments, and a keywords field: each only where the user's mkdocs.yml sets nothing."""
    search = _search_plugin(config)
    if search is None:
        return
    options = search.config
    if not options.get("lang"):
        options["lang"] = list(dict.fromkeys([config.theme.get("language") or "en", "zh"]))
    if options.get("separator") is None:
        options["separator"] = SEARCH_SEPARATOR
    if options.get("pipeline") is None:
        options["pipeline"] = []
    fields = options.get("fields")
    if isinstance(fields, dict):
        for name, value in SEARCH_FIELDS.items():
            fields.setdefault(name, dict(value))


def _is_offline(config) -> bool:
    """A snapshot's build (Material's offline plugin): read from file://, where Pagefind cannot load."""
    return any(name.split("/")[-1] == "offline" for name in config.plugins)
