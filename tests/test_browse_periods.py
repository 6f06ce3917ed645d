"""Browse pages split by period past a size: every article stays reachable from the browse pages, and a
later issue leaves the pages of earlier periods as they were (their addresses and their links)."""

from __future__ import annotations

import posixpath
import re

import pytest

from converter.site import browse
from converter.site.catalog import Entry

LINK = re.compile(r"\]\(([^)\s]+\.md)\)")


def entry(n: int, day: str, section: str, publication: str = "Harbour Times") -> Entry:
    meta = {"title": f"Story {n}", "date": day, "section": section, "publication": publication,
            "issue": f"times-{day}", "authors": ["Jane Doe" if n % 2 else "Li Wei"],
            "provenance": [{"file": f"times-{day}.txt", "lines": [n]}]}
    return Entry(f"articles/times-{day}/story-{n}.md", meta)


def archive(days: list[str], per_day: int = 4, undated: int = 0) -> list[Entry]:
    entries = [entry(d * 100 + k, day, ("World", "Sport")[k % 2]) for d, day in enumerate(days) for k in range(per_day)]
    for k in range(undated):
        meta = {"title": f"Undated {k}", "section": "World", "issue": "loose", "provenance": [{"file": "loose.txt"}]}
        entries.append(Entry(f"articles/loose/undated-{k}.md", meta))
    return entries


def reachable(pages: dict[str, str]) -> set[str]:
    """Every docs file linked from a browse page, as a path under the docs folder."""
    found = set()
    for src, text in pages.items():
        for target in LINK.findall(text):
            found.add(posixpath.normpath(posixpath.join(posixpath.dirname(src), target)))
    return found


DAYS = ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02", "2024-12-31", "2025-01-01"]


@pytest.fixture
def small_limit(monkeypatch) -> None:
    monkeypatch.setattr(browse, "LIST_LIMIT", 5)  # split past five items: a few dozen articles show it


def test_split_listings_link_every_article_and_issue(small_limit) -> None:
    entries = archive(DAYS, undated=2)
    pages = browse.build_pages(entries, "Harbour archive")
    linked = reachable(pages)
    assert {e.src for e in entries} <= linked
    assert {browse.issue_src(i) for i in {e.issue for e in entries}} <= linked
    assert "browse/sections/world/2024-01.md" in pages and "browse/sections/world/undated.md" in pages
    assert "browse/archive/2024.md" in pages and "browse/calendar/2025.md" in pages
    assert all(src in linked for src in pages if src != browse.HOME), "every browse page is reached from another"
    january = pages["browse/sections/world/2024-01.md"]
    assert "times-2024-01-30" in january and "times-2024-02-01" not in january, "the month's articles only"
    day = pages["browse/publications/harbour-times/2024-02-01.md"]  # eight articles in February: by day
    assert "times-2024-02-01" in day and "times-2024-02-02" not in day, "the day's issue only"


def test_a_later_issue_leaves_earlier_period_pages_unchanged(small_limit) -> None:
    before = browse.build_pages(archive(DAYS), "Harbour archive")
    after = browse.build_pages(archive(DAYS + ["2025-01-02"]), "Harbour archive")
    changed = sorted(src for src in after if before.get(src) != after[src])
    new_period = ("/2025-01", "/2025.md", "/index.md", "times-2025-01-02.md")
    listings = ("browse/sections/world.md", "browse/sections/sport.md", "browse/authors/jane-doe.md",
                "browse/authors/li-wei.md", "browse/publications/harbour-times.md", browse.HOME)
    assert changed and all(any(p in src for p in new_period) or src in listings for src in changed), changed
    assert before["browse/sections/world/2024-01.md"] == after["browse/sections/world/2024-01.md"]


def test_a_small_listing_stays_on_one_page() -> None:
    pages = browse.build_pages(archive(DAYS[:2]), "Harbour archive")
    assert not any(src.endswith(("/2024-01.md", "/2024.md")) for src in pages)
    assert "Story 101" in pages["browse/sections/sport.md"]
