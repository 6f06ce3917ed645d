"""OCR damage the composer applies as printed text: character confusions, garbled mastheads, speckle."""

from __future__ import annotations

import random

from .furniture import OCR_CONFUSIONS, SPECKLE
from .model import Line


def confuse_word(word: str, rng: random.Random) -> str:
    for wrong, right in rng.sample(OCR_CONFUSIONS, len(OCR_CONFUSIONS)):
        at = word.find(wrong, 1)
        if 0 < at < len(word) - len(wrong):
            return word[:at] + right + word[at + len(wrong):]
    return word


def confuse(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """Swap letters the way OCR engines do (rn→m, e→c, l→1 …) inside a few lowercase words."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) >= 5 and word.isalpha() and word.islower() and rng.random() < rate:
            words[i] = confuse_word(word, rng)
    return " ".join(words)


def garble(text: str, rng: random.Random) -> str:
    """A masthead as OCR reads big display type: confusions, doubled and dropped spaces, stray marks."""
    chars = []
    for ch in text:
        roll = rng.random()
        if ch.isalpha() and roll < 0.12:
            chars.append(rng.choice("1lIi0O«»■"))
        elif ch == " " and roll < 0.3:
            chars.append(rng.choice(("  ", "", " . ")))
        else:
            chars.append(ch)
    return "".join(chars).strip() or text


def speckle_lines(rng: random.Random, most: int = 2) -> list[Line]:
    return [Line(rng.choice(SPECKLE), "noise") for _ in range(rng.randint(1, most))]
