"""Rule: split a page's blocks into articles at heading groups.

A heading group is a run of HEADING blocks. It opens an article when it
stands at the top of the page, when a byline or jump line follows it, when
it holds two or more lines (kicker + headline), when markup says it is a
heading (`##` in PDF→Markdown), or when it is one Title Case line of four
words or more after a finished paragraph. Any other short line inside an
article is a crosshead; a lone question is a sentence.

Inside an opening group: the page header (`INSIGHTS`) is the first line of
the page's first group when it is a label papers print at a page's head, or a
short capitals label over a headline that is not in capitals and is not a
kicker; a known section name is the kicker, and then the first line left is
the headline; otherwise the shorter of two lines is the kicker and the longer
the headline, whichever comes first. Further lines are the deck.
"""

from __future__ import annotations

import re

from ..model import BYLINE, CAPTION, CROSSHEAD, DROP, HEADING, JUMP, PARA, Article, Block, Provenance
from ..state import State
from ..text import ends_sentence, has_cjk, is_upper_label, key, title_case_share, word_count
from .attach_metadata import is_signature
from .find_short_lines import FUNCTION_WORDS
from .cues import KICKER_LABELS as COMMON_KICKERS, PAGE_LABELS
from .headline_groups import (absorb_decks, caps_stack, drop_bracketed_credits, headline_over_decks, line_size,
                              split_caps_group, unnamed_kicker)
from .signatures import demote_signatures

OPENERS = {BYLINE, JUMP}
PAGE_KEYS = {key(label) for label in PAGE_LABELS}
CJK_HEADLINE_MIN = 14  # characters: Chinese crossheads (小标题) rarely run this long, headlines usually do


def heading_groups(blocks: list[Block]) -> list[tuple[int, int]]:
    """(start, end) index ranges of runs of HEADING blocks; dropped blocks inside a run are skipped.
    Below the page's first text, a wider gap (two or more blank lines) ends a run: what stands above it
    belongs elsewhere (above the first text, a page label may stand well above the headline)."""
    groups, start = [], None
    first_text = next((i for i, b in enumerate(blocks) if b.kind == PARA), len(blocks))
    for index, block in enumerate(blocks + [Block(PARA, "", (0, 0))]):
        if block.kind == HEADING and start is not None and start > first_text and block.meta.get("gap_before", 0) >= 2:
            groups.append((start, index))
            start = None
        if block.kind == HEADING:
            start = index if start is None else start
        elif block.kind != DROP and start is not None:
            groups.append((start, index))
            start = None
    return groups


def _following(blocks: list[Block], end: int) -> Block | None:
    return next((blocks[i] for i in range(end, len(blocks)) if blocks[i].kind not in (DROP, CAPTION)), None)


def _next_live(blocks: list[Block], index: int) -> Block | None:
    """The first block from `index` on that is not dropped furniture."""
    return next((blocks[i] for i in range(index, len(blocks)) if blocks[i].kind != DROP), None)


def _before(blocks: list[Block], index: int, skip: tuple[str, ...] = (DROP,)) -> Block | None:
    """The nearest block before `index` whose kind is not in `skip`."""
    for position in range(index - 1, -1, -1):
        if blocks[position].kind not in skip:
            return blocks[position]
    return None


def opens_article(state: State, blocks: list[Block], group: tuple[int, int], first: bool,
                  stacked: bool = False, open_level: int = 0) -> bool:
    heads = [b for b in blocks[group[0]:group[1]] if b.kind == HEADING]
    after = _following(blocks, group[1])
    if after is not None and after.kind in OPENERS:
        return True
    # a rule read the line's place as a story's head: after a story gap, between one-per-line paragraphs,
    # or after a continued story
    if any(b.meta.get("opens_story") for b in heads):
        return True
    if any(b.level for b in heads):
        return not (_caps_crosshead(state, blocks, group, heads) or _marked_crosshead(blocks, group, heads, open_level))
    if all(b.meta.get("caps") for b in heads):
        return not (len(heads) == 1 and stacked and _right_after_text(blocks, group[0]))
    text_before = state.first_text_index < group[0]
    if all(b.meta.get("question") for b in heads):
        return first and not text_before
    if first and not text_before:
        return True
    return len(heads) >= 2 or _stands_as_headline(blocks, group, heads)


