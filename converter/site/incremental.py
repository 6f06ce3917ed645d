"""Incremental site builds: MkDocs renders only the pages whose inputs changed since the last build.

An article page is not in the nav, so its HTML depends on its own Markdown, the configuration and
theme, its issue's name, the pages its header and footer link (author, publication and issue pages,
its raw source: present or not) and its previous and next article within the issue (their URL and
title). A browse page depends on its Markdown, the configuration and its nav neighbours. The
*manifest* keeps, per page, a key hashing those inputs, and what the page gave the build besides its
HTML file (its search-index entries, search keywords, permalink claim), so an unchanged page is
neither read nor rendered and its output file is left in place. Outputs of pages, static files and
permalinks that are gone are removed. Any change to `mkdocs.yml`, the theme (Material, its version,
a `custom_dir`, broadsheet's own overrides), MkDocs or the converter changes the *global* key: the
site folder is cleaned and every page rendered, as in a full build.

The manifest lives in the docs folder's cache (`docs/.broadsheet-cache/site-manifest.pickle`, never
published), trusted like the conversion cache. It is removed when a build starts and written when
one ends well, so a failed or interrupted build is followed by a full one. Only `broadsheet build`
builds incrementally; `mkdocs build` and `mkdocs serve` render every page (and drop the manifest).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import posixpath
import re
import sysconfig
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..cache import CACHE_DIR, PACKAGE, converter_fingerprint

MANIFEST = "site-manifest.pickle"
ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
FORMAT = 2
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>#?]+\.md)(?:[#?][^)\s>]*)?>?(?:\s[^)]*)?\)")
log = logging.getLogger("mkdocs.plugins.broadsheet")


@dataclass
class PageRecord:
    """What one page gave the last build."""

    content_key: str  # its own inputs (Markdown, global key, issue name, links' targets present or not)
    key: str  # content_key with its previous and next page (URL and title)
    dest: str  # the output file, relative to the site folder (posix)
    lookups: dict[str, bool] = field(default_factory=dict)  # docs files its header/footer looked for: found?
    search: list[dict] = field(default_factory=list)  # its entries in Material's search index
    keywords: str | None = None  # broadsheet's search keywords
    claim: tuple[str, str, str] | None = None  # permalink claim: article id, page URL, title
    facets: dict[str, str] | None = None  # its search filter values (Pagefind)
    title: str | None = None  # its title as shown to its neighbours (escaped), for when its front matter has none


@dataclass
class Manifest:
    site_dir: str
    global_key: str
    pages: dict[str, PageRecord] = field(default_factory=dict)  # src_uri -> record
    statics: list[str] = field(default_factory=list)  # static files' outputs (posix, relative)
    extras: list[str] = field(default_factory=list)  # permalink pages written after the build
    format: int = FORMAT


def manifest_path(docs_dir: str | Path) -> Path:
    return Path(docs_dir) / CACHE_DIR / MANIFEST


def load_manifest(docs_dir: str | Path) -> Manifest | None:
    try:
        with manifest_path(docs_dir).open("rb") as handle:
            found = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as err:  # a truncated or foreign file: a full build, said
        log.info("broadsheet: site manifest unreadable (%s): every page is rendered", type(err).__name__)
        return None
    return found if isinstance(found, Manifest) and found.format == FORMAT else None


def drop_manifest(docs_dir: str | Path) -> None:
    manifest_path(docs_dir).unlink(missing_ok=True)


def store_manifest(docs_dir: str | Path, manifest: Manifest) -> None:
    path = manifest_path(docs_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    with temp.open("wb") as handle:
        pickle.dump(manifest, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temp, path)


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return ""


def _hash_tree(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def global_key(config) -> str:
    """Everything every page depends on: the configuration as loaded and changed by the plugins, the
    theme's own files (Material by its version), MkDocs, the converter (its files include the theme
    overrides) and the configuration file's bytes."""
    digest = hashlib.sha256(f"format {FORMAT}\0{converter_fingerprint()}\0".encode())
    for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        digest.update(f"{name} {_version(name)}\0".encode())
    if config.config_file_path and Path(config.config_file_path).is_file():
        digest.update(Path(config.config_file_path).read_bytes())
    settings = {key: config.get(key) for key in (
        "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name",
        "edit_uri", "use_directory_urls", "extra", "extra_css", "extra_javascript", "extra_templates",
        "markdown_extensions", "mdx_configs", "nav", "docs_dir", "site_dir", "strict", "validation")}
    settings["theme"] = {key: config.theme[key] for key in sorted(config.theme.keys())}
    settings["theme_dirs"] = list(config.theme.dirs)
    settings["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
    dumped = json.dumps(settings, sort_keys=True, default=str, ensure_ascii=False)
    digest.update(ADDRESS.sub("0x", dumped).encode("utf-8", "surrogatepass"))  # an object's repr: no address
    installed = {Path(p).resolve() for p in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])}
    for folder in config.theme.dirs:
        path = Path(folder).resolve()
        if path.is_dir() and not installed & {path, *path.parents} and PACKAGE not in path.parents:
            _hash_tree(digest, path)  # a custom_dir: the user's overrides (installed themes count by version)
    return digest.hexdigest()


