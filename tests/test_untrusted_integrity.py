"""Nothing lost, nothing mixed up: sources keyed by their path relative to the sources root, slug collisions
kept apart, hand edits recognised by provenance, atomic writes with the user's umask, one line per message."""

from __future__ import annotations

import errno
import json
import os
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import converter.writer as writer
from converter.cli import main
from converter.site.commands import prepare_docs

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def story(title: str, words: str) -> str:
    return f"{title}\n\nThe {words} was reported on Monday by officials who spoke to reporters in the town.\n"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def articles(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted((out / "articles").rglob("*.md"))}


@pytest.fixture
def years(tmp_path: Path) -> Path:
    sources = tmp_path / "src"
    for year, text in (("2024", "The flood of the river closed two roads near the mill, the police said."),
                       ("2025", "The opening of the bridge drew a crowd of cyclists and a brass band.")):
        (sources / year).mkdir(parents=True)
        (sources / year / "front.txt").write_text(f"Front Page {year}\n\n{text}\n", encoding="utf-8")
    return sources


def test_same_named_sources_in_two_folders_stay_apart_everywhere(years: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    prepare_docs([years], docs, CONFIG)
    report = json.loads((docs / "conversion-report.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in report["sources"]] == ["2024/front.txt", "2025/front.txt"]
    texts = articles(docs)
    assert len(texts) == 2 and len({Path(p).parent for p in texts}) == 2  # one issue folder each
    for year, words in (("2024", "flood of the river"), ("2025", "opening of the bridge")):
        raw = (docs / "raw" / year / "front.txt").read_text(encoding="utf-8")
        assert words in raw
        [article] = [t for t in texts.values() if words in t]
        assert f"file: {year}/front.txt" in article


@pytest.mark.parametrize("second_run", [["2025"], ["2024", "2025"]])
def test_converting_one_folder_never_removes_the_other_folders_article(years: Path, tmp_path: Path,
                                                                       second_run: list[str]) -> None:
    out = tmp_path / "out"
    first = [str(years)] if len(second_run) == 1 else [str(years / second_run[0])]
    assert run("convert", *first, "--out", str(out)).exit_code == 0
    result = run("convert", str(years / second_run[-1]), "--out", str(out))  # no --prune
    texts = "".join(articles(out).values())
    assert "flood of the river" in texts and "opening of the bridge" in texts, result.output
    assert not [line for line in result.stdout.splitlines() if "front-page-2024" in line and "kept" not in line]
    # the same bytes converted under another root are recognised by provenance: never a second copy
    assert texts.count("opening of the bridge") == 1


def test_names_that_slug_alike_keep_every_article_listed(tmp_path: Path) -> None:
    sources, docs = tmp_path / "src", tmp_path / "docs"
    sources.mkdir()
    names = {"front page.txt": "harbour", "front-page.txt": "museum", "Report.txt": "school", "report.txt": "market",
             unicodedata.normalize("NFC", "café.txt"): "library", unicodedata.normalize("NFD", "café.txt"): "stadium"}
    for name, word in names.items():
        (sources / name).write_text(story("Town News", f"{word} plan"), encoding="utf-8")
    stats = prepare_docs([sources], docs, CONFIG)
    report = stats["report"]
    assert len(report["sources"]) == 6 and report["totals"]["articles"] == 6
    assert len(articles(docs)) == 6
    issue_pages = [p.read_text(encoding="utf-8") for p in (docs / "browse" / "issues").glob("*.md")
                   if p.name != "index.md"]
    assert len(issue_pages) == 6
    for word in names.values():
        assert sum(f"{word} plan" in t for t in articles(docs).values()) == 1
    listed = "".join(issue_pages)
    assert listed.count("Town News") == 6  # every article listed on its own issue's page
    assert any("share the folder" in w and "'front page'" in w and "'front-page'" in w for w in report["warnings"])
    again = prepare_docs([sources], tmp_path / "docs2", CONFIG)  # stable: the same names every run
    assert sorted(p.name for p in (docs / "browse" / "issues").glob("*.md")) == sorted(
        p.name for p in (tmp_path / "docs2" / "browse" / "issues").glob("*.md"))
    assert again["report"]["warnings"] == report["warnings"]


def test_a_full_disk_leaves_no_temporaries_and_says_so_once(tmp_path: Path, monkeypatch) -> None:
    sources, out = tmp_path / "src", tmp_path / "out"
    sources.mkdir()
    for n in range(30):
        (sources / f"s{n}.txt").write_text(story(f"Story Number {n}", f"item {n}"), encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.stream = real_fdopen(handle, "wb")

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.stream, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

    monkeypatch.setattr(writer.os, "fdopen", lambda handle, mode="r", *a, **k: FullDisk(handle))
    result = run("convert", str(sources), "--out", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {out}: the conversion report was not written: disk full"]
    assert not [p for p in tmp_path.rglob(".tmp-*")]
    assert not (out / "conversion-report.json").exists()


def test_a_read_only_output_folder_is_one_error_line(tmp_path: Path, monkeypatch) -> None:
    sources, out = tmp_path / "src", tmp_path / "out"
    sources.mkdir()
    (sources / "a.txt").write_text(story("Story", "thing"), encoding="utf-8")

    def refuse(*args, **kwargs):  # what a read-only folder does (chmod does not stop root, so it is simulated)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    result = run("convert", str(sources), "--out", str(out))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"error: {out}: the conversion report was not written: "
                                          "the output folder is not writable (permission denied or read-only)"]


def test_an_interrupted_report_write_keeps_the_old_report_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    sources, out = tmp_path / "src", tmp_path / "out"
    sources.mkdir()
    (sources / "a.txt").write_text(story("Story", "thing"), encoding="utf-8")
    run("convert", str(sources), "--out", str(out))
    before = (out / "conversion-report.json").read_bytes()
    (sources / "b.txt").write_text(story("Another Story", "other thing"), encoding="utf-8")
    real_replace = os.replace

    def killed(src, dst):
        if str(dst).endswith("conversion-report.json"):
            raise KeyboardInterrupt  # the kill arrives while the report is being written
        return real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        from converter.api import convert_to
        convert_to([sources], out)
    assert (out / "conversion-report.json").read_bytes() == before
    assert not list(out.rglob(".tmp-*"))


@pytest.mark.parametrize("content, says", [
    (b"", "is empty (a conversion was interrupted?)"),
    (b'{"sources": [', "is damaged (not JSON"),
    (b"\xff\xfe", "is damaged (not UTF-8)"),
    (b"[1, 2]", "is damaged (a JSON list, not the report's object)"),
    (b'{"sources": [{"file": 3}]}', "is damaged (source 1 has no file name and sha256)"),
])
def test_audit_says_what_is_wrong_with_a_damaged_report(tmp_path: Path, content: bytes, says: str) -> None:
    sources, out = tmp_path / "src", tmp_path / "out"
    sources.mkdir()
    (sources / "a.txt").write_text(story("Story", "thing"), encoding="utf-8")
    run("convert", str(sources), "--out", str(out))
    (out / "conversion-report.json").write_bytes(content)
    result = run("audit", str(sources), "--out", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {out / 'conversion-report.json'}: {says}" + result.stderr.split(says, 1)[1].rstrip("\n")]
    assert "run broadsheet convert again" in result.stderr


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_files_are_written_with_the_users_umask(tmp_path: Path, umask: int, mode: int) -> None:
    sources, docs = tmp_path / "src", tmp_path / "docs"
    sources.mkdir()
    (sources / "a.txt").write_text(story("Story", "thing"), encoding="utf-8")
    old = os.umask(umask)
    try:
        prepare_docs([sources], docs, CONFIG)
    finally:
        os.umask(old)
    written = [p for p in docs.rglob("*") if p.is_file()]
    assert len(written) > 5
    assert {p.relative_to(docs).as_posix(): oct(p.stat().st_mode & 0o777) for p in written} == {
        p.relative_to(docs).as_posix(): oct(mode) for p in written}


def test_control_characters_in_names_are_printed_escaped_one_line_each(tmp_path: Path) -> None:
    sources, out = tmp_path / "src", tmp_path / "out"
    sources.mkdir()
    evil = "evil\x1b[2J\x1b]0;owned\x07\nerror: forged line\r.txt"
    (sources / evil).write_text(story("Story", "thing"), encoding="utf-8")
    (sources / ("empty\x1b[31m\u202e.txt")).write_text("", encoding="utf-8")
    result = run("convert", str(sources), "--out", str(out))
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\r" not in stream and "\u202e" not in stream
    assert not any(line.startswith("error: forged") for line in result.stderr.splitlines())
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {sources}/empty\\x1b[31m\\u202e.txt: empty file: no text to convert"]
    assert any(line.startswith("evil\\x1b[2J\\x1b]0;owned\\x07\\nerror: forged line\\r.txt (") for line in
               result.stdout.splitlines())


def test_same_named_files_from_two_roots_in_one_run_get_distinct_names(years: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", str(years / "2024"), str(years / "2025" / "front.txt"), "--out", str(out))
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in report["sources"]] == ["2024/front.txt", "2025/front.txt"], result.output
    assert len(articles(out)) == 2


def test_build_into_a_read_only_docs_folder_is_one_error_line(tmp_path: Path, monkeypatch) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "a.txt").write_text(story("Story", "thing"), encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    result = run("build", str(sources), "--docs", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"),
                 "--config-file", str(CONFIG))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'docs'}: not written: the output folder is not writable (permission denied or read-only)"]


def test_sources_differing_only_in_suffix_are_two_issues(tmp_path: Path) -> None:
    sources, docs = tmp_path / "src", tmp_path / "docs"
    sources.mkdir()
    (sources / "front.txt").write_text(story("Harbour News", "ferry timetable"), encoding="utf-8")
    (sources / "front.md").write_text(story("Museum News", "textile museum"), encoding="utf-8")
    stats = prepare_docs([sources], docs, CONFIG)
    issues = [p for p in (docs / "browse" / "issues").glob("*.md") if p.name != "index.md"]
    assert len(issues) == 2 and stats["articles"] == 2
    assert any("front.md and front.txt: one name but for the suffix" in w for w in stats["report"]["warnings"])
