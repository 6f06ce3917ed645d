"""Rules for the HTML and Markdown that feeds and newsletters leave in text.

- read_yaml_header: a leading `---` YAML block (Jekyll, Hugo) → the issue's
  metadata (title, date); its lines leave the text, reported.
- strip_inline_html: `<span …><https://…></span>` → the address; a line
  that is only layout tags (`<div class="minipage">`, `</div>`) is dropped.
- unescape_markdown: `\\[OpenWrt\\]` → `[OpenWrt]` (the writer escapes again).
- split_link_lines: a line that is wholly a link `[Title](https://…)` → the
  title, then its address, as an entry opens in a digest.
- split_link_items: a run of list items that are wholly links, followed by a
  summary paragraph (`* [Title](https://…)` then text: a newsletter's picks)
  → entries, as split_link_lines; a run followed by no text stays a list. An
  item `[Title](https://…) — one-line summary` is an entry with that summary.
- drop_colophon: after the last horizontal rule, a closing block about
  copyright or licence, or a subscription appeal, is the colophon, not an article.
- read_html_figures: `<figure><img …><figcaption>Caption. Credit</figcaption></figure>`
  left in Markdown → a caption with its credit split off; the markup leaves.
- remove_tracking_parameters: `utm_*`, `fbclid`, `ref_src` … leave every address
  in the text (an entry's link, a link in a paragraph); what left is reported.
- read_image_captions: `![img](https://…)Caption，图片来自 X` (an image with its
  caption after it, as HTML-to-Markdown tools write a figure) → a caption with
  the credit split off; the image markup leaves, reported.
- drop_shortcodes: a line that is wholly a Hugo/Jekyll shortcode (`{{< video … >}}`,
  `{% include … %}`) embeds media, not text → dropped.
"""

from __future__ import annotations

import re

import yaml

from ..dates import find_date
from ..model import CAPTION, DROP, HEADING, ITEM, PARA, URL, Block, Dropped
from ..safe_yaml import UnsafeYaml, load_metadata_yaml
from ..state import State
from ..text import has_cjk
from ..urls import clean_urls_in_text

AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
LAYOUT_ONLY = re.compile(r"^(?:\s*</?[A-Za-z][^<>]*>\s*)+$")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
LINK_LINE = re.compile(r"^\[(?P<text>[^\[\]]+)\]\((?P<url>https?://[^\s)]+)(?:\s+\"[^\"]*\")?\)$")
LINK_SUMMARY = re.compile(r"^\[(?P<text>[^\[\]]+)\]\((?P<url>https?://[^\s)]+)(?:\s+\"[^\"]*\")?\)\s*[-–—:|：]\s*"
                          r"(?P<summary>\S.*)$")
ATTRIBUTE_LIST = re.compile(r"^\{:[^}]*\}$")
COLOPHON = re.compile(
    r"copyright|©|\blicen[cs]e\b|版权|版權|all rights reserved"
    r"|\bsubscri(?:be|ption)|newsletter|\bdonat(?:e|ion)|support (?:us|our (?:work|journalism))|become a (?:member|supporter)"
    r"|abonn|suscr[ií]b|訂戶|訂閱|订阅|订户|支持我們|支持我们|赞赏|讚賞|打賞|打赏|關注我們|关注我们", re.IGNORECASE)
SHORTCODE = re.compile(r"^(?:\{\{[<%].*[>%]\}\}|\{%-?\s.*\s-?%\})$")
FIGURE_OPEN = re.compile(r"^<figure\b", re.IGNORECASE)
FIGURE_CLOSE = re.compile(r"</figure\s*>\s*$", re.IGNORECASE)
FIGURE_LINES = 20
IMAGE_THEN_TEXT = re.compile(r"^!\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)\s*(?P<caption>[^!\s].{0,150})$")


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


