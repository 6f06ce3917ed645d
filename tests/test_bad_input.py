"""Whatever an archive holds: each bad file gets one clear line, the rest still converts.

Every case is converted next to a good file; the CLI must name the bad file
and the reason on one line, exit 0 (1 only with --strict), and the good file's
article must be written. Decoding cases check the text that comes out.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.api import convert_to
from converter.cli import main
from converter.decode import decode_bytes
from converter.sources import SourceError

GOOD = "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after repairs, officials said.\n"
BODY = "Die Straße ist schön, sagte der Bürgermeister. «Très bien», répond le café."


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def articles(out: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((out / "articles").rglob("*.md"))]


def convert_with_good_file(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[int, str, str, Path]:
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_bytes(data)
    out = tmp_path / "out"
    code, stdout, stderr = run(["convert", str(folder), "--out", str(out), *extra])
    assert any("harbour bridge reopened" in a for a in articles(out)), "the good file must still convert"
    return code, stdout, stderr, folder / name


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
])
def test_a_file_that_is_not_text_gets_one_error_line(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    code, _, stderr, path = convert_with_good_file(tmp_path, name, data)
    assert code == 0
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {path}: ") and reason in errors[0]
    strict, _, _, _ = convert_with_good_file(tmp_path / "strict", name, data, "--strict")
    assert strict == 1


@pytest.mark.parametrize("data, warning", [
    (BODY.encode("cp1252"), "read as cp1252"),
    (BODY.encode("latin-1"), "read as cp1252"),
    (codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), None),
    (codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), None),
    (codecs.BOM_UTF8 + BODY.encode("utf-8"), None),
    (BODY.encode("utf-8"), None),
])
def test_encodings_decode_to_the_same_text(data: bytes, warning: str | None) -> None:
    text, _, warnings = decode_bytes(data)
    assert text == BODY
    assert (warning is None and not warnings) or any(warning in w for w in warnings)


def test_gb18030_chinese_is_read_as_chinese() -> None:
    chinese = "国家统计局周一发布数据显示，今年上半年经济增长保持稳定，专家表示前景乐观。\n" * 3
    text, encoding, warnings = decode_bytes(chinese.encode("gb18030"))
    assert text == chinese and encoding == "gb18030" and warnings


def test_mostly_utf8_with_a_broken_byte_keeps_its_characters() -> None:
    data = "中文新闻：经济增长。".encode() + b"\xff" + " Café résumé".encode()
    text, _, warnings = decode_bytes(data)
    assert text == "中文新闻：经济增长。\ufffd Café résumé"
    assert any("1 undecodable bytes" in w for w in warnings)


def test_invalid_utf8_still_converts_with_a_warning(tmp_path: Path) -> None:
    data = b"Market Report\n\nPrices rose \xff\xfe sharply in trading on Tuesday, dealers said.\n"
    code, _, stderr, path = convert_with_good_file(tmp_path, "bad.txt", data)
    assert code == 0 and f"warning: {path}: not UTF-8" in stderr
    assert any("Prices rose" in a and "sharply in trading" in a for a in articles(tmp_path / "out"))


def sloppy_cp1252(data: bytes) -> str:
    """What a cp1252 reader makes of UTF-8 bytes (bytes cp1252 lacks pass through)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def test_mojibake_is_repaired() -> None:
    original = "China’s “growth” beat forecasts at the café.\n"
    garbled = sloppy_cp1252(original.encode("utf-8"))
    text, _, warnings = decode_bytes(garbled.encode("utf-8"))
    assert garbled.startswith("Chinaâ€™s") and text == original and warnings


