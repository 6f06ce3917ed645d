"""Small text predicates shared by the rules."""

from __future__ import annotations

import functools
import itertools
import html
import re
import unicodedata

MARKDOWN_KINDS = frozenset({"pdf-markdown", "digest"})  # kinds of source written in Markdown
CLOSERS = "\"'”’»)]*_"
TERMINAL = ".!?…。！？"
# Possessive: a word's letters and its joiners are disjoint classes, so no match ever gives back a
# character; the matches are those of the plain form, found without keeping backtracking points.
WORD = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+", re.UNICODE)
# C0 controls but tab and line feed, DEL and the C1 block: wire transmissions frame stories with them
# (SOH, STX, ETX, EOT …); readers may use them, titles and bodies never show them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
# A balanced Markdown emphasis span: `*Time*`, `**bold**`, `_word_`, `__strong__` (groups: mark, text).
EMPHASIS_SPAN = re.compile(r"(?<![\w*])(\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*\\])\1(?![\w*])"
                           r"|(?<!\w)(__|_)(?=[^\s_])(.+?)(?<=[^\s_\\])\3(?!\w)")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Text set without spaces between words: CJK characters and the CJK and fullwidth punctuation around them.
CJK_SET = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def line_joiner(left: str, right: str) -> str:
    """What joins two pieces of one paragraph cut at a line or column break: nothing where Chinese
    (Japanese, Korean) text meets Chinese text, a digit or punctuation, since it is written without
    spaces; a space otherwise, so a Latin word beside Chinese keeps the space it was set with."""
    last, lead = left.rstrip()[-1:], right.lstrip()[:1]
    if not last or not lead:
        return " "
    cjk_last, cjk_lead = bool(CJK_SET.match(last)), bool(CJK_SET.match(lead))
    if cjk_last and cjk_lead:
        return ""
    if cjk_last or cjk_lead:
        other = lead if cjk_last else last
        return " " if other.isalpha() else ""
    return " "


_LINE_CACHES: list = []


def per_source_cache(function):  # type: ignore[no-untyped-def]
    """Memoise a pure function of a line's text: the rules ask the same question of the same line many
    times (the kind detector, then several rules). Only for functions whose answer depends on their
    arguments alone and is immutable; `clear_line_caches` empties every such cache when a source starts,
    so memory stays bounded and one source's answers never outlive it."""
    cached = functools.lru_cache(maxsize=1 << 15)(function)
    _LINE_CACHES.append(cached)
    return cached


def clear_line_caches() -> None:
    for cached in _LINE_CACHES:
        cached.cache_clear()


def words(text: str) -> list[str]:
    return WORD.findall(text)


@per_source_cache
def word_count(text: str) -> int:
    return len(words(text))


def has_words(text: str, least: int) -> bool:
    """`word_count(text) >= least`, read only as far as the `least`-th word (a long paragraph is not
    counted through)."""
    return least <= 0 or next(itertools.islice(WORD.finditer(text), least - 1, None), None) is not None


def strip_closers(text: str) -> str:
    return text.rstrip().rstrip(CLOSERS).rstrip()


def _core_end(text: str) -> str:
    """The last character of `strip_closers(text)` ("" when none), read from the end of a long text
    without copying it."""
    core = strip_closers(text[-64:])
    return core[-1:] if core or len(text) <= 64 else strip_closers(text)[-1:]


def ends_sentence(text: str) -> bool:
    """True when a paragraph ends like a finished sentence (closing quotes allowed)."""
    last = _core_end(text)
    return bool(last) and last in TERMINAL


def ends_with_punctuation(text: str) -> bool:
    """Any sentence-internal or final punctuation at the end (., ?, !, :, ;, ,)."""
    last = _core_end(text)
    return bool(last) and last in TERMINAL + ",;:，；：、"


OPENING_MARKS = "\"'“‘(—–- "  # quotes, brackets and dashes a sentence may open with


