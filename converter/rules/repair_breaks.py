"""Rule: a paragraph cut by a column, page, running head or caption is one again.

Two text paragraphs, with only captions, jump lines or dropped furniture
between them, are one paragraph when the first does not end a sentence or
the second goes on in lower case. A hyphen at the cut joins the word. What
stood between them (a caption) moves after the repaired paragraph.
"""

from __future__ import annotations

from ..model import CAPTION, DROP, JUMP, PARA, Block
from ..state import State
from ..text import ends_sentence, starts_lowercase

BETWEEN = {CAPTION, DROP, JUMP}


CLOSING_QUOTES = ("”", "’", "»", '"')


def is_cut(first: Block, second: Block, laid_out: bool = True) -> bool:
    """Whether `second` goes on with `first`'s sentence.

    On a laid-out page (columns, captions, page breaks) a paragraph that does not end a
    sentence was cut; a quotation closed at the end counts as finished. Feed text has no
    columns, so there only a continuation in lower case (or a hyphen) is a cut.
    """
    if second.meta.get("alone"):
        return False  # a label standing by itself (a credit, a byline role) goes on nothing
    if starts_lowercase(second.text):
        return True
    if not laid_out:
        return first.text.endswith("-") and not first.text.endswith(" -")
    finished = ends_sentence(first.text) or first.text.rstrip().endswith(CLOSING_QUOTES)
    return not finished


def _join(first: Block, second: Block) -> None:
    second.meta["used_as"] = "joined"
    if first.text.endswith("-") and not first.text.endswith(" -") and second.text[:1].islower():
        first.text = first.text[:-1]
        first.extend(second, joiner="")
    else:
        first.extend(second)


def repair_blocks(body: list[Block], laid_out: bool = True) -> list[Block]:
    result: list[Block] = []
    pending: list[Block] = []  # blocks standing between an open paragraph and its continuation
    open_para: Block | None = None
    for block in body:
        if block.kind == PARA and open_para is not None and is_cut(open_para, block, laid_out):
            _join(open_para, block)
            continue
        if block.kind in BETWEEN and open_para is not None:
            pending.append(block)
            continue
        result.extend(pending)
        pending = []
        result.append(block)
        open_para = block if block.kind == PARA else None
    return result + pending


def repair_breaks(state: State) -> None:
    laid_out = state.kind != "digest"
    for article in state.articles:
        article.body = repair_blocks(article.body, laid_out)
