"""Rule: jump lines → JUMP blocks naming the page (and the jump word), jump heads marked.

The convention (cue words per language in `cues.py`):
- a jump-out says where the story goes on, on its own line or closing a paragraph:
  `See BUDGET, page 6`, `Continued on page 5`, `Please see BUDGET, A6`, `Suite page 3`,
  `Fortsetzung auf Seite 3`, `Continúa en la página 3`, `（转第2版）` → `direction: to`;
- a jump-in says where it came from: `From page 1`, `Continued from Page A3`, `Suite de la page 1`,
  `（上接第1版）` → `direction: from`;
- a jump head opens the continuation with the jump word: `BUDGET: Council votes to …`;
- a continuation is the tail of a story: it runs to the next headline, and the page's own stories
  follow it. A line that reads as a headline (sentence case allowed, no stop, six words or more)
  standing apart between finished paragraphs ends the continuation and heads the next story.
A jump-out closing a paragraph is cut off into a JUMP block of its own.
"""

from __future__ import annotations

import re

from ..model import HEADING, JUMP, PARA, Block
from ..state import State
from ..text import ends_sentence, goes_on, per_source_cache, word_count
from .find_bylines import mark_headline_group_above
from .find_short_lines import is_headline_shaped
from .cues import JUMP_FROM_CUES, JUMP_TO_CUES, PAGE, PAGE_WORDS, zh_number

SLUG = r"(?P<slug>(?-i:(?!PAGE\b|SEITE\b|PAGINA\b|PÁGINA\b)[A-Z][A-Z0-9'’&.-]+(?:\s+[A-Z][A-Z0-9'’&.-]+){0,3}))"  # in capitals, whatever the case of the cue
PAGE_REF = rf"(?:(?:on\s+|to\s+|en\s+|à\s+la\s+|auf\s+|a\s+la\s+)?{PAGE_WORDS}\s*(?P<page>{PAGE})|(?P<bare>[A-Z]\d{{1,2}}|\d{{1,2}}[A-Z]))"
JUMP_TO = re.compile(
    rf"^\(?(?:{JUMP_TO_CUES})\s*(?:{SLUG}\s*(?:[,:/]|\bon\b)?\s*)?(?:{PAGE_REF})?\s*\)?\.?$", re.IGNORECASE)
JUMP_FROM = re.compile(
    rf"^\(?(?:{SLUG},?\s+)?(?:{JUMP_FROM_CUES})\s+(?:{PAGE_WORDS}\s*)?(?P<page>{PAGE})\s*\)?\.?$", re.IGNORECASE)
ZH_JUMP = re.compile(r"^[(（]?(?P<cue>下?转|轉|上接|接)(?:第)?(?P<page>\d{1,2}|[一二三四五六七八九十]{1,3})[版页頁]\)?）?[)）]?$")
JUMP_TAIL = re.compile(r"\s+(?P<jump>\(?(?:see|please see|continued on|cont\.? on|turn to|"
                       r"suite|lire la suite|fortsetzung|weiter auf|continúa en|pasa a)\b[^.!?]{0,50})$", re.IGNORECASE)
ZH_TAIL = re.compile(r"(?<=[。！？”」.!?])\s*(?P<jump>[(（](?:下?转|轉)(?:第)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[版页頁][)）])$")
JUMP_HEAD = re.compile(r"^(?P<slug>[A-Z][A-Z0-9'’&-]{2,}(?:\s+[A-Z][A-Z0-9'’&-]+){0,2})\s*:\s+(?P<rest>[A-Z\"“‘'].{3,100})$")
STORY_HEAD_MIN_WORDS = 6  # a sentence-case crosshead runs shorter (`Institutional support`)
WORD_PAGES = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
              "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}


def read_jump(text: str) -> dict | None:
    """{"direction", "page", "slug"} of a whole jump line, or None."""
    text = text.strip()
    if len(text) > 60:
        return None
    if match := ZH_JUMP.match(text):
        direction = "from" if match.group("cue") in ("上接", "接") else "to"
        return {"direction": direction, "page": zh_number(match.group("page")), "slug": None}
    if match := JUMP_FROM.match(text):
        return {"direction": "from", "page": _page(match.group("page")), "slug": match.group("slug")}
    match = JUMP_TO.match(text)
    if match and (match.group("page") or match.group("bare") or _is_slug(match.group("slug"))):
        return {"direction": "to", "page": _page(match.group("page") or match.group("bare")),
                "slug": match.group("slug") if _is_slug(match.group("slug")) else None}
    return None


