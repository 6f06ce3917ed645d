"""Digest behaviour a reader of the archive relies on."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from converter.api import convert_to

FIXTURES = Path(__file__).parent / "fixtures"
SEED_DIGEST = Path(__file__).parent / "data" / "seeds" / "003_ddf4aecfeb3f92f8.txt"


def test_a_summary_whose_article_never_follows_is_kept_as_a_stub(tmp_path: Path) -> None:
    convert_to([FIXTURES / "digests" / "summary_without_entry.txt"], tmp_path)
    lost = frontmatter.load(next(tmp_path.rglob("lost-story.md")))
    assert lost["stub"] is True
    assert lost["translations"]["zh"] == {"title": "丢失的故事", "summary": "这篇文章没有正文。"}


def test_seed_digest_entries_carry_address_time_and_translation(tmp_path: Path) -> None:
    convert_to([SEED_DIGEST], tmp_path)
    posts = {p["title"]: p for p in map(frontmatter.load, tmp_path.rglob("*.md")) if p.get("provenance")}
    assert len(posts) == 23
    ev = posts["How is the EV industry driving China’s ‘going global’ strategy?"]
    assert ev["url"].endswith("/how-ev-industry-driving-chinas-going-global-strategy")
    assert ev["date"] == "2025-08-18T13:20"
    assert ev["translations"]["zh"]["title"] == "电动车行业如何推动中国的“走出去”战略?"
    failed = posts["Chinese scientists transplant human brain cells to mice, boosting pleasure levels"]
    assert "title" not in failed["translations"]["zh"], "翻译失败 (translation failed) gives no title"
    assert posts["The rise of China’s soft power"]["stub"] is True
    assert not any("utm_" in (p.get("url") or "") or "获取更多RSS" in p.content for p in posts.values())


def test_a_title_suffix_names_the_site_only_when_it_reads_as_a_name(tmp_path: Path) -> None:
    source = tmp_path / "feed.md"
    source.write_text(
        "# Morning digest\n\n"
        "#### Harbour bridge reopens after repairs | Local | The Harbour Times\n\n"
        "https://news.example/bridge\n\nThe harbour bridge reopened on Monday after a year of repairs.\n\n"
        "#### Funding bills signed in the Oval Office | Balance of Power: Late Edition 02/03/2026\n\n"
        "https://news.example/bills\n\nThe president signed the funding bills on Tuesday evening.\n",
        encoding="utf-8")
    convert_to([source], tmp_path / "out", kind="digest")
    posts = {p["title"]: p for p in map(frontmatter.load, (tmp_path / "out").rglob("*.md"))}
    bridge = posts["Harbour bridge reopens after repairs"]
    assert (bridge["section"], bridge["publication"]) == ("Local", "The Harbour Times")
    bills = posts["Funding bills signed in the Oval Office | Balance of Power: Late Edition 02/03/2026"]
    # a programme name with a date is part of the title, not a publication; the entry belongs to its
    # site's outlet (named by the other entry from news.example), the digest only collected it
    assert bills["publication"] == "The Harbour Times" and bills["collected_in"] == "Morning digest"
