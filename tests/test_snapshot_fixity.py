"""Property tests of the bag layer without a site build: for any payload (names with spaces, `%`,
Chinese; any bytes) the bag written by bagit and normalised validates, and any single flipped
byte, deleted file or added file is reported by `verify_bag` under that file's name."""

from __future__ import annotations

import tempfile
from pathlib import Path

import bagit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.snapshot.bag import CHECKSUMS, normalise_bag
from converter.snapshot.verify import verify_bag

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.text(alphabet="abcXYZ019 %_-.电动车é", min_size=1, max_size=12).filter(
    lambda n: n.strip(" .") == n and not n.startswith("-"))
PAYLOADS = st.dictionaries(NAMES, st.binary(min_size=1, max_size=300), min_size=1, max_size=6)


def write_bag(folder: Path, payload: dict[str, bytes]) -> Path:
    bag = folder / "bag"
    (bag / "sub").mkdir(parents=True)
    for number, (name, data) in enumerate(sorted(payload.items())):
        ((bag / "sub" / name) if number % 2 else (bag / name)).write_bytes(data)
    bagit.make_bag(str(bag), {"Source-Organization": "Test"}, checksums=CHECKSUMS)
    normalise_bag(bag)
    return bag


def payload_files(bag: Path) -> list[Path]:
    return sorted(p for p in (bag / "data").rglob("*") if p.is_file())


@PROPERTY
@given(PAYLOADS)
def test_a_fresh_bag_verifies_and_bagit_agrees(payload) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bag = write_bag(Path(tmp), payload)
        assert verify_bag(bag) == []
        assert bagit.Bag(str(bag)).is_valid()


@PROPERTY
@given(PAYLOADS, st.data())
def test_any_flipped_byte_is_reported_by_name(payload, data) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bag = write_bag(Path(tmp), payload)
        target = data.draw(st.sampled_from(payload_files(bag)))
        content = bytearray(target.read_bytes())
        content[data.draw(st.integers(0, len(content) - 1))] ^= data.draw(st.integers(1, 255))
        target.write_bytes(bytes(content))
        name = target.relative_to(bag).as_posix()
        assert [(p.kind, p.path) for p in verify_bag(bag)] == [("changed", name)]


@PROPERTY
@given(PAYLOADS, st.data(), NAMES)
def test_any_deleted_or_added_file_is_reported_by_name(payload, data, extra) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bag = write_bag(Path(tmp), payload)
        gone = data.draw(st.sampled_from(payload_files(bag)))
        gone.unlink()
        added = bag / "data" / f"new-{extra}"
        added.write_bytes(b"not in the manifest")
        problems = {(p.kind, p.path) for p in verify_bag(bag)}
        assert ("missing", gone.relative_to(bag).as_posix()) in problems
        assert ("extra", added.relative_to(bag).as_posix()) in problems
