"""`snapshot --previous BAG`: a snapshot names the one before it and pins it by the sha256 of its
tag manifest (which fixes every checksum in it), and carries what changed since it:
`data/changes-since-previous.txt` and `.json` (the output of `broadsheet diff`)."""

from __future__ import annotations

from pathlib import Path

from .diff import diff_archives, diff_json
from .diff_text import diff_lines
from .verify import fingerprint, verify_bag

CHANGES = "changes-since-previous"


class PreviousError(Exception):
    """The previous snapshot cannot be chained to; the message says why."""


def _info(bag: Path) -> dict[str, str]:
    lines = (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def previous_fields(previous: Path) -> dict[str, str]:
    """bag-info fields naming the previous snapshot; it must verify first."""
    if not (previous / "bagit.txt").is_file():
        raise PreviousError(f"{previous}: --previous is not a snapshot bag (no bagit.txt)")
    problems = verify_bag(previous)
    if problems:
        raise PreviousError(f"{previous}: the previous snapshot does not verify ({len(problems)} problems, first: "
                            f"{problems[0].line()}); run broadsheet verify on it")
    info = {key: value.strip() for key, value in _info(previous).items()}
    digest = fingerprint(previous)
    fields = {"Snapshot-Previous": info.get("Snapshot-Label") or previous.name,
              "Snapshot-Previous-Date": info.get("Snapshot-Date") or info.get("Bagging-Date", ""),
              "Snapshot-Previous-Tagmanifest-Sha256": digest}
    return {key: value for key, value in fields.items() if value}


def write_changes(payload: Path, previous: Path, label: str) -> None:
    """What changed from `previous` to the docs in `payload`, as text and JSON in the payload."""
    result = diff_archives(previous, payload / "docs", new_label=label)
    (payload / f"{CHANGES}.json").write_text(diff_json(result) + "\n", encoding="utf-8")
    (payload / f"{CHANGES}.txt").write_text("\n".join(diff_lines(result)) + "\n", encoding="utf-8")