def _under_byline(blocks: list[Block], group: tuple[int, int]) -> bool:
    """A line between a story's byline and its text, with text under it, is the text's first line (a
    wire's repeated title, a standfirst): a story does not start between its byline and its text."""
    before = _before(blocks, group[0], (DROP, CAPTION))
    after = _following(blocks, group[1])
    return before is not None and before.kind == BYLINE and after is not None and after.kind == PARA


def _right_after_text(blocks: list[Block], index: int) -> bool:
    """The block just above is running text (no furniture, caption or heading between)."""
    return index > 0 and blocks[index - 1].kind == PARA


def stacked_headlines(blocks: list[Block]) -> bool:
    """Whether this page heads its stories with stacks of capitals lines (headline and decks).

    On such a page a lone capitals line inside running text is a crosshead; on a page whose
    capitals headlines are mostly single lines (briefs), it is the next story's headline.
    """
    stacks = singles = 0
    for start, end in heading_groups(blocks):
        heads = [b for b in blocks[start:end] if b.kind == HEADING]
        if all(b.meta.get("caps") for b in heads):
            stacks, singles = (stacks + 1, singles) if len(heads) >= 2 else (stacks, singles + 1)
    return stacks > singles


def _stands_as_headline(blocks: list[Block], group: tuple[int, int], heads: list[Block]) -> bool:
    """A lone line in Title Case of four words or more (in Chinese, of CJK_HEADLINE_MIN characters or
    more), after a finished paragraph, heads a new story; crossheads run shorter or in sentence case
    (`Institutional support`, `一、加强监管`)."""
    text = heads[0].text
    before = _before(blocks, group[0], (DROP, CAPTION))
    finished = before is None or before.kind != PARA or ends_sentence(before.text)
    if has_cjk(text):  # Chinese has no capitals: a headline runs longer than a crosshead (小标题)
        after = _next_live(blocks, group[1])
        cut = after is not None and after.kind == CAPTION  # a paragraph's first half over a caption
        return len(text) >= CJK_HEADLINE_MIN and not heads[0].meta.get("question") and finished and not cut
    return word_count(text) >= 4 and title_case_share(text) >= 0.75 and not heads[0].meta.get("question") and finished


def _caps_crosshead(state: State, blocks: list[Block], group: tuple[int, int], heads: list[Block]) -> bool:
    """A marked-up heading that is a capitals crosshead inside running text."""
    before = _before(blocks, group[0])
    if len(heads) != 1 or before is None or before.kind != PARA:
        return False
    text = heads[0].text
    finished = ends_sentence(before.text) or _leads_in(before.text)
    return is_upper_label(text) and not is_upper_label(state.current_title or "x") and finished


def _leads_in(text: str) -> bool:
    """`… are next referred to:—`, `… as follows:`: the text goes on under a heading."""
    return bool(re.search(r"[:：][—–-]*$", text.rstrip()))


def _marked_crosshead(blocks: list[Block], group: tuple[int, int], heads: list[Block], open_level: int) -> bool:
    """A PDF→Markdown tool marks every line set large, crossheads too (`### The background`,
    `## Room to grow`). One marked line, no higher in level than the story's headline, between two
    paragraphs of running text, and short and in sentence case (Chinese: short), is a crosshead;
    a headline runs longer or in Title Case."""
    if len(heads) != 1 or not open_level or heads[0].level < open_level:
        return False
    before, after = _before(blocks, group[0]), _following(blocks, group[1])
    if before is None or before.kind != PARA or after is None or after.kind != PARA:
        return False
    if before.meta.get("signature"):
        return False  # a signature closed the story above: what follows heads the next one
    text = heads[0].text
    if has_cjk(text):
        return len(text) < CJK_HEADLINE_MIN
    found = re.findall(r"[^\W\d_][\w'’-]*", text)
    later = [w for w in found[1:] if w.casefold() not in FUNCTION_WORDS]
    sentence_case = not any(w[0].isupper() for w in later)  # `Room to grow`, not `Notes from the Field`
    return 2 <= len(found) <= 6 and sentence_case  # one word (`Letters`) shows no case: a label


