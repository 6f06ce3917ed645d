"""Rule: photo captions and their credits become CAPTION blocks (caption text + credit).

The convention, across papers (cue words per language in `cues.py`):
- a credit glued to the caption: `Caption. (PHOTO: XINHUA)`, `Caption. Photo: AFP`, `Caption. Foto: X`,
  `Caption. / Staff photo by X`, `Caption. Photo by X`, `Caption. JANE DOE/The Herald`, `说明（张三 摄）`;
- a credit on its own line, under or over its caption: `Staff photo by X`, `Photo: X`, `Bild: X`,
  `STAFF PHOTO/JANE DOE`, `JANE DOE/The Herald`, `新华社记者 张三 摄`, `某某供图`, `图片来源：X`;
- a numbered Chinese caption: `图①…`, `图1：…`, `图为…`, `上图：…`;
- an HTML figure in a Markdown source: `<figure><img …><figcaption>Caption. 美聯社</figcaption></figure>`;
- a pointer arrow before the caption: `◀The brooch … (COURTESY PHOTO)`.
A credit line takes as its caption the line next to it that reads as one (printed with no blank
line between them, a short line, a headline-like line, or a line that cuts a paragraph).
"""

from __future__ import annotations

import html
import re

from ..dates import is_date_line
from ..model import CAPTION, DROP, HEADING, PARA, Block
from ..state import State
from ..text import ends_sentence, has_cjk, per_source_cache, starts_lowercase, word_count
from .cues import COPYRIGHT_CREDIT, CREDIT_LABEL, ZH_CREDIT_CUES, PAPER_WORDS, ZH_CAPTION_OPENERS, ZH_CREDIT_PREFIXES, ZH_CREDIT_SUFFIXES, agency_name
from .cues import CREDIT_LABELS  # the words CREDIT_LABEL is made of

