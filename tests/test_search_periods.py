"""Pagefind bundles per period: which articles share a bundle, that a bundle is indexed again only when
its pages changed, and that the bundle's search code can be made to keep each index's date order."""

from __future__ import annotations

import json
from pathlib import Path

from converter.site.search_periods import ArticlePage, index_by_period, keep_index_order, plan_periods


def pages(dates: list[str]) -> list[ArticlePage]:
    return [ArticlePage(f"articles/a{n:05d}/index.html", day, {"year": day[:4]} if day else {})
            for n, day in enumerate(dates)]


def test_a_small_archive_gets_a_bundle_a_year_newest_first_undated_last() -> None:
    plan = plan_periods(pages(["2001-05-01", "2003-01-02", "", "2001-12-31", "2002-07-07"]), limit=10)
    assert list(plan) == ["2003", "2002", "2001", "undated"]
    assert [p.date for p in plan["2001"]] == ["2001-05-01", "2001-12-31"]


def test_a_large_year_is_split_into_months_and_a_large_month_into_thirds() -> None:
    daily = [f"2024-03-{d:02d}" for d in range(1, 32) for _ in range(2)]  # 62 articles in March
    plan = plan_periods(pages(daily + ["2024-04-02", "2024-04-30", "2024", "2023-06-01"]), limit=30)
    assert list(plan) == ["2024-04", "2024-03-21", "2024-03-11", "2024-03-01", "2024", "2023"]
    assert len(plan["2024-03-21"]) == 22 and len(plan["2024-03-01"]) == 20
    assert sum(len(v) for v in plan.values()) == len(daily) + 4


def test_a_later_day_leaves_the_earlier_periods_alone() -> None:
    days = [f"2024-03-{d:02d}" for d in range(1, 31) for _ in range(2)]
    before = plan_periods(pages(days), limit=30)
    after = plan_periods(pages(days + ["2024-03-31"] * 2), limit=30)
    assert {k: v for k, v in after.items() if k != "2024-03-21"} == {k: v for k, v in before.items() if k != "2024-03-21"}


def article(title: str, year: str) -> str:
    return (f'<!doctype html><html lang="en"><head><title>{title}</title></head><body><main data-pagefind-body>'
            f'<h1>{title}</h1><p>The harbour council met.</p><span data-pagefind-filter="year">{year}</span>'
            "</main></body></html>")


def test_only_the_period_whose_page_changed_is_indexed_again(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    found = pages(["2001-01-05", "2002-02-06", "2002-03-07"])
    for page in found:
        (site / page.dest).parent.mkdir(parents=True, exist_ok=True)
        (site / page.dest).write_text(article(page.dest, page.date[:4]), encoding="utf-8")
    first = index_by_period(site, docs, found)
    assert sorted(first.indexed) == ["2001", "2002"] and first.pages == 3
    assert index_by_period(site, docs, found).indexed == []
    (site / found[0].dest).write_text(article("Changed", "2001"), encoding="utf-8")
    assert index_by_period(site, docs, found).indexed == ["2001"]
    assert index_by_period(site, docs, found[1:]).indexed == [] and not (site / "pagefind" / "2001").exists()
    entry = json.loads((site / "pagefind" / "2002" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == 2


def test_the_installed_pagefind_code_can_keep_each_index_in_order(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    (site / "articles/a00000").mkdir(parents=True)
    (site / "articles/a00000/index.html").write_text(article("One", "2001"), encoding="utf-8")
    index_by_period(site, docs, pages(["2001-01-05"]))
    script = (site / "pagefind" / "2001" / "pagefind.js").read_text(encoding="utf-8")
    assert "bsInstance" in script, "Pagefind's merging code changed: search_periods.MERGE_BY_SCORE needs updating"
    assert not keep_index_order(site / "pagefind" / "2001" / "pagefind.js"), "patched once only"
