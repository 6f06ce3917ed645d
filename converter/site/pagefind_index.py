"""Pagefind bundles: index one built site folder into its own bundle, and list the bundles the search
page merges in the reader's browser.

    index_site(Path("site"), Path("site/pagefind"))      # one bundle of a folder's article pages
    write_bundle_list(Path("site"))                       # site/search-bundles.json: every bundle under site/

The site build makes one bundle per period of the articles (`search_periods.py`: a stage folder of the
period's pages is indexed, result URLs relative to the site), so an incremental build re-indexes only
the periods whose pages changed. The list is newest period first: the search page loads bundles in
that order and merges date-sorted results period by period."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
BUNDLE_LIST = "search-bundles.json"
ENTRY = "pagefind-entry.json"
NOTE = "broadsheet-bundle.json"  # in a bundle: the folder it indexed (relative to the bundle), filter counts
Facets = dict[str, dict[str, int]]  # filter name -> value -> articles


class PagefindError(RuntimeError):
    """Pagefind could not index a folder (one line for the user)."""


@dataclass
class BundleStats:
    bundle_dir: Path
    pages: int
    seconds: float
    bytes_on_disk: int


def pagefind_binary() -> Path:
    """The Pagefind binary of the `pagefind[extended]` package (Chinese and Japanese word segmentation)."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:  # a broken install: the package is a dependency
        raise PagefindError("the pagefind package is not installed (pip install 'pagefind[extended]')") from error
    binary = get_executable()
    if binary is None:
        raise PagefindError("no Pagefind binary found (pip install 'pagefind[extended]')")
    return Path(binary)


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def index_site(site_dir: Path, bundle_dir: Path, *, facets: Facets | None = None, language: str | None = None,
               glob: str | None = None, root: Path | None = None) -> BundleStats:
    """Index the article pages of one built site folder (`data-pagefind-body`) into `bundle_dir`.

    Pagefind keeps one index per page language (`<html lang>`): Chinese articles are in a `zh` index,
    where the extended binary segments their words, and the search page merges every language's index.
    `language` forces one language for the whole folder instead. `facets` (filter name -> value ->
    number of articles) go into the bundle list, so the search page shows the filters' values without
    loading Pagefind's filter index (which grows with the archive) before a filter is used. `root`: the
    folder result URLs are relative to, when `site_dir` holds a copy of part of it (a period's pages)."""
    site_dir, bundle_dir = Path(site_dir).resolve(), Path(bundle_dir).resolve()
    command = [str(pagefind_binary()), "--site", str(site_dir), "--output-path", str(bundle_dir), "--quiet"]
    if language:
        command += ["--force-language", language]
    if glob:
        command += ["--glob", glob]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (bundle_dir / ENTRY).is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PagefindError(f"{site_dir}: Pagefind failed: {detail[-1] if detail else 'no output'}")
    root = Path(os.path.relpath(Path(root or site_dir).resolve(), bundle_dir)).as_posix()
    note = {"root": root, "filters": {name: dict(sorted(values.items())) for name, values in sorted((facets or {}).items())}}
    (bundle_dir / NOTE).write_text(json.dumps(note, ensure_ascii=False) + "\n", encoding="utf-8")
    entry = json.loads((bundle_dir / ENTRY).read_text(encoding="utf-8"))
    pages = sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
    return BundleStats(bundle_dir, pages, time.perf_counter() - started, _folder_bytes(bundle_dir))


def _note(bundle: Path) -> dict:
    try:
        note = json.loads((bundle / NOTE).read_text(encoding="utf-8"))
        return note if isinstance(note, dict) else {}
    except (OSError, ValueError):
        return {}


def _root_of(bundle: Path) -> Path:
    root = _note(bundle).get("root")
    return (bundle / str(root)).resolve() if root else bundle.parent.resolve()


def _url_path(path: Path, site_dir: Path) -> str:
    relative = path.relative_to(site_dir).as_posix()
    return "" if relative == "." else relative + "/"


def find_bundles(site_dir: Path) -> list[dict[str, str]]:
    """Every bundle under the site: `bundle` (its folder) and `root` (the folder it indexed, which its
    result URLs are relative to), as URL paths relative to the site. The top-level bundle comes first,
    then periods by folder name, newest (largest) first, `undated` last; each with its articles (`pages`)."""
    site_dir = Path(site_dir).resolve()
    found = sorted((p.parent for p in site_dir.rglob(ENTRY)),
                   key=lambda b: (len(b.relative_to(site_dir).parts), b.name == "undated",
                                  _descending(b.relative_to(site_dir).as_posix())))
    return [{"bundle": _url_path(b, site_dir), "root": _url_path(_root_of(b), site_dir), "period": b.name,
             "pages": _page_count(b), "languages": _languages(b), "filters": _note(b).get("filters") or {}}
            for b in found]


def _page_count(bundle: Path) -> int:
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        return sum(int(lang.get("page_count", 0)) for lang in (entry.get("languages") or {}).values())
    except (OSError, ValueError, AttributeError, TypeError):
        return 0


def _languages(bundle: Path) -> list[str]:
    """The page languages a bundle has an index for, largest first."""
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        languages = entry.get("languages") or {}
        return sorted(languages, key=lambda name: (-int(languages[name].get("page_count", 0)), name))
    except (OSError, ValueError, AttributeError, TypeError):
        return []


def _descending(path: str) -> tuple[int, ...]:
    """Later periods first, a year after its own months (`pagefind/2024-03/`, `pagefind/2024/`)."""
    return tuple(-ord(ch) for ch in path) + (1,)


def write_bundle_list(site_dir: Path, bundles: list[dict[str, str]] | None = None) -> Path:
    """`search-bundles.json`: the bundles the search page loads (the first) and merges (the rest), and the
    filters' values with their articles over all bundles (once: the list grows by ~100 bytes a bundle)."""
    site_dir = Path(site_dir)
    listed = find_bundles(site_dir) if bundles is None else list(bundles)
    filters: Facets = {}
    for bundle in listed:
        for name, values in (bundle.pop("filters", None) or {}).items():
            for value, count in values.items():
                filters.setdefault(name, {})[value] = filters.setdefault(name, {}).get(value, 0) + count
    filters = {name: dict(sorted(values.items())) for name, values in sorted(filters.items())}
    path = site_dir / BUNDLE_LIST
    path.write_text(json.dumps({"filters": filters, "bundles": listed}, ensure_ascii=False, separators=(",", ":"))
                    + "\n", encoding="utf-8")
    return path
