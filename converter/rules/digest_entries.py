"""Rules for the entries of a digest.

- drop_feed_adverts: a short line ending in a colon followed by a bare link
  that opens no entry (`获取更多RSS:` + `https://feedx.site`) → dropped.
- segment_entries: an entry opens at a title line followed by its address or
  timestamp; the address (tracking parameters removed), the timestamp, a
  feed line (`Feed: Valley Echo · 2024-06-03 07:10`, `via City Hall News |
  2024-06-02`: the publication and date) and the lead caption become
  metadata; the text runs to the next entry. An entry with no text is still
  an article (a stub).
"""

from __future__ import annotations

import re
from itertools import islice

from ..dates import find_date, is_timestamp
from ..model import CROSSHEAD, DROP, HEADING, ITEM, PARA, TIMESTAMP, URL, Article, Block, Dropped, Provenance
from ..state import State
from ..text import key
from ..urls import bare_url, clean_url

TIMESTAMP_LABEL = re.compile(r"^(?:发布时间|时间|Published|Date|Posted)\s*[:：]\s*", re.IGNORECASE)


def _is_timestamp(block: Block) -> bool:
    return block.kind == PARA and is_timestamp(block.text) and len(block.text) <= 40


def _live(blocks: list[Block], start: int, count: int) -> list[Block]:
    """The next `count` blocks from `start` that were not dropped (stops early: no quadratic scans)."""
    found: list[Block] = []
    for block in islice(blocks, start, None):
        if block.kind != DROP:
            found.append(block)
            if len(found) == count:
                break
    return found


def drop_feed_adverts(state: State) -> None:
    blocks = state.blocks
    for index, block in enumerate(blocks):
        if block.kind != PARA or not block.text.rstrip().endswith((":", "：")) or len(block.text) > 40:
            continue
        after = _live(blocks, index + 1, 2)
        if after and after[0].kind == URL and not (len(after) > 1 and _is_timestamp(after[1])):
            state.drop(block, "feed advert")
            state.drop(after[0], "feed advert link")


def entry_starts(blocks: list[Block]) -> list[int]:
    starts = []
    for index, block in enumerate(blocks):
        if block.kind not in (PARA, HEADING) or bare_url(block.text) or _is_timestamp(block):
            continue
        after = _live(blocks, index + 1, 2)
        if after and (after[0].kind == URL or _is_timestamp(after[0])):
            starts.append(index)
    return starts


FEED_LABEL = re.compile(r"^(?:(?:Feed|Source|From|Site|Quelle|Fuente|Fonte|来源|來源|出处|出處)\s*[:：]\s*|[Vv]ia\s+)(?P<rest>\S.*)$")
FEED_PARTS = re.compile(r"\s+[|·•—–]\s+|\s*[|·•]\s*")
FEED_LINE_MAX = 100


def feed_line(text: str) -> tuple[str | None, str | None] | None:
    """(feed name, date) of a line naming where an entry came from, or None."""
    if len(text) > FEED_LINE_MAX:
        return None
    labelled = FEED_LABEL.match(text)
    parts = [p.strip() for p in FEED_PARTS.split(labelled["rest"] if labelled else text) if p.strip()]
    if not parts or len(parts) > 3:
        return None
    dates = [p for p in parts if is_timestamp(p)]
    names = [p for p in parts if p not in dates and not is_timestamp(p)]
    if not labelled and not (dates and len(names) == 1):
        return None
    if len(names) > 1 or (names and (len(names[0].split()) > 6 or names[0][-1:] in ".!?。")):
        return None
    return (names[0] if names else None), (find_date(TIMESTAMP_LABEL.sub("", dates[0])) if dates else None)


NUMBERED_HEAD = re.compile(r"^(?P<n>\d{1,3})[.)、]\s+(?=\S)")


