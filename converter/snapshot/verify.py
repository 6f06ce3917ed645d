"""`broadsheet verify BAG`: fixity of a snapshot — every checksum of every manifest, no file
missing, no file extra (payload and tag files), Payload-Oxum right; then bagit's own validation.
Every problem is collected (bagit stops at the first kind of problem), each naming its file."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import bagit

MANIFEST = re.compile(r"^(tag)?manifest-(\w+)\.txt$")


@dataclass(frozen=True)
class Problem:
    kind: str   # missing | changed | extra | unsafe | malformed
    path: str   # the file, relative to the bag
    detail: str

    def line(self) -> str:
        return f"{self.kind}: {self.path}: {self.detail}"


def _decode(name: str) -> str:
    """RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded."""
    return name.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entries(bag: Path, manifest: str, problems: list[Problem]) -> dict[str, str]:
    """path → checksum from one manifest; malformed and unsafe lines become problems."""
    entries: dict[str, str] = {}
    for number, line in enumerate((bag / manifest).read_text(encoding="utf-8").splitlines(), 1):
        checksum, _, name = line.strip("\ufeff").partition(" ")
        name = _decode(name.lstrip(" *"))
        if not checksum or not name:
            problems.append(Problem("malformed", manifest, f"line {number} is not '<checksum> <path>'"))
        elif name.startswith("/") or ".." in Path(name).parts:
            problems.append(Problem("unsafe", name, f"listed in {manifest} outside the bag; not read"))
        else:
            entries[name] = checksum.lower()
    return entries


def _check_entries(bag: Path, manifest: str, algorithm: str, problems: list[Problem]) -> set[str]:
    entries = _entries(bag, manifest, problems)
    for name, expected in entries.items():
        path = bag / name
        if path.is_symlink():
            problems.append(Problem("unsafe", name, "a symbolic link; a snapshot holds plain files only, not read"))
        elif not path.is_file():
            problems.append(Problem("missing", name, f"listed in {manifest} but not in the bag"))
        elif (found := _digest(path, algorithm)) != expected:
            problems.append(Problem("changed", name, f"{algorithm} is {found}, {manifest} says {expected}"))
    return set(entries)


def _files(bag: Path) -> tuple[set[str], set[str]]:
    """(payload files, tag files) on disk, relative to the bag."""
    every = {p.relative_to(bag).as_posix() for p in bag.rglob("*") if p.is_file() or p.is_symlink()}
    payload = {name for name in every if name.startswith("data/")}
    return payload, every - payload


def _check_oxum(bag: Path, payload: set[str], problems: list[Problem]) -> None:
    info = bag / "bag-info.txt"
    oxum = next((line.split(":", 1)[1].strip() for line in info.read_text(encoding="utf-8").splitlines()
                 if line.startswith("Payload-Oxum:")), None) if info.is_file() else None
    if oxum is None:
        return
    found = f"{sum((bag / name).stat().st_size for name in payload if (bag / name).is_file())}.{len(payload)}"
    if oxum != found:
        problems.append(Problem("changed", "bag-info.txt", f"Payload-Oxum says {oxum} (bytes.files), "
                                f"the payload is {found}"))


def _check_manifests(bag: Path, problems: list[Problem]) -> None:
    payload, tags = _files(bag)
    manifests = sorted(name for name in tags if MANIFEST.match(name))
    if not any(name.startswith("manifest-") for name in manifests):
        problems.append(Problem("missing", "manifest-sha256.txt", "the bag has no payload manifest"))
    for manifest in manifests:
        is_tag, algorithm = MANIFEST.match(manifest).groups()
        if algorithm not in hashlib.algorithms_available:
            problems.append(Problem("malformed", manifest, f"unknown checksum algorithm {algorithm!r}"))
            continue
        listed = _check_entries(bag, manifest, algorithm, problems)
        expected = (tags - set(manifests) | {m for m in manifests if not m.startswith("tag")}) if is_tag \
            else payload
        for name in sorted(expected - listed):
            problems.append(Problem("extra", name, f"in the bag but not in {manifest}"))
    _check_oxum(bag, payload, problems)


def verify_bag(bag: Path) -> list[Problem]:
    """Every fixity problem of the bag at `bag`, in a stable order; empty when it is intact."""
    if not bag.is_dir():
        return [Problem("missing", str(bag), "no such folder")]
    problems: list[Problem] = []
    if not (bag / "bagit.txt").is_file():
        problems.append(Problem("missing", "bagit.txt", "not a BagIt bag (no bagit.txt)"))
    if not (bag / "data").is_dir():
        problems.append(Problem("missing", "data/", "the bag has no payload folder"))
    _check_manifests(bag, problems)
    if not problems:
        try:
            bagit.Bag(str(bag)).validate()
        except bagit.BagError as err:  # a rule of the spec not checked above
            details = getattr(err, "details", None) or [err]
            problems += [Problem("invalid", str(getattr(d, "path", "") or "bag"), str(d)) for d in details]
    return sorted(problems, key=lambda p: (p.path, p.kind))


def fingerprint(bag: Path) -> str:
    """The sha256 of the tag manifest: it fixes every checksum in the bag, so it names this exact snapshot
    (publish it beside the download; a later snapshot's --previous pins it)."""
    return _digest(bag / "tagmanifest-sha256.txt", "sha256")


def verdict(bag: Path, problems: list[Problem]) -> str:
    if problems:
        return f"INVALID: {bag}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"
    payload, _ = _files(bag)
    return (f"VALID: {bag}: {len(payload)} payload files, every checksum matches, nothing missing or extra; "
            f"fingerprint sha256:{fingerprint(bag)}")
