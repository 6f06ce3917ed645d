"""Reader: front matter at the top of a source (YAML: Jekyll, Hugo, Pelican, archive exports; TOML: Hugo).

    ---
    title: "…"
    date: 2018-03-20
    author: 眾新聞記者          # or authors: [A, B]
    category: 眾聞              # or section:, categories: [...]
    original_url: https://…     # the page's own address (wins over an archive copy's `url`)
    tags: [...]
    ---

`read_front_matter` runs first in every preset: the block leaves the text
(reported: its values live in the front matter) and its values are kept in
`state.source_meta`. A single article whose text has no heading gets the
front matter's title as its headline. The pipeline merges the values (see
`pipeline.py` for the order). Only a mapping of plain values is read: a
malformed block stays text, and YAML is parsed with the safe loader.
"""

from __future__ import annotations

import datetime
import re
import tomllib

import yaml

from ..safe_yaml import UnsafeYaml, load_metadata_yaml

from ..model import DROP, HEADING, Block
from ..state import State
from ..text import key
from ..urls import clean_url
from .markup_fields import markup_date

CLOSE = re.compile(r"^(?:---|\.\.\.)\s*$")
MAX_LINES = 200
ARCHIVE_HOSTS = re.compile(r"^https?://(?:web\.archive\.org|archive\.(?:org|ph|today|is)|webcache\.)", re.IGNORECASE)
DROP_REASON = "source front matter (its values are the article's metadata)"


class FrontMatterRefused(ValueError):
    """Front matter refused before it was read (a YAML alias, an oversized block): `end` is its last line."""

    def __init__(self, reason: str, end: int):
        super().__init__(reason)
        self.end = end


def split_front_matter(text: str) -> tuple[dict, int]:
    """The front matter mapping and the number of its last line (0 when the source has none).

    YAML between `---` lines (Jekyll, Hugo, Pelican's Markdown reader), or TOML between `+++` lines (Hugo)."""
    lines = text.lstrip("\ufeff").split("\n", MAX_LINES + 1)
    fence = lines[0].strip() if lines else ""
    if fence not in ("---", "+++"):
        return {}, 0
    closing = CLOSE if fence == "---" else re.compile(r"^\+\+\+\s*$")
    end = next((i for i in range(1, min(len(lines), MAX_LINES)) if closing.match(lines[i])), None)
    if end is None or end == 1:
        return {}, 0
    try:
        if fence == "+++":
            meta = tomllib.loads("\n".join(lines[1:end]))
        else:
            meta = load_metadata_yaml("\n".join(lines[1:end]))
    except UnsafeYaml as err:
        raise FrontMatterRefused(str(err), end + 1) from None
    except (yaml.YAMLError, tomllib.TOMLDecodeError, RecursionError):
        return {}, 0
    if not isinstance(meta, dict) or not meta:
        return {}, 0
    return {str(k).lower(): v for k, v in meta.items()}, end + 1


def _text(value) -> str | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)) and str(value).strip():
        return re.sub(r"[ \t\r\n]+", " ", str(value)).strip()  # other spaces (U+3000) are the title's own
    return None


def _list(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for t in (_text(v if not isinstance(v, dict) else v.get("name")) for v in items) if t]


def article_fields(meta: dict) -> dict:
    """The Article fields a front matter gives: title, date, authors, section, url, language."""
    fields: dict = {}
    if title := _text(meta.get("title")):
        fields["title"] = title
    when = meta.get("date") or meta.get("published") or meta.get("pubdate")
    if when is not None and (date := markup_date(_text(when) or "")):
        fields["date"] = date
    authors = _list(meta.get("authors") or meta.get("author") or meta.get("byline") or [])
    if authors:
        fields["authors"] = authors
    section = _list(meta.get("section") or meta.get("category") or meta.get("categories") or [])
    if section:
        fields["section"] = section[0]
    if url := _page_url(meta):
        fields["url"] = url
    if language := _text(meta.get("language") or meta.get("lang")):
        fields["language"] = language
    if deck := _text(meta.get("subtitle") or meta.get("description") or meta.get("summary")):
        fields["deck"] = deck
    return fields


def _page_url(meta: dict) -> str | None:
    """The page's own address: `original_url` / `canonical` before `url`, an archive copy's address last."""
    found = [_text(meta.get(k)) for k in ("original_url", "canonical_url", "canonical", "source_url", "url", "link")]
    found = [u for u in found if u and re.match(r"https?://\S+$", u)]
    found.sort(key=lambda u: bool(ARCHIVE_HOSTS.match(u)))
    return clean_url(found[0])[0] if found else None


def read_front_matter(state: State) -> None:
    try:
        meta, end = split_front_matter(state.source.text)
    except FrontMatterRefused as refused:
        state.issue["problem"] = f"front matter refused: {refused}"
        for block in state.blocks:
            if block.lines[0] <= refused.end and block.kind != DROP:
                state.drop(block, "source front matter refused (not read as metadata)")
        return
    if not end:
        return
    state.source_meta = meta
    for block in state.blocks:
        if block.lines[0] <= end and block.kind != DROP:
            state.drop(block, DROP_REASON)
    title = article_fields(meta).get("title")
    if title and state.kind == "article" and not _text_has_heading(state, end, title):
        line = next((b.lines for b in state.blocks if b.text.lower().startswith("title:")), (1, 1))
        heading = Block(HEADING, title, line, level=1, meta={"from_front_matter": True})
        index = next((i for i, b in enumerate(state.blocks) if b.lines[0] > end), len(state.blocks))
        state.blocks.insert(index, heading)


def _text_has_heading(state: State, end: int, title: str) -> bool:
    """The text repeats the title as its first line (`# Title`, or the title as printed)."""
    first = next((b for b in state.blocks if b.lines[0] > end and b.kind != DROP), None)
    return first is not None and key(first.text.lstrip("# ")) == key(title)
