"""The labeller's two levels (as GROBID cascades its models): page zones, then line roles.

- `zone`: is the line page furniture (never part of an article) or part of an article? Real
  documents' gold says this for many lines (its `forbidden` strings are furniture; its titles,
  paragraphs and bylines are article), so this level learns from composed and real pages alike.
- `role`: the line's role in the vocabulary of /work/shared/spec/line-roles.md (composed pages
  write every line's role by construction; real documents give a few roles by alignment).
"""

from __future__ import annotations

FURNITURE = frozenset({"masthead", "edition_date", "running_head", "page_label", "index_box", "advert", "noise",
                       "wire_header", "page_marker", "digest_header", "toc"})
LEVELS = ("zone", "role")


def zone_of(role: str) -> str:
    return "furniture" if role in FURNITURE else "article"


def label_for(level: str, role: str) -> str:
    """The label a line with this role has at this level."""
    return zone_of(role) if level == "zone" else role
