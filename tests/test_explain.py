"""--explain: every source line's role and the rule that decided it; every drop and join names its rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.explain import ROLE_OF_DROP, ROLE_OF_KIND
from converter.model import PARA
from converter.pipeline import convert_source
from converter.presets import PRESETS, ruler
from converter.sources import read_source

VOCABULARY = {"masthead", "edition_date", "running_head", "page_label", "index_box", "advert", "noise",
              "wire_header", "digest_header", "toc", "kicker", "headline", "deck", "byline", "byline_role",
              "dateline", "body", "crosshead", "caption", "credit", "jump_out", "jump_head", "jump_in", "signoff",
              "source_credit", "link", "timestamp", "front_matter", "translation", "left_out"}

PAGE = """NEWS

Port Strike Ends After Two Weeks

By Ann Author

The strike at the port ended on Friday after two weeks, when the union and the
employers agreed on a new contract for the dock workers.

Ships moved again by noon, and the first cargo left the harbour in the evening.

New Bridge Opens to Evening Traffic

By Ben Writer

The bridge opened at six in the evening, three weeks later than planned, and
the first buses crossed it soon after.
"""


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_every_line_gets_a_role_from_the_vocabulary_and_a_rule(page: Path) -> None:
    result = convert_source(read_source(page), explain=True)
    lines = {line.line: line for line in result.explanation}
    assert set(lines) == {n for n, text in enumerate(PAGE.split("\n"), 1) if text.strip()}
    assert {line.role for line in lines.values()} <= VOCABULARY
    assert all(line.rule for line in lines.values())
    assert lines[3].role == "headline" and lines[5].role == "byline" and lines[7].role == "body"
    assert lines[12].role == "headline" and lines[14].role == "byline" and lines[17].role == "body"
    assert lines[1].role in ("page_label", "kicker", "running_head")


def test_roles_table_covers_every_block_kind() -> None:
    from converter import model

    kinds = {getattr(model, name) for name in ("PARA", "HEADING", "CROSSHEAD", "ITEM", "TABLE", "CAPTION", "BYLINE",
                                               "JUMP", "CREDIT", "URL", "TIMESTAMP")}
    assert kinds <= set(ROLE_OF_KIND) and set(ROLE_OF_KIND.values()) <= VOCABULARY
    assert {role for _, role in ROLE_OF_DROP} <= VOCABULARY


def test_explain_prints_roles_rules_and_the_detection(page: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(page), "--out", str(tmp_path / "out"), "--explain"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("page.txt: ") and "confidence" in result.output and "runner-up" in result.output
    assert "evidence" in result.output
    byline = next(line for line in result.output.splitlines() if line.endswith("| By Ann Author"))
    assert " byline " in byline and "find_bylines" in byline
    report = json.loads((tmp_path / "out" / "conversion-report.json").read_text())
    assert report["sources"][0]["explain"][0]["line"] == 1


def test_explain_shows_control_characters_escaped(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("\x01abc\x1fnews\nHarbour bridge reopens\n\nThe bridge reopened on Monday after repairs.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "--out", str(tmp_path / "out"), "--explain"])
    assert "\\x01abc\\x1fnews" in result.output and "\x01" not in result.output


def test_without_explain_there_is_no_trace_but_drops_and_joins_name_their_rule(tmp_path: Path) -> None:
    path = tmp_path / "ocr.txt"
    path.write_text("THE RIVERTON HERALD\nTUESDAY, MARCH 3, 1987\n\nCouncil Approves Budget\n\nBy Mary Jones\n\n"
                    "The council approved the budget on Tuesday after a month of\n"
                    "talks with the unions, ending a dispute that had closed two\n"
                    "libraries across the east side of the town.\n", encoding="utf-8")
    CliRunner().invoke(main, ["convert", str(path), "--out", str(tmp_path / "out")])
    source = json.loads((tmp_path / "out" / "conversion-report.json").read_text())["sources"][0]
    assert "explain" not in source
    assert source["dropped"] and all(d["rule"] for d in source["dropped"])
    assert source["joins"] and all(j["rule"] for j in source["joins"])
    assert "| rule |" in (tmp_path / "out" / "conversion-report.md").read_text()


def test_ruler_orders_and_switches_rules_by_name(page: Path) -> None:
    kind = "ocr-page"
    before = list(PRESETS[kind])
    calls: list[str] = []

    def watch(state) -> None:  # type: ignore[no-untyped-def]
        calls.append(state.blocks[0].text if state.blocks else "")

    r = ruler(kind)
    try:
        r.after("split_lines", watch)
        assert PRESETS[kind][1] is watch and r.names()[1] == "watch"
        r.disable("find_bylines")
        result = convert_source(read_source(page), kind=kind, explain=True)
        assert calls == ["NEWS"]
        assert not any(line.role == "byline" for line in result.explanation)
        with pytest.raises(KeyError, match="no rule named"):
            r.disable("no_such_rule")
    finally:
        r.enable("find_bylines")
        PRESETS[kind][:] = before
    assert any(line.role == "byline" for line in convert_source(read_source(page), kind=kind, explain=True).explanation)
    assert PARA == "para"


def test_a_caption_moved_into_a_figure_names_its_rule(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE.replace("Ships moved again", "The first ship leaves the harbour. (PHOTO: JANE DOE)\n\n"
                                 "Ships moved again"), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "--out", str(tmp_path / "out"), "--explain", "-v"])
    caption = next(line for line in result.output.splitlines() if "(PHOTO: JANE DOE)" in line)
    assert " caption " in caption and "moved into a figure" in caption
    figures = json.loads((tmp_path / "out" / "conversion-report.json").read_text())["sources"][0]["figures"]
    assert figures and all(f["rule"] for f in figures)
