"""Rule (plain text): a short line that reads like a title → a HEADING candidate.

Whether a HEADING is a page header, a kicker, a headline or a crosshead is
decided later by segmentation, from what stands around it. A line is not a
candidate when it is a fragment of a broken paragraph: it ends in a comma or
a function word, or the next text line goes on in lower case.
"""

from __future__ import annotations

from ..model import CAPTION, HEADING, JUMP, PARA, Block
from ..state import State
from ..text import CLOSERS, ends_with_punctuation, has_cjk, per_source_cache, starts_lowercase, title_case_share, word_count, words

FUNCTION_WORDS = set(
    "a an the of to in on at by for from with without into onto over under about as and or but nor so yet "
    "than that which who whom whose is are was were be been being has have had do does did will would shall "
    "should may might can could must not its their his her our your my this these those such very more most "
    "also both either neither each every if while when where because although though".split()
)
SKIPPED = {CAPTION, JUMP}


@per_source_cache
def is_title_like(text: str) -> bool:
    if has_cjk(text):
        return len(text) <= 30 and not ends_with_punctuation(text)
    count = word_count(text)
    if count == 0 or count > 14 or len(text) > 100:
        return False
    core = text.rstrip(CLOSERS)
    if core[-1:] in ".,;:，；：" and not core.endswith("..."):
        return False
    first = text.lstrip("\"'“‘(*_ ")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if words(text)[-1].casefold() in FUNCTION_WORDS:
        return False
    return count <= 6 or title_case_share(text) >= 0.6


def _next_text(blocks: list[Block], index: int) -> Block | None:
    for position in range(index + 1, len(blocks)):  # (islice would walk from the start each time)
        if blocks[position].kind not in SKIPPED:
            return blocks[position]
    return None


def find_short_lines(state: State) -> None:
    for index, block in enumerate(state.blocks):
        if block.kind != PARA or not is_title_like(block.text):
            continue
        following = _next_text(state.blocks, index)
        if following is not None and following.kind == PARA and starts_lowercase(following.text):
            continue
        block.kind = HEADING
        block.meta["question"] = block.text.rstrip(CLOSERS).endswith(("?", "!"))