def heading_entries(blocks: list[Block]) -> list[int]:
    """A digest with no links or timestamps (clusters, summaries): its section headings with text under them
    open the entries (at least two). Numbered headings (`## 1. Title`) lose the number, reported."""
    starts = [i for i, b in enumerate(blocks) if b.kind == HEADING and b.level >= 2
              and (after := _live(blocks, i + 1, 1)) and after[0].kind != HEADING]
    if len(starts) < 2:
        return []
    numbers = [NUMBERED_HEAD.match(blocks[i].text) for i in starts]
    if all(numbers) and [int(m["n"]) for m in numbers] == list(range(int(numbers[0]["n"]), int(numbers[0]["n"]) + len(starts))):
        for i in starts:
            blocks[i].meta["numbered"] = True
    return starts


def digest_entry_starts(blocks: list[Block]) -> list[int]:
    return entry_starts(blocks) or heading_entries(blocks)


TITLE_PARTS = re.compile(r"\s+[|｜]\s+")
LEADING_DATE = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})\s+")


def _title_parts(article: Article, text: str) -> None:
    """`2025-04-02 Title | Section | Site` (a page title as feeds copy it) → title, date, section, site."""
    if match := LEADING_DATE.match(text):
        article.date, text = match.group("date"), text[match.end():]
    parts = TITLE_PARTS.split(text)
    if len(parts) < 2 or not _names_a_site(parts[-1]):  # `… | Late Edition 02/03/2026` is part of the title
        article.title = text
        return
    article.title, article.publication = parts[0], parts[-1]
    if len(parts) >= 3:
        article.section = parts[1]


def _names_a_site(text: str) -> bool:
    """A site or paper name is a few words with no digits (`The Guardian`, `BBC News 中文`)."""
    return len(text.split()) <= 5 and not any(c.isdigit() for c in text)


def _entry(state: State, blocks: list[Block], order: int) -> Article:
    title, rest = blocks[0], [b for b in blocks[1:] if b.kind != DROP]
    title.meta["used_as"] = "headline"
    article = Article(title=title.text, order=order, publication=state.issue.get("publication"))
    _title_parts(article, NUMBERED_HEAD.sub("", title.text) if title.meta.get("numbered") else title.text)
    while rest and rest[0].kind in (URL, PARA) and (rest[0].kind == URL or _is_timestamp(rest[0])
                                                     or feed_line(rest[0].text)):
        head = rest.pop(0)
        head.meta["used_as"] = "metadata"
        if head.kind == PARA and not _is_timestamp(head):
            name, when = feed_line(head.text)
            article.publication = name or article.publication
            article.date = when or article.date
            head.kind = TIMESTAMP if when else head.kind
            continue
        if head.kind == URL and not article.url:
            article.url, removed = clean_url(bare_url(head.text) or head.text)
            if removed:
                state.dropped.append(Dropped(state.source.name, head.lines, "&".join(removed),
                                             "tracking parameters removed from the address"))
        elif head.kind == PARA:
            head.kind = TIMESTAMP
            article.date = find_date(TIMESTAMP_LABEL.sub("", head.text))
        else:
            rest.insert(0, head)
            break
    article.body = rest
    article.stub = not any(b.kind == PARA for b in rest)
    lines = (blocks[0].lines[0], max(b.lines[1] for b in blocks))
    article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
    article.translations = _translations(state, title.text)
    return article


def _translations(state: State, title: str) -> dict:
    entry = state.translations.get(key(title))
    return {"zh": entry} if entry else {}


def segment_entries(state: State) -> None:
    blocks = state.blocks
    starts = digest_entry_starts(blocks)
    if not starts:
        return
    notes = _notes(state, blocks[: starts[0]])
    for block in blocks[: starts[0]]:
        if block.kind not in (DROP, HEADING) and not block.meta.get("in_note"):
            state.drop(block, "digest front matter before the first entry")
    bounds = list(zip(starts, starts[1:] + [len(blocks)]))
    state.articles = notes + [_entry(state, blocks[a:b], n + len(notes)) for n, (a, b) in enumerate(bounds)]
    _split_link_lists(state)
    _section_labels(state, blocks[: starts[0]])
    for note in notes:  # a note stands before the sections: it is in none of them
        note.section = None
    _summaries_without_entry(state)
    for article in state.articles:
        for block in article.body:
            if block.kind == URL:
                block.kind = PARA



