"""Rule (plain text): a short line that reads like a title → a HEADING candidate.

Whether a HEADING is a page header, a kicker, a headline or a crosshead is
decided later by segmentation, from what stands around it. A line is not a
candidate when it is a fragment of a broken paragraph: it ends in a comma or
a function word, or the next text line goes on in lower case.
"""

from __future__ import annotations

from ..model import BYLINE, CAPTION, DROP, HEADING, JUMP, PARA, Block
from ..state import State
from ..text import (CLOSERS, ends_sentence, ends_with_punctuation, goes_on, has_cjk, key, per_source_cache,
                    title_case_share, word_count, words)
from .cues import KICKER_LABELS
from .datelines import read_dateline

FUNCTION_WORDS = set(
    "a an the of to in on at by for from with without into onto over under about as and or but nor so yet "
    "than that which who whom whose is are was were be been being has have had do does did will would shall "
    "should may might can could must not its their his her our your my this these those such very more most "
    "also both either neither each every if while when where because although though".split()
)
SKIPPED = {CAPTION, JUMP}


@per_source_cache
def is_title_like(text: str) -> bool:
    if has_cjk(text):  # a question mark may close a Chinese headline (`…如何推动“走出去”战略？`)
        return len(text) <= 30 and not ends_with_punctuation(text.rstrip("?？"))
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


def is_headline_shaped(text: str) -> bool:
    """A headline written as a sentence (`Xtep posts record profit as marathon boom lifts sales`): up to
    twenty words from a capital, not cut at a comma, colon or function word, with no full stop but
    inside a short quotation (`“Sundays Excepted.”`)."""
    if has_cjk(text):
        return len(text) <= 40 and not text.rstrip(CLOSERS)[-1:] in "。，；：,;:"
    count = word_count(text)
    core = text.rstrip(CLOSERS)
    first = text.lstrip("\"'“‘(*_ ")[:1]
    if count == 0 or count > 20 or len(text) > 150 or not (first.isupper() or first.isdigit()):
        return False
    quoted_stop = core[-1:] == "." and core != text and count <= 8  # `“Sundays Excepted.”`
    if core[-1:] in ",;:，；：" or (core[-1:] in ".!" and not quoted_stop) or words(text)[-1].casefold() in FUNCTION_WORDS:
        return False
    return True


def _headline_by_place(state: State, index: int) -> bool:
    """A line that stands where papers put the headline: over the byline (with at most a kicker
    between), or right over or under a kicker label."""
    known = KICKER_LABELS | {key(s) for s in state.sidecar.get("sections", [])}
    place = _next_index(state.blocks, index)
    if place is not None and state.blocks[place].kind in (PARA, HEADING) and key(state.blocks[place].text) in known:
        return True
    if place is not None and state.blocks[place].kind == PARA and is_title_like(state.blocks[place].text):
        place = _next_index(state.blocks, place)  # a kicker between the headline and its byline
    if place is not None and state.blocks[place].kind == BYLINE and _text_follows(state.blocks, place):
        return True
    before = next((b for b in reversed(state.blocks[:index]) if b.kind != DROP), None)
    return before is not None and before.kind in (PARA, HEADING) and key(before.text) in known


def _over_dateline(blocks: list[Block], index: int) -> bool:
    """A short line right over a paragraph that opens with a dateline (`新华社广州3月2日电…`, `GENEVA (AP) —`)
    is the story's headline, whatever punctuation closes it."""
    text = blocks[index].text
    size = len(text) if has_cjk(text) else 3 * word_count(text)
    if size > 40 or text.rstrip(CLOSERS)[-1:] in ",;:，；：、" or not blocks[index].meta.get("blank_before", index == 0):
        return False
    place = _next_index(blocks, index)
    return place is not None and blocks[place].kind == PARA and read_dateline(blocks[place].text) is not None


def story_gaps_mark_stories(blocks: list[Block]) -> bool:
    """Whether this page sets its stories apart with a wider gap (two or more blank lines) than its
    paragraphs (one): the wider gaps are few and the paragraph gaps many."""
    wide = sum(1 for b in blocks[1:] if b.meta.get("gap_before", 0) >= 2)
    single = sum(1 for b in blocks[1:] if b.meta.get("gap_before", 0) == 1)
    return 0 < wide and 2 * wide <= single


