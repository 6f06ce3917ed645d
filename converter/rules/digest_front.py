"""Rules for the front of a digest: its header, table of contents and summary list.

- read_digest_header: the lines before the contents (publication, digest title,
  date line, tagline) → the issue's metadata; they leave the text, reported.
- drop_table_of_contents: bullet lines listing the titles → dropped, titles kept.
- read_summaries: `N. title` / `中文标题:` / `内容摘要:` → translations of the
  article with that title (`翻译失败`, "translation failed", gives no title).
"""

from __future__ import annotations

import re

from ..dates import find_date, is_date_line
from ..model import PARA, URL, Block
from ..state import State
from ..text import has_cjk, key
from ..urls import bare_url

BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙]|[*\-+])\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)、]\s*(?P<title>.+)$")
LABELLED = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z ]{2,20})\s*[:：]\s*(?P<value>.*)$")
ZH_TITLE = {"中文标题", "标题", "译题"}
ZH_SUMMARY = {"内容摘要", "摘要", "内容提要"}
FAILED = {"翻译失败", "translation failed", "无", "n/a"}


def _first_body_index(blocks: list[Block]) -> int:
    """Where the header stops: the first bullet, numbered entry or URL-carrying entry."""
    for index, block in enumerate(blocks):
        if BULLET.match(block.text) or NUMBERED.match(block.text) or bare_url(block.text):
            return max(index - 1, 0) if bare_url(block.text) else index
    return 0


def read_digest_header(state: State) -> None:
    end = _first_body_index(state.blocks)
    header = [b for b in state.blocks[:end] if b.kind == PARA]
    if not header:
        return
    state.issue.setdefault("publication", header[0].text)
    for block in header[1:]:
        if is_date_line(block.text) and "title" in state.issue:
            state.issue["date"] = find_date(block.text)
        elif "title" not in state.issue:
            state.issue["title"] = block.text
            state.issue["date"] = find_date(block.text)
        else:
            state.issue.setdefault("description", block.text)
    for block in header:
        state.drop(block, "digest header (kept as the issue's metadata)")


def drop_table_of_contents(state: State) -> None:
    """A run of three or more bullet lines before the first entry is the contents."""
    run: list[Block] = []
    for block in state.blocks + [Block(PARA, "", (0, 0))]:
        if block.kind == PARA and BULLET.match(block.text) and not bare_url(BULLET.match(block.text)["text"]):
            run.append(block)
            continue
        if len(run) >= 3:
            state.contents = [BULLET.match(b.text)["text"] for b in run]
            for item in run:
                state.drop(item, "table of contents")
            return
        run = []


def _label(block: Block) -> tuple[str, str] | None:
    match = LABELLED.match(block.text)
    return (match["label"].strip(), match["value"].strip()) if match else None


def read_summaries(state: State) -> None:
    blocks = state.blocks
    for index, block in enumerate(blocks):
        match = NUMBERED.match(block.text) if block.kind == PARA else None
        if not match:
            continue
        labelled = [(b, _label(b)) for b in blocks[index + 1:index + 3] if b.kind == PARA]
        found = {lab[0]: (b, lab[1]) for b, lab in labelled if lab and (lab[0] in ZH_TITLE | ZH_SUMMARY)}
        if not found:
            continue
        entry = _translation(found)
        state.translations[key(match["title"])] = entry
        state.drop(block, "summary list: title repeated from its article")
        for b, _ in found.values():
            state.drop(b, "summary list: moved to its article's translations")
    _drop_summary_label(state)


def _translation(found: dict) -> dict:
    title = next((v for k, (_, v) in found.items() if k in ZH_TITLE), None)
    summary = next((v for k, (_, v) in found.items() if k in ZH_SUMMARY), None)
    entry = {}
    if title and title.casefold() not in FAILED:
        entry["title"] = title
    if summary:
        entry["summary"] = summary.rstrip("\ufffd") + ("…" if summary.endswith("\ufffd") else "")
    return entry


def _drop_summary_label(state: State) -> None:
    """A lone label such as `摘要` right before the summary list."""
    for index, block in enumerate(state.blocks[:-1]):
        after = state.blocks[index + 1]
        if block.kind == PARA and has_cjk(block.text) and len(block.text) <= 6 and after.reason.startswith("summary"):
            state.drop(block, "summary list label")


def mark_urls(state: State) -> None:
    for block in state.blocks:
        if block.kind == PARA and bare_url(block.text):
            block.kind = URL
