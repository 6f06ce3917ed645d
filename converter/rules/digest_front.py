"""Rules for the front of a digest: its header, table of contents and summary list.

- read_digest_header: the lines before the contents (publication, digest title,
  date line, tagline) → the issue's metadata; they leave the text, reported.
- drop_table_of_contents: bullet lines listing the titles → dropped, titles kept.
- read_summaries: `N. title` / `中文标题:` / `内容摘要:` → translations of the
  article with that title (`翻译失败`, "translation failed", gives no title).
- read_labelled_metadata: a run of three or more `**Label：** value` lines
  (`标题` / `作者` / `发表日期`, `Title` / `Author` / `Published`), wherever it
  stands (newsletters put it mid-file) → the issue's title, publication and
  date; the lines leave the text, reported.
"""

from __future__ import annotations

import re

from ..dates import NUMERIC, WORDY, find_date
from ..model import HEADING, ITEM, PARA, URL, Block
from ..state import State
from ..text import ends_sentence, has_cjk, key
from ..urls import bare_url

FIELD_LINE = re.compile(r"^(?:\*\*|__)(?P<label>[^*_:：]{1,16}?)\s*[:：]\s*(?:\*\*|__)\s*(?P<value>.*?)\s*$"
                        r"|^(?P<label2>标题|標題|作者|发表日期|發表日期|发布日期|日期|来源|來源|Title|Author|Date|Published)"
                        r"\s*[:：]\s*(?P<value2>.*?)\s*$")
FIELD_KEYS = {"title": ("标题", "標題", "title", "headline"), "publication": ("作者", "author", "来源", "來源", "publisher"),
              "date": ("发表日期", "發表日期", "发布日期", "日期", "date", "published")}
FIELD_RUN = 3
NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)、]\s*(?P<title>.+)$")
LABELLED = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z ]{2,20})\s*[:：]\s*(?P<value>.*)$")
ZH_TITLE = {"中文标题", "标题", "译题"}
ZH_SUMMARY = {"内容摘要", "摘要", "内容提要"}
FAILED = {"翻译失败", "translation failed", "无", "n/a"}


def _first_body_index(blocks: list[Block]) -> int:
    """Where the header stops: the first list item, numbered summary, note section or entry."""
    from .digest_entries import digest_entry_starts

    starts = digest_entry_starts(blocks)
    first_entry = starts[0] if starts else len(blocks)
    for index, block in enumerate(blocks[:first_entry]):
        if block.kind in (ITEM, URL) or NUMBERED.match(block.text) or opens_note(blocks, index):
            return index
    return first_entry


def opens_note(blocks: list[Block], index: int) -> bool:
    """A section heading with running text under it (an editor's note, a foreword), not an entry list."""
    from .digest_entries import _live

    block = blocks[index]
    if block.kind != HEADING or block.level < 2:
        return False
    after = _live(blocks, index + 1, 2)
    if not after or after[0].kind != PARA or len(after[0].text) < 40:
        return False
    return not (len(after) > 1 and after[1].kind == URL)


def read_digest_header(state: State) -> None:
    """Title (a level-1 heading, or the first line with a date in it), the date line, the publication."""
    end = _first_body_index(state.blocks)
    header = [b for b in state.blocks[:end] if b.kind == PARA or (b.kind == HEADING and b.level == 1)]
    if not header:
        return
    title = next((b for b in header if b.kind == HEADING and b.level == 1), None)
    title = title or next((b for b in header if find_date(b.text) and len(_without_date(b.text)) >= 4), None)
    dated = next((b for b in header if b is not title and find_date(b.text)), None)
    publication = next((b for b in header if b not in (title, dated) and _is_name(b.text)), None)
    issue = state.issue
    if title:
        issue.setdefault("title", title.text)
    issue.setdefault("date", find_date(dated.text) if dated else find_date(title.text) if title else None)
    if publication:
        issue.setdefault("publication", publication.text)
    elif title and _without_date(title.text):
        issue.setdefault("publication", _without_date(title.text))
    rest = [b.text for b in header if b not in (title, dated, publication)]
    if rest:
        issue.setdefault("description", " ".join(rest))
    for block in header:
        state.drop(block, "digest header (kept as the issue's metadata)")


def _without_date(text: str) -> str:
    return re.sub(r"\s+", " ", WORDY.sub("", NUMERIC.sub("", text))).strip(" -–—|,:")


def _is_name(text: str) -> bool:
    """A masthead name: short, no link, no sentence."""
    return len(text) <= 40 and "](" not in text and not bare_url(text) and not ends_sentence(text)


def drop_table_of_contents(state: State) -> None:
    """List items before the first entry that name entries, or a run of three or more, are the contents."""
    from .digest_entries import entry_starts

    starts = entry_starts(state.blocks)
    titles = {key(state.blocks[i].text) for i in starts}
    items = [b for b in state.blocks[: starts[0] if starts else 0] if b.kind == ITEM]
    listed = [b for b in items if key(b.text) in titles]
    contents = listed if listed else (items if len(items) >= 3 else [])
    state.contents = [b.text for b in contents]
    for item in contents:
        state.drop(item, "table of contents")


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
        last = max(b.lines[1] for b, _ in found.values())
        state.summary_titles[key(match["title"])] = (match["title"].strip(), (block.lines[0], last))
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


def read_labelled_metadata(state: State) -> None:
    """A run of `Label: value` lines naming the post's title, author or date is metadata, not text."""
    run: list = []
    for block in state.blocks + [None]:
        match = FIELD_LINE.match(block.text) if block is not None and block.kind == PARA else None
        if match:
            run.append((block, match))
            continue
        if block is not None and block.kind != PARA and block.reason and run:
            continue  # a dropped line (a rule, an empty quote) does not end the run
        if len(run) >= FIELD_RUN and any(_field_key(m) for _, m in run):
            _take_fields(state, run)
        run = []


def _field_key(match: re.Match) -> str | None:
    label = (match["label"] or match["label2"] or "").strip().casefold()
    return next((k for k, labels in FIELD_KEYS.items() if label in labels), None)


def _take_fields(state: State, run: list) -> None:
    for block, match in run:
        name, value = _field_key(match), (match["value"] if match["label"] else match["value2"]) or ""
        value = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", value).strip()  # `[中国数字时代](…)` → its text
        if name == "date":
            value = find_date(value) or value
        if name and value:
            state.issue.setdefault(name, value)
        state.drop(block, "metadata block (kept as the issue's metadata)")
