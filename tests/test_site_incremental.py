"""Incremental `broadsheet build`: after sources are added, changed and removed, or mkdocs.yml or the
theme changed, the site is byte-identical, file for file, to a full build of the final sources into fresh
folders; and only the pages whose inputs changed were rendered."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from converter.site.commands import build_site
from converter.site.incremental import manifest_path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
WORDS = ("harbour council bridge ferry market school river station library weather budget mayor court "
         "hospital train festival museum farmers workers election teachers").split()


def story(path: Path, title: str, n: int, day: str, issue: str, author: str = "Jane Doe") -> None:
    """A small article of composed text with a sidecar naming its issue and day."""
    words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(40)]
    paragraphs = [" ".join(words[i:i + 20]).capitalize() + "." for i in (0, 20)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\nBy {author}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    path.with_suffix(".yml").write_text(f"publication: Harbour Times\ndate: {day}\nissue: {issue}\n",
                                        encoding="utf-8")


def sources(folder: Path) -> Path:
    for d, day in enumerate(("2024-03-01", "2024-03-02")):
        for k, title in enumerate(("Bridge Reopens After Repairs", "Council Sets The Budget", "Ferry Timetable Changes")):
            story(folder / f"day{d}" / f"story-{k}.txt", f"{title} {d}", d * 10 + k, day, f"times-{day}",
                  author=("Jane Doe", "Li Wei", "Ana Ruiz")[k])
    return folder


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# The conversion report is the record of one run: it names the article files *this run* pruned or found
# superseded, which a build from scratch never does. Those two lists are its only difference allowed (the
# page showing the report is compared after the JSON, and is rendered from it).
RUN_HISTORY = ("pruned", "superseded_removed")
REPORT_PAGE = "conversion-report/index.html"


def without_history(data: bytes) -> dict:
    report = json.loads(data)
    return {key: value for key, value in report.items() if key not in RUN_HISTORY}


def assert_same_site(incremental: Path, full: Path) -> None:
    got, want = site_files(incremental), site_files(full)
    assert sorted(got) == sorted(want), (sorted(set(got) - set(want))[:5], sorted(set(want) - set(got))[:5])
    history = any(json.loads(got["conversion-report.json"]).get(key) for key in RUN_HISTORY)
    if history:
        assert without_history(got["conversion-report.json"]) == without_history(want["conversion-report.json"])
    differing = [name for name in want if got[name] != want[name]
                 and not (history and name in ("conversion-report.json", REPORT_PAGE))]
    assert not differing, differing[:10]


def build(src: Path, work: Path, config: Path = CONFIG, incremental: bool = True) -> dict:
    return build_site([src], work / "docs", work / "site", config, prune=True, cache=incremental)


def full(src: Path, work: Path, config: Path = CONFIG) -> Path:
    if work.exists():
        shutil.rmtree(work)
    build(src, work, config, incremental=False)
    return work / "site"


@pytest.fixture(autouse=True)
def reproducible(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap's dates: the same in both builds


def test_add_change_remove_sources_give_the_full_build(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    first = build(src, tmp_path / "inc")
    assert first["pages_rendered"][0] == first["pages_rendered"][1]
    assert manifest_path(tmp_path / "inc" / "docs").is_file()

    again = build(src, tmp_path / "inc")
    assert again["pages_rendered"][0] == 0, "nothing changed: nothing rendered"
    assert_same_site(tmp_path / "inc" / "site", full(src, tmp_path / "full"))

    # change an article's headline (its neighbours' footers name it), add one, remove one
    story(src / "day0" / "story-1.txt", "Council Delays The Budget 0", 1, "2024-03-01", "times-2024-03-01", "Li Wei")
    story(src / "day1" / "story-3.txt", "Museum Opens A New Wing 1", 13, "2024-03-02", "times-2024-03-02", "Sam Okafor")
    for name in ("story-2.txt", "story-2.yml"):
        (src / "day0" / name).unlink()
    changed = build(src, tmp_path / "inc")
    rendered, total = changed["pages_rendered"]
    assert 0 < rendered < total, "only the pages whose inputs changed are rendered"
    assert_same_site(tmp_path / "inc" / "site", full(src, tmp_path / "full"))


def test_a_new_issue_renders_its_pages_and_the_listings_only(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    build(src, tmp_path / "inc")
    for k in range(2):
        story(src / "day2" / f"story-{k}.txt", f"Weather Turns Cold {k}", 20 + k, "2024-03-03", "times-2024-03-03")
    rendered, total = build(src, tmp_path / "inc")["pages_rendered"]
    untouched_issue = [p for p in (tmp_path / "inc" / "docs" / "articles").rglob("*.md") if "2024-03-01" in str(p)]
    assert untouched_issue and rendered <= total - len(untouched_issue)
    assert_same_site(tmp_path / "inc" / "site", full(src, tmp_path / "full"))


def test_a_change_to_mkdocs_yml_renders_every_page(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    build(src, tmp_path / "inc", config)
    config.write_text(CONFIG.read_text(encoding="utf-8").replace("site_name: Broadsheet archive",
                                                                 "site_name: Harbour archive"), encoding="utf-8")
    rendered, total = build(src, tmp_path / "inc", config)["pages_rendered"]
    assert rendered == total
    site = tmp_path / "inc" / "site"
    assert "Harbour archive" in (site / "index.html").read_text(encoding="utf-8")
    assert_same_site(site, full(src, tmp_path / "full", config))


def test_a_change_to_the_theme_renders_every_page(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text('{% extends "base.html" %}\n{% block announce %}Old notice{% endblock %}\n',
                                         encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.read_text(encoding="utf-8").replace("  name: material\n",
                                                                 "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    build(src, tmp_path / "inc", config)
    (overrides / "main.html").write_text('{% extends "base.html" %}\n{% block announce %}New notice{% endblock %}\n',
                                         encoding="utf-8")
    rendered, total = build(src, tmp_path / "inc", config)["pages_rendered"]
    assert rendered == total
    assert "New notice" in (tmp_path / "inc" / "site" / "index.html").read_text(encoding="utf-8")
    assert_same_site(tmp_path / "inc" / "site", full(src, tmp_path / "full", config))


def test_a_page_deleted_from_the_site_is_rendered_again(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    build(src, tmp_path / "inc")
    page = next((tmp_path / "inc" / "site" / "articles").rglob("index.html"))
    page.unlink()
    rendered, _ = build(src, tmp_path / "inc")["pages_rendered"]
    assert rendered == 1 and page.is_file()


def test_a_plain_mkdocs_build_drops_the_manifest(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    build(src, tmp_path / "inc")
    build(src, tmp_path / "inc", incremental=False)  # every page rendered, as `mkdocs build` does
    assert not manifest_path(tmp_path / "inc" / "docs").exists()
    rendered, total = build(src, tmp_path / "inc")["pages_rendered"]
    assert rendered == total


def test_a_page_titled_by_its_heading_keeps_its_title_when_not_rendered(tmp_path: Path) -> None:
    """A hand-written page in the nav with no title in its front matter: its nav neighbour, rendered again,
    still names it by its heading."""
    src = sources(tmp_path / "src")
    config = tmp_path / "mkdocs.yml"
    text = CONFIG.read_text(encoding="utf-8").replace("  - Conversion report: conversion-report.md\n",
                                                      "  - conversion-report.md\n  - about.md\n")
    config.write_text(text, encoding="utf-8")
    docs = tmp_path / "inc" / "docs"
    docs.mkdir(parents=True)
    (docs / "about.md").write_text("# About this archive\n\nComposed for the test.\n", encoding="utf-8")
    build(src, tmp_path / "inc", config)
    report = (docs / "conversion-report.md")
    story(src / "day1" / "story-9.txt", "Late Story 1", 19, "2024-03-02", "times-2024-03-02")
    build(src, tmp_path / "inc", config)  # the report page changes; about.md is not rendered
    footer = (tmp_path / "inc" / "site" / "conversion-report" / "index.html").read_text(encoding="utf-8")
    assert "About this archive" in footer and report.is_file()
    (tmp_path / "full" / "docs").mkdir(parents=True)
    (tmp_path / "full" / "docs" / "about.md").write_text((docs / "about.md").read_text(encoding="utf-8"),
                                                         encoding="utf-8")
    build(src, tmp_path / "full", config, incremental=False)
    assert_same_site(tmp_path / "inc" / "site", tmp_path / "full" / "site")


def test_nothing_changed_prepares_nothing_and_a_touched_docs_file_prepares_again(tmp_path: Path) -> None:
    src = sources(tmp_path / "src")
    build(src, tmp_path / "inc")
    docs = tmp_path / "inc" / "docs"
    article = next((docs / "articles").rglob("*.md"))
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file() and ".broadsheet-cache" not in p.parts}
    again = build(src, tmp_path / "inc")
    assert again["articles"] == 6 and again["pages_rendered"][0] == 0
    assert {p: p.stat().st_mtime_ns for p in before} == before, "nothing in docs was written"
    # a hand edit in docs (or a source's new bytes) is seen: the docs are prepared again
    article.write_text(article.read_text(encoding="utf-8").replace("---\n", "---\nlocked: true\n", 1), encoding="utf-8")
    src.joinpath("day0", "story-0.txt").write_text(
        src.joinpath("day0", "story-0.txt").read_text(encoding="utf-8").replace("Bridge", "Tunnel"), encoding="utf-8")
    touched = build(src, tmp_path / "inc")
    assert touched["report"]["hand_corrected_kept"], "the locked file was seen by a new conversion"
