"""Typed records that flow through the converter: sources, blocks, articles, drops."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

# The named rule running now (set by the pipeline's rule runner): joins and drops record who made them.
CURRENT_RULE: ContextVar[str] = ContextVar("CURRENT_RULE", default="")

# Block kinds. A reader's rules assign one of these to every block; the writer
# renders only the kinds that belong in a body.
PARA = "para"  # running text
HEADING = "heading"  # a short line that may be a headline, kicker or crosshead
CROSSHEAD = "crosshead"  # a heading inside an article
ITEM = "item"  # a bulleted list item
TABLE = "table"  # rows of cells (a pipe table in the source)
CAPTION = "caption"  # a photo / illustration caption with its credit
BYLINE = "byline"
JUMP = "jump"  # "From page 1"
CREDIT = "credit"  # "Source: Xinhua", "Additional reporting by …", author note
URL = "url"
TIMESTAMP = "timestamp"
DROP = "drop"  # boilerplate that leaves the text, with a reason


class BlockMeta(TypedDict, total=False):
    """What rules note on a block beside its kind and text (the side channel, typed; all keys optional)."""

    blank_before: bool  # a blank line above it in the source
    used_as: str  # headline | metadata | signature | joined: taken into an article other than as text
    caps: bool  # set in capitals
    standalone: bool  # a line that stands alone (signature, label), never joined to its neighbours
    signature: bool  # a name or initials signing the story above off (`JOHN MILLER.`, `A. T. J.`)
    signs_off: bool  # …with unheaded filler text below it, which is an item of its own
    question: str  # an interview question crosshead
    quote: bool  # a blockquote paragraph
    rows: list[list[str]]  # a table's cells
    caption: str  # a caption block's caption text
    credit: str  # …and its credit
    names: list[str]  # a byline's names
    field: str  # the front matter field a credit line fills
    value: Any  # …and its value
    direction: str  # a jump line: "from" or "to"
    page: str  # …and the page it names
    dateline: str  # a date found in the text
    last_line: str
    from_link: bool  # an address taken out of a Markdown link
    dropped: "Dropped"  # the report entry of a dropped block
    joins: list[tuple[str, tuple[int, int], str]]  # blocks joined into this one: (rule, their lines, joiner)
    run_on: str  # "head", "text", "speckle" or "credit": cut from a page delivered as one line (rules/run_on_lines.py)
    join_notes: list[dict]  # why a join was made and any word mended across it: {line, rule, word}


@dataclass
class Block:
    """A run of source text with the 1-based source line range it came from."""

    kind: str
    text: str
    lines: tuple[int, int]
    level: int = 0  # heading level given by markup (0: none)
    reason: str = ""  # why a DROP block was dropped
    meta: BlockMeta = field(default_factory=lambda: BlockMeta())

    def extend(self, other: "Block", joiner: str = " ", text: str | None = None) -> None:
        """Append another block's text (a repaired break) and widen the line range; the join names its rule.
        `text`: the joined text when the caller has made it already (a mended word), not built again."""
        self.meta.setdefault("joins", []).append((CURRENT_RULE.get(), other.lines, joiner))
        self.text = f"{self.text}{joiner}{other.text}" if text is None else text
        self.lines = (min(self.lines[0], other.lines[0]), max(self.lines[1], other.lines[1]))


@dataclass
class Figure:
    caption: str
    credit: str
    lines: tuple[int, int]
    rule: str = field(default_factory=CURRENT_RULE.get, compare=False)  # the rule that moved it into a figure

    def as_dict(self) -> dict:
        return {"caption": self.caption, "credit": self.credit}


@dataclass
class Provenance:
    file: str
    sha256: str
    lines: tuple[int, int]
    kind: str = ""

    def as_dict(self) -> dict:
        return {"file": self.file, "sha256": self.sha256, "lines": list(self.lines), "kind": self.kind}


@dataclass
class Article:
    """One article: metadata the front matter carries plus the body blocks."""

    title: str
    provenance: list[Provenance] = field(default_factory=list)
    page: str | None = None
    section: str | None = None
    deck: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    source_agency: str | None = None
    dateline: str | None = None  # the place (and agency) a story was filed from, as printed before its text
    note: str | None = None
    continued_from: str | None = None
    continues_on: str | None = None  # the page a jump-out names (`See BUDGET, page 6`)
    agency_from_byline: bool = False  # source_agency read off a byline's role (`Associated Press`): a printed credit wins
    jump_word: str | None = None  # the jump word (`BUDGET`) that ties a jump-out to its continuation; not written
    date: str | None = None
    url: str | None = None
    figures: list[Figure] = field(default_factory=list)
    translations: dict[str, dict] = field(default_factory=dict)
    publication: str | None = None  # the paper or outlet that published it
    collected_in: str | None = None  # the digest that collected it (its publication is the outlet)
    issue: str | None = None
    issue_title: str | None = None
    issue_date: str | None = None  # the edition's day (sidecar, masthead or digest header), YYYY-MM-DD
    language: str | None = None
    body: list[Block] = field(default_factory=list)
    order: int = 0  # position in its source
    stub: bool = False  # an entry that carries no body in the source
    untitled: bool = False  # the title was made from the first words (no headline in the source)

    @property
    def lines(self) -> tuple[int, int]:
        return self.provenance[0].lines if self.provenance else (0, 0)

    def paragraphs(self) -> list[str]:
        return [b.text for b in self.body if b.kind == PARA]

    def richness(self) -> int:
        """How much metadata this copy carries (used to pick the richer duplicate)."""
        scalars = [self.page, self.section, self.source_agency, self.dateline, self.note, self.continued_from,
                   self.date, self.url, self.publication]
        return sum(1 for v in scalars if v) + len(self.authors) + len(self.figures) + len(self.translations)


@dataclass
class Dropped:
    """Source text that went into no article, and why."""

    file: str
    lines: tuple[int, int]
    text: str
    reason: str
    rule: str = field(default_factory=CURRENT_RULE.get)  # the named rule that dropped it

    def as_dict(self) -> dict:
        return {"file": self.file, "lines": list(self.lines), "reason": self.reason, "rule": self.rule,
                "text": self.text}


@dataclass
class Source:
    """One input file, decoded."""

    path: Path
    name: str
    sha256: str
    text: str
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return Path(self.name).stem