@pytest.mark.parametrize("ends", [b"\r\n", b"\r"])
def test_crlf_and_lone_cr_convert_like_lf(tmp_path: Path, ends: bytes) -> None:
    lf = b"Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday\nafter repairs, officials said.\n"
    for name, data in (("lf", lf), ("other", lf.replace(b"\n", ends))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_bytes(data)
        convert_to([tmp_path / name / "story.txt"], tmp_path / f"out-{name}")
    body = [a.split("\n---\n", 1)[1] for a in (articles(tmp_path / "out-lf") + articles(tmp_path / "out-other"))]
    assert len(body) == 2 and body[0] == body[1] and "\r" not in body[1]


def test_a_binary_file_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode_bytes(b"abc\x00def")


def test_a_50_mb_file_converts(tmp_path: Path) -> None:
    paragraph = ("The committee heard evidence from residents about the state of the roads and the "
                 "cost of repairs, and agreed to publish its findings before the end of the month. ") * 8
    story = "Roads Committee Reports\n\n" + "\n\n".join([paragraph] * 12) + "\n\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(story) + 1):
            handle.write(story)
    assert big.stat().st_size >= 50 * 1024 * 1024
    report = convert_to([big], tmp_path / "out")
    assert report["errors"] == [] and report["totals"]["articles"] >= 1


def test_a_single_multi_megabyte_line_converts(tmp_path: Path) -> None:
    line = " ".join(f"word{i % 977}" for i in range(600_000))  # about 5 MB, no line break
    source = tmp_path / "line.txt"
    source.write_text("One Long Line\n\n" + line + "\n", encoding="utf-8")
    report = convert_to([source], tmp_path / "out")
    assert report["errors"] == []
    written = "".join(articles(tmp_path / "out"))
    assert "word976 word0 word1" in written


def test_a_folder_of_10000_small_files_converts(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    towns = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Galway", "Hexham"]
    for i in range(10_000):
        town, other = towns[i % 8], towns[(i // 8) % 8]
        (folder / f"{i:05d}.txt").write_text(
            f"{town} Notes {i}\n\nResidents of {town} met {other} officials about item {i} on the agenda.\n",
            encoding="utf-8")
    report = convert_to([folder], tmp_path / "out")
    assert report["errors"] == [] and report["totals"]["sources"] == 10_000
    assert len(list((tmp_path / "out" / "articles").rglob("*.md"))) == report["totals"]["articles"]


def test_an_unreadable_file_is_named_and_the_rest_converts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "in" / "secret.txt"
    original = os.open

    def open_file(path, flags, *args, **kwargs):  # sources are opened with os.open (O_NONBLOCK, then fstat)
        if os.fspath(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return original(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_file)  # chmod 000 does not stop root
    code, _, stderr, _ = convert_with_good_file(tmp_path, "secret.txt", b"Secret\n\nText.\n")
    assert code == 0 and f"error: {secret}: cannot be read: permission denied" in stderr


def test_a_symlink_loop_is_named_and_the_rest_converts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to("..")
    (folder / "sub" / "inside.txt").write_text("Inside Story\n\nText inside the loop folder.\n", encoding="utf-8")
    (folder / "self.txt").symlink_to("self.txt")
    out = tmp_path / "out"
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    code, _, stderr = run(["convert", str(folder), "--out", str(out)])
    assert code == 0
    assert f"error: {folder / 'sub' / 'up'}: symlink loop" in stderr
    assert any(line.startswith(f"error: {folder / 'self.txt'}: ") for line in stderr.splitlines())
    written = "".join(articles(out))
    assert "harbour bridge reopened" in written and written.count("Text inside the loop folder.") == 1


@pytest.mark.parametrize("name", ["with spaces.txt", "café 新闻.txt", "a..b.txt", "-dash.txt", "‮rtl.txt"])
def test_odd_file_names_convert_inside_the_output(tmp_path: Path, name: str) -> None:
    code, _, stderr, _ = convert_with_good_file(tmp_path, name, b"Odd Name Story\n\nThe text of the odd name story.\n")
    assert code == 0 and "error" not in stderr
    out = (tmp_path / "out").resolve()
    written = [p.resolve() for p in out.rglob("*.md")]
    assert all(out in p.parents for p in written)
    assert any("The text of the odd name story." in a for a in articles(tmp_path / "out"))


def test_a_bad_file_never_costs_an_article_already_converted(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    run(["convert", str(folder), "--out", str(out)])
    before = {p: p.read_bytes() for p in out.rglob("*.md") if "articles" in p.parts}
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    code, _, stderr = run(["convert", str(folder), "--out", str(out)])
    assert code == 0 and "broken.txt: looks like binary data" in stderr
    assert {p: p.read_bytes() for p in before} == before
    assert os.listdir(out / "articles")


@pytest.mark.parametrize("name, data, reason", [
    (".draft.txt", GOOD.encode(), "hidden file"),
    ("scan.pdf", b"%PDF-1.4\n", "not a text source (.pdf)"),
    ("front-page.jpg", b"\xff\xd8\xff\xe0", "not a text source (.jpg)"),
    ("README.md", b"Notes on where these pages came from.\n", "folder notes"),
])
def test_a_file_in_a_folder_that_is_not_a_source_is_named_not_silently_skipped(
        tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    code, stdout, stderr, path = convert_with_good_file(tmp_path, name, data)
    assert code == 0
    assert f"skipped {path}: {reason}" in stdout
    report = (tmp_path / "out" / "conversion-report.md").read_text(encoding="utf-8")
    assert name in report and reason in report


def test_a_hidden_folder_is_named_and_not_read(tmp_path: Path) -> None:
    folder, hidden = tmp_path / "in", tmp_path / "in" / ".git"
    hidden.mkdir(parents=True)
    (hidden / "HEAD.txt").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    code, stdout, _ = run(["convert", str(folder), "--out", str(tmp_path / "out")])
    assert code == 0 and f"skipped {hidden}: hidden folder" in stdout and "HEAD" not in stdout
    assert any("harbour bridge reopened" in a for a in articles(tmp_path / "out"))