def _notes(state: State, preamble: list[Block]) -> list[Article]:
    """Before the first entry, a heading with running text under it is an article of its own (an editor's note)."""
    from .digest_front import opens_note

    notes: list[Article] = []
    heads = [i for i, b in enumerate(preamble) if opens_note(preamble, i)]
    for number, start in enumerate(heads):
        stop = next((i for i in range(start + 1, len(preamble)) if preamble[i].kind == HEADING), len(preamble))
        head, body = preamble[start], [b for b in preamble[start + 1:stop] if b.kind != DROP]
        head.meta["used_as"] = "headline"
        head.meta["in_note"] = True
        head.kind = PARA  # no longer a section label
        for block in body:
            block.meta["in_note"] = True
        article = Article(title=head.text, order=number, body=body, publication=state.issue.get("publication"))
        lines = (head.lines[0], max([head.lines[1]] + [b.lines[1] for b in body]))
        article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
        notes.append(article)
    return notes


def _split_link_lists(state: State) -> None:
    """A heading with only list items under it, after an entry's text, is a list of its own (`Links`),
    not part of that entry: it becomes an article titled by the heading."""
    result: list[Article] = []
    for article in state.articles:
        result.append(article)
        body = article.body
        start = next((i for i, b in enumerate(body) if b.kind == HEADING
                      and all(x.kind in (ITEM, HEADING, DROP) for x in body[i:])), None)
        if start is None or not any(b.kind == ITEM for b in body[start:]):
            continue
        kept, lists, current = body[:start], [], None
        for block in body[start:]:
            if block.kind == HEADING:
                current = (block, [])
                lists.append(current)
            elif current is not None:
                current[1].append(block)
        for head, items in lists:
            if not any(b.kind == ITEM for b in items):
                kept += [head] + items  # a label for the entries below: left to _section_labels
                continue
            head.meta["used_as"] = "headline"
            listed = Article(title=head.text, body=items, publication=article.publication)
            lines = (head.lines[0], max(b.lines[1] for b in [head] + items))
            listed.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
            result.append(listed)
        article.body = kept
    for order, article in enumerate(result):
        article.order = order
    state.articles = result


def _section_labels(state: State, preamble: list[Block]) -> None:
    """Headings after an entry's last text (or before the first entry) label the entries below them."""
    section = _take_labels(state, preamble, None)
    for article in state.articles:
        if section and not article.section:
            article.section = section
        last_text = max((i for i, b in enumerate(article.body) if b.kind != HEADING), default=-1)
        trailing = article.body[last_text + 1:]
        if trailing:
            article.body = article.body[: last_text + 1]
            section = _take_labels(state, trailing, section)
    for article in state.articles:
        for block in article.body:
            if block.kind == HEADING:
                block.kind = CROSSHEAD


def _take_labels(state: State, blocks: list[Block], section: str | None) -> str | None:
    for block in blocks:
        if block.kind == HEADING:
            state.drop(block, "section label (kept as the section of the entries under it)")
            section = block.text
    return section


def _summaries_without_entry(state: State) -> None:
    """A summary whose article never follows in the digest is still an article: a stub carrying it."""
    have = {key(a.title) for a in state.articles}
    for title_key, (title, lines) in state.summary_titles.items():
        if title_key in have:
            continue
        article = Article(title=title, order=len(state.articles), stub=True,
                          translations={"zh": state.translations[title_key]})
        article.provenance = [Provenance(state.source.name, state.source.sha256, lines, state.kind)]
        state.articles.append(article)
