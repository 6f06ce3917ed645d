"""The language of an article's text when its front matter states none (for `xml:lang` and `lang`).

Script first: Han text is Chinese (`zh`), with kana Japanese (`ja`), Hangul Korean (`ko`). Text in
Latin script is named only when its common function words say so clearly (English, German, French,
Spanish); otherwise no language is claimed (a wrong `lang` is worse than none).
"""

from __future__ import annotations

import re

KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[^\W\d_]+")
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "was", "for", "on", "that", "with", "by", "from", "said"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine", "auf", "sich"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "du", "au", "sur", "qui", "pas"},
    "es": {"el", "la", "los", "las", "y", "del", "en", "que", "una", "por", "con", "para", "es", "se"},
}
LEAD = 2  # hits the winner needs over the runner-up (and in all) before a language is claimed


def detect_language(text: str) -> str | None:
    """`zh`, `ja`, `ko`, `en`, `de`, `fr`, `es`, or None when the text does not say clearly."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    cjk = len(HAN.findall(text)) + len(KANA.findall(text)) + len(HANGUL.findall(text))
    if cjk * 2 >= len(letters):
        if KANA.search(text):
            return "ja"
        return "ko" if HANGUL.search(text) else "zh"
    words = [w.casefold() for w in WORD.findall(text)]
    scores = sorted(((sum(w in vocab for w in words), lang) for lang, vocab in FUNCTION_WORDS.items()),
                    reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= LEAD and best - second >= LEAD else None


def stated_language(meta: dict) -> str | None:
    """The `language` the front matter states, when it looks like a language tag (`en`, `zh-Hans`)."""
    value = str(meta.get("language") or "").strip()
    return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", value) else None
