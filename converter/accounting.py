"""Words that leave the text without a dropped line of their own are reported, not lost.

Labels. 
A byline `By LIANG Yilian & HU Dingkun` becomes `authors: [Liang Yilian, Hu
Dingkun]`; the label `By` is in no article. The same holds for `Photo:` in a
caption, `From page` in a jump line, `Source:` in a credit, `发布时间:` or the
time of day in a timestamp, and `18.` before a digest headline. After the
rules have run, every line used as metadata or as a headline is compared with
the words the front matter of the source's articles holds; whatever is not
there is recorded as a dropped entry naming the kind of line it came from.

Merged copies. When two sources carry the same article, one copy is kept;
a paragraph of the other copy whose words the kept copy lacks (a different
date line, a sentence one edition added) is recorded against its source.
"""

from __future__ import annotations

from collections import Counter

from .audit import surface_keys, surface_words, word_key
from .model import BYLINE, CAPTION, CREDIT, DROP, JUMP, TIMESTAMP, URL, Article, Dropped
from .state import State

REASONS = {
    BYLINE: "byline label (the names are kept as authors)",
    JUMP: "jump line label (the page is kept)",
    CREDIT: "credit line label (the value is kept)",
    CAPTION: "caption label (caption and credit are kept as a figure)",
    TIMESTAMP: "timestamp label or time of day (the date is kept)",
    URL: "address markup (the address is kept)",
    "headline": "headline numbering or markup (the title is kept)",
    "signature": "signature punctuation (the name is kept as the author)",
}
OTHER_REASON = "label of a line kept as metadata"
NOT_TEXT_FIELDS = ("provenance", "body", "order", "stub", "untitled", "jump_word")


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _front_matter_words(articles: list[Article], issue: dict) -> Counter:
    words: Counter = Counter()
    for article in articles:
        for text in _front_matter_texts(article):
            words.update(surface_keys(text))
    for text in _strings(issue):
        words.update(surface_keys(text))
    return words


def _dropped_words_by_line(dropped: list[Dropped], wanted: set) -> dict[tuple[int, int], Counter]:
    """Words already reported for a line (tracking parameters taken from an address, say), for the
    `wanted` lines."""
    by_line: dict[tuple[int, int], Counter] = {}
    for entry in dropped:
        if entry.lines not in wanted:
            continue
        by_line.setdefault(entry.lines, Counter()).update(word_key(w) for w in surface_words(entry.text))
    return by_line


def _role(block_kind: str, used_as: str | None) -> str:
    if used_as in ("headline", "signature"):
        return REASONS[used_as]
    return REASONS.get(block_kind, OTHER_REASON)


def record_label_words(state: State) -> None:
    """Report the words of metadata and headline lines that no front matter field holds."""
    in_body = {id(b) for a in state.articles for b in a.body if b.kind != CAPTION}
    consumed = [b for b in state.blocks
                if b.kind != DROP and id(b) not in in_body and b.meta.get("used_as") != "joined" and (b.meta.get("used_as") or b.kind == CAPTION)]
    if not consumed:
        return
    available = _front_matter_words(state.articles, state.issue)
    reported = _dropped_words_by_line(state.dropped, {b.lines for b in consumed})
    for block in consumed:
        available.update(reported.pop(block.lines, Counter()))
        left = []
        for word in surface_words(block.text):
            key = word_key(word)
            if available[key] > 0:
                available[key] -= 1
            else:
                left.append(word)
        if left:
            reason = _role(block.kind, block.meta.get("used_as"))
            state.dropped.append(Dropped(state.source.name, block.lines, " ".join(left), reason))


def _article_words(article: Article) -> Counter:
    words = _front_matter_words([article], {})
    for block in article.body:
        words.update(word_key(w) for w in surface_words(block.text))
    return words


def _differs(text: str, available: Counter) -> bool:
    needed = Counter(word_key(w) for w in surface_words(text))
    return any(available[w] < n for w, n in needed.items())


def merged_away_text(kept: list[Article], merged_away: list[Article]) -> list[Dropped]:
    """Dropped entries for the paragraphs of merged-away copies that the kept copy lacks."""
    return [entry for _, entry in merged_away_entries(kept, merged_away)]


def merged_away_entries(kept: list[Article], merged_away: list[Article]) -> list[tuple[Article, Dropped]]:
    """Each merged-away copy with the entries for its paragraphs the kept copy lacks: one index of the kept
    copies for all of them, and each kept copy's words counted once, however many copies merged into it."""
    by_provenance = {(p.file, p.lines): a for a in kept for p in a.provenance}
    words: dict[int, Counter] = {}
    entries = []
    for other in merged_away:
        first = other.provenance[0]
        primary = by_provenance.get((first.file, first.lines))
        if primary is None:
            continue
        available = words.get(id(primary))
        if available is None:
            available = words[id(primary)] = _article_words(primary)
        reason = f"in a copy merged into {primary.title!r}, which words it differently"
        for text in _front_matter_texts(other):
            if _differs(text, available):
                entries.append((other, Dropped(first.file, first.lines, text, reason)))
        for block in other.body:
            if block.kind != DROP and _differs(block.text, available):
                entries.append((other, Dropped(first.file, block.lines, block.text, reason)))
    return entries


def _front_matter_texts(article: Article) -> list[str]:
    values = [getattr(article, name) for name in article.__dataclass_fields__ if name not in NOT_TEXT_FIELDS]
    return _strings(values + [[f.as_dict() for f in article.figures]])
