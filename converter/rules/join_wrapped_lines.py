"""Rule: lines of one paragraph become one block again, by the file's own paragraph marking.

The marking (blank lines, one paragraph per line, indentation, or wrap at the
column width with blank lines as column breaks) is measured first (see
`paragraph_marking`); each line break is then a paragraph end or a wrap by that
convention. Lines that stand alone whatever the marking — bylines, jump lines,
captions, credits, signatures, headline lines in capitals, short labels — are
never joined. Each join of a line that the marking alone does not explain (a
cut line in one-paragraph-per-line text, a column break) and each mended word
is recorded on the block (`meta["join_notes"]`; `meta["joins"]` names the rule) and in the trace.
"""

from __future__ import annotations

import re

from ..dates import find_date
from ..model import HEADING, PARA, Block
from ..state import State
from .attach_metadata import SIGNATURE
from .find_bylines import is_name_and_role, parse_byline
from .find_captions import parse_caption, parse_credit
from .find_credit_lines import is_credit_line
from .find_jump_lines import is_jump_line
from .find_short_lines import is_headline_shaped
from .headline_groups import is_bracketed_credit
from .layout_settings import MARKING
from .adverts import ADVT
from .paragraph_marking import Marking, indent_of, indented_lines, line_closes, line_facts, measure
from .word_splits import Vocabulary, join_pieces
from ..text import is_upper_label, per_source_cache, starts_lowercase, title_case_share, word_count


@per_source_cache
def is_caps_line(text: str) -> bool:
    if len(text) > 50 or text[:1] in "([{" or text[-1:] in ")]}" \
            or not (text[:1].isupper() or text[1:2].isupper() or text[2:3].isupper()):  # a capital in the first three
        return False
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    if upper + lower < 4 or len(text.split()) > 8:
        return False  # a bracketed line in capitals is a credit (`(BY CABLE TO THE TRIBUNE.)`), not a headline
    return upper / (upper + lower) >= 0.8


def mark_caps_headlines(blocks: list[Block]) -> int:
    """Runs of one to four short lines in capitals are headline decks, not text to wrap; how many lines."""
    index = marked = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and blocks[end].kind == PARA and is_caps_line(blocks[end].text):
            end += 1
        if 0 < end - index <= 4:
            for block in blocks[index:end]:
                block.kind, block.meta["caps"] = HEADING, True
                block.meta["dateline"] = find_date(block.text) is not None
            marked += end - index
        index = max(end, index + 1)
    return marked


# A caption line that stands alone carries a credit mark: a label and colon, a bracketed or slashed
# credit, `by`, a pointer arrow, `摄`/`图`. Lines without one are not run past the caption parser.
CREDIT_MARK_CHARS = re.compile(r"[:：/)\]】）摄图◀▶◄►▲▼←→↑↓☜☞]")
BY_WORD = re.compile(r"\bby\b", re.I)


def has_credit_mark(text: str) -> bool:
    """A credit mark's character, or `by` as a word (tried only where `by` stands at all): one
    character-class scan and a substring test instead of one alternation tried at every character."""
    return bool(CREDIT_MARK_CHARS.search(text) or ("by" in text.lower() and BY_WORD.search(text)))


@per_source_cache
def stands_alone(text: str) -> bool:
    """A line that is never part of a wrapped paragraph, whatever the marking."""
    if text[:1].islower() and not text.startswith("by "):
        return False  # a line going on in lower case continues something
    return bool(parse_byline(text) or is_name_and_role(text) or is_jump_line(text) or is_credit_line(text)
                or SIGNATURE.match(text)
                or is_bracketed_credit(text)
                or (has_credit_mark(text) and (parse_caption(text) or parse_credit(text))))


WIDER = 1.5  # a line this many times the column width or longer is set across columns


def _wider_than_column(block: Block | None, marking: Marking) -> bool:
    return block is not None and block.kind == PARA and len(block.text) > WIDER * marking.width \
        and marking.width >= MARKING.min_column_chars


def _set_across(blocks: list[Block], index: int, marking: Marking) -> bool:
    """In hard-wrapped text a line far wider than the column is no line of it: a headline or deck set
    across columns, a caption under a picture. (A run of such lines is text set wider: a front page's
    lead paragraph across two columns; its lines join as usual.)"""
    before = blocks[index - 1] if index else None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return _wider_than_column(blocks[index], marking) and not _wider_than_column(before, marking) \
        and not _wider_than_column(after, marking)


def _is_label(previous: Block | None, block: Block, following: Block | None, width: int) -> bool:
    """In wrapped text, a line that stops without punctuation after a finished line and is short (a
    byline role, a credit), or in Title Case with no text above it (a headline), or one standing
    alone between blank lines."""
    text = block.text
    if line_closes(text) or starts_lowercase(text) or text.endswith(("-", ",", ";")):
        return False
    if following is not None and starts_lowercase(following.text):
        return False
    if block.meta.get("blank_before") and (following is None or following.meta.get("blank_before")):
        return True
    after_break = previous is None or previous.kind != PARA or line_closes(previous.text) \
        or bool(previous.meta.get("alone"))
    # In Title Case and short of the width where no text runs above it (the top, a dropped line, a heading)
    titled = (previous is None or previous.kind != PARA) and word_count(text) >= 2 \
        and title_case_share(text) >= 0.75 and len(text) < MARKING.full * width
    return after_break and (len(text) < MARKING.short_label * width or titled
                            or _head_over_text(text, following, width))


