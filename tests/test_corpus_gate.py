"""The corpus gate: converting the seed sample meets the gold bar (score ≥ 0.97, every family ≥ 0.90).

Self-contained: the seeds and their gold annotations are copied under tests/data,
and the comparison is our own (tests/gold_scoring.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.api import convert_to

from .gold_scoring import score_folder

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def seed_tally(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    convert_to(sorted((DATA / "seeds").glob("*.txt")), out)
    return score_folder(out, DATA / "gold")


def test_seed_score_meets_the_bar(seed_tally) -> None:
    assert seed_tally.score() >= 0.97, "\n".join(seed_tally.misses)


def test_every_family_meets_the_bar(seed_tally) -> None:
    low = {family: rate for family, rate in seed_tally.rates().items() if rate < 0.90}
    assert not low, f"families below 0.90: {low}\n" + "\n".join(seed_tally.misses)


def test_every_gold_family_was_scored(seed_tally) -> None:
    """The gate measures all twelve families, so a broken loader cannot pass it vacuously."""
    assert len(seed_tally.rates()) == 12
    assert sum(seed_tally.trials.values()) > 300


def test_gate_fails_on_a_bad_conversion(tmp_path: Path) -> None:
    """The comparison itself can fail: an empty output scores far below the bar."""
    (tmp_path / "empty").mkdir()
    assert score_folder(tmp_path / "empty", DATA / "gold").score() < 0.5
