"""Rule: a single-article source is one article: its first line is the headline.

The headline group is the run of short lines at the top, up to the byline: a kicker
(引题) above the headline, a deck or subtitle (副题) below it. Which line is which:
- a Markdown source marks the headline with the highest heading level (`#` over `##`);
- a line opening with a dash (`——记某某`) is a subtitle, and the line above it the headline;
- three Chinese lines without one are kicker (引题), headline (主题) and subtitle (副题);
- a known column label (`Comment`, `Analysis`) or a line ending in a colon is a kicker;
- otherwise the first line is the headline unless it is much shorter than the next (a kicker).
A byline never joins the group (it was found before), so it can not become the title.
A date line right under the group is the article's date. Short title-like lines further
down are crossheads; a lone question is a sentence, but an explainer's several questions
standing between paragraphs are its crossheads.
"""

from __future__ import annotations

from ..dates import find_date, is_date_line
from ..model import BYLINE, CROSSHEAD, DROP, HEADING, JUMP, PARA, Article, Block, Provenance
from ..state import State
from ..text import CLOSERS, has_cjk, is_upper_label, key, word_count
from .cues import SUBTITLE_DASHES
from .segment_page import COMMON_KICKERS, PAGE_KEYS, segment_page, split_heads

MAX_GROUP = 4  # kicker, headline and up to two deck lines


def _length(text: str) -> int:
    return len(text) if has_cjk(text) else 6 * word_count(text)


def head_group(live: list[Block]) -> list[Block]:
    """The first line and the HEADING lines after it; all of them when a byline closes the run."""
    heads = [live[0]]
    while len(heads) < MAX_GROUP and len(live) > len(heads) + 1 and live[len(heads)].kind == HEADING \
            and not is_date_line(live[len(heads)].text):
        heads.append(live[len(heads)])
    closed = len(live) > len(heads) and live[len(heads)].kind == BYLINE
    if closed or any(h.level for h in heads[1:]) or any(h.text.startswith(SUBTITLE_DASHES) for h in heads[1:]):
        return heads
    heads = heads[:2]
    if len(heads) == 2 and not has_cjk(heads[0].text) and word_count(min((h.text for h in heads), key=word_count)) > 3:
        heads = heads[:1]  # two long lines: a headline and the first line of text, not a kicker
    return heads


def _is_kicker(line: str, sections: set[str]) -> bool:
    return key(line) in sections or key(line) in COMMON_KICKERS or line.rstrip().endswith((":", "："))


def split_group(state: State, heads: list[Block]) -> dict:
    """Kicker, headline and deck of a single article's headline group."""
    lines = [h.text for h in heads]
    levels = [h.level for h in heads]
    if len(lines) == 1:
        return {"title": lines[0], "section": None, "deck": None}
    if any(levels) and len({lv for lv in levels if lv}) > 1:
        top = min(lv for lv in levels if lv)
        index = levels.index(top)
    else:
        known = {key(s) for s in state.sidecar.get("sections", [])} | state.kickers
        candidates = [i for i, line in enumerate(lines) if not line.startswith(SUBTITLE_DASHES)]
        if not has_cjk("".join(lines)) and len(lines) == 2 and not any(ln.startswith(SUBTITLE_DASHES) for ln in lines):
            parts = split_heads(state, lines, first=False)
            return {"title": parts["title"], "section": parts["section"], "deck": parts["deck"]}
        dashed = [i for i, line in enumerate(lines) if line.startswith(SUBTITLE_DASHES)]
        if dashed and dashed[0] > 0:
            index = dashed[0] - 1  # the subtitle sits right under its headline
        elif len(candidates) >= 3 and has_cjk("".join(lines)):
            index = candidates[1]  # 引题, 主题, 副题: the Chinese three-line headline group
        else:
            index = candidates[0] if candidates else 0
            if _is_kicker(lines[index], known) and index + 1 in candidates:
                index += 1
            elif index + 1 in candidates and _length(lines[index]) * 5 <= _length(lines[index + 1]) * 3:
                index += 1  # a short line over a much longer one: the kicker over its headline
    kicker = " — ".join(lines[:index]) or None
    deck = " — ".join(line.lstrip("—-－ ") for line in lines[index + 1:]) or None
    return {"title": lines[index], "section": kicker, "deck": deck}


def _is_short_question(block: Block) -> bool:
    text = block.text.rstrip(CLOSERS)
    if block.kind == HEADING:
        return bool(block.meta.get("question"))
    short = len(text) <= 24 if has_cjk(text) else word_count(text) <= 10
    return block.kind == PARA and short and text.endswith(("?", "？"))