def split_link_items(state: State) -> None:
    result: list[Block] = []
    run: list[Block] = []
    live = [b for b in state.blocks if b.kind != DROP]
    for block in live:
        if block.kind == ITEM and LINK_SUMMARY.match(block.text):
            block.kind, block.meta["entry_link"] = PARA, True  # `[Title](url) — one-line summary`
    for index, block in enumerate(live):
        if block.kind == ITEM and LINK_LINE.match(block.text):
            run.append(block)
            following = live[index + 1] if index + 1 < len(live) else None
            if following is not None and following.kind == ITEM and LINK_LINE.match(following.text):
                continue
            if following is not None and following.kind == PARA:
                for item in run:
                    item.kind = PARA
                    item.meta["entry_link"] = True
            run = []
    for block in state.blocks:
        match = (LINK_LINE.match(block.text) or LINK_SUMMARY.match(block.text)) if block.meta.get("entry_link") else None
        if match:
            block.text = match.group("text").strip()
            result += [block, Block(URL, match.group("url"), block.lines, meta={"from_link": True})]
            if "summary" in match.groupdict():
                result.append(Block(PARA, match.group("summary").strip(), block.lines, meta={"one_line": True}))
        else:
            result.append(block)
    state.blocks = result


def drop_colophon(state: State) -> None:
    rules = [i for i, b in enumerate(state.blocks) if b.kind == DROP and b.reason == "page marker"]
    if not rules:
        return
    tail = [b for b in state.blocks[rules[-1] + 1:] if b.kind != DROP]
    live = sum(1 for b in state.blocks if b.kind != DROP)
    limit = 40 if state.kind == "digest" else min(6, live // 4)  # an article's closing appeal is a few lines
    if tail and len(tail) <= limit and any(COLOPHON.search(b.text) for b in tail):
        for block in tail:
            state.drop(block, "colophon (copyright, subscription and delivery notes)")


def remove_tracking_parameters(state: State) -> None:
    for block in state.blocks:
        if block.kind == DROP or "://" not in block.text:
            continue
        block.text, removed = clean_urls_in_text(block.text)
        if removed:
            state.dropped.append(Dropped(state.source.name, block.lines, "&".join(removed),
                                         "tracking parameters removed from the address"))


def read_image_captions(state: State) -> None:
    from ..readers.markup_fields import credit_split, label_left

    if state.kind == "ocr-page":  # page text carries no Markdown: `![x](y)` there is as typed
        return
    for block in state.blocks:
        match = IMAGE_THEN_TEXT.match(block.text) if block.kind == PARA else None
        if not match or not _reads_as_caption(match["caption"]):
            continue
        image = block.text[: match.start("caption")].strip()
        state.dropped.append(Dropped(state.source.name, block.lines, image,
                                     "image markup (the image does not travel; its caption is kept as a figure)"))
        caption, credit = credit_split(match["caption"].strip())
        if label := label_left(match["caption"], caption, credit):
            state.dropped.append(Dropped(state.source.name, block.lines, label, "caption label (caption and credit "
                                                                                "are kept as a figure)"))
        block.kind, block.text = CAPTION, match["caption"].strip()
        block.meta["caption"], block.meta["credit"] = caption, credit


def _reads_as_caption(text: str) -> bool:
    """A caption is short (a name, a label or a sentence, not a run of paragraphs) and opens like one:
    not in lower case, as a sentence going on after the image would."""
    return len(text) <= (60 if has_cjk(text) else 200) and text.count("。") <= 1 and not text[:1].islower()


def drop_shortcodes(state: State) -> None:
    for block in state.blocks:
        if block.kind == PARA and SHORTCODE.match(block.text):
            state.drop(block, "site shortcode (embedded media, no text)")


def read_html_figures(state: State) -> None:
    """A `<figure>` … `</figure>` run of lines → one CAPTION block; its lines leave the text, reported."""
    from ..readers.markup_fields import figure_parts

    result: list[Block] = []
    blocks = state.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        end = _figure_end(blocks, index) if block.kind == PARA and FIGURE_OPEN.match(block.text) else None
        if end is None:
            result.append(block)
            index += 1
            continue
        group = blocks[index:end + 1]
        caption, credit = figure_parts("\n".join(b.text for b in group))
        for member in group:
            state.drop(member, "HTML figure markup (the image does not travel; its caption is kept as a figure)")
        result.extend(group)
        if caption or credit:
            text = f"{caption} {credit}".strip()
            result.append(Block(CAPTION, text, (group[0].lines[0], group[-1].lines[1]),
                                meta={"caption": caption, "credit": credit}))
        index = end + 1
    state.blocks = result


def _figure_end(blocks: list[Block], start: int) -> int | None:
    for index in range(start, min(len(blocks), start + FIGURE_LINES)):
        if FIGURE_CLOSE.search(blocks[index].text):
            return index
    return None
