"""One article in two sources becomes one; unrelated articles never merge; sidecars add metadata."""

from __future__ import annotations

import random
from pathlib import Path

import frontmatter
import pytest

from converter.api import convert_to
from converter.merge import merge_duplicates
from converter.model import PARA, Article, Block, Provenance
from converter.sidecar import SidecarError, load_sidecar

DATA = Path(__file__).parent / "data"
STORY = [
    "The city council voted on Tuesday to expand the tram network to the eastern suburbs by 2030.",
    "The plan adds eleven stops and a depot, and will be paid for by a regional transport levy.",
    "Opponents said the levy would fall hardest on small shops along the route during construction.",
    "The mayor said the line would cut commuting times by a third for forty thousand residents.",
    "Work on the first section is expected to start next spring, once the designs are approved.",
]
OTHER = [
    "A rare orchid has flowered in the botanical garden for the first time in twelve years.",
    "Gardeners said the bloom would last about a week and drew hundreds of visitors on Sunday.",
    "The plant was collected in the mountains in the nineteenth century and survives in few places.",
    "Staff have taken pollen in the hope of growing seedlings for other gardens across the country.",
]


def ocr_noise(text: str, rng: random.Random) -> str:
    """Swap a few letters the way OCR does (rn→m, l→1, e→c) without changing most words."""
    swaps = {"rn": "m", "l": "1", "e": "c", "o": "0"}
    words = text.split()
    for i in rng.sample(range(len(words)), k=max(1, len(words) // 10)):
        old, new = rng.choice(list(swaps.items()))
        words[i] = words[i].replace(old, new, 1)
    return " ".join(words)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def articles(out: Path) -> list[frontmatter.Post]:
    return [frontmatter.load(p) for p in sorted((out / "articles").rglob("*.md"))]


def test_same_article_in_two_sources_merges_despite_ocr_noise(tmp_path: Path) -> None:
    rng = random.Random(7)
    clean = write(tmp_path / "a_clean.txt", "Tram Line to Reach Eastern Suburbs\n\n" + "\n".join(STORY) + "\n")
    noisy = "\n\n".join(ocr_noise(p, rng) for p in STORY)
    page = write(tmp_path / "b_page.txt",
                 f"CITY\n\nTram Line To Reach The Eastern Suburbs\n\nBy ANNA LEE\n\n{noisy}\n\n"
                 f"Orchid Blooms After Twelve Years\n\nBy TOM GREEN\n\n" + "\n\n".join(OTHER) + "\n")
    convert_to([clean, page], tmp_path / "out")
    posts = articles(tmp_path / "out")
    trams = [p for p in posts if "Tram" in p["title"]]
    assert len(trams) == 1
    assert {e["file"] for e in trams[0]["provenance"]} == {"a_clean.txt", "b_page.txt"}
    assert trams[0]["authors"] == ["Anna Lee"], "the richer copy's byline is kept"
    assert any("Orchid" in p["title"] for p in posts)


def test_unrelated_articles_with_the_same_title_never_merge(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", "Weekly Briefing\n\n" + "\n".join(STORY) + "\n")
    two = write(tmp_path / "two.txt", "Weekly Briefing\n\n" + "\n".join(OTHER) + "\n")
    convert_to([one, two], tmp_path / "out")
    posts = articles(tmp_path / "out")
    assert len(posts) == 2
    assert all(len(p["provenance"]) == 1 for p in posts)


def test_seed_article_found_in_two_sources_is_one_page(tmp_path: Path) -> None:
    convert_to(sorted((DATA / "seeds").glob("*.txt")), tmp_path)
    copies = [p for p in articles(tmp_path) if p["title"] == "China's Sci-tech Innovation Leads the Way"]
    assert len(copies) == 1
    assert len(copies[0]["provenance"]) == 2
    assert copies[0]["section"] == "Voice of the World"


def test_sidecar_metadata_reaches_every_article(tmp_path: Path) -> None:
    source = write(tmp_path / "page.txt", "NEWS\n\nHarbour Reopens\n\nBy AN Author\n\nShips returned.\n")
    write(tmp_path / "page.yml", "publication: Harbour Daily\ndate: 2024-03-01\nlanguage: en\n"
          "issue: hd-2024-03-01\nsections: [Local]\n")
    convert_to([source], tmp_path / "out")
    post = articles(tmp_path / "out")[0]
    assert (post["publication"], post["date"], post["language"], post["issue"]) == (
        "Harbour Daily", "2024-03-01", "en", "hd-2024-03-01")
    assert (tmp_path / "out" / "articles" / "hd-2024-03-01").is_dir()


def test_a_bad_sidecar_is_an_error_naming_the_file(tmp_path: Path) -> None:
    source = write(tmp_path / "page.txt", "x\n")
    write(tmp_path / "page.yml", "publcation: typo\n")
    with pytest.raises(SidecarError, match="page.yml: unknown key 'publcation'"):
        load_sidecar(source)


STANDING = ("Published weekly by the Pacific Press Publishing Company at forty-three Bond Street. "
            "Single copies three cents; a year's subscription one dollar, payable in advance, and "
            "sample copies are sent free to any address on application to the publishers.")


def weekly_issue(dateline: str, story_title: str, story: list[str]) -> str:
    """A PDF→Markdown page of a weekly: masthead with its date line, standing notice, one story."""
    return (f"# THE WEEKLY SENTINEL\n\n{dateline}\n\n## Terms of Subscription\n\n{STANDING}\n\n"
            f"## {story_title}\n\n" + "\n\n".join(story) + "\n")


def test_standing_matter_of_differently_dated_issues_stays_in_each_issue(tmp_path: Path) -> None:
    first = write(tmp_path / "v4n14.txt", weekly_issue("OAKLAND, CALIFORNIA, APRIL 24, 1889.", "Tram Line", STORY))
    second = write(tmp_path / "v4n15.txt", weekly_issue("OAKLAND, CALIFORNIA, MAY 1, 1889.", "Orchid", OTHER))
    convert_to([first, second], tmp_path / "out")
    notices = [p for p in articles(tmp_path / "out") if p["title"] == "Terms of Subscription"]
    assert sorted(p["date"] for p in notices) == ["1889-04-24", "1889-05-01"], "each issue dated by its masthead"
    assert all(len(p["provenance"]) == 1 for p in notices)


def test_a_story_printed_the_day_after_it_ran_online_is_one_article(tmp_path: Path) -> None:
    online = write(tmp_path / "online.txt", "Tram Line to Reach Eastern Suburbs\n\n2024-05-01\n\n" + "\n\n".join(STORY) + "\n")
    page = write(tmp_path / "page.txt", weekly_issue("OAKLAND, MAY 2, 2024.", "Tram Line to Reach Eastern Suburbs", STORY))
    convert_to([online, page], tmp_path / "out")
    trams = [p for p in articles(tmp_path / "out") if p["title"].startswith("Tram")]
    assert len(trams) == 1 and len(trams[0]["provenance"]) == 2


def _article(file: str, title: str, paragraphs: list[str], order: int = 0) -> Article:
    body = [Block(PARA, text, (i + 1, i + 1)) for i, text in enumerate(paragraphs)]
    return Article(title=title, provenance=[Provenance(file, "0" * 64, (1, len(body)), "article")], body=body,
                   order=order)


def test_a_short_story_quoted_inside_a_longer_different_one_is_not_merged() -> None:
    brief = _article("a.txt", "Council Backs Tram Plan", STORY[:3])
    feature = _article("b.txt", "Ten Years of Arguing About Trams", STORY[:3] + OTHER + STORY[3:] + OTHER)
    kept, notes = merge_duplicates([brief, feature])
    assert len(kept) == 2 and notes == []


def test_two_articles_of_one_source_never_end_up_merged_through_a_third() -> None:
    part_one = _article("page.txt", "Tram Line to Reach Eastern Suburbs", STORY, order=0)
    part_two = _article("page.txt", "Tram Line to Reach Eastern Suburbs", STORY, order=1)
    clean = _article("clean.txt", "Tram Line to Reach Eastern Suburbs", STORY)
    kept, _ = merge_duplicates([part_one, part_two, clean])
    assert sorted(len(a.provenance) for a in kept) == [1, 2]
    assert all(len({p.file for p in a.provenance}) == len(a.provenance) for a in kept)
