"""Nothing lost: every word of every corpus source is in an article or in the report's dropped lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.api import convert_to
from converter.audit import audit_output, audit_text, audit_words
from converter.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "extra"] + (
    [SHARED / "seeds", SHARED / "extra"] if SHARED.is_dir() else [])


@pytest.fixture(scope="module", params=CORPORA, ids=lambda p: p.relative_to(p.parent.parent).as_posix())
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("audit")
    convert_to([request.param], out)
    return request.param, out


def test_every_word_of_every_corpus_file_is_accounted_for(corpus: tuple[Path, Path]) -> None:
    folder, out = corpus
    results = audit_output([folder], out)
    assert len(results) == len([p for p in folder.glob("*.txt")])
    assert [r.line() for r in results if r.missing or r.problem] == []
    assert all(r.percent == 100.0 and r.total > 0 for r in results)


def test_the_audit_finds_a_word_taken_out_of_an_article(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after repairs.\n", encoding="utf-8")
    convert_to([source], tmp_path / "out")
    assert audit_output([source], tmp_path / "out")[0].missing == Counter()
    [article] = (tmp_path / "out" / "articles").rglob("*.md")
    article.write_text(article.read_text(encoding="utf-8").replace("Monday", "day"), encoding="utf-8")
    result = audit_output([source], tmp_path / "out")[0]
    assert result.missing == Counter({"monday": 1}) and result.percent < 100


def test_words_are_counted_per_occurrence_not_per_set() -> None:
    result = audit_text("s.txt", "rain rain rain", Counter({"rain": 2}))
    assert result.missing == Counter({"rain": 1}) and result.total == 3


def test_a_word_rejoined_across_a_hyphenated_break_is_found() -> None:
    result = audit_text("s.txt", "inter-\nnational news", Counter(audit_words("international news")))
    assert not result.missing


def test_entities_escapes_and_cjk_are_read_as_a_reader_sees_them() -> None:
    assert audit_words("Caf&eacute; \\*bold\\* 中国经济") == ["café", "bold", "中", "国", "经", "济"]


def test_broadsheet_audit_command(tmp_path: Path) -> None:
    seeds = ROOT / "tests" / "data" / "seeds"
    CliRunner().invoke(main, ["convert", str(seeds), "--out", str(tmp_path)])
    result = CliRunner().invoke(main, ["audit", str(seeds), "--out", str(tmp_path)])
    assert result.exit_code == 0 and "100.00% of" in result.output
    article = next((tmp_path / "articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8")[:200], encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(seeds), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "missing:" in result.output
    assert "Examples:" in CliRunner().invoke(main, ["audit", "--help"]).output
