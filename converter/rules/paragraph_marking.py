"""How a file marks its paragraphs, measured from the file itself.

Newspapers' text reaches us with paragraphs marked in one of a few ways, and a
line break means something different in each:

- `blank`: a blank line between paragraphs (lines inside one may be wrapped);
- `line`: one paragraph per line, blank lines or not (OCR engine exports, wire
  copy, feeds): the lines are not wrapped, so every line is a paragraph unless
  it stops mid-sentence and the next goes on in lower case (a cut);
- `indent`: hard-wrapped lines, a paragraph starts at a line indented deeper
  than the text around it (typewritten and wire copy, many OCR exports);
- `wrap`: hard-wrapped at the column width with nothing else: a paragraph ends
  at a line that ends a sentence well short of the width.

Blank lines in wrapped text are paragraph marks only when the running-text lines
before them end sentences (a headline or byline over a blank line is no evidence); when they mostly stop mid-sentence they are column (or page)
breaks, and the text runs on across them.

The choice rests on measurements, never on what a sample looks like: how many
prose lines end a sentence, how many fill the wrap width, how many are indented
and whether the lines before indents and blanks end sentences. The figures are
kept as evidence for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import PARA, Block
from ..text import CLOSERS, TERMINAL, ends_sentence, has_cjk, has_words, per_source_cache
from .layout_settings import MARKING

INDENT_CHARS = " \t\u3000"


@dataclass
class Marking:
    """The paragraph convention of one file (or region) and the figures it was chosen from."""

    mode: str  # blank | line | indent | wrap
    width: int  # the wrap width: most wrapped lines reach at least FULL of it
    blanks: str  # paragraph | column | none
    evidence: dict = field(default_factory=dict)
    full_closes_paragraph: bool = False  # a full-width line ending a sentence ends its paragraph too

    def describe(self) -> str:
        figures = ", ".join(f"{k} {v}" for k, v in self.evidence.items())
        return f"{self.mode} (blank lines: {self.blanks}; width {self.width}; {figures})"


@per_source_cache
def line_closes(text: str) -> bool:
    """The line ends a sentence (closing quotes and brackets allowed)."""
    last = text[-1:]
    if last in TERMINAL:
        return True
    return last in CLOSERS and ends_sentence(text)


@per_source_cache
def is_prose(text: str) -> bool:
    """Enough words to be running text rather than a label or a heading."""
    if text.isascii():  # the common case, counted the quick way (no further than needed)
        return len(text.split(maxsplit=MARKING.prose_words - 1)) >= MARKING.prose_words
    if has_cjk(text):
        return len(text) >= MARKING.prose_cjk_chars
    return has_words(text, MARKING.prose_words)  # read no further than needed


def indent_of(raw: str) -> int:
    if raw[:1] not in INDENT_CHARS:
        return 0
    stripped = raw.lstrip(" \t\u3000")
    head = raw[: len(raw) - len(stripped)]
    return head.count(" ") + 4 * head.count("\t") + 2 * head.count("\u3000")


def _share(hits: int, total: int) -> float:
    return round(hits / total, 2) if total else 0.0


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0


def indented_lines(blocks: list[Block], indents: list[int], facts: list[tuple[bool, bool]] | None = None) -> list[bool]:
    """Which lines sit deeper than the file's usual left edge."""
    facts = facts or line_facts(blocks)
    prose = [indent for (is_text, _), indent in zip(facts, indents) if is_text]
    if not prose:
        return [False] * len(blocks)
    base = max(set(prose), key=prose.count)
    return [base < i <= base + MARKING.max_indent for i in indents]


def line_facts(blocks: list[Block]) -> list[tuple[bool, bool]]:
    """(is prose, ends a sentence) for each line, measured once."""
    return [(is_prose(b.text), line_closes(b.text)) for b in blocks]


def measure(blocks: list[Block], indents: list[int], facts: list[tuple[bool, bool]] | None = None) -> Marking:
    """Pick the file's paragraph marking from its running-text lines."""
    facts = facts or line_facts(blocks)
    texts = [(i, b) for i, b in enumerate(blocks) if b.kind == PARA]
    prose = [b.text for i, b in texts if facts[i][0]]
    width = _percentile([len(t) for t in prose], MARKING.width_percentile)
    closed = _share(sum(1 for i, _ in texts if facts[i][0] and facts[i][1]), len(prose))
    full = _share(sum(1 for t in prose if len(t) >= MARKING.full * width), len(prose))
    deep = indented_lines(blocks, indents, facts)
    starts = [i for i, _ in texts[1:] if deep[i]]
    indent_share = _share(len(starts), len(texts))
    indent_after_close = _share(sum(1 for i in starts if i and facts[i - 1][1]), len(starts))
    before_blank = [i - 1 for i, b in texts[1:] if b.meta.get("blank_before")]
    # what ends before a blank line is judged on running text: a line standing alone between blanks (or
    # at the top) — a headline, a byline — says nothing of how paragraphs are marked
    prose_before_blank = [i for i in before_blank
                          if i > 0 and facts[i][0] and not blocks[i].meta.get("blank_before")] or before_blank
    blank_after_close = _share(sum(1 for i in prose_before_blank if facts[i][1]), len(prose_before_blank))
    full_closes = full_lines_close_paragraphs(blocks, width, facts)
    evidence = {"lines": len(texts), "prose lines ending a sentence": closed, "lines filling the width": full,
                "indented": indent_share, "indents after a sentence end": indent_after_close,
                "blank lines": len(before_blank), "blanks after a sentence end": blank_after_close,
                "full lines ending a sentence that end a paragraph": full_closes}
    wrapped = len(prose) >= MARKING.min_lines and closed <= MARKING.wrapped_closed and full >= MARKING.wrapped_full
    blanks = "none" if not before_blank else (
        "paragraph" if blank_after_close >= MARKING.blank_closed or not wrapped else "column")
    if wrapped and MARKING.indent_min <= indent_share <= MARKING.indent_max \
            and indent_after_close >= MARKING.indent_closed:
        return Marking("indent", width, blanks, evidence, full_closes >= 0.5)
    if not wrapped:
        return Marking("line", width, blanks, evidence)
    if blanks == "paragraph" and len(before_blank) >= MARKING.min_blank_paragraphs:
        return Marking("blank", width, blanks, evidence, full_closes >= 0.5)
    return Marking("wrap", width, blanks, evidence, full_closes >= 0.5)


def full_lines_close_paragraphs(blocks: list[Block], width: int, facts: list[tuple[bool, bool]]) -> float:
    """How likely a full-width line that ends a sentence ends its paragraph, estimated from the file.

    A paragraph's last line is about as often any length, so for every short line that ends a
    sentence (a sure paragraph end) about (1 - FULL) / FULL paragraph ends are expected among the
    full-width lines that end a sentence; the rest of those end a sentence inside a paragraph.
    Papers of short paragraphs (one or two sentences) score near 1, papers of long ones near 0.
    """
    short = full = 0
    for index in range(1, len(blocks)):
        previous, block = blocks[index - 1], blocks[index]
        if previous.kind != PARA or block.kind != PARA or not facts[index - 1][1]:
            continue
        if len(previous.text) >= MARKING.full * width:
            full += 1
        else:
            short += 1
    expected = short * (1 - MARKING.full) / MARKING.full
    return round(min(1.0, expected / full), 2) if full else 1.0
