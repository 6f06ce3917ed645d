"""The composer's building blocks: a line with its role, a body piece, a story under construction.

Roles follow shared/spec/line-roles.md, extended with `page_marker` (a line that
separates two pages of one file, e.g. `===== PAGE 2 =====`), `image` (a PDF→Markdown
image placeholder such as `![](_page_1_Picture_3.jpeg)` or `<!-- image -->`), `table_rule`
(the `|---|` row of a caption printed as a table) and `blank` (empty lines, never written to
the roles file).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    text: str
    role: str
    article: int | None = None
    continues: bool = False
    extra: dict = field(default_factory=dict)

    def record(self, number: int) -> dict:
        out = {"line": number, "role": self.role}
        if self.article is not None:
            out["article"] = self.article
        if self.continues:
            out["continues"] = True
        out.update(self.extra)
        return out


BLANK = "blank"


def blank() -> Line:
    return Line("", BLANK)


@dataclass
class Piece:
    """A run of body text (a whole paragraph or the part after a cut), a crosshead, or an inserted block."""

    kind: str  # "text" | "crosshead" | "block"
    text: str = ""
    resume: bool = False  # this text continues the paragraph that an inserted block cut
    column: bool = False  # resumed after a column end: printed as a paragraph of its own
    lines: list[Line] = field(default_factory=list)
    lead: dict = field(default_factory=dict)  # extra role fields for its first line (e.g. the dateline)
    prefix: str = ""  # printed before the text but not part of the article body (a dateline)
    figure: dict | None = None  # the gold figure a caption block shows
    meta: dict = field(default_factory=dict)  # gold fields a printed block gives (contributors, source_agency)
    joins: list[str] = field(default_factory=list)  # gold join texts this piece's cut creates
    forbidden: list[str] = field(default_factory=list)  # block texts no article body may hold


@dataclass
class Story:
    """One gold article while it is being composed."""

    index: int
    lang: str
    text_id: str
    head: list[Line]
    pieces: list[Piece]
    gold: dict
    rest: list[Piece] = field(default_factory=list)  # pieces printed on a jump page
    jump: str = "none"  # none | out | within | continuations
    jump_key: str = ""  # the slug word a jump line names (`See BUDGET, page 6`)
    title: str = ""  # the headline as printed
