"""Rule: a paragraph cut by a column, page, running head or caption is one again.

Two text paragraphs, with captions, jump lines or dropped furniture between
them, are one paragraph when the first does not end a sentence; any two are
one when the second goes on in lower case. A hyphen at the cut joins the
word; Chinese halves join with no space (text.line_joiner). What stood
between them (a caption) moves after the repaired paragraph. Each join names its rule on the block (`meta["joins"]`, why in `meta["join_notes"]`) and in
the trace.
"""

from __future__ import annotations

from ..model import CAPTION, DROP, JUMP, PARA, Block
from ..state import State
from ..text import ends_sentence, goes_on, line_joiner
from .find_short_lines import is_title_like

BETWEEN = {CAPTION, DROP, JUMP}


CLOSING_QUOTES = ("”", "’", "»", '"')
LEAD_IN = (":", "：")  # `… include:` / `具体包括：` opens a list or a quotation that follows


def is_cut(first: Block, second: Block, laid_out: bool = True, across: bool = True) -> bool:
    """Whether `second` goes on with `first`'s sentence.

    A continuation in lower case, or a word hyphenated at the cut, always goes on. On a laid-out
    page (columns, captions, page breaks) a paragraph that does not end a sentence was also cut
    when something stood between the two (`across`: a caption, a jump line, dropped furniture);
    a quotation closed at the end counts as finished. With nothing between, only a paragraph that
    stops with no punctuation at all (`… the influence of` / `Chinese scientists …`) was cut: one
    that ends in a colon or comma (`… the following:` over a quotation) ends there. Feed text has
    no columns, so there only a continuation in lower case (or a hyphen) is a cut.
    """
    if second.meta.get("alone"):
        return False  # a label standing by itself (a credit, a byline role) goes on nothing
    if goes_on(second.text):
        return True
    if not laid_out:
        return first.text.endswith("-") and not first.text.endswith(" -")
    if not across:  # nothing between: cut only where running text stops with no punctuation at all
        hyphen = first.text.endswith("-") and not first.text.endswith(" -")
        return hyphen or (first.text.rstrip()[-1:].isalnum() and not is_title_like(first.text))
    finished = ends_sentence(first.text) or first.text.rstrip().endswith(CLOSING_QUOTES + LEAD_IN)
    return not finished and not introduces_quotation(first.text, second.text)


INTRODUCING = (":", ":—", ":-", "：")
OPENING_QUOTES = ("“", "‘", '"', "'", "«", "„", "「", "『")


def introduces_quotation(first: str, second: str) -> bool:
    """`… the editor said:—` over `“No objection …”`: a paragraph that announces a quotation ends
    there; the quoted paragraph is the next one, whatever stands between them."""
    return first.rstrip().endswith(INTRODUCING) and second.lstrip().startswith(OPENING_QUOTES)


def _join(first: Block, second: Block, rule: str) -> None:
    second.meta["used_as"] = "joined"
    first.meta.setdefault("join_notes", []).append({"line": second.lines[0], "rule": rule})
    if first.text.endswith("-") and not first.text.endswith(" -") and second.text[:1].islower():
        first.text = first.text[:-1]
        first.extend(second, joiner="")
    else:
        first.extend(second, joiner=line_joiner(first.text, second.text))


def _rule(first: Block, second: Block, between: list[Block]) -> str:
    what = ", ".join(sorted({b.kind for b in between})) or "nothing"
    how = "goes on in lower case" if goes_on(second.text) else "stops mid-sentence"
    return f"repair_breaks: the paragraph {how} across {what} between"


def repair_blocks(body: list[Block], laid_out: bool = True, notes: list[str] | None = None) -> list[Block]:
    result: list[Block] = []
    pending: list[Block] = []  # blocks standing between an open paragraph and its continuation
    open_para: Block | None = None
    across = False  # whether anything stood between since the open paragraph's last line
    for block in body:
        if block.kind == PARA and open_para is not None and is_cut(open_para, block, laid_out, across):
            rule = _rule(open_para, block, pending if across else [])
            _join(open_para, block, rule)
            across = False  # the cut is used: the next paragraph follows the joined text directly
            if notes is not None:
                notes.append(f"line {block.lines[0]} joined to line {open_para.lines[0]}: {rule}")
            continue
        if block.kind in BETWEEN and open_para is not None:
            pending.append(block)
            across = True
            continue
        across = False
        result.extend(pending)
        pending, across = [], False
        result.append(block)
        open_para = block if block.kind == PARA else None
    return result + pending


def repair_breaks(state: State) -> None:
    laid_out = state.kind != "digest"
    notes: list[str] = []
    for article in state.articles:
        article.body = repair_blocks(article.body, laid_out, notes)
    for note in notes:
        state.note("repair_breaks", note)
