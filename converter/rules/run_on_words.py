"""Word shapes the run-on page cutter (run_on_lines.py) reads: capitals, capitalised words, sentence
openers (elided ones too: `L'`, `D'`), sentence ends under their closing quotes and brackets, and runs
of capitals words forward and back from a word."""

from __future__ import annotations

from .cues import RUN_ON_ELIDED, SENTENCE_OPENERS

SENTENCE_END_MARKS, SENTENCE_CLOSERS = ".!?…", "'\"”’»)"


def caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# No sentence opener begins in lower case (checked here, so a lower-case opener added to cues.py turns the
# shortcut in _part_starts off rather than making it wrong).
OPENERS_CAPITALISED = not any(w[:1].islower() for w in (*SENTENCE_OPENERS, *RUN_ON_ELIDED))
ELIDED_INITIALS = frozenset(p[0] for p in RUN_ON_ELIDED)  # most words open with none: no prefix to try


def is_opener(word: str) -> bool:
    if word in SENTENCE_OPENERS:
        return True
    if word[:1] not in ELIDED_INITIALS:
        return False
    prefix = next((p for p in RUN_ON_ELIDED if word.startswith(p)), None)
    return prefix is not None and word[len(prefix):][:1].isalpha()


def word_has_letters(word: str) -> bool:
    return word[:1].isalpha() or any(c.isalpha() for c in word)  # most words open with a letter


def word_ends_sentence(word: str) -> bool:
    """`SENTENCE_END.search(word)` for one word, without the regex: a sentence end under its closers."""
    core = word.rstrip(SENTENCE_CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END_MARKS


def capitalised(word: str) -> bool:
    if word[:1].isalpha():  # the first character is the first letter (most words): no list to make
        return word[0].isupper()
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def caps_word(word: str) -> bool:
    if not word.isupper():  # a lower-case letter, or no cased letter at all: the quick answer
        return word in ("A", "À", "Y", "O")
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) or word in ("A", "À", "Y", "O")


def caps_run(words: list[str], i: int) -> int:
    n = 0
    while i + n < len(words) and (caps_word(words[i + n]) or not word_has_letters(words[i + n])):
        n += 1
    return sum(1 for w in words[i:i + n] if caps_word(w))


def caps_run_back(words: list[str], i: int) -> int:
    n = 0
    while i - n >= 0 and (caps_word(words[i - n]) or not word_has_letters(words[i - n])):
        n += 1
    return sum(1 for w in words[i - n + 1:i + 1] if caps_word(w))
