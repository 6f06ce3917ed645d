"""Words split across a line end, mended only on the file's own evidence.

Typesetting splits words at the column edge, with a hyphen (`bis-` / `weilen`)
or, once OCR has dropped it, without (`depart` / `ments`). Joining two lines of
one paragraph must decide whether the two pieces are one word:

- a hyphen before a lower-case piece is a soft hyphen and goes (`bis-weilen` →
  `bisweilen`), unless the file writes the hyphenated word elsewhere in a line
  (`well-known`), when the hyphen stays;
- a hyphen before a capital or a digit is kept (`New-` / `York` → `New-York`);
- two pieces without a hyphen are one word only when the file uses the joined
  word (or a form of it: `department` for `depart`+`ments`) at least as often
  as the second piece stands alone as a word (`in` / `to` stays two words).

Every mend is returned with the evidence, to be recorded; nothing is joined
silently. Text in Chinese or Japanese has no spaces to lose: its pieces join
as they are.
"""

from __future__ import annotations

import re
from collections import Counter

from ..text import WORD, line_joiner
from .layout_settings import SPLITS

SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "al", "er", "ers")
HEAD = re.compile(r"^([^\W\d_]{2,})\b")


class Vocabulary:
    """How often each word (case folded) occurs in one source; counted once, when first asked."""

    def __init__(self, text: str):
        self.text = text
        self._counts: Counter | None = None

    def _counted(self) -> Counter:
        if self._counts is None:
            self._counts = Counter(WORD.findall(self.text.casefold()))
        return self._counts

    def __getitem__(self, word: str) -> int:
        return self._counted().get(word, 0)

    def family_reaches(self, word: str, needed: int) -> int:
        """How often the word or a form of it occurs, counted until `needed` is reached."""
        counts = self._counted()
        total = counts.get(word, 0)
        forms = [word + s for s in SUFFIXES] + [word[: -len(s)] for s in SUFFIXES
                                                if word.endswith(s) and len(word) - len(s) >= 4]
        for form in forms:
            if total >= needed:
                break
            total += counts.get(form, 0)
        return total


def join_pieces(first: str, second: str, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """The two lines as one text, and a note of the word mended at the cut (None: a plain space)."""
    last, lead = first[-1:], second[:1]
    if (last > "\u2e7f" or lead > "\u2e7f") and not line_joiner(first, second):
        return first + second, None
    if last == "-" and lead.isalnum() and first[-2:-1].isalnum():
        return _hyphenated(first, second, vocabulary)
    if not (last.isalpha() and lead.islower()):
        return f"{first} {second}", None
    tail = first[-SPLITS.tail_chars:].rsplit(None, 1)[-1]
    head = HEAD.match(second)
    if tail.isalpha() and len(tail) >= 2 and head:
        piece = head.group(1)
        joined = (tail + piece).casefold()
        alone = vocabulary[piece.casefold()]
        if alone > SPLITS.common_piece and vocabulary[joined] < alone:
            return f"{first} {second}", None  # a piece the file uses often as a word needs the word itself
        evidence = vocabulary.family_reaches(joined, max(1, alone))
        if evidence >= max(1, alone):
            return first + second, (f"{tail}|{piece} → {tail}{piece} "
                                    f"(the file has the word {evidence}×, '{piece}' alone {alone}×)")
    return f"{first} {second}", None


def _hyphenated(first: str, second: str, vocabulary: Vocabulary) -> tuple[str, str]:
    left = re.split(r"[^\w]+", first[-SPLITS.tail_chars:-1])[-1] or first[:-1].split()[-1]
    head = re.match(r"[^\W_]+", second)
    right = head.group(0) if head else second.split()[0]
    if not right[:1].islower() or not left[-1:].isalpha():
        return first + second, f"{left}-|{right} → {left}-{right} (hyphen before a capital or digit kept)"
    compound = f"{left}-{right}".casefold()
    if vocabulary[compound] > vocabulary[(left + right).casefold()]:
        return first + second, f"{left}-|{right} → {left}-{right} (the file writes it with a hyphen)"
    return first[:-1] + second, f"{left}-|{right} → {left}{right} (line-end hyphen)"
