"""Rule (plain text): a short line that reads like a title → a HEADING candidate.

Whether a HEADING is a page header, a kicker, a headline or a crosshead is
decided later by segmentation, from what stands around it. A line is not a
candidate when it is a fragment of a broken paragraph: it ends in a comma or
a function word, or the next text line goes on in lower case.
"""

from __future__ import annotations

from ..model import BYLINE, CAPTION, CREDIT, DROP, HEADING, JUMP, PARA, Block
from ..state import State
from ..text import (CLOSERS, has_words, ends_sentence, ends_with_punctuation, goes_on, has_cjk, key, per_source_cache,
                    title_case_share, word_count, words)
from .cues import KICKER_LABELS, PAGE_LABELS
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
    if len(text) > 100:
        return False  # running text: its words need no counting
    count = word_count(text)
    if count == 0 or count > 14:
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
    if len(text) > 150:
        return False  # running text: its words need no counting
    count = word_count(text)
    core = text.rstrip(CLOSERS)
    first = text.lstrip("\"'“‘(*_ ")[:1]
    if count == 0 or count > 20 or len(text) > 150 or not (first.isupper() or first.isdigit()):
        return False
    quoted_stop = core[-1:] == "." and core != text and count <= 8  # `“Sundays Excepted.”`
    if core[-1:] in ",;:，；：" or (core[-1:] in ".!" and not quoted_stop) or words(text)[-1].casefold() in FUNCTION_WORDS:
        return False
    return core.rstrip("—–-")[-1:] not in ":："  # `… wrote as follows:—` leads into a quotation


def _headline_by_place(state: State, index: int) -> bool:
    """A line that stands where papers put the headline: over the byline (with at most a kicker
    between), or right over or under a kicker label."""
    sections = state.sidecar.get("sections")
    known = KICKER_LABELS | {key(s) for s in sections} if sections else KICKER_LABELS
    place = _next_index(state.blocks, index)
    if place is not None and state.blocks[place].kind in (PARA, HEADING) and key(state.blocks[place].text) in known:
        return True
    for _ in range(2):  # a kicker or a deck (one or two lines) between the headline and its byline
        if place is None or state.blocks[place].kind not in (PARA, HEADING) or not (
                is_title_like(state.blocks[place].text) or is_headline_shaped(state.blocks[place].text)):
            break
        place = _next_index(state.blocks, place)
    if place is not None and state.blocks[place].kind == BYLINE and _text_follows(state.blocks, place):
        return True
    before = next((state.blocks[at] for at in range(index - 1, -1, -1) if state.blocks[at].kind != DROP), None)
    if before is not None and before.kind in (PARA, HEADING) and key(before.text) in known:
        return True
    return _top_of_page(state.blocks, index) and _paragraph_below(state.blocks, index)


PAGE_KEYS = {key(label) for label in PAGE_LABELS}


def _top_of_page(blocks: list[Block], index: int) -> bool:
    """Nothing but dropped furniture and a page label stands above: the page's first headline."""
    above = [b for b in blocks[:index] if b.kind != DROP]
    return not above or (len(above) == 1 and key(above[0].text) in PAGE_KEYS)


def _over_dateline(blocks: list[Block], index: int) -> bool:
    """A short line right over a paragraph that opens with a dateline (`新华社广州3月2日电…`, `GENEVA (AP) —`)
    is the story's headline, whatever punctuation closes it."""
    text = blocks[index].text
    # longer than 40 characters of Chinese, or than 40/3 words (read no further than the 14th word)
    too_long = len(text) > 40 if has_cjk(text) else has_words(text, 14)
    if too_long or text.rstrip(CLOSERS)[-1:] in ",;:，；：、" or not blocks[index].meta.get("blank_before", index == 0):
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
    return below is not None and below.kind == PARA and len(below.text) > len(blocks[index].text) \
        and text_size(below.text) >= 12


def text_size(text: str) -> float:
    """A text's length in words; Chinese is written without spaces, so two characters count as a word."""
    return len(text) / 2 if has_cjk(text) else word_count(text)


def paragraphs_one_per_line(blocks: list[Block]) -> bool:
    """Whether this page sets one paragraph per line with no blank lines between them."""
    return len(blocks) >= 6 and 10 * sum(1 for b in blocks[1:] if b.meta.get("blank_before")) <= len(blocks)


def _last_texts(blocks: list[Block], index: int, count: int) -> list[Block]:
    """The last `count` blocks before `index` that are neither dropped nor captions or credits, in order (read back
    from `index`, not from the top of the page)."""
    found: list[Block] = []
    for at in range(index - 1, -1, -1):
        block = blocks[at]
        if block.kind not in (DROP, CAPTION, CREDIT):
            found.append(block)
            if len(found) == count:
                break
    return found[::-1]


def _headline_between_paragraphs(blocks: list[Block], index: int) -> bool:
    """On a page of one paragraph per line, a headline-shaped line of five words or more at the top or
    after a paragraph that ends a sentence (perhaps under a short kicker), over the next paragraph: the
    next story's headline, in whatever case it is set (a crosshead runs shorter)."""
    text = blocks[index].text
    if not has_words(text, 5) or not is_headline_shaped(text):
        return False
    decks = _decks_under(blocks, index)
    below = _next_text(blocks, decks[-1] if decks else index)
    if below is None or below.kind != PARA or not has_words(below.text, 12) or len(below.text) <= len(text):
        return False
    above = _last_texts(blocks, index, 2)  # a sign-off's credit closes the story above
    if above and above[-1].kind in (PARA, HEADING) and word_count(above[-1].text) <= 4 and is_title_like(above[-1].text):
        above = above[:-1]  # a kicker over the headline
    return not above or (above[-1].kind == PARA and has_words(above[-1].text, 12) and ends_sentence(above[-1].text))


def _decks_under(blocks: list[Block], index: int) -> list[int]:
    """One or two deck lines under a headline set one per line: short sentences in headline shape."""
    decks, place = [], _next_index(blocks, index)
    while place is not None and len(decks) < 2 and blocks[place].kind == PARA \
            and word_count(blocks[place].text) < 12 and is_headline_shaped(blocks[place].text):
        decks.append(place)
        place = _next_index(blocks, place)
    below = _next_text(blocks, decks[-1]) if decks else None
    return decks if below is not None and below.kind == PARA and has_words(below.text, 12) else []


def _text_follows(blocks: list[Block], index: int) -> bool:
    """A byline that opens text (not one signing off the text above it)."""
    after = _next_index(blocks, index)
    while after is not None and blocks[after].kind in (BYLINE, DROP):  # a byline's role line is dropped
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
        cut_head = block.meta.get("run_on") == "head"  # a head cut from a page set on one line (run_on_lines)
        opens_story = (cut_head and block.meta.get("opens_story")) or (gaps and _after_story_gap(state.blocks, index)) or (
            one_per_line and _headline_between_paragraphs(state.blocks, index))
        if not is_title_like(block.text) and not (is_headline_shaped(block.text) and _headline_by_place(state, index)) \
                and not _over_dateline(state.blocks, index) and not opens_story and not cut_head:
            continue
        following = _next_text(state.blocks, index)
        if following is not None and following.kind == PARA and goes_on(following.text):
            continue
        block.kind = HEADING
        block.meta["opens_story"] = bool(opens_story)
        block.meta["question"] = block.text.rstrip(CLOSERS).endswith(("?", "!"))
        if opens_story and one_per_line:
            for deck in _decks_under(state.blocks, index):
                state.blocks[deck].kind = HEADING
                state.blocks[deck].meta["deck"] = True
