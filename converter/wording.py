"""Words for counts in messages and pages, shared by the terminal summary, the report and the site."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 article`, `2 articles`, `0 articles` (`words` for irregular plurals)."""
    return f"{count} {word if count == 1 else words or word + 's'}"
