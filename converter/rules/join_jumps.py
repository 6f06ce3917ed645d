"""Rule: a story continued on another page is one article again when both parts were converted.

The convention: a jump-out (`See BUDGET, page 6`) names a jump word and a page; on that page
the continuation opens with a jump head carrying the same word (`BUDGET: Council votes to …`)
and often a jump-in (`From page 1`). When the start and its continuation are both in the
converted set (one page file, or several), the continuation's text is appended to the start
and the jump head is reported as dropped; when only the continuation is there it stays an
article of its own with `continued_from`. Without jump words, a single jump-out and a single
jump-in that name each other's pages are joined too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Article, Dropped, Provenance
from ..state import State
from ..text import key
from .find_jump_lines import JUMP_HEAD
from .repair_breaks import repair_blocks

Record = Callable[[Article, Dropped], None]


# A jump head that is the jump word alone (`CONFERENCE` over `Continued from page 1`).
SLUG_ONLY = re.compile(r"^[A-Z][A-Z0-9'’&-]{2,}(?:\s+[A-Z][A-Z0-9'’&-]+){0,2}$")


def jump_head_word(article: Article) -> str | None:
    """The jump word a continuation opens with: its jump head's word, the word alone as its head,
    or a kicker in capitals."""
    if match := JUMP_HEAD.match(article.title):
        return match.group("slug")
    if article.continued_from and SLUG_ONLY.match(article.title):
        return article.title
    if article.section and article.section.isupper() and article.continued_from:
        return article.section
    return None


def _same_story(start: Article, continuation: Article) -> bool:
    """The continuation's head names the start: its jump word, or the start's headline repeated
    (`BUDGET`, `BUDGET: Council votes …`, or the whole headline over `From page 1`)."""
    word = (start.jump_word or "").casefold()
    head = jump_head_word(continuation)
    if word and head and head.casefold() == word:
        return True
    if not continuation.continued_from:
        return False
    repeated = JUMP_HEAD.match(continuation.title)
    titles = {key(continuation.title)} | ({key(repeated.group("rest"))} if repeated else set())
    if key(start.title) in titles:
        return True
    return bool(word) and head is None and word in key(continuation.title).split()


def _pairs(articles: list[Article]) -> list[tuple[Article, Article]]:
    starts = [a for a in articles if a.jump_word or a.continues_on]
    continuations = [a for a in articles if jump_head_word(a) or a.continued_from]
    pairs = []
    for start in starts:
        found = [c for c in continuations if c is not start and _same_story(start, c)]
        if found:
            pairs.append((start, found[0]))
            continuations.remove(found[0])
    if not pairs and len(starts) == 1 and len(continuations) == 1 and starts[0] is not continuations[0]:
        start, continuation = starts[0], continuations[0]
        to_page, from_page = re.sub(r"\D", "", start.continues_on or ""), re.sub(r"\D", "", continuation.continued_from or "")
        other_page = start.page != continuation.page or _before(start, continuation)
        pages_agree = to_page and from_page and to_page != from_page and other_page
        if pages_agree and not (start.jump_word and jump_head_word(continuation)):
            pairs.append((start, continuation))  # one jump each way, and no two jump words that differ
    return pairs


def _before(start: Article, continuation: Article) -> bool:
    """The start stands before its continuation in the same source (no page labels tell the pages apart:
    a PDF→Markdown file numbers its pages by separators, not by labels)."""
    if not start.provenance or not continuation.provenance:
        return False
    first, second = start.provenance[0], continuation.provenance[0]
    return first.file == second.file and first.lines[1] < second.lines[0]


def _join(start: Article, continuation: Article) -> None:
    start.body.extend(continuation.body)
    for prov in continuation.provenance:
        same = next((p for p in start.provenance if p.file == prov.file), None)
        if same is not None:
            same.lines = (min(same.lines[0], prov.lines[0]), max(same.lines[1], prov.lines[1]))
        else:
            start.provenance.append(Provenance(prov.file, prov.sha256, prov.lines, prov.kind))
    start.body = repair_blocks(start.body)  # a sentence cut at the jump goes on in the continuation
    start.figures.extend(continuation.figures)
    start.contributors.extend(c for c in continuation.contributors if c not in start.contributors)


def join_jumped(articles: list[Article], record: Record) -> list[Article]:
    """The articles with each found continuation appended to its start (and gone from the list)."""
    joined = []
    for start, continuation in _pairs(articles):
        _join(start, continuation)
        head = " ".join(x for x in (continuation.section, continuation.title, continuation.deck) if x)
        prov = continuation.provenance[0] if continuation.provenance else None
        if prov is not None:
            record(continuation, Dropped(prov.file, (prov.lines[0], prov.lines[0]), head,
                                         f"jump head of a continuation joined to its start {start.title!r}"))
        joined.append(continuation)
    return [a for a in articles if not any(a is j for j in joined)]


def join_continuations(state: State) -> None:
    def record(article: Article, entry: Dropped) -> None:
        state.dropped.append(entry)
        state.note("join_continuations", f"{article.title!r} joined to its start (line {entry.lines[0]})")

    state.articles = join_jumped(state.articles, record)
