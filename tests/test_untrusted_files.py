"""Files that must not be published: links leaving the sources folder, FIFOs, devices, sockets, oversized
files; and a report that names sources by their path relative to the sources root, never a local path."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

GOOD = "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after repairs, officials said.\n"
SECRET = "Secret Memo Leaks\n\nThe private key of the converting machine is written in this memo for all.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def published_text(out: Path) -> str:
    """Everything the conversion wrote into the output folder."""
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(out.rglob("*")) if p.is_file())


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    sources, outside, out = tmp_path / "sources", tmp_path / "outside", tmp_path / "out"
    sources.mkdir()
    outside.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    return sources, outside, out


def test_a_link_to_a_file_outside_the_sources_folder_is_refused(folders) -> None:
    sources, outside, out = folders
    (sources / "leak.txt").symlink_to(outside / "secret.txt")
    code, _, stderr = run("convert", str(sources), "--out", str(out))
    assert code == 0 and error_lines(stderr) == [
        f"error: {sources / 'leak.txt'}: symbolic link leading outside the sources folder: not read"]
    assert "private key" not in published_text(out) and "harbour bridge reopened" in published_text(out)


def test_a_link_to_a_folder_outside_the_sources_folder_is_refused(folders) -> None:
    sources, outside, out = folders
    (sources / "more").symlink_to(outside, target_is_directory=True)
    code, _, stderr = run("convert", str(sources), "--out", str(out))
    assert code == 0 and error_lines(stderr) == [
        f"error: {sources / 'more'}: symbolic link leading outside the sources folder: not read"]
    assert "private key" not in published_text(out)


def test_a_named_link_leaving_its_folder_is_refused_too(folders) -> None:
    sources, outside, out = folders
    (sources / "leak.txt").symlink_to(outside / "secret.txt")  # as a shell glob `sources/*.txt` would name it
    code, _, stderr = run("convert", str(sources / "good.txt"), str(sources / "leak.txt"), "--out", str(out))
    assert len(error_lines(stderr)) == 1 and "leak.txt: symbolic link leading outside" in stderr
    assert "private key" not in published_text(out)


def test_links_inside_the_sources_folder_still_convert(folders) -> None:
    sources, _, out = folders
    (sources / ".store" / "2025").mkdir(parents=True)  # a hidden folder: read only through the link
    story = sources / ".store" / "2025" / "story.txt"
    story.write_text(SECRET.replace("Secret Memo", "Budget Vote"), encoding="utf-8")
    (sources / "latest").symlink_to(sources / ".store" / "2025", target_is_directory=True)
    (sources / "link.txt").symlink_to(story)
    code, _, stderr = run("convert", str(sources), "--out", str(out))
    assert code == 0 and error_lines(stderr) == [] and "Budget Vote Leaks" in published_text(out)
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert sorted(s["file"] for s in report["sources"]) == ["good.txt", "latest/story.txt", "link.txt"]


def test_a_link_to_dev_zero_is_refused_without_reading(folders) -> None:
    sources, _, out = folders
    (sources / "zero.txt").symlink_to("/dev/zero")
    code, _, stderr = run("convert", str(sources), "--out", str(out))
    assert code == 0 and len(error_lines(stderr)) == 1 and "zero.txt: symbolic link leading outside" in stderr


def test_a_device_inside_the_sources_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    from converter.sources import file_problem

    assert file_problem(Path("/dev/null"), Path("/dev")) == "a character device, not a regular file: not read"


def test_a_fifo_never_hangs_the_run(folders) -> None:
    sources, _, out = folders
    os.mkfifo(sources / "pipe.txt")
    args = [sys.executable, "-c", "from converter.cli import main; main()", "convert", str(sources), "--out", str(out)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)  # a blocking open would hang here
    assert done.returncode == 0, done.stderr
    assert error_lines(done.stderr) == [f"error: {sources / 'pipe.txt'}: a FIFO (named pipe), not a regular file: not read"]


def test_a_fifo_swapped_in_after_discovery_is_not_opened_for_long(folders) -> None:
    from converter.sources import SourceError, read_source

    sources, _, _ = folders
    os.mkfifo(sources / "late.txt")
    with pytest.raises(SourceError, match="FIFO"):
        read_source(sources / "late.txt")  # O_NONBLOCK + fstat: returns at once


def test_a_socket_is_refused(tmp_path: Path) -> None:
    sources = tmp_path / "s"
    sources.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sources / "sock.txt"))
        code, _, stderr = run("convert", str(sources), "--out", str(tmp_path / "out"))
    finally:
        server.close()
    assert code == 0 and error_lines(stderr) == [f"error: {sources / 'sock.txt'}: a socket, not a regular file: not read"]


def test_the_size_limit_is_configurable_and_named(folders) -> None:
    sources, _, out = folders
    (sources / "huge.txt").write_text("Huge File\n\n" + "word " * 30_000, encoding="utf-8")
    code, _, stderr = run("convert", str(sources), "--out", str(out), "--max-source-size", "100KB")
    [line] = error_lines(stderr)
    assert line.startswith(f"error: {sources / 'huge.txt'}: larger than the source size limit (150,011 bytes > 102,400)")
    assert "--max-source-size" in line and "harbour bridge reopened" in published_text(out)
    code, _, stderr = run("convert", str(sources), "--out", str(out), "--max-source-size", "1MB")
    assert error_lines(stderr) == []
    assert run("convert", str(sources), "--out", str(out), "--max-source-size", "lots")[0] == 2


def test_a_sidecar_linked_from_outside_is_refused(folders) -> None:
    sources, outside, out = folders
    (outside / "meta.yml").write_text("publication: Stolen Name\n", encoding="utf-8")
    (sources / "good.yml").symlink_to(outside / "meta.yml")
    code, _, stderr = run("convert", str(sources), "--out", str(out))
    assert error_lines(stderr) == [f"error: {sources / 'good.txt'}: good.yml: symbolic link leading outside the "
                                   "sources folder: not read"]
    assert "Stolen Name" not in published_text(out)


def test_the_report_holds_paths_relative_to_the_sources_root(tmp_path: Path) -> None:
    sources, out = tmp_path / "archive", tmp_path / "out"
    (sources / "2024").mkdir(parents=True)
    (sources / "2024" / "front.txt").write_text(GOOD, encoding="utf-8")
    (sources / "2024" / "empty.txt").write_text("", encoding="utf-8")
    (sources / "notes.pdf").write_bytes(b"%PDF")
    code, _, stderr = run("convert", str(sources.resolve()), "--out", str(out))
    assert f"error: {sources.resolve() / '2024' / 'empty.txt'}: empty file" in stderr  # the terminal: as typed
    text = (out / "conversion-report.json").read_text(encoding="utf-8")
    report = json.loads(text)
    assert str(tmp_path) not in text and str(tmp_path) not in (out / "conversion-report.md").read_text(encoding="utf-8")
    assert [(s["file"], s["path"]) for s in report["sources"]] == [("2024/front.txt", "2024/front.txt")]
    assert report["errors"] == ["2024/empty.txt: empty file: no text to convert"]
    assert report["skipped_files"] == ["notes.pdf: not a text source (.pdf): convert it to .txt or .md first"]
    [article] = (out / "articles").rglob("*.md")
    assert "file: 2024/front.txt" in article.read_text(encoding="utf-8")


def test_one_file_named_twice_is_one_source(folders) -> None:
    sources, _, out = folders
    code, _, stderr = run("convert", str(sources / "good.txt"), str(sources / "." / "good.txt"), str(sources),
                          "--out", str(out))
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in report["sources"]] == ["good.txt"] and error_lines(stderr) == []