def link_targets(src: str, markdown: bytes) -> list[str]:
    """The docs files a page's Markdown links (relative `.md` links), as src paths."""
    found = set()
    for match in MARKDOWN_LINK.finditer(markdown.decode("utf-8", "replace")):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src), target)))
    return sorted(found)


def content_key(global_hash: str, src: str, markdown: bytes, extras: object, present: dict[str, bool]) -> str:
    digest = hashlib.sha256(f"{global_hash}\0{src}\0".encode("utf-8", "surrogatepass"))
    digest.update(hashlib.sha256(markdown).digest())
    digest.update(json.dumps([extras, sorted(present.items())], default=str, ensure_ascii=False)
                  .encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def neighbour_key(content: str, page) -> str:
    """The content key with the page's previous and next page (what its footer shows of them)."""
    parts = [content]
    for other in (page.previous_page, page.next_page):
        parts.append("" if other is None else f"{other.url}\0{other.title}")
    return hashlib.sha256("\0\1".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def remove_outputs(site_dir: Path, old: set[str], kept: set[str]) -> int:
    """Delete outputs of the last build that this build did not make (and folders left empty)."""
    removed = 0
    root = site_dir.resolve()
    for relative in sorted(old - kept):
        path = (site_dir / relative)
        if root not in path.resolve().parents:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
        folder = path.parent
        while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed


class DirtyWarningFilter(logging.Filter):
    """MkDocs warns of every `dirty` build; broadsheet's incremental build is not one (it renders every
    page whose inputs changed), and the warning must not fail a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyWarningFilter) for f in logger.filters):
        logger.addFilter(DirtyWarningFilter())


class IncrementalBuild:
    """One `broadsheet build`'s bookkeeping, driven by the plugin's events."""

    def __init__(self, config) -> None:
        self.docs_dir = config.docs_dir
        self.site_dir = Path(config.site_dir)
        self.global_key = global_key(config)
        previous = load_manifest(self.docs_dir)
        usable = (previous is not None and previous.global_key == self.global_key
                  and previous.site_dir == str(self.site_dir.resolve()) and (self.site_dir / "index.html").is_file())
        drop_manifest(self.docs_dir)  # until this build ends well
        if not usable:
            from mkdocs.utils import clean_directory

            clean_directory(str(self.site_dir))  # what a full build starts with
        self.previous = previous if usable else None
        self.content: dict[str, str] = {}  # src -> content key
        self.render: set[str] = set()  # pages MkDocs reads and renders this build
        self.fresh_search: dict[str, list[dict]] = {}
        self._mark = 0

    def _record(self, src: str) -> PageRecord | None:
        return self.previous.pages.get(src) if self.previous else None

    def plan(self, files, extras: dict[str, object]) -> None:
        """Content keys of every page; the pages whose key changed (or whose output is missing) are read."""
        for file in files.documentation_pages():
            src = file.src_uri
            try:
                markdown = file.content_bytes  # a file on disk, or one a plugin generated (the search page)
            except (OSError, TypeError):
                markdown = b""
            present = {target: files.get_file_from_path(target) is not None
                       for target in link_targets(src, markdown)}
            self.content[src] = content_key(self.global_key, src, markdown, extras.get(src), present)
            record = self._record(src)
            if (record is None or record.content_key != self.content[src] or not os.path.isfile(file.abs_dest_path)
                    or any((files.get_file_from_path(t) is not None) != was for t, was in record.lookups.items())):
                self.render.add(src)
            file.is_modified = (lambda s=src: s in self.render)  # MkDocs asks before reading and building

    def fill_skipped(self, pages, metas: dict[str, dict]) -> None:
        """A page not read this build gets its front matter (for titles, issue order) without rendering."""
        from mkdocs.utils.meta import get_data

        for page in pages:
            src = page.file.src_uri
            if src in self.render or page.markdown is not None:
                continue
            meta = metas.get(src)
            if meta is None:
                meta = get_data(page.file.content_string)[1]  # on disk, or generated (the search page)
            page.markdown, page.meta = "", dict(meta)
            record = self._record(src)
            if "title" not in page.meta and record is not None and record.title is not None:
                page.title = record.title  # what its rendering gave (a heading), for its neighbours' footers

    def add_neighbour_changes(self, pages, populate) -> None:
        """Pages whose previous or next page changed are rendered too (`populate` reads one)."""
        for page in pages:
            src = page.file.src_uri
            record = self._record(src)
            if src in self.render or (record and record.key == neighbour_key(self.content[src], page)):
                continue
            self.render.add(src)
            page.markdown = None
            populate(page)

    def capture_search(self, page, search_index) -> None:
        """The entries Material's search added for the page just rendered."""
        if search_index is None:
            return
        self.fresh_search[page.file.src_uri] = search_index.entries[self._mark:]
        self._mark = len(search_index.entries)

    def search_entries(self, pages) -> list[dict]:
        entries: list[dict] = []
        for page in pages:
            src = page.file.src_uri
            record = self._record(src)
            entries += self.fresh_search.get(src, []) if src in self.render else (record.search if record else [])
        return entries

    def kept(self, src: str) -> PageRecord | None:
        """The record of a page not rendered this build."""
        return None if src in self.render else self._record(src)

    def same_pages_as_before(self) -> bool:
        """No page rendered this build and the same pages as the last one: what was indexed still holds."""
        return not self.render and self.previous is not None and set(self.previous.pages) == set(self.content)

    def finish(self, pages, statics: list[str], extras: list[str], keywords: dict[str, str], lookups) -> Manifest:
        """Remove what the last build made and this one did not; keep this build's manifest."""
        manifest = Manifest(str(self.site_dir.resolve()), self.global_key, statics=sorted(statics), extras=sorted(extras))
        for page in pages:
            src = page.file.src_uri
            old = self.kept(src)
            manifest.pages[src] = PageRecord(
                self.content[src], neighbour_key(self.content[src], page), page.file.dest_uri,
                lookups=old.lookups if old else lookups(page),
                search=old.search if old else self.fresh_search.get(src, []),
                keywords=old.keywords if old else keywords.get(page.url),
                claim=old.claim if old else getattr(page, "bs_permalink", None),
                facets=getattr(old, "facets", None) if old else getattr(page, "bs_facets", None),
                title=page.title)  # escaped (Markup): taken as it is when given back
        if self.previous:
            before = {r.dest for r in self.previous.pages.values()} | set(self.previous.statics) | set(self.previous.extras)
            now = {r.dest for r in manifest.pages.values()} | set(manifest.statics) | set(manifest.extras)
            remove_outputs(self.site_dir, before, now)
        store_manifest(self.docs_dir, manifest)
        return manifest
