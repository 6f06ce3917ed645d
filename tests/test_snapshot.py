"""`broadsheet snapshot` and `broadsheet verify` on the sample plus a GB18030 and a Latin-1 source:
a valid BagIt bag with the sources byte for byte, the Markdown, the offline site and bag-info from
the archive's configuration; verify names every flipped, missing and added file."""

from __future__ import annotations

import hashlib
import re
import shutil
from importlib.metadata import version
from pathlib import Path

import bagit
import pytest
from bs4 import BeautifulSoup

from tests.snapshot_support import SAMPLE, archive_config, bag_info, files, make_snapshot, run

GB_TEXT = "电动车出口增长\n\n记者 王小明\n\n今年前十个月，电动车出口同比增长三成，港口装船排期已排到明年春天。\n"
LATIN_TEXT = "Le café rouvre ses portes\n\nPar Élise Dubois\n\nLe café de la place a rouvert lundi après des travaux, a indiqué la mairie.\n"
CONTACT = "Jane Archivist <archive@library.example>"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("snapshot")
    sources = tmp / "src"
    shutil.copytree(SAMPLE, sources)
    (sources / "gb18030.txt").write_bytes(GB_TEXT.encode("gb18030"))
    (sources / "latin1.txt").write_bytes(LATIN_TEXT.encode("latin-1"))
    config = archive_config(tmp / "archive", archive_name="Harbour Town Archive", organisation="Harbour Town Library",
                            contact=CONTACT, description="Local papers converted from OCR text.")
    make_snapshot(sources, tmp / "bag", tmp / "docs", config, "--label", "Autumn 2026")
    return {"bag": tmp / "bag", "sources": sources, "config": config}