def starts_lowercase(text: str) -> bool:
    first = text[:1]
    if first and first not in OPENING_MARKS:
        return first.islower()  # no mark to pass over (most lines): the first character says it
    stripped = text[:64].lstrip(OPENING_MARKS)  # the opening only: a long paragraph is not copied
    if not stripped and len(text) > 64:
        stripped = text.lstrip(OPENING_MARKS)
    return bool(stripped) and stripped[0].islower()


SENTENCE_GOING_ON = tuple(",.;:，。、；：！？)）」』》")  # a text opening with these goes on a sentence cut above it


def goes_on(text: str) -> bool:
    """A text that continues a sentence: it opens in lower case, or with punctuation no sentence opens
    with (`。华虹计划…` after a caption cut `…仍在交易`)."""
    return starts_lowercase(text) or text.lstrip().startswith(SENTENCE_GOING_ON)


@per_source_cache
def has_cjk(text: str) -> bool:
    return bool(CJK.search(text))


def is_upper_label(text: str) -> bool:
    """All letters capitals, e.g. a page header such as INSIGHTS."""
    if text.isascii():  # in ASCII the letters are the cased characters: str.isupper says the same, quicker
        return text.isupper()
    if LOWER_ASCII.search(text):  # a small ASCII letter is a letter not in capitals: no need to read them all
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


LOWER_ASCII = re.compile("[a-z]")


def has_letters(text: str, least: int) -> bool:
    """At least `least` letters (str.isalpha) in the text, read only as far as needed."""
    found = 0
    for char in text:
        if char.isalpha():
            found += 1
            if found >= least:
                return True
    return least <= 0


def title_case_share(text: str) -> float:
    """Share of the longer words that start with a capital."""
    long_words = [w for w in words(text) if len(w) > 3]
    if not long_words:
        return 1.0
    return sum(1 for w in long_words if w[0].isupper()) / len(long_words)


def decode_entities(text: str) -> str:
    return html.unescape(text) if "&" in text else text


SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
SPACE_NOT_PLAIN = re.compile(r"[\t\u00a0\u2000-\u200b\u3000]")  # SPACE_RUN's characters but the plain space


def clean_space(text: str) -> str:
    if text.isascii() and "\t" not in text and "  " not in text:
        return text.strip()  # already NFC, and no run of spaces or tabs to fold
    text = unicodedata.normalize("NFC", text)
    if "  " not in text and not SPACE_NOT_PLAIN.search(text):
        return text.strip()  # every run is one plain space already: SPACE_RUN.sub would give it back unchanged
    return SPACE_RUN.sub(" ", text).strip()


def reading_case(name: str) -> str:
    """LIANG Yilian -> Liang Yilian; O'NEIL -> O'Neil; keeps initials and mixed case."""

    def fix(word: str) -> str:
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            return word
        return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)

    return " ".join(fix(w) for w in name.split())


QUOTES_FOLDED = str.maketrans("‘’‚‛“”„", "'''\"\"\"\"")  # made once: `key` is asked of many lines


def key(text: str) -> str:
    """A comparison key: case, quotes, punctuation and spacing folded."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).casefold()
    text = text.translate(QUOTES_FOLDED)
    return " ".join(words(text))


def without_controls(text: str) -> str:
    """Control characters out: a run between two words becomes one space, elsewhere nothing."""
    if not CONTROL.search(text):
        return text

    def gap(m: re.Match) -> str:
        before, after = text[m.start() - 1: m.start()], text[m.end(): m.end() + 1]
        return " " if before.strip() and after.strip() else ""

    return CONTROL.sub(gap, text)


def without_emphasis(text: str) -> str:
    """Balanced Markdown emphasis spans unwrapped (`*Time*` → `Time`); a lone `*` or `_` is text and stays."""
    return EMPHASIS_SPAN.sub(lambda m: m.group(2) if m.group(1) else m.group(4), text)