def split_heads(state: State, lines: list[str], first: bool, caps: bool = False) -> dict:
    """Page header, kicker, headline and deck from the lines of an opening group."""
    if caps:
        page = state.running_head
        if first and len(lines) >= 2 and key(lines[0]) in PAGE_KEYS:
            page, lines = lines[0], lines[1:]  # the page's label over its first headline, both in capitals
        title, decks = split_caps_group(lines)
        return {"page": page, "section": None, "title": title, "deck": " — ".join(decks) or None}
    known_sections = {key(s) for s in state.sidecar.get("sections", [])} | state.kickers
    known_pages = {key(p) for p in state.sidecar.get("pages", [])}
    page = state.running_head
    rest = list(lines)
    if rest and (key(rest[0]) in known_pages or (page and key(rest[0]) == key(page))):
        page = rest.pop(0)
    elif first and _page_header(rest, known_sections):
        page = rest.pop(0)
    kicker = next((line for line in rest if key(line) in known_sections), None)
    if kicker is None and len(rest) >= 2:
        kicker = next((line for line in rest if key(line) in COMMON_KICKERS), None)
    named = kicker is not None  # a kicker by its name: the headline is the first line left, then the decks
    if kicker is None and len(rest) >= 2:
        kicker = unnamed_kicker(rest)
        if kicker is not None and headline_over_decks(kicker, rest):
            kicker = None  # a first line set apart by its type over sentence-case decks heads the group
    if kicker is not None:
        rest.remove(kicker)
        state.kickers.add(key(kicker))
    if named and rest:
        headline = rest[0]
    else:
        headline = _headline_of(rest) if rest else (kicker or "")
    if kicker is None and headline in rest and rest.index(headline) > 0:
        above = rest[:rest.index(headline)]  # lines over the headline set apart by its type: its kicker
        kicker, rest = " — ".join(above), rest[len(above):]
    deck = [line for line in rest if line is not headline]
    return {"page": page, "section": kicker, "title": headline, "deck": " — ".join(deck) or None}


def _headline_of(lines: list[str]) -> str:
    """The headline among a group's lines: the one line set apart from the decks by its type — the
    only one in capitals, or a first line in Title Case over decks in sentence case. Otherwise, in
    Latin scripts, the first line: a deck is printed under its headline, and often runs longer
    (`Growing pains` / `GSB, LOTS, Applied Physics gain facilities`). In Chinese, the longest: a
    lead-in line (引题) may stand over the main title (主题), which is set larger and runs longer."""
    if len(lines) >= 2:
        caps = [line for line in lines if is_upper_label(line) and word_count(line) >= 2]
        if len(caps) == 1:
            return caps[0]
        titled = [line for line in lines if word_count(line) >= 2 and title_case_share(line) >= 0.75]
        if titled == lines[:1] and not has_cjk(lines[0]):
            return lines[0]
    if not has_cjk(lines[0]):
        return lines[0]
    return max(lines, key=line_size)


def _page_header(lines: list[str], known_sections: set[str]) -> bool:
    """Whether the first line of a page's first headline group is the page header (`INSIGHTS`, `METRO`).

    A page header is a short label above the headline group: a label papers print at a page's head
    (cues.PAGE_LABELS), or a short line in capitals over a group whose next line is a headline —
    not a kicker, which would make the capitals line the headline it stands over (`NATIONAL
    CHRISTIANITY` / `Analysis` / deck)."""
    if len(lines) < 2:
        return False
    top = lines[0]
    if key(top) in PAGE_KEYS and key(top) not in known_sections:
        return is_upper_label(top) or key(top) not in COMMON_KICKERS  # `Opinion` over a headline is its kicker
    if not is_upper_label(top) or word_count(top) > 4 or is_upper_label(lines[1]) or headline_over_decks(top, lines):
        return False
    return key(lines[1]) not in known_sections | COMMON_KICKERS