def test_bagit_validates_a_fresh_snapshot_with_sha256_manifests_only(sample) -> None:
    bag = bagit.Bag(str(sample["bag"]))
    assert bag.validate()
    assert bag.algorithms == ["sha256"]
    tag_files = {p.name for p in sample["bag"].iterdir() if p.is_file()}
    assert tag_files == {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"}
    assert (sample["bag"] / "bagit.txt").read_text(encoding="utf-8").startswith("BagIt-Version: 1.0\n")


def test_the_sources_are_in_the_bag_byte_for_byte_with_docs_site_and_report(sample) -> None:
    data = sample["bag"] / "data"
    given = files(sample["sources"])
    assert files(data / "sources") == given
    assert (data / "sources" / "gb18030.txt").read_bytes() == GB_TEXT.encode("gb18030")
    assert (data / "docs" / "conversion-report.md").is_file() and (data / "docs" / "conversion-report.json").is_file()
    assert (data / "site" / "index.html").is_file()
    articles = list((data / "docs" / "articles").rglob("*.md"))
    assert any("电动车出口增长" in a.read_text(encoding="utf-8") for a in articles)


def test_bag_info_names_the_archive_its_contact_the_date_and_the_counts(sample) -> None:
    info = bag_info(sample["bag"])
    data = sample["bag"] / "data"
    assert info["Source-Organization"] == "Harbour Town Library"
    assert (info["Contact-Name"], info["Contact-Email"]) == ("Jane Archivist", "archive@library.example")
    assert info["External-Description"] == "Local papers converted from OCR text."
    assert info["Snapshot-Archive"] == "Harbour Town Archive"
    assert info["Snapshot-Label"] == "Autumn 2026"
    assert info["Bag-Software-Agent"] == f"broadsheet {version('broadsheet')}"
    assert info["Snapshot-Articles"] == str(len(list((data / "docs" / "articles").rglob("*.md"))))
    news = [name for name in files(sample["sources"]) if not name.endswith((".yml", ".yaml"))]  # sidecars aside
    assert info["Snapshot-Sources"] == str(len(news))
    assert info["Bagging-Date"] == info["Snapshot-Date"][:10]
    payload = [p for p in data.rglob("*") if p.is_file()]
    assert info["Payload-Oxum"] == f"{sum(p.stat().st_size for p in payload)}.{len(payload)}"


def test_manifest_lists_every_payload_file_sorted_by_path(sample) -> None:
    lines = (sample["bag"] / "manifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    listed = [line.split(maxsplit=1)[1] for line in lines]
    assert listed == sorted(listed)
    assert set(listed) == {f"data/{name}" for name in files(sample["bag"] / "data")}


def test_the_snapshot_site_is_built_for_file_urls_with_offline_search(sample) -> None:
    site = sample["bag"] / "data" / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in home.select("article a[href]") if not a["href"].startswith(("http", "#"))]
    assert links and all(href.split("#")[0].endswith((".html", ".xml", ".md")) for href in links), links
    for script in home.select("script[src]"):
        assert not script["src"].startswith(("http:", "https:", "//")), script["src"]
        assert (site / script["src"]).is_file()
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    assert not list(sample["config"].parent.glob(".broadsheet-snapshot-*")), "temporary config left behind"


def test_an_existing_non_empty_out_is_refused_and_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "bag"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("snapshot", SAMPLE, "--out", out, "--docs", tmp_path / "docs")
    assert result.exit_code != 0
    assert str(out) in result.output and "not empty" in result.output
    assert files(out) == {"keep.txt": b"mine"}
    assert not (tmp_path / "docs").exists()


def test_verify_passes_a_fresh_snapshot(sample) -> None:
    result = run("verify", sample["bag"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [result.output.splitlines()[-1]]
    assert result.output.startswith(f"VALID: {sample['bag']}")
    tagmanifest = (sample["bag"] / "tagmanifest-sha256.txt").read_bytes()
    assert f"fingerprint sha256:{hashlib.sha256(tagmanifest).hexdigest()}" in result.output


def tampered(sample, tmp_path: Path) -> Path:
    copy = tmp_path / "bag"
    shutil.copytree(sample["bag"], copy)
    return copy


def check_reported(bag: Path, kind: str, name: str) -> None:
    result = run("verify", bag)
    assert result.exit_code == 1, result.output
    problems = result.output.splitlines()[:-1]
    assert any(line.startswith(f"{kind}: {name}:") for line in problems), result.output
    assert result.output.splitlines()[-1].startswith(f"INVALID: {bag}")
    assert not bagit_accepts(bag)


def bagit_accepts(bag: Path) -> bool:
    """bagit's own view, as a cross-check (it raises on some problems when opening the bag)."""
    try:
        return bagit.Bag(str(bag)).is_valid()
    except bagit.BagError:
        return False


def test_verify_names_a_flipped_byte(sample, tmp_path: Path) -> None:
    bag = tampered(sample, tmp_path)
    target = bag / "data" / "sources" / "gb18030.txt"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    check_reported(bag, "changed", "data/sources/gb18030.txt")


def test_verify_names_a_deleted_file(sample, tmp_path: Path) -> None:
    bag = tampered(sample, tmp_path)
    article = sorted((bag / "data" / "docs" / "articles").rglob("*.md"))[0]
    article.unlink()
    check_reported(bag, "missing", article.relative_to(bag).as_posix())


def test_verify_names_an_added_payload_file_and_an_added_tag_file(sample, tmp_path: Path) -> None:
    bag = tampered(sample, tmp_path)
    (bag / "data" / "site" / "extra.html").write_text("<p>not archived</p>", encoding="utf-8")
    (bag / "notes.txt").write_text("a note", encoding="utf-8")
    check_reported(bag, "extra", "data/site/extra.html")
    check_reported(bag, "extra", "notes.txt")


def test_verify_names_an_edited_tag_file(sample, tmp_path: Path) -> None:
    bag = tampered(sample, tmp_path)
    info = bag / "bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("Autumn 2026", "Winter 2026"), encoding="utf-8")
    check_reported(bag, "changed", "bag-info.txt")


def test_verify_of_a_folder_that_is_not_a_bag_fails_clearly(tmp_path: Path) -> None:
    result = run("verify", tmp_path)
    assert result.exit_code == 1
    assert "missing: bagit.txt: not a BagIt bag" in result.output


def test_a_missing_source_path_is_named_before_anything_is_built(tmp_path: Path) -> None:
    result = run("snapshot", tmp_path / "nowhere", "--out", tmp_path / "bag", "--docs", tmp_path / "docs")
    assert result.exit_code != 0
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in result.output
    assert not (tmp_path / "bag").exists() and not (tmp_path / "docs").exists()


def test_verify_does_not_follow_a_symbolic_link_planted_in_the_bag(sample, tmp_path: Path) -> None:
    bag = tampered(sample, tmp_path)
    target = bag / "data" / "sources" / "latin1.txt"
    outside = tmp_path / "outside.txt"
    outside.write_bytes(target.read_bytes())  # same bytes: only the link itself is wrong
    target.unlink()
    target.symlink_to(outside)
    check_reported(bag, "unsafe", "data/sources/latin1.txt")


def test_snapshot_verify_and_diff_are_registered_with_examples() -> None:
    for command in ("snapshot", "verify", "diff"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output and f"broadsheet {command} " in result.output
    options = set(re.findall(r"--[a-z-]+", run("snapshot", "--help").output))
    assert {"--out", "--label", "--docs", "--site-dir", "--config-file", "--tar"} <= options
