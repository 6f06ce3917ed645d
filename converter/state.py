"""The state object every rule reads and changes, markdown-it style."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .model import CURRENT_RULE, DROP, Article, Block, Dropped, Source


@dataclass
class State:
    """Everything known about one source while its preset of rules runs."""

    source: Source
    kind: str
    sidecar: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    issue: dict = field(default_factory=dict)  # publication, title, date of the whole source
    source_meta: dict = field(default_factory=dict)  # the source's own YAML front matter (readers/front_matter.py)
    translations: dict[str, dict] = field(default_factory=dict)  # digest summaries by title key
    summary_titles: dict[str, tuple[str, tuple[int, int]]] = field(default_factory=dict)  # title, lines
    contents: list[str] = field(default_factory=list)  # titles listed in a table of contents
    kickers: set[str] = field(default_factory=set)  # kicker labels seen so far (comparison keys)
    running_head: str | None = None  # the page header articles run under
    first_text_index: int = 0  # index of the first running-text block (set by segmentation)
    current_title: str | None = None  # headline of the article segmentation is inside
    trace: list[str] = field(default_factory=list)  # which rule did what, for --verbose
    refused: str | None = None  # why a reader refused the whole source (too large to parse): no other kind reads it

    def drop(self, block: Block, reason: str) -> None:
        """Take a block out of the text and record it in the report."""
        block.kind, block.reason = DROP, reason
        block.meta["dropped"] = Dropped(self.source.name, block.lines, block.text, reason, CURRENT_RULE.get())
        self.dropped.append(block.meta["dropped"])

    def note(self, rule: str, message: str) -> None:
        self.trace.append(f"{rule}: {message}")


Rule = Callable[[State], None]
