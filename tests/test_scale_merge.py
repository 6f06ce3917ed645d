"""Duplicate merging at archive scale: the same decisions as comparing every pair, in bounded memory.

The oracle below is a verbatim copy of the candidate search merging used before the date-window
index (an inverted index over the whole run, counting shared word triples for every pair). The
new search must give exactly the same merges and notes on the seeds, the extra corpus, and
generated sets with copies across dates, sources, undated articles and common boilerplate.
"""

from __future__ import annotations

import copy
import random
import tracemalloc
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from converter import merge
from converter.merge import _may_join, _rank, combine, merge_duplicates, same_article, shingles
from converter.model import PARA, Article, Block, Provenance
from converter.pipeline import convert_source
from converter.sidecar import load_sidecar
from converter.sources import read_source

DATA = Path(__file__).parent / "data"


# --- the oracle: merging as it was, every pair of the run counted -------------------------------

def _oracle_candidates(sets: list[set[int]]) -> set[tuple[int, int]]:
    index: dict[int, list[int]] = defaultdict(list)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for i, s in enumerate(sets):
        for h in s:
            posting = index[h]
            if len(posting) <= merge.COMMON:
                for j in posting:
                    pairs[(j, i)] += 1
                posting.append(i)
    return {p for p, n in pairs.items() if n >= 5}


def oracle_merge(articles: list[Article]) -> tuple[list[Article], list[str]]:
    if len({a.provenance[0].file for a in articles}) < 2:
        return sorted(articles, key=lambda a: (a.provenance[0].file, a.order)), []
    sets = [shingles(a) for a in articles]
    parent = list(range(len(articles)))
    members = [[a] for a in articles]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_oracle_candidates(sets)):
        root_i, root_j = find(i), find(j)
        if root_i != root_j and _may_join(members[root_i], members[root_j]) \
                and same_article(articles[i], articles[j], sets[i], sets[j]):
            parent[root_j] = root_i
            members[root_i] += members[root_j]
    groups: dict[int, list[Article]] = defaultdict(list)
    for i, article in enumerate(articles):
        groups[find(i)].append(article)
    kept, notes = [], []
    for copies in groups.values():
        copies.sort(key=_rank)
        primary = copies[0]
        for other in copies[1:]:
            combine(primary, other)
            notes.append(f"{other.provenance[0].file} lines {other.lines[0]}-{other.lines[1]} "
                         f"is the same article as {primary.title!r}; merged")
        kept.append(primary)
    kept.sort(key=lambda a: (a.provenance[0].file, a.order))
    return kept, notes


def decisions(merged: tuple[list[Article], list[str]]) -> tuple:
    kept, notes = merged
    return ([(a.title, a.date, [(p.file, p.lines) for p in a.provenance]) for a in kept], sorted(notes))


def assert_same_decisions(articles: list[Article]) -> int:
    expected = decisions(oracle_merge(copy.deepcopy(articles)))
    assert decisions(merge_duplicates(copy.deepcopy(articles))) == expected
    return len(expected[1])


# --- real documents ------------------------------------------------------------------------------

def converted(folder: Path) -> list[Article]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        found += convert_source(read_source(path), load_sidecar(path)).articles
    return found


def test_seed_merges_are_unchanged() -> None:
    assert assert_same_decisions(converted(DATA / "seeds")) >= 1, "the seeds hold one article in two sources"


def test_extra_corpus_merges_are_unchanged() -> None:
    assert_same_decisions(converted(DATA / "seeds") + converted(DATA / "extra"))


# --- generated sets ------------------------------------------------------------------------------

WORDS = ("council tram harbour vote budget school river bridge police court mayor market fire "
         "strike union farm price rail road port ship storm flood shop bank tax rent").split()
STANDING = ("published weekly by the press company at forty three bond street single copies three cents "
            "a year one dollar payable in advance sample copies sent free on application").split()
KINDS = ["ocr-page", "pdf-markdown", "article", "digest"]