def split_by_levels(state: State, heads: list[Block], first: bool = False) -> dict | None:
    """When markup gives the lines of a group different levels (`#` headline, `##` deck, `###`
    byline), the one top-level line is the headline, lines above it kicker, lines below it deck —
    except a page's first line in capitals over lines that are not: the page header (the paper's
    name), read as split_heads reads it."""
    levels = [b.level for b in heads]
    if len(heads) < 2 or not all(levels) or len(set(levels)) == 1 or levels.count(min(levels)) != 1:
        return None
    top = levels.index(min(levels))
    if first and top == 0 and is_upper_label(heads[0].text) and not is_upper_label(heads[1].text):
        return None
    kicker = " — ".join(b.text for b in heads[:top]) or None
    deck = " — ".join(b.text for b in heads[top + 1:]) or None
    if kicker:
        state.kickers.add(key(kicker))
    return {"page": state.running_head, "section": kicker, "title": heads[top].text, "deck": deck}


def _new_article(state: State, heads: dict, blocks: list[Block], order: int) -> Article:
    first_line = min(b.lines[0] for b in blocks)
    last_line = max(b.lines[1] for b in blocks)
    source = state.source
    article = Article(title=heads["title"], page=heads["page"], section=heads["section"], deck=heads["deck"])
    article.provenance = [Provenance(source.name, source.sha256, (first_line, last_line), state.kind)]
    article.body = [b for b in blocks if b.kind != HEADING]
    article.order = order
    if heads["page"]:
        state.running_head = heads["page"]
    return article


def segment_page(state: State) -> None:
    blocks = state.blocks
    demote_signatures(blocks)
    absorb_decks(blocks)
    stacked = stacked_headlines(blocks)
    state.first_text_index = next((i for i, b in enumerate(blocks) if b.kind == PARA), len(blocks))
    opening = []
    open_level = 0  # the heading level of the headline group the current story opened with
    for number, group in enumerate(heading_groups(blocks)):
        if _under_byline(blocks, group):
            for block in blocks[group[0]:group[1]]:
                block.kind = PARA if block.kind == HEADING else block.kind
        elif opens_article(state, blocks, group, first=number == 0, stacked=stacked, open_level=open_level):
            opening.append(group)
            open_level = min((b.level for b in blocks[group[0]:group[1]] if b.kind == HEADING and b.level), default=0)
        else:
            _demote(blocks[group[0]:group[1]])
    opening = _drop_empty_groups(state, blocks, opening)
    state.articles = []
    preamble_end = opening[0][0] if opening else len(blocks)
    if any(b.kind == PARA for b in blocks[:preamble_end]):
        state.articles.append(untitled_article(state, blocks[:preamble_end]))
    else:
        for block in blocks[:preamble_end]:
            if block.kind not in (DROP, CAPTION):
                state.drop(block, "page furniture before the first headline")
    page_tops = _page_tops(blocks, opening)
    for index, (start, end) in enumerate(opening):
        stop = opening[index + 1][0] if index + 1 < len(opening) else len(blocks)
        heads_blocks = [b for b in blocks[start:end] if b.kind == HEADING]
        caps = all(b.meta.get("caps") for b in heads_blocks) or caps_stack([b.text for b in heads_blocks], state)
        if index in page_tops and index:
            state.running_head = None  # a new page: its own label, if any, is read again
        heads = split_by_levels(state, heads_blocks, first=index in page_tops) or split_heads(
            state, [b.text for b in heads_blocks], first=index in page_tops, caps=caps)

        drop_bracketed_credits(state, blocks[end:stop])
        state.current_title = heads["title"]
        for block in blocks[start:end]:
            if block.kind == HEADING:
                block.meta["used_as"] = "headline"
        cuts = item_cuts(blocks, end, stop)  # (where one item ends, where the next begins)
        article = _new_article(state, heads, blocks[start:(cuts or [(stop, stop)])[0][0]], len(state.articles))
        if not state.articles:  # captions above the first headline float like any other
            article.body[:0] = [b for b in blocks[:preamble_end] if b.kind == CAPTION]
        state.articles.append(article)
        for (_, begin), (after, _) in zip(cuts, cuts[1:] + [(stop, stop)]):
            if any(b.kind == PARA for b in blocks[begin:after]):
                what = "a signature ends" if blocks[begin - 1].meta.get("signs_off") else "a rule between items ends"
                state.note("segment_page", f"line {blocks[begin].lines[0]}: {what} "
                           f"{state.current_title!r}; the text below it is an item of its own")
                state.articles.append(untitled_article(state, blocks[begin:after], len(state.articles)))


