"""Rules for the HTML and Markdown that feeds and newsletters leave in text.

- read_yaml_header: a leading `---` YAML block (Jekyll, Hugo) → the issue's
  metadata (title, date); its lines leave the text, reported.
- strip_inline_html: `<span …><https://…></span>` → the address; a line
  that is only layout tags (`<div class="minipage">`, `</div>`) is dropped.
- unescape_markdown: `\\[OpenWrt\\]` → `[OpenWrt]` (the writer escapes again).
- split_link_lines: a line that is wholly a link `[Title](https://…)` → the
  title, then its address, as an entry opens in a digest.
- drop_colophon: after the last horizontal rule, a closing block about
  copyright or licence is the colophon, not an article.
"""

from __future__ import annotations

import re

import yaml

from ..dates import find_date
from ..model import DROP, HEADING, PARA, URL, Block, Dropped
from ..safe_yaml import UnsafeYaml, load_metadata_yaml
from ..state import State

AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
LAYOUT_ONLY = re.compile(r"^(?:\s*</?[A-Za-z][^<>]*>\s*)+$")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
LINK_LINE = re.compile(r"^\[(?P<text>[^\[\]]+)\]\((?P<url>https?://[^\s)]+)(?:\s+\"[^\"]*\")?\)$")
ATTRIBUTE_LIST = re.compile(r"^\{:[^}]*\}$")
COLOPHON = re.compile(r"copyright|©|\blicen[cs]e\b|版权|all rights reserved", re.IGNORECASE)


def read_yaml_header(state: State) -> None:
    lines = state.source.text.split("\n", 60)
    if not lines or lines[0].strip() != "---":
        return
    end = next((i for i in range(1, min(len(lines), 60)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return
    try:
        meta = load_metadata_yaml("\n".join(lines[1:end]))
    except UnsafeYaml as err:  # an alias bomb: refused before expanding, the header still leaves the text
        state.issue["problem"], meta = f"YAML header: {err}", None
    except yaml.YAMLError:
        return
    if isinstance(meta, dict):
        if meta.get("title"):
            state.issue["title"] = str(meta["title"])
        if meta.get("date"):
            state.issue["date"] = find_date(str(meta["date"])) or str(meta["date"])
    for block in state.blocks:
        if block.lines[0] <= end + 1 and block.kind != DROP:
            state.drop(block, "YAML front matter (kept as the issue's metadata)")


def strip_inline_html(state: State) -> None:
    for block in state.blocks:
        if block.kind == DROP or "<" not in block.text:
            continue
        if LAYOUT_ONLY.match(block.text) and not AUTOLINK.search(block.text):
            state.drop(block, "HTML layout tag")
            continue
        text = AUTOLINK.sub(r"\1", block.text)
        tags = TAG.findall(text)  # only whole tags leave: a stray `<` is text, kept as typed
        text = re.sub(r"\s+", " ", TAG.sub(" ", text)).strip()
        if not text:
            state.drop(block, "HTML markup with no text")
            continue
        if tags:
            state.dropped.append(Dropped(state.source.name, block.lines, " ".join(tags),
                                         "HTML markup removed (its text is kept)"))
        block.text = text


def unescape_markdown(state: State) -> None:
    for block in state.blocks:
        if block.kind != DROP and "\\" in block.text:
            block.text = MD_ESCAPE.sub(r"\1", block.text)


def split_link_lines(state: State) -> None:
    result: list[Block] = []
    for block in state.blocks:
        match = LINK_LINE.match(block.text) if block.kind in (PARA, HEADING) else None
        if match:
            block.text = match.group("text").strip()
            block.kind = PARA
            result += [block, Block(URL, match.group("url"), block.lines, meta={"from_link": True})]
        elif block.kind == PARA and ATTRIBUTE_LIST.match(block.text):
            state.drop(block, "Markdown attribute list (layout instruction)")
            result.append(block)
        else:
            result.append(block)
    state.blocks = result


def drop_colophon(state: State) -> None:
    rules = [i for i, b in enumerate(state.blocks) if b.kind == DROP and b.reason == "page marker"]
    if not rules:
        return
    tail = [b for b in state.blocks[rules[-1] + 1:] if b.kind != DROP]
    if tail and len(tail) <= 40 and any(COLOPHON.search(b.text) for b in tail):
        for block in tail:
            state.drop(block, "colophon (copyright and delivery notes)")
