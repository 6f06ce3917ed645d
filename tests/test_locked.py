"""Hand corrections survive: a `locked: true` article is never overwritten, and the run says so."""

from __future__ import annotations

import json
from pathlib import Path

import frontmatter
from click.testing import CliRunner

from converter.cli import main

STORY = "Harbour Bridge Reopens\n\nBy Jane Smyth\n\nThe harbour bridge reopened on Monday after repairs, officials said.\n"
OTHER = "Library Hours Extended\n\nThe library will open on Sundays from next month, the council said.\n"


def convert(folder: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["convert", str(folder), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "bridge.txt").write_text(STORY, encoding="utf-8")
    (folder / "library.txt").write_text(OTHER, encoding="utf-8")
    convert(folder, out)
    article = next((out / "articles").rglob("harbour-bridge-reopens.md"))
    return folder, out, article


def test_a_locked_article_keeps_the_hand_edit_and_the_run_says_so(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    edited = article.read_text(encoding="utf-8").replace("Jane Smyth", "Jane Smith").replace(
        "title:", "locked: true\ntitle:", 1)
    article.write_text(edited, encoding="utf-8")
    stdout = convert(folder, out)
    assert article.read_text(encoding="utf-8") == edited
    relative = article.relative_to(out).as_posix()
    assert f"kept hand-corrected {relative} (locked: true): not overwritten" in stdout
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert report["hand_corrected_kept"] == [relative]
    assert "Hand-corrected articles kept" in (out / "conversion-report.md").read_text(encoding="utf-8")


def test_an_unlocked_edit_is_replaced_by_the_conversion(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    original = article.read_text(encoding="utf-8")
    article.write_text(original.replace("Jane Smyth", "Jane Smith"), encoding="utf-8")
    convert(folder, out)
    assert article.read_text(encoding="utf-8") == original


def test_an_article_whose_source_is_gone_is_removed_only_with_prune(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    (folder / "bridge.txt").unlink()
    stdout = convert(folder, out)
    assert article.exists() and f"stale {article.relative_to(out).as_posix()}" in stdout
    stdout = convert(folder, out, "--prune")
    assert not article.exists() and f"pruned {article.relative_to(out).as_posix()}" in stdout
    assert list((out / "articles").rglob("library-hours-extended.md"))


def test_prune_never_removes_a_locked_article(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "locked: true\ntitle:", 1),
                       encoding="utf-8")
    (folder / "bridge.txt").unlink()
    convert(folder, out, "--prune")
    assert article.exists()


def test_unchanged_articles_are_not_rewritten(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    before = article.stat().st_mtime_ns
    convert(folder, out)
    assert article.stat().st_mtime_ns == before


def test_an_article_superseded_by_a_new_conversion_of_its_source_is_removed(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    (folder / "bridge.txt").write_text(STORY.replace("Harbour Bridge Reopens", "Harbour Bridge Reopens Early"),
                                       encoding="utf-8")
    stdout = convert(folder, out)
    assert not article.exists(), "the old headline's file would be a second copy of the article"
    assert list((out / "articles").rglob("harbour-bridge-reopens-early.md"))
    assert f"removed {article.relative_to(out).as_posix()}: its source was converted again" in stdout
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert report["superseded_removed"] == [article.relative_to(out).as_posix()]


def test_an_article_merged_into_a_copy_from_another_source_leaves_its_old_issue(tmp_path: Path) -> None:
    seeds = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
    clean = next(p for p in seeds if p.name.startswith("002_"))
    page = next(p for p in seeds if p.name.startswith("000_"))
    out = tmp_path / "out"
    convert(clean, out)
    alone = list((out / "articles").rglob("*.md"))
    assert len(alone) == 1
    convert(page, out)  # only the page: the clean source was not converted, so its article is kept
    assert alone[0].exists()
    stdout = CliRunner().invoke(main, ["convert", str(clean), str(page), "--out", str(out)]).stdout
    assert not alone[0].exists() and "its source was converted again" in stdout
    titles = [frontmatter.load(p)["title"] for p in (out / "articles").rglob("*.md")]
    assert titles.count("China's Sci-tech Innovation Leads the Way") == 1


def test_a_locked_article_is_never_removed_as_superseded(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "locked: true\ntitle:", 1),
                       encoding="utf-8")
    (folder / "bridge.txt").write_text(STORY.replace("Reopens", "Reopens Early"), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    relative = article.relative_to(out).as_posix()
    assert article.exists() and f"kept hand-corrected {relative} (locked: true)" in result.stdout
    # recognised by provenance (same source file, same lines): the new headline is not a second copy
    assert not list((out / "articles").rglob("harbour-bridge-reopens-early.md"))
    assert f"warning: {relative}: hand-corrected (locked: true) and its source now gives this article as " \
           "'Harbour Bridge Reopens Early'" in result.stderr


def test_pruning_the_last_article_of_an_issue_removes_its_folder(tmp_path: Path) -> None:
    folder, out, article = setup(tmp_path)
    (folder / "bridge.txt").unlink()
    convert(folder, out, "--prune")
    assert not article.parent.exists()
    assert list((out / "articles").rglob("library-hours-extended.md"))
