"""The second real corpus (tests/data/extra2) through the converter: a measurement, not a gate.

These ten documents come from families no converter rule was tuned on (Reuters-21578
SGML, Project Gutenberg periodicals in text and XHTML, curated article files, ...);
half of them are held out (tests/data/gold-extra2/families.json). Today's converter
scores far below the seed bar on several families, so the bar is an expected failure
that records the figure; what is asserted is only what a user relies on already: every
document converts without an error and every gold document is actually scored.
The per-document and per-family figures: `python bench/bench_generalise.py --set extra2`.
No test here prints the misses of a held-out document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.api import convert_to

from .gold_scoring import Tally, load_converted, score_gold_file

DATA = Path(__file__).parent / "data"
SOURCES = DATA / "extra2"
GOLD = DATA / "gold-extra2"
SEED_BAR = 0.90  # the per-family bar of tests/test_corpus_gate.py


def gold_documents() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")) if p.name != "families.json"]


def family_of() -> dict[str, str]:
    mapping = json.loads((GOLD / "families.json").read_text(encoding="utf-8"))
    mapping.pop("held_out", None)
    return mapping


@pytest.fixture(scope="module")
def extra2_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("extra2")
    sources = sorted(p for p in SOURCES.iterdir() if p.name != "SOURCES.md")
    report = convert_to(sources, out)
    return sources, report, load_converted(out)


def test_every_extra2_source_converts_without_error(extra2_run) -> None:
    sources, report, converted = extra2_run
    assert not report["errors"], report["errors"]
    produced = {name for article in converted for name in article.files}
    assert {p.name for p in sources} <= produced, "every source yields at least one article"


def test_every_extra2_gold_document_is_measured(extra2_run) -> None:
    """Each gold file is scored against its own source's articles: a broken loader cannot pass vacuously."""
    _, _, converted = extra2_run
    for gold in gold_documents():
        tally = Tally()
        score_gold_file(gold, converted, tally)
        assert tally.trials["articles found"] == len(gold["articles"]), gold["file"]
        assert sum(tally.trials.values()) >= 3 * len(gold["articles"]), gold["file"]


def family_scores(converted) -> dict[str, float]:
    tallies: dict[str, Tally] = {}
    families = family_of()
    for gold in gold_documents():
        score_gold_file(gold, converted, tallies.setdefault(families[Path(gold["file"]).stem], Tally()))
    return {family: round(tally.score(), 3) for family, tally in sorted(tallies.items())}


@pytest.mark.xfail(reason="measurement, not a gate: today's converter does not yet read Reuters-21578 SGML stories, "
                          "Gutenberg periodical issues or a one-article PDF-Markdown page (see bench_generalise --set "
                          "extra2); the failure message records each family's score", strict=False)
def test_extra2_families_reach_the_seed_bar(extra2_run) -> None:
    scores = family_scores(extra2_run[2])
    low = {family: score for family, score in scores.items() if score < SEED_BAR}
    assert not low, f"families below {SEED_BAR}: {low}"
