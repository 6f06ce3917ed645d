"""Readers for sources whose structure is written down: wire transmissions and news markup.

`recognise(text)` names the kind of a structured source (or None): the
pipeline asks it before the text-kind detector, so a file a structured reader
recognises is read by that reader's rule (`PRESETS[kind]`). One module per
format family:

- `wire` (with `wire_codes`, `wire_text`): IPTC 7901 / ANPA 1312 transmissions and
  AAP-style field tags;
- `markup` (with `families`, `markup_fields`, `markup_meta`, `markup_records`): NITF, NewsML(-G2),
  SGML/XML collections of records whatever the record element is called (TREC and Gigaword `<DOC>`,
  Reuters-21578 `<REUTERS>`, `<story>`), RSS/Atom items, crawler XML and saved HTML pages;
- `front_matter`: YAML (`---`) or TOML (`+++`) front matter at the top of any source,
  read by every preset;
- `common`: what they share (source lines, paragraph marking, stories → articles).
"""

from __future__ import annotations

from . import markup, wire

STRUCTURED = (wire, markup)


def recognise(text: str) -> str | None:
    for reader in STRUCTURED:
        if reader.recognise(text):
            return reader.KIND
    return None
