"""`broadsheet diff OLD NEW`: an added, a removed and an edited article; a hand-corrected headline
is a change of the same article (matched by its source lines), not a removal and an addition;
sources by sha256; text and JSON; a snapshot bag against a docs folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frontmatter
import pytest

from converter.api import convert_to
from converter.snapshot.diff import identity
from converter.snapshot.diff_text import quoted
from tests.snapshot_support import archive_config, make_snapshot, run

HARBOUR = ("Harbour Bridge Reopen\n\nBy Jane Smyth\n\nThe harbour bridge reopened on Monday after repairs, "
           "officials said.\n\nTraffic was light in the morning, the port authority said.\n")
LIBRARY = ("Library Hours Extended\n\nBy Tom Reed\n\nThe library will open on Sundays from next month, the "
           "council said.\n\nThe change follows a petition signed by four hundred residents.\n")
MARKET = "Market Moves Indoors\n\nThe Saturday market moves into the old tram depot for the winter, traders said.\n"
FERRY = "Ferry Timetable Changes\n\nThe evening ferry will leave at seven instead of six from Monday, the operator said.\n"


def write(folder: Path, stories: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def archives(tmp_path: Path) -> dict[str, Path]:
    """Old: harbour, library, market. New: market gone, ferry added, a library paragraph edited,
    and the harbour headline corrected by hand in its locked article."""
    old_src = write(tmp_path / "old_src", {"harbour.txt": HARBOUR, "library.txt": LIBRARY, "market.txt": MARKET})
    convert_to([old_src], tmp_path / "old")
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    harbour = next((tmp_path / "new" / "articles").rglob("harbour-bridge-reopen.md"))
    post = frontmatter.loads(harbour.read_text(encoding="utf-8"))
    post.metadata.update(title="Harbour Bridge Reopens", locked=True)
    harbour.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    new_src = tmp_path / "new_src"
    shutil.copytree(old_src, new_src)
    (new_src / "market.txt").unlink()
    write(new_src, {"ferry.txt": FERRY,
                    "library.txt": LIBRARY.replace("four hundred residents", "four hundred and twelve residents")})
    convert_to([new_src], tmp_path / "new", prune=True)
    return {"old": tmp_path / "old", "new": tmp_path / "new", "old_src": old_src, "harbour": harbour}


def diff_json(old: Path, new: Path) -> dict:
    result = run("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_added_removed_and_edited_articles(archives) -> None:
    found = diff_json(archives["old"], archives["new"])
    assert [a["title"] for a in found["articles_added"]] == ["Ferry Timetable Changes"]
    assert [a["title"] for a in found["articles_removed"]] == ["Market Moves Indoors"]
    changed = {c["title"]: c for c in found["articles_changed"]}
    library = changed["Library Hours Extended"]
    assert library["paragraphs_changed"] == 1 and library["old_title"] == ""
    assert found["articles_unchanged"] == 0


def test_a_corrected_headline_in_a_locked_article_is_a_change_not_a_removal(archives) -> None:
    found = diff_json(archives["old"], archives["new"])
    harbour = next(c for c in found["articles_changed"] if c["title"] == "Harbour Bridge Reopens")
    assert harbour["old_title"] == "Harbour Bridge Reopen"
    assert {"title", "locked"} <= set(harbour["fields"]) and harbour["paragraphs_changed"] == 0
    assert harbour["path"] == archives["harbour"].relative_to(archives["new"]).as_posix()
    assert harbour["identity"].startswith("harbour.txt#L")
    moved = [a["title"] for a in found["articles_added"] + found["articles_removed"]]
    assert not any("Harbour" in title for title in moved)


def test_sources_added_removed_and_changed_by_sha256(archives) -> None:
    found = diff_json(archives["old"], archives["new"])
    assert list(found["sources_added"]) == ["ferry.txt"]
    assert list(found["sources_removed"]) == ["market.txt"]
    assert list(found["sources_changed"]) == ["library.txt"]
    old_sha, new_sha = found["sources_changed"]["library.txt"]
    assert old_sha != new_sha and len(new_sha) == 64


def test_text_output_one_line_per_change(archives) -> None:
    result = run("diff", archives["old"], archives["new"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "articles: 1 added, 1 removed, 2 changed, 0 unchanged" in lines
    assert any(line.startswith('+ "articles/') and '"Ferry Timetable Changes"' in line for line in lines)
    assert any(line.startswith('- "articles/') and '"Market Moves Indoors"' in line for line in lines)
    harbour = next(line for line in lines if '"Harbour Bridge Reopens"' in line)
    assert harbour.startswith("~ ") and 'title was "Harbour Bridge Reopen"' in harbour
    assert any('"Library Hours Extended"' in line and "1 paragraph changed" in line for line in lines)
    assert "sources: 1 added, 1 removed, 1 changed" in lines


def test_a_snapshot_bag_against_a_docs_folder(archives, tmp_path) -> None:
    bag = tmp_path / "bag"
    make_snapshot(archives["old_src"], bag, tmp_path / "bag_docs", archive_config(tmp_path / "archive"))
    same = diff_json(bag, archives["old"])
    assert same["articles_unchanged"] == 3 and not same["articles_changed"] and not same["sources_changed"]
    found = diff_json(bag, archives["new"])
    assert [a["title"] for a in found["articles_added"]] == ["Ferry Timetable Changes"]
    assert found["old"] != str(bag) and found["new"] == str(archives["new"])


def test_neither_a_bag_nor_a_docs_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run("diff", tmp_path, tmp_path)
    assert result.exit_code != 0 and str(tmp_path) in result.output and "neither a snapshot" in result.output


def test_identity_is_the_source_lines_else_the_path() -> None:
    meta = {"provenance": [{"file": "a.txt", "lines": [3, 9]}, {"file": "b.txt", "lines": [1, 4]}]}
    assert identity(meta, "articles/x.md") == "a.txt#L3-L9+b.txt#L1-L4"
    assert identity({"title": "T"}, "articles/x.md") == "articles/x.md"


def test_titles_reach_the_terminal_with_control_characters_escaped() -> None:
    shown = quoted("Evil\x1b[2J\x9b31m\u202eheadline\n")
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown and "\n" not in shown
    assert shown.startswith('"Evil')


def test_a_snapshot_with_previous_names_pins_and_lists_the_changes(archives, tmp_path) -> None:
    import hashlib

    from tests.snapshot_support import bag_info, files

    config = archive_config(tmp_path / "archive")
    first = tmp_path / "first"
    make_snapshot(archives["old_src"], first, tmp_path / "first_docs", config, "--label", "October")
    docs = tmp_path / "second_docs"
    shutil.copytree(archives["new"], docs)  # the archive's docs, with the hand-locked correction
    second = tmp_path / "second"
    new_src = archives["old_src"].parent / "new_src"
    result = make_snapshot(new_src, second, docs, config, "--label", "November", "--previous", first, "--prune")
    assert "changes since" in result.output
    info = bag_info(second)
    assert info["Snapshot-Previous"] == "October"
    assert info["Snapshot-Previous-Tagmanifest-Sha256"] == hashlib.sha256(
        (first / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    changes = json.loads((second / "data" / "changes-since-previous.json").read_text(encoding="utf-8"))
    assert (changes["old"], changes["new"]) == ("October", "November")
    assert [a["title"] for a in changes["articles_added"]] == ["Ferry Timetable Changes"]
    assert [a["title"] for a in changes["articles_removed"]] == ["Market Moves Indoors"]
    assert {c["title"] for c in changes["articles_changed"]} == {"Harbour Bridge Reopens", "Library Hours Extended"}
    text = (second / "data" / "changes-since-previous.txt").read_text(encoding="utf-8")
    assert "articles: 1 added, 1 removed, 2 changed, 0 unchanged" in text
    assert run("verify", second).exit_code == 0
    assert files(second / "data" / "sources") == files(new_src)


def test_previous_must_be_a_snapshot_that_verifies(tmp_path) -> None:
    result = run("snapshot", tmp_path, "--out", tmp_path / "bag", "--docs", tmp_path / "docs",
                 "--config-file", archive_config(tmp_path / "archive"), "--previous", tmp_path)
    assert result.exit_code != 0 and "--previous is not a snapshot bag" in result.output
    assert not (tmp_path / "bag").exists() and not (tmp_path / "docs").exists()
