"""The line-role labeller: features, deterministic training, accuracy on unseen mixes, alignment of real gold,
and its word in --explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pycrfsuite")

from converter.cli import main  # noqa: E402
from converter.labeller.evaluate import EVAL_SEED, score_pages  # noqa: E402
from converter.labeller.examples import (FURNITURE_ONLY, HELD_BACK_MIXES, HOLD_OUT, composed_pages,  # noqa: E402
                                         real_pages, real_roles)
from converter.labeller.features import page_features, page_lines  # noqa: E402
from converter.labeller.model import MODEL_DIR, Labeller, load_labeller  # noqa: E402
from converter.labeller.train import train  # noqa: E402

GOLDEN = Path(__file__).parent / "data" / "labeller" / "features_golden.json"
# An invented page: a masthead, a headline, a byline with its role, two paragraphs, a caption and credit.
PAGE = """THE RIVERTON HERALD
Vol. 12, No. 88  Price 10 Cents

Council Approves New Budget

By Mary Jones
Staff Writer

RIVERTON (AP) — The council approved the budget on Tuesday after a month of talks.

The vote ends a dispute that had closed two libraries on the east side.

The mayor at Tuesday's vote.
STAFF PHOTO/JANE DOE
See BUDGET, page 6
"""


def test_features_of_a_small_page_match_the_golden_file() -> None:
    lines = page_lines(PAGE)
    rules = {1: "masthead", 2: "masthead", 4: "headline", 6: "byline", 7: "byline", 9: "body", 11: "body",
             13: "caption", 14: "caption", 15: "jump_out"}
    items = [sorted(item) for item in page_features(lines, rules)]
    assert [line.number for line in lines] == [1, 2, 4, 6, 7, 9, 11, 13, 14, 15]
    # The conventions the features must read, whatever the golden file says:
    assert "cue_byline=1" in items[3] and "cue_role_end=1" in items[4] and "-1:by=1" in items[4]
    assert "cue_dateline=1" in items[5] and "cue_agency=1" in items[5]
    assert "shape=caps" in items[0] and "cue_price=1" in items[1] and "first" in items[0]
    assert "cue_credit=1" in items[8] and "cue_jump_to=1" in items[9] and "last" in items[9]
    assert "blank=10" in items[3] and "blank=01" in items[4] and "rule=headline" in items[2]
    assert items == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_training_twice_gives_the_same_model_bytes(tmp_path: Path) -> None:
    pages = composed_pages(3, 1, ["en-ocr-front-page", "en-blank-captions", "zh-blank"])
    first, second = train(tmp_path / "a", pages=pages), train(tmp_path / "b", pages=pages)
    assert first["bytes"] == second["bytes"]
    for level in ("zone", "role"):
        assert (tmp_path / "a" / f"{level}.crfsuite").read_bytes() == (tmp_path / "b" / f"{level}.crfsuite").read_bytes()
    # …and composing again from the same seed gives the same pages, so the shipped command is repeatable.
    again = composed_pages(3, 1, ["en-ocr-front-page", "en-blank-captions", "zh-blank"])
    assert [(p.name, p.roles, p.rule_roles) for p in again] == [(p.name, p.roles, p.rule_roles) for p in pages]


def test_shipped_model_is_small_and_labels_mixes_it_never_saw() -> None:
    sizes = {path.name: path.stat().st_size for path in MODEL_DIR.glob("*.crfsuite")}
    assert set(sizes) == {"zone.crfsuite", "role.crfsuite"} and sum(sizes.values()) < 300_000
    pages = composed_pages(EVAL_SEED, 3, list(HELD_BACK_MIXES))
    tallies = score_pages(Labeller(MODEL_DIR), pages)
    assert sum(tallies["role"].gold.values()) > 300
    assert tallies["role"].accuracy >= 0.93  # measured 0.97 over 40 pages
    assert tallies["zone"].accuracy >= 0.95
    assert tallies["role"].tp["byline"] >= 0.9 * tallies["role"].gold["byline"]


def test_real_gold_aligns_to_partial_line_roles() -> None:
    gold = {"articles": [{"title": "Council Approves New Budget", "authors": ["Mary Jones"],
                          "starts_with": "The council approved the budget on Tuesday",
                          "ends_with": "closed two libraries on the east side.",
                          "figures": [{"caption": "The mayor at Tuesday's vote.", "credit": "JANE DOE"}]}],
            "forbidden": ["THE RIVERTON HERALD"]}
    roles = real_roles(page_lines(PAGE), gold)
    assert roles[1] == FURNITURE_ONLY and roles[4] == "headline" and roles[6] == "byline"
    assert roles[9] == "body" and roles[11] == "body" and roles[13] == "caption"
    assert 2 not in roles and 7 not in roles  # nothing in the gold says what they are: unlabelled


def test_held_out_and_excluded_documents_never_train(monkeypatch) -> None:
    names = {Path(p.name).stem for p in real_pages(set())}
    assert names and not names & HOLD_OUT
    some = sorted(names)[0]
    monkeypatch.setenv("BROADSHEET_EXCLUDE", some)
    from converter.labeller.examples import excluded_stems

    assert some not in {Path(p.name).stem for p in real_pages(excluded_stems())}


def test_explain_shows_the_model_role_and_its_features(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "--out", str(tmp_path / "out"), "--explain", "-v"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    byline = next(n for n, line in enumerate(lines) if line.endswith("| By Mary Jones"))
    assert "model byline" in lines[byline]
    assert lines[byline + 1].strip().startswith("model: byline") and "rule=byline" in lines[byline + 1]
    report = json.loads((tmp_path / "out" / "conversion-report.json").read_text())
    assert all(entry["model"] for entry in report["sources"][0]["explain"])


def test_labeller_missing_models_means_no_model_roles(tmp_path: Path) -> None:
    assert load_labeller(tmp_path) is None


class _Says:
    """A stand-in labeller that calls the given lines furniture (to test the rule's own logic)."""

    def __init__(self, furniture: set[int]) -> None:
        self.furniture = furniture

    def label_around(self, lines, rule_roles, centres, radius=2, levels=("zone", "role")):
        from converter.labeller.model import LineLabel

        return {lines[i].number: LineLabel(lines[i].number, "furniture" if lines[i].number in self.furniture else
                                           "article", 0.97, "advert" if lines[i].number in self.furniture else "body",
                                           0.97, []) for i in centres}


STORY = """Council Approves New Budget

By Mary Jones

The council approved the budget on Tuesday after a month of talks with the unions.

Poland Water, the first of nature's remedies, is sold by every good druggist in town.

The vote ends a dispute that had closed two libraries on the east side of the town.
"""


def test_drop_model_furniture_drops_what_the_model_calls_furniture_and_names_itself(monkeypatch, tmp_path) -> None:
    from converter.labeller import rule
    from converter.pipeline import convert_source
    from converter.presets import ruler
    from converter.sources import read_source

    path = tmp_path / "page.txt"
    path.write_text(STORY, encoding="utf-8")
    monkeypatch.setattr(rule, "load_labeller", lambda: _Says({7}))
    # Off by default: the line stays where the rules put it.
    assert "drop_model_furniture" in ruler("ocr-page").names() and "drop_model_furniture" in ruler("ocr-page").disabled
    kept = convert_source(read_source(path), kind="ocr-page")
    assert any("Poland Water" in b.text for a in kept.articles for b in a.body)
    # The Ruler turns it on by name.
    ruler("ocr-page").enable("drop_model_furniture")
    try:
        result = convert_source(read_source(path), kind="ocr-page")
    finally:
        ruler("ocr-page").disable("drop_model_furniture")
    body = [b.text for a in result.articles for b in a.body if b.kind == "para"]
    assert len(body) == 2 and not any("Poland Water" in text for text in body)
    dropped = next(d for d in result.dropped if "Poland Water" in d.text)
    assert dropped.rule == "drop_model_furniture" and dropped.reason.startswith("advert (line-role model")


def test_drop_model_furniture_never_empties_an_article(monkeypatch, tmp_path) -> None:
    from converter.labeller import rule
    from converter.pipeline import convert_source
    from converter.sources import read_source

    path = tmp_path / "page.txt"
    path.write_text(STORY, encoding="utf-8")
    from converter.presets import ruler

    monkeypatch.setattr(rule, "load_labeller", lambda: _Says({5, 7, 9}))
    ruler("ocr-page").enable("drop_model_furniture")
    try:
        result = convert_source(read_source(path), kind="ocr-page")
    finally:
        ruler("ocr-page").disable("drop_model_furniture")
    assert [sum(b.kind == "para" for b in a.body) for a in result.articles] == [3]
