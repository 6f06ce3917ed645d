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
import re
from pathlib import Path

import yaml

from .safe_yaml import SAFE_LOADER, UnsafeYaml, first_line, load_metadata_yaml  # noqa: F401  (SAFE_LOADER: old import path)

MAX_VALUE = 500  # characters in one metadata value
MAX_ITEMS = 200  # entries in a list value
SIDECAR_MAX_BYTES = 256 * 1024

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
ISO_DAY_OR_TIME = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)?")
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


class SidecarError(Exception):
    pass


def sidecar_path(source: Path) -> Path | None:
    for candidate in (source.with_suffix(".yml"), source.with_suffix(".yaml"), Path(str(source) + ".yml")):
        if candidate.is_file() or candidate.is_symlink():
            return candidate
    return None


def real_date(value: object) -> str | None:
    """An ISO 8601 date (year, month, day, or date and time) that exists on the calendar, as text; None otherwise."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    if not ISO_DAY_OR_TIME.fullmatch(text):
        return None
    try:
        datetime.datetime.fromisoformat(text.replace(" ", "T") if len(text) >= 10 else text + "-01-01"[len(text) - 4:])
    except ValueError:
        return None
    return text.replace(" ", "T")


def check_value(name: str, value: object) -> str | None:
    """Why a metadata value breaks the contract (None: it is fine)."""
    if name == "date":
        return None if real_date(value) else f"{name!r} is not a real date in ISO 8601 form ({_shown(value)})"
    if name == "language" and not LANGUAGE.fullmatch(str(value)):
        return f"{name!r} is not a language code such as en or zh-Hans ({_shown(value)})"
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_ITEMS:
        return f"{name!r} has {len(items)} entries (at most {MAX_ITEMS})"
    for item in items:
        if isinstance(item, (dict, list)) or item is None:
            return f"{name!r} must hold text, not {type(item).__name__}"
        if len(str(item)) > MAX_VALUE or "\n" in str(item):
            return f"{name!r} must be one line of at most {MAX_VALUE} characters"
    return None


def _shown(value: object) -> str:
    text = repr(str(value))
    return text if len(text) <= 40 else text[:37] + "…'"


def load_sidecar(source: Path, root: Path | None = None) -> dict:
    """The sidecar's keys, checked against the schema; `SidecarError` names the file and the key.
    With `root`, a sidecar that is a link leading outside the sources root or not a regular file is refused."""
    found = read_sidecar(source, root)
    return parse_sidecar(*found) if found else {}


def read_sidecar(source: Path, root: Path | None = None) -> tuple[Path, bytes] | None:
    """The sidecar's path and bytes (None: the source has none), read with the sources' checks: `SidecarError`
    for a link leading outside `root`, anything but a regular file, or a file over the sidecar size limit."""
    path = sidecar_path(source)
    if path is None:
        return None
    from .sources import SourceError, file_problem, read_bytes

    problem = file_problem(path, root or path.parent, SIDECAR_MAX_BYTES)
    if problem:
        raise SidecarError(f"{path.name}: {problem}")
    try:
        return path, read_bytes(path, SIDECAR_MAX_BYTES)
    except SourceError as err:
        raise SidecarError(f"{path.name}: {err}") from None


def parse_sidecar(path: Path, raw: bytes) -> dict:
    """A sidecar's bytes (read by `read_sidecar`, here or on another machine) as its checked keys."""
    try:
        data = load_metadata_yaml(raw.decode("utf-8")) or {}
    except UnicodeDecodeError:
        raise SidecarError(f"{path.name}: not UTF-8: save it as UTF-8") from None
    except UnsafeYaml as err:
        raise SidecarError(f"{path.name}: {err}") from None
    except yaml.YAMLError as err:
        raise SidecarError(f"{path.name}: not readable YAML ({first_line(err)})") from None
    if not isinstance(data, dict):
        raise SidecarError(f"{path.name}: must be a mapping of keys to values")
    for name, value in data.items():
        if name not in SCHEMA:
            raise SidecarError(f"{path.name}: unknown key {_shown(name)} (known: {', '.join(SCHEMA)})")
        if not isinstance(value, SCHEMA[name]):
            raise SidecarError(f"{path.name}: {name!r} has the wrong type ({type(value).__name__})")
        problem = check_value(name, value)
        if problem:
            raise SidecarError(f"{path.name}: {problem}")
    if "date" in data:
        data["date"] = real_date(data["date"])
    for name in ("sections", "pages"):
        data[name] = [str(item) for item in data.get(name, [])]
    return data