def _head_over_text(text: str, following: Block | None, width: int) -> bool:
    """A headline with no byline under it, set over a story's first line in a column (`Rain delays
    stadium work` / `Heavy rain over the weekend pushed`): headline-shaped, the next line opens a
    sentence, and its first word would have fitted on this line — so the break was no wrap."""
    if following is None or following.kind != PARA or not is_headline_shaped(text) or is_upper_label(following.text):
        return False  # (in text set in capitals no capital opens a sentence)
    first = following.text.split(maxsplit=1)[0]
    return first[:1].isupper() and len(text) + 1 + len(first) <= FITS * width


FITS = 0.9  # of the measured width (most lines are no longer): a word that fits inside it fits the column


def break_kind(marking: Marking, previous: Block, block: Block, deep: bool) -> str | None:
    """Why `block` starts a new paragraph after `previous` (None: it continues it)."""
    last = previous.meta.get("last_line", previous.text)
    closed, blank = line_closes(last), block.meta.get("blank_before")
    cut = not closed and (starts_lowercase(block.text) or last.endswith("-"))
    if "Ad" in last and ADVT.search(last):  # ADVT needs its `Ad`
        return "an advert's closing mark (Advt.)"
    if marking.mode == "line":
        return None if cut and not blank else "line"
    if blank and marking.blanks == "paragraph" and not (cut and starts_lowercase(block.text)):
        return "blank line"
    if deep and marking.mode == "indent":
        return "indent"
    if closed and len(last) < MARKING.full * marking.width:
        return "short line ending a sentence"
    if not cut and last[-1:] in LEAD_IN_ENDS and _next_word_fits(last, block.text, marking.width):
        return "short line leading into what follows (the next word would have fit)"
    if closed and marking.full_closes_paragraph and marking.mode != "blank":
        return "line ending a sentence (this file's paragraphs are short)"
    return None


LEAD_IN_ENDS = set(":：—–") | set("\"”»")  # `… a rest-day for working people”:` / `“SECTION 1. …`


def _next_word_fits(last: str, text: str, width: int) -> bool:
    """Hard wrapping fills a line before it breaks: when the next line's first word would have fitted
    well inside the width, the break was set by hand — a paragraph ends there."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return bool(first) and not starts_lowercase(text) and len(last) + 1 + len(first) < MARKING.full * width


def join_wrapped_lines(state: State) -> None:
    raw = state.source.text.split("\n")
    blocks = state.blocks
    indents = [indent_of(raw[b.lines[0] - 1]) if b.lines[0] <= len(raw) else 0 for b in blocks]
    facts = line_facts(blocks)
    marking = measure(blocks, indents, facts)
    if (marking.mode != "line" or marking.blanks == "paragraph") and mark_caps_headlines(blocks):
        # (one paragraph per line with no blanks: a capitals line there is a line of its own anyway)
        _drop_caps_date_lines(state)
        marking = measure(blocks, indents, facts)  # headlines in capitals are no evidence of paragraphs
    state.note("join_wrapped_lines", f"paragraph marking: {marking.describe()}")
    deep = indented_lines(blocks, indents, facts)
    vocabulary = Vocabulary(state.source.text)
    joined: list[Block] = []
    for index, block in enumerate(blocks):
        previous = joined[-1] if joined else None
        alone = block.kind == PARA and stands_alone(block.text)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == PARA and marking.mode != "line" and not alone:
            alone = _is_label(previous, block, following, marking.width) or _set_across(blocks, index, marking)
        if alone:
            block.meta["alone"] = True
        if previous is None or block.kind != PARA or previous.kind != PARA or alone or previous.meta.get("alone") \
                or previous.meta.get("quote") != block.meta.get("quote") \
                or previous.meta.get("notice") != block.meta.get("notice"):
            joined.append(block)
            continue
        reason = break_kind(marking, previous, block, deep[index])
        if reason is not None:
            block.meta["starts_by"] = reason
            joined.append(block)
            continue
        _join(state, previous, block, marking, vocabulary)
    state.note("join_wrapped_lines", f"{len(blocks)} lines -> {len(joined)} blocks")
    state.blocks = joined


def _join(state: State, previous: Block, block: Block, marking: Marking, vocabulary: Vocabulary) -> None:
    start = previous.lines
    text, mended = join_pieces(previous.text, block.text, vocabulary)
    why = _join_reason(marking, block)
    previous.extend(block, text=text)
    previous.meta["last_line"] = block.text
    if why or mended:
        record = {"line": block.lines[0], "rule": why or "wrapped line"}
        if mended:
            record["word"] = mended
        previous.meta.setdefault("join_notes", []).append(record)
        state.note("join_wrapped_lines", f"line {block.lines[0]} joined to line {start[1]}: "
                   f"{record['rule']}{'; ' + mended if mended else ''}")


def _join_reason(marking: Marking, block: Block) -> str | None:
    """A join the marking alone does not explain is named."""
    if marking.mode == "line":
        return "cut line: no sentence end, the next line goes on"
    if block.meta.get("blank_before"):
        return "column break: blank line inside a sentence"
    return None


def _drop_caps_date_lines(state: State) -> None:
    for block in state.blocks:
        if block.meta.get("dateline"):
            state.issue.setdefault("date", find_date(block.text))
            state.drop(block, "masthead date line (kept as the issue's date)")