def _after_story_gap(blocks: list[Block], index: int) -> bool:
    """A headline line after a wider gap, or right under a short kicker that stands after one, with
    running text under it (perhaps under a second headline line): the next story's headline, in
    whatever case it is set, a question too (`How is … strategy?`)."""
    if index == 0 or not _head_line(blocks[index].text):
        return False
    if blocks[index].meta.get("gap_before", 0) < 2:
        above = blocks[index - 1]
        kicker = above.meta.get("gap_before", 0) >= 2 and word_count(above.text) <= 4 and is_title_like(above.text)
        return kicker and _paragraph_below(blocks, index)
    place = _next_index(blocks, index)
    if place is not None and blocks[place].kind == PARA and _head_line(blocks[place].text):
        return _paragraph_below(blocks, place)  # a kicker over the headline
    return _paragraph_below(blocks, index)


def _head_line(text: str) -> bool:
    """A headline, or a question set as one (twenty words at most, one sentence)."""
    core = text.rstrip(CLOSERS)
    question = core.endswith("?") and word_count(text) <= 20 and not any(mark in core[:-1] for mark in ".?!")
    return is_headline_shaped(text) or question


def _paragraph_below(blocks: list[Block], index: int) -> bool:
    below = _next_text(blocks, index)
    return below is not None and below.kind == PARA and len(below.text) > len(blocks[index].text) and word_count(below.text) >= 12


def paragraphs_one_per_line(blocks: list[Block]) -> bool:
    """Whether this page sets one paragraph per line with no blank lines between them."""
    return len(blocks) >= 6 and 10 * sum(1 for b in blocks[1:] if b.meta.get("blank_before")) <= len(blocks)


def _headline_between_paragraphs(blocks: list[Block], index: int) -> bool:
    """On a page of one paragraph per line, a headline-shaped line of five words or more at the top or
    after a paragraph that ends a sentence (perhaps under a short kicker), over the next paragraph: the
    next story's headline, in whatever case it is set (a crosshead runs shorter)."""
    text = blocks[index].text
    if word_count(text) < 5 or not is_headline_shaped(text):
        return False
    below = _next_text(blocks, index)
    if below is None or below.kind != PARA or word_count(below.text) < 12 or len(below.text) <= len(text):
        return False
    above = [b for b in blocks[:index] if b.kind not in (DROP, CAPTION)][-2:]
    if above and above[-1].kind in (PARA, HEADING) and word_count(above[-1].text) <= 4 and is_title_like(above[-1].text):
        above = above[:-1]  # a kicker over the headline
    return not above or (above[-1].kind == PARA and word_count(above[-1].text) >= 12 and ends_sentence(above[-1].text))


def _text_follows(blocks: list[Block], index: int) -> bool:
    """A byline that opens text (not one signing off the text above it)."""
    after = _next_index(blocks, index)
    while after is not None and blocks[after].kind == BYLINE:
        after = _next_index(blocks, after)
    return after is not None and blocks[after].kind == PARA


def _next_index(blocks: list[Block], index: int) -> int | None:
    for position in range(index + 1, len(blocks)):  # (islice would walk from the start each time)
        if blocks[position].kind not in SKIPPED:
            return position
    return None


def _next_text(blocks: list[Block], index: int) -> Block | None:
    position = _next_index(blocks, index)
    return None if position is None else blocks[position]


def find_short_lines(state: State) -> None:
    gaps = story_gaps_mark_stories(state.blocks)
    one_per_line = paragraphs_one_per_line(state.blocks)
    for index, block in enumerate(state.blocks):
        if block.kind != PARA:
            continue
        opens_story = (gaps and _after_story_gap(state.blocks, index)) or (
            one_per_line and _headline_between_paragraphs(state.blocks, index))
        if not is_title_like(block.text) and not (is_headline_shaped(block.text) and _headline_by_place(state, index)) \
                and not _over_dateline(state.blocks, index) and not opens_story:
            continue
        following = _next_text(state.blocks, index)
        if following is not None and following.kind == PARA and goes_on(following.text):
            continue
        block.kind = HEADING
        block.meta["opens_story"] = bool(opens_story)
        block.meta["question"] = block.text.rstrip(CLOSERS).endswith(("?", "!"))