def _is_slug(slug: str | None) -> bool:
    """A jump word is printed in capitals (`See BUDGET`); `See page 6` has none."""
    return bool(slug) and slug.isupper() and slug.casefold() not in ("page", "seite", "página")


def _page(page: str | None) -> str | None:
    return WORD_PAGES.get(page.casefold(), page) if page else None


@per_source_cache
def is_jump_line(text: str) -> bool:
    return read_jump(text) is not None


def split_jump_tail(block: Block) -> Block | None:
    """`… the council said. See BUDGET, page 6` → the paragraph, and a JUMP block for the tail."""
    tail_at = max(0, len(block.text) - 70)  # a jump-out is the last few words: look there only
    if block.text.rstrip("\n")[-1:] in (".", "!", "?"):
        return None  # neither tail can close on a sentence end (most paragraphs): no search
    match = JUMP_TAIL.search(block.text, tail_at) or (ZH_TAIL.search(block.text, tail_at)
                                                      if block.text.endswith(("）", ")")) else None)
    if not match or (jump := read_jump(match.group("jump"))) is None or jump["direction"] != "to":
        return None
    if not jump["page"] and not re.search(r"[.!?”\"')]$", block.text[: match.start("jump")].rstrip()):
        return None  # `... see RULES` inside a sentence is no jump-out
    block.text = block.text[: match.start("jump")].rstrip()
    return Block(JUMP, match.group("jump"), block.lines, meta=dict(jump))


def _mark_jump_heads(state: State, slugs: set[str]) -> None:
    """`BUDGET: Council votes to …` heads a continuation when a jump-out named BUDGET or `From page 1` follows."""
    live = [b for b in state.blocks if b.kind != "drop"]
    for index, block in enumerate(live):
        match = JUMP_HEAD.match(block.text) if block.kind in (PARA, HEADING) else None
        if not match or block.text.rstrip().endswith("."):
            continue
        after = live[index + 1] if index + 1 < len(live) else None
        jump_in = after is not None and after.kind == JUMP and after.meta.get("direction") == "from"
        if match.group("slug").casefold() in slugs or jump_in:
            block.kind, block.meta["jump_slug"] = HEADING, match.group("slug")


def _mark_heads_after_continuations(state: State, blocks: list[Block]) -> None:
    """After a jump-in, the first headline-shaped line between finished paragraphs ends the continuation:
    it heads the next story (`meta["opens_story"]`), whatever its case."""
    for index, block in enumerate(blocks):
        if block.kind != JUMP or block.meta.get("direction") != "from":
            continue
        texts = []
        for later in blocks[index + 1:]:
            if later.kind in (HEADING, JUMP):
                break
            if later.kind == PARA:
                texts.append(later)
        for before, line, after in zip(texts, texts[1:], texts[2:]):
            if (word_count(line.text) >= STORY_HEAD_MIN_WORDS and is_headline_shaped(line.text)
                    and line.meta.get("blank_before") and after.meta.get("blank_before")
                    and ends_sentence(before.text) and not goes_on(after.text)):
                line.kind, line.meta["opens_story"] = HEADING, True
                line.meta.setdefault("question", False)
                state.note("find_jump_lines", f"line {line.lines[0]}: a headline after the continuation")
                break


def find_jump_lines(state: State) -> None:
    blocks: list[Block] = []
    for block in state.blocks:
        blocks.append(block)
        if block.kind not in (PARA, HEADING):
            continue
        if (jump := read_jump(block.text)) is not None:
            block.kind = JUMP
            block.meta.update(jump)
        elif block.kind == PARA and (tail := split_jump_tail(block)) is not None:
            blocks.append(tail)
            state.note("find_jump_lines", f"line {block.lines[0]}: jump-out {tail.text!r} cut from the paragraph")
    state.blocks = blocks
    for index, block in enumerate(blocks):
        if block.kind == JUMP and block.meta.get("direction") == "from":
            mark_headline_group_above(state, blocks, index)  # a continuation's head sits over its jump-in
    slugs = {b.meta["slug"].casefold() for b in blocks if b.kind == JUMP and b.meta.get("slug")}
    _mark_jump_heads(state, slugs)
    _mark_heads_after_continuations(state, blocks)
