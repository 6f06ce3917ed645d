"""`broadsheet convert`'s terminal summary: plurals right, lines left out counted by reason."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from converter.cli import main
from converter.report import dropped_by_reason, summary_lines


def test_convert_summary_says_one_article_and_one_source(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after eight months "
                      "of repairs.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("one.txt (") and ": 1 article;" in lines[0], lines[0]
    assert "1 article from 1 source; 0 errors; 0 duplicates merged" in lines, lines
    assert "1 articles" not in result.output and "1 sources" not in result.output


def test_summary_counts_source_lines_per_reason_with_plurals() -> None:
    dropped = [{"lines": [3, 3], "reason": "feed advert", "text": "x"},
               {"lines": [7, 9], "reason": "table of contents", "text": "y"},
               {"lines": [12, 12], "reason": "table of contents", "text": "z"}]
    report = {"sources": [{"file": "a.md", "kind": "digest", "articles": [{}, {}], "dropped": dropped}],
              "skipped_files": [], "hand_corrected_kept": [], "stale_not_removed": [], "pruned": [],
              "superseded_removed": [], "duplicates_merged": [["a", "b"]],
              "totals": {"articles": 2, "sources": 1, "errors": 1}}
    groups = dropped_by_reason(dropped)
    assert {r: n for r, (n, _) in groups.items()} == {"feed advert": 1, "table of contents": 4}
    assert [len(spans) for _, spans in groups.values()] == [1, 2]
    lines = summary_lines(report)
    assert lines[0] == "a.md (digest): 2 articles; 5 lines left out: 1 feed advert; 4 table of contents"
    assert lines[-1] == "2 articles from 1 source; 1 error; 1 duplicate merged"
