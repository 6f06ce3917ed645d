"""Sidecar metadata: `<source>.yml` next to a source file.

A page dump rarely states its own date or paper, so the archivist writes it
down once:

    publication: Science and Technology Daily
    date: 2026-01-30          # the edition date
    language: en
    issue: std-2026-01-30     # the folder the articles go to (optional)
    sections: [Clear Voice, Comment, Voice of the World]   # known kicker names
    pages: [INSIGHTS]         # known page headers
    format: ocr-page          # the kind of source, when detection should not decide (as --format)

Keys are checked with a small schema (unknown keys and wrong types are errors
naming the file), in the spirit of MkDocs' config classes.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result

SCHEMA: dict[str, type | tuple] = {
    "publication": str,
    "date": (str, datetime.date),
    "language": str,
    "issue": str,
    "title": str,
    "sections": list,
    "pages": list,
    "format": str,  # the kind of source, overriding detection (as --format does)
}


class SidecarError(Exception):
    pass


def sidecar_path(source: Path) -> Path | None:
    for candidate in (source.with_suffix(".yml"), source.with_suffix(".yaml"), Path(str(source) + ".yml")):
        if candidate.is_file():
            return candidate
    return None


def load_sidecar(source: Path) -> dict:
    path = sidecar_path(source)
    if path is None:
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise SidecarError(f"{path.name}: not readable YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise SidecarError(f"{path.name}: must be a mapping of keys to values")
    for name, value in data.items():
        if name not in SCHEMA:
            raise SidecarError(f"{path.name}: unknown key {name!r} (known: {', '.join(SCHEMA)})")
        if not isinstance(value, SCHEMA[name]):
            raise SidecarError(f"{path.name}: {name!r} has the wrong type ({type(value).__name__})")
    if isinstance(data.get("date"), datetime.date):
        data["date"] = data["date"].isoformat()
    for name in ("sections", "pages"):
        data[name] = [str(item) for item in data.get(name, [])]
    return data