POINTERS = "◀▶◄►▲▼←→↑↓☜☞"
MAX_CAPTION = 400  # characters: a caption with its credit is a few lines at most
PAREN_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*[(\[](?P<credit>(?:PHOTOS?|PHOTOGRAPH|PICTURE|IMAGE|ILLUSTRATION|GRAPHIC|FOTO|BILD)\s*"
    r"(?:[:/]|by\s)\s*[^()\[\]]{1,60}"
    r"|[A-Z][A-Za-z/&.' -]{0,40}\s(?:PHOTOS?|IMAGE|GRAPHIC|FOTO)S?)[)\]]\s*$",
    re.IGNORECASE,
)
LABELLED = rf"(?i:{CREDIT_LABEL})"
TRAILING_CREDIT = re.compile(
    rf"^(?P<caption>.*?)\s*(?<![\w-])(?P<label>{LABELLED})\s*(?::|\bby\b|\bvon\b|\bpar\b|\bpor\b|\bde\b)\s*"
    r"(?P<credit>[^\s:][^:]{0,80})$"
)
CREDIT_SEPARATOR = re.compile(r":|\b(?:by|von|par|por|de)\b")  # what TRAILING_CREDIT needs after its label
SEPARATOR_WORD = re.compile(r"\b(?:by|von|par|por|de)\b")  # CREDIT_SEPARATOR but its colon
# Every credit label holds one of these (the labels that hold no other label), in lower case.
LABEL_STEMS = tuple(sorted({w.lower() for w in CREDIT_LABELS
                            if not any(o != w and o.lower() in w.lower() for o in CREDIT_LABELS)}))
FOLDS_APART = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ: matched as i / s by IGNORECASE, not so by str.lower


def may_hold_label(text: str) -> bool:
    """Whether a credit label (TRAILING_CREDIT's, in any case) can stand in the text: a few substring
    tests on the lowered text instead of the label alternation tried at every character."""
    if FOLDS_APART.search(text):
        return True
    lowered = text.lower()
    return any(stem in lowered for stem in LABEL_STEMS)


ZH_SENTENCE_END = re.compile(r"[。！？]")  # what ZH_GLUED needs before its credit
# A credit line on its own opens with its label: `Staff photo by X`, `Photo: X`, `(Foto: X)`.
LEADING_CREDIT = re.compile(rf"^[(\[]?(?P<caption>)(?P<label>{LABELLED})\s*(?::|\bby\b|\bvon\b|\bpar\b|\bpor\b|\bde\b)\s*"
                            r"(?P<credit>[^\s:][^:]{0,80}?)[)\]]?$")
SLASH_CREDIT = re.compile(r"^(?P<caption>.+?)\s+/\s+(?P<credit>[^/]{2,80}(?:/[^/]{2,60})?)$")
# `JANE DOE/The Herald`, `STAFF PHOTO/JANE DOE`, `AP Photo/Jane Doe`: a name and a paper or agency.
NAME_SLASH_PAPER = re.compile(r"(?P<credit>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*(?:[A-Z][\w.'’-]*\s*){1,4})$")
ZH_SUFFIX = "|".join(ZH_CREDIT_SUFFIXES)
ZH_CREDIT = re.compile(rf"^[(（]?\s*(?P<credit>[^()（）。！？]{{2,30}}?)\s*[/／]?\s*(?:{ZH_SUFFIX})\s*[)）]?$")
ZH_PREFIXED = re.compile(rf"^[(（]?\s*(?:{'|'.join(ZH_CREDIT_PREFIXES)})\s*[:：]\s*(?P<credit>[^()（）]{{2,30}})[)）]?$")
ZH_GLUED = re.compile(rf"^(?P<caption>.+?[。！？])\s*[(（]?(?P<credit>[^。！？()（）]{{2,30}}?)\s*[/／]?\s*"
                      rf"(?:{ZH_SUFFIX})\s*[)）]?$")
MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*(?P<caption>\S.{0,160})$")
FIGCAPTION = re.compile(r"<figcaption[^>]*>(?P<text>.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
FIGURE_MARKUP = re.compile(r"^(?:\s*</?(?:figure|img|picture|source)\b[^>]*>\s*)+$", re.IGNORECASE)


def _credit_ok(credit: str) -> bool:
    credit = credit.strip().rstrip(".")
    if not credit or len(credit.split()) > 8:
        return False
    return ". " not in credit and not credit.endswith(("said", "says"))


def _is_paper_credit(credit: str) -> bool:
    """`JANE DOE/The Herald`: one side of the slash names a paper, an agency or `staff photo`."""
    sides = [s.strip() for s in credit.split("/")]
    return len(sides) == 2 and all(side[:1].isupper() for side in sides) and any(
        agency_name(s) or any(w.casefold().strip(".") in PAPER_WORDS for w in re.split(r"[\s-]+", s)) for s in sides)


@per_source_cache
def parse_credit(text: str) -> str | None:
    """The credit when the whole line is a photo credit (`Staff photo by X`, `张三 摄`), else None."""
    text = text.strip()
    if len(text) > 90 or text.endswith(("?", "!", "？", "！")):
        return None
    if match := COPYRIGHT_CREDIT.match(text):
        return match.group("credit").strip(" .*")
    if has_cjk(text):
        match = ZH_PREFIXED.match(text) or ZH_CREDIT.match(text)
        return match.group("credit").strip() if match and not re.search(r"[，,。]", match.group("credit")) else None
    match = LEADING_CREDIT.match(text) or (PAREN_CREDIT.match(text) if text[:1] in "([" else None)
    if match and not match.group("caption").strip():
        credit = re.sub(rf"^(?:{LABELLED})\s*(?:[:/]|by\s)\s*", "", match.group("credit").strip())
        return credit.strip().rstrip(".") if _credit_ok(credit) else None
    if "/" in text and word_count(text) <= 8 and _is_paper_credit(text.strip("()")):
        return text.strip("()").strip()
    return None


def _split_glued(body: str) -> tuple[str, str] | None:
    """A caption with its credit glued to the end by a slash, a label or a `NAME/Paper`. (Each pattern
    is tried only when the line holds what it needs: a slash, a label's colon or `by`, a sentence end.)"""
    slash = "/" in body
    if slash and (match := SLASH_CREDIT.match(body)) and (credit := parse_credit(match.group("credit"))):
        return match.group("caption").strip(), credit
    # a label's stem (a few substring tests), then CREDIT_SEPARATOR (its colon found without a regex)
    separated = may_hold_label(body) and (":" in body or SEPARATOR_WORD.search(body))
    match = TRAILING_CREDIT.match(body) if separated else None
    if match and _credit_ok(match.group("credit")):
        caption = match.group("caption").strip()
        if not caption or caption[-1] in ".!?”\")":
            return caption, match.group("credit").strip().rstrip(".")
    match = NAME_SLASH_PAPER.search(body) if slash else None
    if match and _is_paper_credit(match.group("credit")) and ends_sentence(body[: match.start()]):
        return body[: match.start()].strip(), match.group("credit").strip()
    if match and (split := _credit_after_last_sentence(body)):
        return split  # the name pattern reached back into the caption (`… in Eastern China. JANE DOE/Paper`)
    if ZH_SENTENCE_END.search(body) and (match := ZH_GLUED.match(body)) and not re.search(r"[，,]", match.group("credit")):
        return match.group("caption").strip(), match.group("credit").strip()
    return None


SENTENCE_GAP = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z])")


def _credit_after_last_sentence(body: str) -> tuple[str, str] | None:
    """`Caption sentence. JANE DOE/The Herald`: the credit is what follows the caption's last sentence."""
    gaps = list(SENTENCE_GAP.finditer(body))
    if not gaps:
        return None
    tail = body[gaps[-1].end():].strip()
    if NAME_SLASH_PAPER.fullmatch(tail) and _is_paper_credit(tail):
        return body[: gaps[-1].start()].strip(), tail
    return None


@per_source_cache  # a line is asked before joining (stands_alone) and again as a paragraph
def parse_caption(text: str) -> tuple[str, str] | None:
    """Return (caption, credit) when the whole line is a caption, else None."""
    match = MD_IMAGE.match(text) if text[:1] == "!" else None
    if match and not starts_lowercase(match.group("caption")):  # `![img](a.jpg)Caption`: the picture, its caption
        caption = match.group("caption").strip()
        if credit := ZH_CREDIT_CUES.search(caption):
            return caption[: credit.start()].strip(), credit.group("credit").strip()
        return parse_caption(caption) or (caption, "")
    pointer = text[:1] in POINTERS
    body = text.lstrip(POINTERS + " ")
    bracketed = ("(" in body or "[" in body) and (")" in body or "]" in body)  # what PAREN_CREDIT needs
    match = PAREN_CREDIT.match(body) if bracketed else None
    if match:
        credit = re.sub(r"^(?:PHOTOS?|PHOTOGRAPH|PICTURE|IMAGE|ILLUSTRATION|GRAPHIC|FOTO|BILD)\s*(?:[:/]|by\s)\s*", "",
                        match.group("credit").strip(), flags=re.IGNORECASE)
        return match.group("caption").strip(), credit.strip()
    glued = _split_glued(body) if len(body) <= MAX_CAPTION else None
    if glued and (glued[0] or pointer or TRAILING_CREDIT.match(body)):
        return glued
    if (pointer or ZH_CAPTION_OPENERS.match(body)) and body:
        return body, ""
    return None


def read_figure_html(text: str) -> tuple[str, str] | None:
    """`<figure><img …><figcaption>Caption. 美聯社</figcaption></figure>` → (caption, credit)."""
    match = FIGCAPTION.search(text)
    if not match:
        return None
    inner = re.sub(r"<[^>]+>", "", html.unescape(match.group("text"))).strip()
    parsed = parse_caption(inner)
    if parsed:
        return parsed
    # A Chinese caption names the agency or photographer after its last full stop: `…統一。美聯社`.
    tail = re.match(r"^(?P<caption>.*[。！？.!?])\s*(?P<credit>[^。！？.!?]{1,16})$", inner)
    if tail and (agency_name(tail.group("credit")) or len(tail.group("credit")) <= 8):
        return tail.group("caption").strip(), tail.group("credit").strip()
    return inner, ""


def _live(blocks: list[Block], index: int, step: int) -> int | None:
    position = index + step
    while 0 <= position < len(blocks) and blocks[position].kind == DROP:
        position += step
    return position if 0 <= position < len(blocks) else None


def _caption_like(blocks: list[Block], index: int, at: int, blank_marked: bool, above: bool) -> bool:
    """Whether the block at `index`, next to the credit line at `at`, is that credit's caption."""
    block, credit = blocks[index], blocks[at]
    if block.kind not in (PARA, HEADING) or block.meta.get("quote") or is_date_line(block.text):
        return False
    if starts_lowercase(block.text) or block.text[:1] in "([{<" or block.text[-1:] in ")]}>":
        return False  # the rest of a cut sentence, or a credit or note in brackets, not a caption
    if "://" in block.text or (word_count(block.text) < 2 and not has_cjk(block.text)):
        return False
    size = len(block.text) if has_cjk(block.text) else 6 * word_count(block.text)
    if size > 360:
        return False
    touching = not (credit if above else block).meta.get("blank_before", True)
    if blank_marked and touching:
        return True  # printed as one unit: no blank line between caption and credit
    if block.kind == HEADING or (above and size <= (60 if has_cjk(block.text) else 120)):
        return True  # a short line over its credit (under it, a short line is as likely the story's text)
    outer = _live(blocks, index, -1 if above else 1)
    after = _live(blocks, at, 1) if above else outer
    before = outer if above else _live(blocks, at, -1)
    if before is None or after is None or not all(_running_text(blocks[i]) for i in (before, after)):
        return False
    return not ends_sentence(blocks[before].text) or starts_lowercase(blocks[after].text)


def _running_text(block: Block) -> bool:
    return block.kind == PARA and not is_date_line(block.text) and (has_cjk(block.text) or word_count(block.text) >= 6)


def _merge(state: State, caption: Block, credit: Block, above: bool) -> None:
    """The caption block takes the credit line: one figure printed over two lines."""
    if caption.kind != CAPTION:
        caption.kind, caption.meta["caption"] = CAPTION, caption.text
    caption.meta["credit"] = credit.meta["credit"]
    first, second = (caption, credit) if above else (credit, caption)
    caption.text = first.text + " " + second.text
    caption.lines = (first.lines[0], second.lines[1])
    credit.kind, credit.meta["used_as"] = DROP, "figure credit"
    state.note("find_captions", f"credit at line {credit.lines[0]} paired with the caption at line {caption.lines[0]}")


def _pair_credit(state: State, index: int, blank_marked: bool) -> None:
    """A credit line takes the caption next to it: one printed with it first, then above, then below."""
    credit = state.blocks[index]
    around = [(step, _live(state.blocks, index, step)) for step in (-1, 1)]
    first = _live(state.blocks, -1, 1)  # a source's first line is its headline or masthead, never a caption
    around = [(step, n) for step, n in around if n is not None and n != first]
    waiting = [(step, n) for step, n in around
               if state.blocks[n].kind == CAPTION and not state.blocks[n].meta.get("credit")]
    touching = [(step, n) for step, n in around
                if blank_marked and not (credit if step == -1 else state.blocks[n]).meta.get("blank_before", True)]
    for step, neighbour in waiting + touching + around:
        if (step, neighbour) in waiting or _caption_like(state.blocks, neighbour, index, blank_marked, step == -1):
            _merge(state, state.blocks[neighbour], credit, step == -1)
            return
    if COPYRIGHT_CREDIT.match(credit.text):
        credit.kind = PARA  # a copyright line with no caption is the story's own notice, not a photo's


def find_captions(state: State) -> None:
    credits = []  # indices of credit lines
    for index, block in enumerate(state.blocks):
        if block.kind not in (PARA, HEADING):
            continue
        if FIGURE_MARKUP.match(block.text):
            state.drop(block, "image markup of a figure (no picture travels with the text)")
            continue
        parsed = read_figure_html(block.text) if "<" in block.text and "<figcaption" in block.text.lower() else None
        credit = None if parsed or block.kind == HEADING and block.level else parse_credit(block.text)
        if credit is not None:
            block.kind, block.meta["caption"], block.meta["credit"] = CAPTION, "", credit
            credits.append(index)
            continue
        if block.kind == PARA and not parsed and not (state.kind == "ocr-page" and MD_IMAGE.match(block.text)):
            parsed = parse_caption(block.text)  # page OCR has no Markdown: `![x](y)` there is typed text
        if parsed:
            block.kind = CAPTION
            block.meta["caption"], block.meta["credit"] = parsed
    blank_marked = sum(1 for b in state.blocks if b.meta.get("blank_before")) * 2 >= len(state.blocks)
    for index in credits:
        _pair_credit(state, index, blank_marked)
    state.blocks = [b for b in state.blocks if b.meta.get("used_as") != "figure credit"]
