"""Rules that read the light markup of PDF→Markdown and feed text.

- decode_entities: `&amp;` → `&` (the text is text from here on).
- read_atx_headings: `## Title` → a HEADING block of level 2.
- read_promoted_paragraphs: a heading that is a whole paragraph under running text → text again.
- read_plain_kickers: a kicker label left unmarked right above a marked headline → part of its group.
- read_bold_crossheads: a line that is wholly `**bold**` → a CROSSHEAD (a HEADING above the first text or a byline).
- drop_page_markers: `=====`, `{3}-----`, `PAGE 3`, `## p. 1 (#9) ####` → dropped as page furniture.
- read_list_items: `• text` / `- text` → a list ITEM (a bulleted byline or caption is that line).
- unwrap_emphasised_credits: `**By LI Ming**` → `By LI Ming` (then read as a byline).
- read_layout_boxes: a one-column (or one-row) table is a layout box: its cells are lines of text.
- read_tables: consecutive `| a | b |` lines → one TABLE of cells.
- read_blockquotes: `> text` → text marked as a quotation.
- drop_running_heads: a line repeated right below page breaks → dropped.
- drop_image_placeholders: `![img-0.jpeg](img-0.jpeg)`, `<!-- image -->` → dropped (no image travels with the text).
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import BYLINE, CROSSHEAD, DROP, HEADING, ITEM, PARA, TABLE, Block
from ..state import State
from ..text import decode_entities as _decode, key

ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)(\*\*|__)[.:]?$")
RULE_LINE = re.compile(r"^(?:\{\d+\})?([=\-_*~])\1{2,}\s*$")  # marker numbers its page separators: `{3}-----`
PAGE_LINE = re.compile(r"^(?:#+\s*)?(?:PAGE|Page|p\.)\s*\d+\b[^a-z]{0,40}$")
BULLET = re.compile(r"^(?:[•·▪●◦‣∙]\s*|[*+\-]\s+)(?P<text>\S.*)$")
IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|<!--\s*(?:image|picture|figure)\s*-->)$", re.I)  # docling: <!-- image -->


def decode_entities(state: State) -> None:
    for block in state.blocks:
        block.text = _decode(block.text)


def read_atx_headings(state: State) -> None:
    """`## Title`, and setext headings (a line underlined by `===` or `---`), become HEADINGs."""
    for index, block in enumerate(state.blocks):
        match = ATX.match(block.text)
        if block.kind == PARA and match and match.group(2):
            block.kind, block.level, block.text = HEADING, len(match.group(1)), match.group(2)
        elif block.kind == PARA and _underlined(state.blocks, index):
            block.kind, block.level = HEADING, 1 if state.blocks[index + 1].text.startswith("=") else 2
            state.blocks[index + 1].meta["dropped"].reason = "heading underline"


PROMOTED_WORDS = 25  # a headline, even a long deck, runs shorter than this; a paragraph runs longer
PROMOTED_CJK_CHARS = 60


def read_promoted_paragraphs(state: State) -> None:
    """A PDF→Markdown tool marks lines by type size, so a paragraph set larger (a lead paragraph, a
    pull-out, a boxed note) can come out as `## The council approved …`. A heading that is a whole
    paragraph — twenty-five words or more (sixty characters in Chinese) ending a sentence — standing
    under running text is running text again; under a headline it is a deck and stays."""
    above = None
    for block in state.blocks:
        if block.kind == DROP:
            continue
        if block.kind == HEADING and above is not None and above.kind == PARA and _paragraph_sized(block.text):
            block.kind, block.level = PARA, 0
            state.note("read_promoted_paragraphs", f"line {block.lines[0]}: a paragraph marked as a heading")
        above = block


def _paragraph_sized(text: str) -> bool:
    from ..text import ends_sentence, has_cjk, word_count

    size_ok = len(text) >= PROMOTED_CJK_CHARS if has_cjk(text) else word_count(text) >= PROMOTED_WORDS
    return size_ok and ends_sentence(text)


def read_plain_kickers(state: State) -> None:
    """A PDF→Markdown tool marks lines by size, so a small kicker over a large headline may come out
    unmarked: `Opinion` / `# National Christianity`. A line that is a kicker label (cues.KICKER_LABELS)
    standing right above a marked heading (blank lines only between) joins its headline group,
    one level below the headline."""
    from .cues import KICKER_LABELS

    live = [b for b in state.blocks if b.kind != DROP]
    for block, below in zip(live, live[1:]):
        if block.kind == PARA and below.kind == HEADING and below.level and key(block.text) in KICKER_LABELS:
            block.kind, block.level = HEADING, below.level + 1


def _underlined(blocks: list[Block], index: int) -> bool:
    """The next line, with no blank between, is a run of `=` or `-` (already dropped as a rule)."""
    if index + 1 >= len(blocks) or len(blocks[index].text) > 120:
        return False
    under = blocks[index + 1]
    return under.kind == DROP and not under.meta.get("blank_before") and bool(re.fullmatch(r"=+|-+", under.text))


def read_bold_crossheads(state: State) -> None:
    """A line wholly in bold is a crosshead — or a headline where a crosshead never stands: above the
    source's first text (furniture and headings only above it), or right over a byline or over
    another such headline line (a bold deck). pymupdf4llm and pdftotext mark a headline set in bold
    type so (`**Taiwan warns on IDs**`), as they mark a bold crosshead."""
    live = [b for b in state.blocks if b.kind != DROP]
    bold = [b.kind == PARA and BOLD_LINE.match(b.text) is not None for b in live]
    text_above = [False] * len(live)
    for index in range(1, len(live)):
        text_above[index] = text_above[index - 1] or not (bold[index - 1] or live[index - 1].kind == HEADING)
    heads_story = False  # the live block below is a byline or a bold headline line
    for index in range(len(live) - 1, -1, -1):
        block = live[index]
        match = BOLD_LINE.match(block.text) if block.kind == PARA else None
        if match and len(match.group("text")) <= 120:
            headline = heads_story or not text_above[index]
            block.kind, block.text = (HEADING if headline else CROSSHEAD), match.group("text").strip()
        heads_story = block.kind == BYLINE or (block.kind == HEADING and bool(match))


def drop_page_markers(state: State) -> None:
    for block in state.blocks:
        if RULE_LINE.match(block.text) or PAGE_LINE.match(block.text):
            state.drop(block, "page marker")


def drop_image_placeholders(state: State) -> None:
    for block in state.blocks:
        if block.kind == PARA and IMAGE.match(block.text):
            state.drop(block, "image placeholder (no image in the source text)")




def read_list_items(state: State) -> None:
    """`• text`, `- text`, `* text` → a list ITEM (its text without the bullet). A PDF→Markdown tool
    also bullets lines it found set apart in a box: a bulleted byline, caption or credit
    (`- By Jane Doe`, `* Photo: AFP`) is that line, read as such, not a list item."""
    from .find_bylines import parse_byline
    from .find_captions import parse_caption
    from .find_credit_lines import is_credit_line

    for block in state.blocks:
        match = BULLET.match(block.text) if block.kind == PARA else None
        if not match:
            continue
        inner = match.group("text")
        if parse_byline(inner) or parse_caption(inner) or is_credit_line(inner):
            block.text = inner  # the bullet was layout
        else:
            block.kind, block.text = ITEM, inner


def drop_running_heads(state: State) -> None:
    """A line repeated just below several page breaks (`THE AMERICAN SENTINEL. 111`) is a running head."""
    below: dict[int, Block] = {}
    for index, block in enumerate(state.blocks):
        if block.kind == DROP and block.reason == "page marker":
            live = [b for b in state.blocks[index + 1:index + 6] if b.kind != DROP][:1]
            below.update((id(b), b) for b in live if len(b.text) <= 80)
    after_break = list(below.values())
    counts = Counter(_running_key(b.text) for b in after_break)
    for block in after_break:
        if counts[_running_key(block.text)] >= 2 and block.kind != DROP:
            state.drop(block, "running head")


def _running_key(text: str) -> str:
    return re.sub(r"[\W\d_]+", " ", text).strip().casefold()


def read_blockquotes(state: State) -> None:
    """`> quoted text` keeps its text, marked as a quotation; a bare `>` line is dropped."""
    for block in state.blocks:
        if block.kind != PARA or not block.text.startswith(">"):
            continue
        text = re.sub(r"^(?:>\s?)+", "", block.text).strip()
        if text:
            block.text, block.meta["quote"] = text, True
        else:
            state.drop(block, "empty quotation line")


WRAPPED = re.compile(r"^(\*\*|__|\*|_)(?P<inner>\S(?:.*\S)?)\1$")


def unwrap_emphasised_credits(state: State) -> None:
    """`**By LI Ming**`, `*Caption. (PHOTO: X)*`, `_Source: Xinhua_`: emphasis around a whole
    byline, caption, jump or credit line is layout; the line is read without it."""
    from .find_bylines import parse_byline
    from .find_captions import parse_caption
    from .find_credit_lines import is_credit_line
    from .find_jump_lines import is_jump_line

    for block in state.blocks:
        match = WRAPPED.match(block.text) if block.kind == PARA else None
        if not match:
            continue
        inner = match.group("inner")
        if parse_byline(inner) or parse_caption(inner) or is_credit_line(inner) or is_jump_line(inner):
            block.text = inner


TABLE_ROW = re.compile(r"^\|.*\|$")
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")


def _row_groups(blocks: list[Block]) -> list[list[int]]:
    """Indices of each run of table rows (no blank line inside a run)."""
    groups: list[list[int]] = []
    for index, block in enumerate(blocks):
        if block.kind != PARA or not TABLE_ROW.match(block.text):
            continue
        if groups and groups[-1][-1] == index - 1 and not block.meta.get("blank_before"):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def read_layout_boxes(state: State) -> None:
    """A PDF→Markdown tool prints text it found in a box (a caption and its credit, a pull quote)
    as a table: `| caption |`, `|---|`, `| Staff photo by X |`. A table of one column, or of one
    row over its rule, holds no data: each cell is a line of text again (read next as a caption,
    credit, byline …), the rule row is dropped."""
    result: list[Block] = []
    boxes = {}
    for group in _row_groups(state.blocks):
        rows = [state.blocks[i] for i in group if not TABLE_RULE.match(state.blocks[i].text.replace(" ", ""))]
        widths = {len(_cells(b.text)) for b in rows}
        if rows and (widths == {1} or len(rows) == 1) and len(rows) <= 4:
            boxes.update((i, group[0]) for i in group)
    for index, block in enumerate(state.blocks):
        if index not in boxes:
            result.append(block)
        elif TABLE_RULE.match(block.text.replace(" ", "")):
            state.drop(block, "table rule of a layout box")
            result.append(block)
        else:
            cells = [c for c in _cells(block.text) if c]
            for n, cell in enumerate(cells):
                meta = dict(block.meta) if n == 0 else {}
                if index != boxes[index] or n:
                    meta["blank_before"] = False
                result.append(Block(PARA, cell, block.lines, meta=meta))
    state.blocks = result


def read_tables(state: State) -> None:
    """Consecutive `| a | b |` lines → one TABLE block holding the rows' cells (the rule row dropped)."""
    result: list[Block] = []
    for block in state.blocks:
        if block.kind != PARA or not TABLE_ROW.match(block.text):
            result.append(block)
            continue
        previous = result[-1] if result else None
        if previous is None or previous.kind != TABLE or block.meta.get("blank_before"):
            previous = Block(TABLE, "", block.lines, meta={"rows": []})
            result.append(previous)
        if not TABLE_RULE.match(block.text.replace(" ", "")):
            previous.meta["rows"].append([cell.strip() for cell in block.text.strip("|").split("|")])
        previous.extend(block, joiner="\n")
        previous.text = previous.text.lstrip("\n")
    state.blocks = result