def _mark_crossheads(rest: list[Block]) -> None:
    """Short lines inside the text are crossheads; questions too when there are several between paragraphs."""
    questions = [i for i, b in enumerate(rest) if _is_short_question(b)]
    explainer = len(questions) >= 2 and all(
        i + 1 < len(rest) and rest[i + 1].kind == PARA and not _is_short_question(rest[i + 1]) for i in questions)
    for index, block in enumerate(rest):
        if explainer and index in questions:
            block.kind = CROSSHEAD
        elif block.kind == HEADING:
            block.kind = PARA if block.meta.get("question") else CROSSHEAD


def _continuations(state: State, rest: list[Block]) -> list[Article]:
    """Continuations printed after the story (each opens with a jump head, `BUDGET: …`) are articles."""
    starts = [i for i, b in enumerate(rest) if b.kind == HEADING and b.meta.get("jump_slug")]
    articles = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(rest)
        head, body = rest[start], rest[start + 1:stop]
        head.meta["used_as"] = "headline"
        article = Article(title=head.text, order=number + 1)
        article.body = body
        lines = (head.lines[0], max(b.lines[1] for b in [head] + body))
        article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
        articles.append(article)
        state.note("segment_single", f"line {head.lines[0]}: continuation {head.text!r}")
    del rest[starts[0] if starts else len(rest):]
    return articles


def _opens_with_a_continuation(live: list[Block]) -> bool:
    """A jump page: the text opens with a continued story (its head, then `From page 1` / `（上接第1版）`)."""
    for block in live[:MAX_GROUP + 2]:
        if block.kind == JUMP and block.meta.get("direction") == "from":
            return True
        if block.kind != HEADING:
            return False
    return False


def _page_header(heads: list[Block]) -> str | None:
    """A page label in capitals over the headline (`NATION & WORLD`, `WIRTSCHAFT`) heads the page, not the story."""
    top = heads[0].text
    if len(heads) >= 2 and is_upper_label(top) and key(top) in PAGE_KEYS and key(top) not in COMMON_KICKERS:
        return top
    return None


def _second_story(live: list[Block], start: int) -> Block | None:
    """A headline with its own byline below the first story's head (`Zur Jahreswende` / `Von Marie
    Hoffmann`): a byline under a headline opens a story, so the source is a page of stories."""
    for index in range(start, len(live) - 1):
        if live[index].kind != HEADING or (index > 0 and live[index - 1].kind == HEADING):
            continue
        after = index + 1
        while after < len(live) and after - index < MAX_GROUP and live[after].kind == HEADING:
            after += 1
        if after < len(live) and live[after].kind == BYLINE:
            return live[index]
    return None


def _read_as_page(state: State, head: Block) -> None:
    state.note("segment_single", f"line {head.lines[0]}: a second headline with its own byline "
                                 f"({head.text!r}): read as a page of stories")
    segment_page(state)


def _read_as_jump_page(state: State, live: list[Block]) -> None:
    """Continuations and stories under their own heads: read as a page, its running head dropped."""
    for block in live:
        if block.kind != HEADING or not is_date_line(block.text):
            break
        state.drop(block, "running head of a jump page (date and page)")
    state.note("segment_single", "the source opens with a continued story: read as a page of stories")
    segment_page(state)


def segment_single(state: State) -> None:
    live = [b for b in state.blocks if b.kind != DROP]
    if not live:
        return
    if _opens_with_a_continuation(live):
        _read_as_jump_page(state, live)
        return
    heads = head_group(live)
    if second := _second_story(live, len(heads)):
        _read_as_page(state, second)
        return
    page = _page_header(heads)
    parts = split_group(state, heads[1:] if page else heads)
    rest = live[len(heads):]
    continuations = _continuations(state, rest)
    article = Article(title=parts["title"], section=parts["section"], deck=parts["deck"], order=0, page=page)
    if parts["section"]:
        state.kickers.add(key(parts["section"]))
    for head in heads:
        head.meta["used_as"] = "headline"
    if rest and rest[0].kind in (PARA, HEADING) and is_date_line(rest[0].text):
        article.date = find_date(rest[0].text)
        rest[0].kind = DROP
        rest[0].reason = "date line (kept as the article's date)"
        rest = rest[1:]
    _mark_crossheads(rest)
    for continuation in continuations:
        _mark_crossheads(continuation.body)
    taken = {id(b) for c in continuations for b in c.body} | {id(h) for h in heads}
    article.body = [b for b in state.blocks if id(b) not in taken and not b.meta.get("used_as") == "headline"]
    if continuations:
        article.body = [b for b in article.body if b.lines[0] < continuations[0].lines[0]]
    lines = (state.blocks[0].lines[0], max(b.lines[1] for b in [state.blocks[0]] + article.body))
    article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
    state.articles = [article] + continuations
