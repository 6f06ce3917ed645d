"""The hand-made gold for the extra corpus is well formed and speaks about its own source.

No converter is involved: these tests guard the measuring stick that
bench/bench_generalise.py uses. A gold file whose boundary text is not in its
source, or whose keys the scorer cannot read, would silently score every
converter wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .gold_scoring import plain

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold-extra"
# Each gold set with the folders its sources may be in: the first real corpus
# (tests/data/extra, or the shared copy) and the second, families nobody tuned on.
SOURCE_DIRS = {
    DATA / "gold-extra": [DATA / "extra", Path("/work/shared/corpus/extra")],
    DATA / "gold-extra2": [DATA / "extra2"],
}
GOLD_SETS = list(SOURCE_DIRS)
GOLD_FILES = sorted(p for gold in GOLD_SETS for p in gold.glob("*.json") if p.name != "families.json")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")
TEXT_LISTS = ("also_titles", "authors", "contributors", "joins", "must_contain", "headings", "same_as")
BOUNDARY_KEYS = ("starts_with", "ends_with", "must_contain", "headings")
MARKUP_SUFFIXES = {".sgm", ".sgml", ".xml", ".nitf", ".htm", ".html"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source_text(name: str, gold_dir: Path = GOLD) -> str | None:
    """The source as text: UTF-8, with any stray non-UTF-8 byte read as cp1252."""
    path = next((d / name for d in SOURCE_DIRS[gold_dir] if (d / name).exists()), None)
    if path is None:
        return None
    text = path.read_bytes().decode("utf-8", errors="surrogateescape")
    text = re.sub(r"[\udc80-\udcff]", lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)
    if path.suffix.lower() in MARKUP_SUFFIXES:  # the reader sees the text between the tags
        text = re.sub(r"<[^<>]*>", "", text)
    return text


def occurs(needle: str, source: str) -> bool:
    """Is the text in the source, allowing any run of whitespace and a line-end word split (with or without hyphen)?"""
    flat = re.sub(r"^[ \t]*(#+|>)[ \t]*", "", source, flags=re.M)
    flat = plain(flat)
    wanted = plain(needle)
    if wanted in flat:
        return True
    pieces = [r"\s+" if c == " " else re.escape(c) + r"(?:-?\s*\n\s*|- )?" for c in wanted]
    return re.search("".join(pieces), plain_keep_lines(source)) is not None


def plain_keep_lines(text: str) -> str:
    return "\n".join(plain(line) for line in re.sub(r"^[ \t]*(#+|>)[ \t]*", "", text, flags=re.M).split("\n"))


def gold_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_there_is_gold_for_the_extra_corpus() -> None:
    assert len([p for p in GOLD_FILES if p.parent == GOLD]) >= 9
    assert len([p for p in GOLD_FILES if p.parent == DATA / "gold-extra2"]) >= 10


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_gold_file_has_the_shape_the_scorer_reads(path: Path) -> None:
    gold = load(path)
    assert Path(gold["file"]).stem == path.stem, "a gold file is named after its source"
    assert isinstance(gold.get("articles_exhaustive", False), bool)
    assert gold["articles"], "a gold file lists at least one article"
    titles = {plain(a["title"]).casefold() for a in gold["articles"]}
    for article in gold["articles"]:
        assert isinstance(article["title"], str) and article["title"].strip()
        for key in TEXT_LISTS:
            assert all(isinstance(x, str) and x.strip() for x in article.get(key, [])), key
        assert "paragraphs" not in article or (isinstance(article["paragraphs"], int) and article["paragraphs"] >= 0)
        assert "date" not in article or ISO_DATE.match(article["date"]), article["date"]
        for figure in article.get("figures", []):
            assert isinstance(figure["caption"], str) and isinstance(figure["credit"], str)
            for other in figure.get("also_ok_in", []):
                assert plain(other).casefold() in titles, f"also_ok_in names no article: {other!r}"
    assert all(isinstance(x, str) and x for x in gold.get("forbidden", []))


@pytest.mark.parametrize("path", GOLD_FILES, ids=gold_id)
def test_gold_boundaries_are_text_of_the_source(path: Path) -> None:
    """starts_with, ends_with, must_contain and crossheads are quoted from the source, not from a converter."""
    gold = load(path)
    source = source_text(gold["file"], path.parent)
    if source is None:
        pytest.skip(f"{gold['file']} is not on this machine (licence keeps it out of tests/data)")
    missing = [f"{a['title'][:40]} / {key}: {text!r}"
               for a in gold["articles"] for key in BOUNDARY_KEYS
               for text in ([a[key]] if isinstance(a.get(key), str) else a.get(key, []))
               if not occurs(text, source)]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("gold_dir", GOLD_SETS, ids=lambda p: p.name)
def test_every_gold_document_has_a_family(gold_dir: Path) -> None:
    """families.json maps every source stem to its family; a `held_out` list names gold documents only."""
    mapping = load(gold_dir / "families.json")
    held_out = mapping.pop("held_out", [])
    stems = {p.stem for p in GOLD_FILES if p.parent == gold_dir}
    assert stems <= set(mapping), sorted(stems - set(mapping))
    assert set(held_out) <= stems, sorted(set(held_out) - stems)
    described = (gold_dir / "FAMILIES.md").read_text(encoding="utf-8")
    assert all(f"| {family} |" in described for family in set(mapping.values()))
