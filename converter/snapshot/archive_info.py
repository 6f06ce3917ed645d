"""Who publishes the archive: `extra` keys of the archive's mkdocs.yml, for bag-info.txt.

    extra:
      archive_name: City Library news archive
      organisation: City Library
      contact: Jane Archivist <archive@library.example>   # or {name: …, email: …}
      description: Local newspapers 1890-1960, converted from OCR text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..site.settings import TolerantLoader as _TolerantLoader  # MkDocs' custom tags read as plain values

DEFAULT_NAME = "Broadsheet archive"
_ADDRESS = re.compile(r"^\s*(?P<name>[^<]*?)\s*<(?P<email>[^<>@\s]+@[^<>\s]+)>\s*$")


def load_config(config_file: Path) -> dict:
    """The MkDocs configuration as plain data (custom tags read as their values)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class ArchiveInfo:
    name: str = DEFAULT_NAME
    organisation: str = DEFAULT_NAME
    contact_name: str = ""
    contact_email: str = ""
    description: str = ""


def _contact(value) -> tuple[str, str]:
    if isinstance(value, dict):
        return str(value.get("name") or ""), str(value.get("email") or "")
    text = str(value or "").strip()
    match = _ADDRESS.match(text)
    if match:
        return match["name"], match["email"]
    return ("", text) if "@" in text else (text, "")


def read_archive_info(config_file: Path) -> ArchiveInfo:
    """`extra.archive_name|organisation|contact|description`, falling back to site_name/site_description."""
    data = load_config(config_file)
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    name = str(extra.get("archive_name") or data.get("site_name") or DEFAULT_NAME)
    contact_name, contact_email = _contact(extra.get("contact"))
    description = str(extra.get("description") or data.get("site_description")
                       or f"A dated snapshot of {name}, made with Broadsheet.")
    return ArchiveInfo(name=name, organisation=str(extra.get("organisation") or name),
                       contact_name=contact_name, contact_email=contact_email, description=description)