def _page_tops(blocks: list[Block], opening: list[tuple[int, int]]) -> set[int]:
    """The opening groups that head a page: the first, and each first one after a page break
    (`===== PAGE 2 =====`), where a page label may stand over the headline again."""
    breaks = [i for i, b in enumerate(blocks) if b.kind == DROP and b.reason == "page marker"]
    tops = {0}
    for index in range(1, len(opening)):
        if any(opening[index - 1][1] <= at < opening[index][0] for at in breaks):
            tops.add(index)
    return tops


def _drop_empty_groups(state: State, blocks: list[Block], opening: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A headline group with nothing under it before the next story's headline (a notice or an advert
    box set like a headline) heads no story: its lines go to the report."""
    kept = []
    for index, (start, end) in enumerate(opening):
        stop = opening[index + 1][0] if index + 1 < len(opening) else len(blocks)
        if index + 1 < len(opening) and all(b.kind in (DROP, HEADING) for b in blocks[end:stop]):
            for block in blocks[start:stop]:
                if block.kind == HEADING:
                    state.drop(block, "a headline group with no text under it (a notice or an advert box)")
            continue
        kept.append((start, end))
    return kept


def _demote(group: list[Block]) -> None:
    """A heading run that opens no article: crossheads, or sentences when they are questions."""
    for block in group:
        if block.kind == HEADING:
            sentence = block.meta.get("question") or is_signature(block.text, closes=False)
            block.kind = PARA if sentence else CROSSHEAD


THEMATIC_BREAK = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


def item_cuts(blocks: list[Block], end: int, stop: int) -> list[tuple[int, int]]:
    """Where a story's run of blocks holds more than one item: at a short rule (the rule belongs
    to neither) or after a signature followed by unheaded text (the signature stays with its story)."""
    cuts = [(i, i + 1) for i in range(end, stop) if _is_item_rule(blocks, i)]
    cuts += [(i + 1, i + 1) for i in range(end, stop) if blocks[i].meta.get("signs_off")]
    return sorted(cuts)


def _is_item_rule(blocks: list[Block], index: int) -> bool:
    """A short rule line (`---`, not a page break's row of `=`) with running text right under it:
    papers rule off one item from the next in a column."""
    block = blocks[index]
    if block.kind != DROP or not THEMATIC_BREAK.match(block.text) or len(block.text) > 12:
        return False
    after = next((b for b in blocks[index + 1:index + 4] if b.kind != DROP), None)
    return after is not None and after.kind == PARA


def untitled_article(state: State, blocks: list[Block], order: int = 0) -> Article:
    """Text before the first headline (a jump from another page, a lone article) keeps a title of its words."""
    first = next(b for b in blocks if b.kind == PARA)
    words = first.text.split()
    title = " ".join(words[:10]) + (" …" if len(words) > 10 else "")
    _demote(blocks)
    article = _new_article(state, {"title": title, "page": None, "section": None, "deck": None}, blocks, order)
    article.untitled = True
    return article
