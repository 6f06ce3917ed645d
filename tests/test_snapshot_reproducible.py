"""With SOURCE_DATE_EPOCH set, two snapshots of the same inputs into different folders are
byte-identical, file by file (manifests and bag-info too), and so are their `--tar` files."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from tests.snapshot_support import archive_config, bag_info, files, make_snapshot

EPOCH = 1700000000  # 2023-11-14T22:13:20Z
STORIES = {
    "harbour.txt": "Harbour Bridge Reopens\n\nBy Jane Smyth\n\nThe harbour bridge reopened on Monday after "
                   "repairs, officials said.\n\nTraffic was light in the morning.\n",
    "港口/电动车.txt": "电动车出口增长\n\n记者 王小明\n\n今年前十个月，电动车出口同比增长三成。\n",
}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    for name, text in STORIES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_snapshots_with_the_same_source_date_epoch_are_byte_identical(sources, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    config = archive_config(tmp_path / "archive", organisation="Harbour Town Library")
    bags = []
    for run in ("one", "two"):
        bag = tmp_path / run / "snapshot"
        make_snapshot(sources, bag, tmp_path / run / "docs", config, "--tar")
        bags.append(bag)
    first, second = (files(bag) for bag in bags)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert {"manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt", "data/sources/港口/电动车.txt"} <= first.keys()
    tars = [bag.with_name("snapshot.tar").read_bytes() for bag in bags]
    assert tars[0] == tars[1]
    info = bag_info(bags[0])
    assert (info["Bagging-Date"], info["Snapshot-Date"]) == ("2023-11-14", "2023-11-14T22:13:20Z")


def test_the_tar_is_normalised_and_holds_the_bag(sources, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    bag = tmp_path / "snap"
    make_snapshot(sources, bag, tmp_path / "docs", archive_config(tmp_path / "archive"), "--tar")
    with tarfile.open(tmp_path / "snap.tar") as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names[0] == "snap" and names[1:] == sorted(names[1:])
        assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", EPOCH)}
        assert {m.mode for m in members if m.isfile()} == {0o644}
        assert {m.mode for m in members if m.isdir()} == {0o755}
        packed = {m.name[len("snap/"):]: tar.extractfile(m).read() for m in members if m.isfile()}
    assert packed == files(bag)


def test_a_tar_that_exists_is_not_overwritten(sources, tmp_path) -> None:
    from tests.snapshot_support import run

    (tmp_path / "snap.tar").write_bytes(b"old")
    result = run("snapshot", sources, "--out", tmp_path / "snap", "--docs", tmp_path / "docs", "--tar",
                 "--config-file", archive_config(tmp_path / "archive"))
    assert result.exit_code != 0 and "snap.tar" in result.output
    assert (tmp_path / "snap.tar").read_bytes() == b"old" and not (tmp_path / "snap").exists()
