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

from ..text import CJK, WORD

SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "al", "er", "ers")
TAIL = re.compile(r"([^\W\d_]{2,})$")
HEAD = re.compile(r"^([^\W\d_]{2,})\b")
HYPHEN_TAIL = re.compile(r"(?<=[^\W_])-$")


class Vocabulary:
    """How often each word (case folded) occurs in one source; counted once, when first asked."""

    def __init__(self, text: str):
        self.text = text
        self._counts: Counter | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(WORD.findall(self.text.casefold()))
        return self._counts[word]

    def family(self, word: str) -> int:
        forms = {word} | {word + s for s in SUFFIXES}
        forms |= {word[: -len(s)] for s in SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4}
        return sum(self[f] for f in forms)


def join_pieces(first: str, second: str, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """The two lines as one text, and a note of the word mended at the cut (None: a plain space)."""
    if CJK.search(first[-1:]) and CJK.search(second[:1]):
        return first + second, None
    if HYPHEN_TAIL.search(first) and second[:1].isalnum():
        return _hyphenated(first, second, vocabulary)
    tail, head = TAIL.search(first), HEAD.match(second)
    if tail and head and head.group(1).islower():
        joined = (tail.group(1) + head.group(1)).casefold()
        alone = vocabulary[head.group(1).casefold()]
        evidence = vocabulary.family(joined)
        if evidence >= max(1, alone):
            return first + second, (f"{tail.group(1)}|{head.group(1)} → {tail.group(1)}{head.group(1)} "
                                    f"(the file has the word {evidence}×, '{head.group(1)}' alone {alone}×)")
    return first + " " + second, None


def _hyphenated(first: str, second: str, vocabulary: Vocabulary) -> tuple[str, str]:
    tail = TAIL.search(first[:-1])
    head = re.match(r"[^\W_]+", second)
    left, right = (tail.group(1) if tail else first[:-1].split()[-1]), head.group(0) if head else second.split()[0]
    if not right[:1].islower() or not left[-1:].isalpha():
        return first + second, f"{left}-|{right} → {left}-{right} (hyphen before a capital or digit kept)"
    compound = f"{left}-{right}".casefold()
    if vocabulary[compound] > vocabulary[(left + right).casefold()]:
        return first + second, f"{left}-|{right} → {left}-{right} (the file writes it with a hyphen)"
    return first[:-1] + second, f"{left}-|{right} → {left}{right} (line-end hyphen)"
