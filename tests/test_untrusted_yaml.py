"""YAML and metadata: every value checked against the contract, one error line naming the file and the key,
no alias expansion, and a broken hand-corrected article left untouched; the other sources still convert
and the site still builds."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.sidecar import SidecarError, load_sidecar
from converter.site.commands import prepare_docs

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
GOOD = "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after repairs, officials said.\n"
OTHER = "Library Hours Extended\n\nThe library will open on Sundays from next month, the council said.\n"
# Nine levels of nine: 387 million strings once expanded, in 400 bytes.
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)) + "sections: *i\n"
DIGEST_WITH_HEADER = """---
title: Morning Digest
date: {date}
---

## Markets rally on trade news

2025-08-18 09:00

Stocks rose sharply on Monday after the trade talks ended, traders said.

## Rain closes schools

2025-08-18 10:00

Heavy rain closed three schools in the county on Monday morning.

## Library opens on Sundays

2025-08-18 11:00

The library will open on Sundays from next month, the council said.
"""


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def two_sources(tmp_path: Path, sidecar: str) -> Path:
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "bridge.txt").write_text(GOOD, encoding="utf-8")
    (sources / "bridge.yml").write_text(sidecar, encoding="utf-8")
    (sources / "library.txt").write_text(OTHER, encoding="utf-8")
    return sources


@pytest.mark.parametrize("sidecar, message", [
    ("date: 2026-13-45\n", "bridge.yml: 'date' is not a real date in ISO 8601 form ('2026-13-45')"),
    ("date: sometime in spring\n", "bridge.yml: 'date' is not a real date in ISO 8601 form ('sometime in spring')"),
    ("date: 2026-02-30T10:00\n", "bridge.yml: 'date' is not a real date"),
    ("language: <script>\n", "bridge.yml: 'language' is not a language code"),
    ("publication: [a, [b]]\n", "bridge.yml: 'publication' has the wrong type (list)"),
    ("sections: [[nested]]\n", "bridge.yml: 'sections' must hold text, not list"),
    (f"title: {'x' * 600}\n", "bridge.yml: 'title' must be one line of at most 500 characters"),
    ("date: [1, 2\n", "bridge.yml: not readable YAML"),
    ("!!python/object:os.system {}\n", "bridge.yml: not readable YAML"),
])
def test_a_bad_sidecar_value_is_one_error_naming_file_and_key(tmp_path: Path, sidecar: str, message: str) -> None:
    sources = two_sources(tmp_path, sidecar)
    result = run("convert", str(sources), "--out", str(tmp_path / "out"))
    [line] = error_lines(result.stderr)
    assert line.startswith(f"error: {sources / 'bridge.txt'}: {message}") and "\n" not in line
    assert result.exit_code == 0 and "Library Hours Extended" in result.stdout + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "articles").rglob("*.md"))


def test_an_alias_bomb_in_a_sidecar_is_refused_quickly_in_little_memory(tmp_path: Path) -> None:
    assert len(ALIAS_BOMB) < 400
    sources = two_sources(tmp_path, ALIAS_BOMB)
    result = run("convert", str(sources), "--out", str(tmp_path / "out"))
    [line] = error_lines(result.stderr)
    assert "bridge.yml: uses a YAML alias (*a): anchors and aliases are not allowed" in line
    assert "Library Hours Extended" in result.stdout + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "articles").rglob("*.md"))
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(SidecarError, match="alias"):
        load_sidecar(sources / "bridge.txt")
    seconds, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024 and seconds < 10  # generous: the point is "not gigabytes, not minutes"


def test_an_alias_bomb_in_a_sources_own_header_is_refused(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    header = ALIAS_BOMB.replace("sections: *i", "title: *i")
    (sources / "digest.md").write_text(DIGEST_WITH_HEADER.replace("title: Morning Digest\ndate: {date}\n", header),
                                       encoding="utf-8")
    result = run("convert", str(sources), "--out", str(tmp_path / "out"), "--format", "digest")
    [line] = error_lines(result.stderr)
    assert f"error: {sources / 'digest.md'}: YAML header: uses a YAML alias" in line
    assert "Markets rally" in result.stdout + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "articles").rglob("*.md"))


@pytest.mark.parametrize("date", ["sometime in spring", "2026-13-45", "'&amp; <b>'"])
def test_a_header_date_that_is_not_a_date_is_named_and_the_site_still_builds(tmp_path: Path, date: str) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "digest.md").write_text(DIGEST_WITH_HEADER.format(date=date), encoding="utf-8")
    (sources / "bridge.txt").write_text(GOOD, encoding="utf-8")
    result = run("convert", str(sources), "--out", str(tmp_path / "out"), "--format", "digest")
    [line] = error_lines(result.stderr)
    assert line.startswith(f"error: {sources / 'digest.md'}: YAML header key 'date' is not a real date")
    docs = tmp_path / "docs"
    stats = prepare_docs([sources], docs, CONFIG)  # browse pages, archive, feed: no crash
    assert stats["articles"] >= 3 and (docs / "browse" / "archive" / "index.md").is_file()


def test_the_site_survives_an_article_file_with_a_date_that_is_not_a_date(tmp_path: Path) -> None:
    sources, docs = tmp_path / "in", tmp_path / "docs"
    sources.mkdir()
    (sources / "bridge.txt").write_text(GOOD, encoding="utf-8")
    prepare_docs([sources], docs, CONFIG)
    [article] = (docs / "articles").rglob("*.md")
    article.write_text(article.read_text(encoding="utf-8").replace(
        "title:", "locked: true\ndate: sometime in spring\nissue_date: 2026-13-45\ntitle:", 1), encoding="utf-8")
    prepare_docs([sources], docs, CONFIG)  # a hand edit with any date: pages still written
    assert "bridge" in (docs / "browse" / "archive" / "index.md").read_text(encoding="utf-8")
    assert "Harbour Bridge Reopens" in (docs / "browse" / "issues" / "bridge.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("damage, reason", [
    (lambda text: text.replace("title:", "title: [unclosed\nx:", 1).encode("utf-8"), "front matter is not valid YAML"),
    (lambda text: text.replace("Reopens", "Reopens — café", 1).replace("title:", "locked: true\ntitle:", 1)
     .encode("cp1252"), "not UTF-8"),
])
def test_a_broken_hand_corrected_article_is_one_error_and_left_untouched(tmp_path: Path, damage, reason: str) -> None:
    sources, out = two_sources(tmp_path, ""), tmp_path / "out"
    assert run("convert", str(sources), "--out", str(out)).exit_code == 0
    article = next((out / "articles").rglob("harbour-bridge-reopens.md"))
    data = damage(article.read_text(encoding="utf-8"))
    article.write_bytes(data)
    result = run("convert", str(sources), "--out", str(out))
    [line] = error_lines(result.stderr)
    relative = article.relative_to(out).as_posix()
    assert line.startswith(f"error: {relative}: {reason}") and "left untouched" in line
    assert article.read_bytes() == data and result.exit_code == 0
    assert not [p for p in (out / "articles").rglob("*.md") if p != article and "harbour" in p.name]
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    assert len(report["errors"]) == 1
    stats = prepare_docs([sources], tmp_path / "docs", CONFIG)  # the site step too
    assert stats["articles"] >= 1
    audit = run("audit", str(sources), "--out", str(out))
    assert "Traceback" not in audit.output