def noisy(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for i in rng.sample(range(len(out)), k=len(out) // 8):
        out[i] = out[i][::-1]
    return out


def generated(seed: int, count: int, stories: int, days: int) -> list[Article]:
    """Articles in several sources; many are copies (noisy, shortened, retitled) of a few stories,
    dated up to `days` apart or undated, some carrying the same standing notice."""
    rng = random.Random(seed)
    texts = [[rng.choice(WORDS) for _ in range(rng.choice([12, 40, 90]))] for _ in range(stories)]
    titles = [" ".join(rng.choice(WORDS) for _ in range(4)) for _ in range(stories)]
    start = date(1889, 4, 1)
    articles = []
    for n in range(count):
        story = rng.randrange(stories)
        words = noisy(texts[story], rng) if rng.random() < 0.5 else list(texts[story])
        if rng.random() < 0.3:
            words = words[: len(words) * 2 // 3]
        if rng.random() < 0.4:
            words = STANDING + words
        title = titles[story] if rng.random() < 0.7 else " ".join(rng.choice(WORDS) for _ in range(4))
        day = None if rng.random() < 0.15 else (start + timedelta(days=rng.randrange(days))).isoformat()
        source = f"source-{rng.randrange(6)}.txt"
        body = [Block(PARA, " ".join(words[k:k + 30]), (n, n)) for k in range(0, len(words), 30)]
        articles.append(Article(title=title, date=day, order=n, body=body,
                                url=f"https://example.org/{story}" if rng.random() < 0.3 else None,
                                provenance=[Provenance(source, "0" * 64, (n, n + 1), rng.choice(KINDS))]))
    return articles


@pytest.mark.parametrize("seed", range(6))
def test_generated_copies_across_dates_merge_as_before(seed: int) -> None:
    assert assert_same_decisions(generated(seed, count=240, stories=40, days=12)) > 20


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("common", [1, 3, 8])
def test_common_triples_are_cut_off_as_before(seed: int, common: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a small COMMON many triples pass the cut-off, and where it falls depends on input order."""
    monkeypatch.setattr(merge, "COMMON", common)
    assert_same_decisions(generated(100 + seed, count=120, stories=15, days=8))


def test_more_than_common_copies_of_boilerplate_merge_as_before() -> None:
    """Over COMMON+1 articles share the standing notice, so its triples stop counting part-way."""
    assert_same_decisions(generated(7, count=400, stories=30, days=5))


# --- memory --------------------------------------------------------------------------------------

def distinct_articles(count: int, per_day: int) -> list[Article]:
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(5000)]
    start = date(1900, 1, 1)
    return [Article(title=f"story {n}", date=(start + timedelta(days=n // per_day)).isoformat(), order=0,
                    body=[Block(PARA, " ".join(rng.choices(vocabulary, k=300)), (1, 1))],
                    provenance=[Provenance(f"s{n}.txt", "0" * 64, (1, 2), "article")])
            for n in range(count)]


def merge_peak_bytes(articles: list[Article]) -> int:
    tracemalloc.start()
    try:
        merge_duplicates(articles)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_merge_memory_per_article_is_small_and_flat() -> None:
    """Peak memory of merging per article: was ~120 KB for 300-word articles and grew with the run."""
    small, large = distinct_articles(400, per_day=20), distinct_articles(1600, per_day=20)
    per_small, per_large = merge_peak_bytes(small) / 400, merge_peak_bytes(large) / 1600
    assert per_large < 12_000, f"{per_large:.0f} bytes an article"
    assert per_large < per_small * 1.5, "memory per article does not grow with the archive"


# --- any small set: Hypothesis ---------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

COPY = st.tuples(st.integers(0, 5),  # which story
                 st.booleans(),  # OCR-noisy copy
                 st.booleans(),  # with the standing notice
                 st.one_of(st.none(), st.integers(0, 9)),  # day, or undated
                 st.integers(0, 3),  # source
                 st.sampled_from(KINDS))


@settings(max_examples=60, deadline=None)
@given(st.lists(COPY, min_size=2, max_size=40), st.sampled_from([1, 2, 50]), st.integers(0, 1000))
def test_any_small_set_merges_as_before(copies: list[tuple], common: int, seed: int) -> None:
    rng = random.Random(seed)
    texts = [[rng.choice(WORDS) for _ in range(rng.choice([10, 30, 60]))] for _ in range(6)]
    articles = []
    for n, (story, noise, standing, day, source, kind) in enumerate(copies):
        words = (STANDING if standing else []) + (noisy(texts[story], rng) if noise else texts[story])
        articles.append(Article(
            title=f"story {story}", order=n, body=[Block(PARA, " ".join(words), (n, n))],
            date=None if day is None else (date(1920, 1, 1) + timedelta(days=day)).isoformat(),
            provenance=[Provenance(f"s{source}.txt", "0" * 64, (n, n), kind)]))
    saved = merge.COMMON
    merge.COMMON = common
    try:
        assert_same_decisions(articles)
    finally:
        merge.COMMON = saved


# --- the search split into runs of days (--jobs) ----------------------------------------------------

def _pairs(articles: list[Article], parts: int) -> list[tuple[int, int]]:
    from array import array

    from converter.candidates import candidate_pairs

    sets = [array("q", shingles(a)) for a in articles]
    days = [merge._day(a) for a in articles]
    mapper = (lambda fn, tasks: list(map(fn, tasks))) if parts > 1 else None
    return candidate_pairs(articles, sets, days, merge._pair_allowed, 2, merge.MIN_SHARED, merge.REPRINT_DAYS,
                           mapper=mapper, parts=parts)


@pytest.mark.parametrize("seed", range(4))
def test_pairs_found_in_runs_of_days_are_the_pairs_found_in_one(seed: int) -> None:
    """Each run of days is searched with the days before it as lead-in and the undated articles: the pairs
    (undated ones, copies days apart across a run's edge, triples past the common cut-off) are the same."""
    articles = generated(200 + seed, count=300, stories=30, days=20)
    whole = _pairs(articles, 1)
    assert len(whole) > 50
    for parts in (2, 3, 7, 40):
        assert _pairs(articles, parts) == whole


def test_merging_in_two_processes_decides_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge, "PARALLEL_FROM", 0)
    articles = generated(9, count=300, stories=30, days=15)
    assert merge.merge_groups(copy.deepcopy(articles), jobs=2) == merge.merge_groups(copy.deepcopy(articles))


# --- a run that adds articles after the last run's (the daily issue) -----------------------------------

@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("common", [2, 50])
def test_search_of_added_articles_finds_the_pairs_of_a_full_search(seed: int, common: int,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The last run's pairs are kept and only pairs with the added articles are searched: the same pairs and
    groups as searching everything, with added copies in the old days' window, undated ones on either side
    and triples crossing the common cut-off only with the added articles."""
    monkeypatch.setattr(merge, "COMMON", common)
    articles = generated(300 + seed, count=260, stories=25, days=10)
    last_run = merge.Search()
    merge.merge_groups(copy.deepcopy(articles[:200]), found=last_run)
    full, added = merge.Search(), merge.Search()
    expected = merge.merge_groups(copy.deepcopy(articles), found=full)
    assert merge.merge_groups(copy.deepcopy(articles), earlier=last_run, found=added) == expected
    assert added.pairs == full.pairs and any(j >= 200 > i for i, j in full.pairs)
