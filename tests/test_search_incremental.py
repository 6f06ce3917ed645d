"""Pagefind search with the incremental site build: the filters a reader is offered after a rebuild that
rendered only the changed pages are the ones a full build offers, and a rebuild that changed nothing
keeps the search bundle instead of indexing the whole site again."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from converter.site.commands import build_site
from tests.search_support import generate_archive
from tests.test_browser_search import search_config

STORY = ("Hill council votes on the harbour budget\n\nBy Ann Lee\n\nThe hill council voted on Tuesday to "
         "rebuild the harbour wall before the winter storms, after a month of talks with the farmers.\n")


def _bundles(site: Path) -> list[dict]:
    return json.loads((site / "search-bundles.json").read_text(encoding="utf-8"))["bundles"]


def _filters(site: Path) -> dict[str, dict[str, int]]:
    """Every filter's values and their articles, over all the bundles."""
    return json.loads((site / "search-bundles.json").read_text(encoding="utf-8"))["filters"]


def _fragments(site: Path) -> dict[str, bytes]:
    """The result fragments of every bundle (named by their content). Pagefind's index and metadata files
    are not compared: Pagefind 1.5 writes them in a different order on each run, even of one folder."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "pagefind").glob("*/fragment/*"))}


def _add_story(sources: Path) -> None:
    path = sources / "late" / "hill-story.txt"
    path.parent.mkdir(parents=True)
    path.write_text(STORY, encoding="utf-8")
    sidecar = {"publication": "Hill Times", "date": "2031-05-06", "language": "en"}
    path.with_suffix(".yml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")


def test_incremental_rebuilds_offer_the_filters_of_a_full_build_and_reuse_an_unchanged_bundle(tmp_path: Path) -> None:
    sources = generate_archive(tmp_path / "src", 40)
    config = search_config(tmp_path / "config", "pagefind")
    docs, site = tmp_path / "docs", tmp_path / "site"
    build_site([sources], docs, site, config, cache=True)
    first = _filters(site)
    assert sum(first["publication"].values()) == 40
    periods = [bundle["period"] for bundle in _bundles(site)]
    assert periods == sorted(periods, reverse=True) and len(periods) > 1, "a bundle per year, newest first"

    again = build_site([sources], docs, site, config, cache=True)
    assert again["pages_rendered"][0] == 0
    assert again["search_seconds"] == 0.0  # the bundle of the last build still holds: not indexed again
    assert _filters(site) == first

    _add_story(sources)
    grown = build_site([sources], docs, site, config, cache=True)
    assert 0 < grown["pages_rendered"][0] < grown["pages_rendered"][1]
    assert grown["search_seconds"] > 0.0
    assert grown["search_periods"] == (1, len(periods) + 1), "only the new story's year is indexed"
    incremental = _filters(site)
    assert incremental["publication"]["Hill Times"] == 1

    build_site([sources], tmp_path / "docs-full", tmp_path / "site-full", config, cache=False)
    assert incremental == _filters(tmp_path / "site-full")
    assert (site / "search-bundles.json").read_bytes() == (tmp_path / "site-full" / "search-bundles.json").read_bytes()
    assert _fragments(site) == _fragments(tmp_path / "site-full"), "the same pages in the same periods"
