"""Which kind of source a file is: a scored choice from the conventions its text shows.

Kinds: `digest` (a feed digest: entries with addresses or timestamps, or
translated summaries), `pdf-markdown` (pages converted to Markdown: ATX
headings, entities, page markers, tables), `ocr-page` (text of a laid-out
page: several headline groups, bylines, jump lines, hard-wrapped lines, OCR
noise), `article` (one headline and its text, paragraphs marked by blank
lines, one per line, or by first-line indentation), `wire` (a wire-service
transmission: control codes, `ZCZC`/`NNNN`, field tags), `generic`
(anything else).

Every convention found is a piece of evidence worth some points for a kind,
up to its weight (`EVIDENCE`); the kind with most points wins. Its confidence
is its share of its own and the runner-up's points; when the winner's points
are few or its lead small, the file is read as `generic`, whose rules assume least. `--format`, a
sidecar `format:` key or a structured reader that recognises the file (readers/) overrides the choice; the conversion report and `--explain` show it.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .readers.front_matter import FrontMatterRefused, split_front_matter
from .rules.feed_markup import AUTOLINK, TAG
from .rules.find_bylines import BY_OPENINGS, parse_byline
from .rules.find_jump_lines import JUMP_FROM
from .rules.run_on_lines import RUN_ON_CHARS, cut_run_on, is_run_on, unrun_text
from .text import TERMINAL, has_cjk, has_letters, is_upper_label, per_source_cache
from .urls import bare_url

KINDS = ("ocr-page", "pdf-markdown", "article", "digest", "generic", "wire", "news-markup")
# A kind that wraps another: a wire transmission carries an article, a digest is often written in Markdown.
# Once its own markers are clear (LAYER_POINTS), the wrapped kind's evidence counts for it too, so the
# story inside a transmission never outvotes its frame.
WRAPS = {"wire": "article", "digest": "pdf-markdown"}
LAYER_POINTS = 3.0  # a kind detected before its reader exists → the preset that reads it meanwhile
ATX = re.compile(r"^#{1,6}\s+\S")
TIMESTAMP = re.compile(r"^(?:发布时间\s*[:：]\s*)?\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}[ T]\d{1,2}:\d{2}")
SUMMARY = re.compile(r"^(中文标题|内容摘要)\s*[:：]")
LINK_HEADING = re.compile(r"^#{2,6}\s+\[.+\]\(https?://")
LINK_ITEM = re.compile(r"^(?:[-*+•]\s+|\d+[.)]\s+)?\**\[[^\]]+\]\(https?://[^)]*\)\**\s*$")
ENTITY = re.compile(r"&(?:[a-z]{2,8}|#\d{2,6});")
PAGE_MARKER = re.compile(r"^(?:#+\s*)?(?:PAGE|Page|p\.)\s*\d+\b|^={3,}$")
IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|<!--\s*(?:image|picture|figure)\s*-->)", re.I)  # docling: <!-- image -->
TABLE_ROW = re.compile(r"^\|.*\|$")
BOLD_LINE = re.compile(r"^(\*\*|__)[^*_].*(\*\*|__)[.:]?$")
WIRE_FRAME = re.compile(r"^\s*(?:ZCZC|NNNN)\b", re.IGNORECASE)
WIRE_TAG = re.compile(r"^[A-Z]{2}#")
# Slug and version lines of a transmission: `BC-Flood-Relief 3-4 0512`, `REFILE-UPDATE 2-…`, `2ND LEAD`, `URGENT`.
WIRE_SLUG = re.compile(r"^(?:BC-[\w'-]+|(?:REFILE|UPDATE \d+|CORRECTED|RPT)-\S|(?:\d(?:ST|ND|RD|TH) )?(?:LEAD|WRITETHRU)\b"
                       r"|(?:URGENT|FLASH|BULLETIN|ADVISORY)$)")
# Desk sign-offs and end marks after the story: `(END)`, `==Kyodo`, `AAP mk/jt`, `(SDA/sj)`.
WIRE_END = re.compile(r"^(?:\(END\)|={2,}\s*\w+|[A-Z]{2,6} [a-z]{1,4}/[a-z]{1,4}|\([A-Z]{2,6}/[a-z]{1,4}\))$")
CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
DATELINE = re.compile(r"^[A-Z][A-Za-z.' ]{1,30}(?:, [A-Z][A-Za-z.' ]{1,30})*(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
                      r" \(?[A-Za-z ]{2,20}\)? ?[-—–]|^(?:新华社|中新社|本报).{1,12}电")
SETEXT_UNDERLINE = re.compile(r"(=+|-{3,})")
INDENTED = re.compile(r"^(?: {2,8}|\t)\S")
NOISE = re.compile(r"^[\W\d_]{1,12}$|^(?:\S{1,2}\s+){3,}\S{1,2}$")
CROSSHEAD_EVERY = 12  # an article shows at most one crosshead per this many lines; a page more headlines
HEADLINE_MAX = 80  # longest line taken for a headline-like line
WRAP_MAX = 90  # printed columns wrap well under this many characters
SAMPLE_CHARS = 256 * 1024  # longest text measured whole; longer ones are sampled
MIN_POINTS = 1.5  # fewer points than this for the winner: too little evidence, read as generic
MIN_CONFIDENCE = 0.55  # the winner's share of its and the runner-up's points; below: too unsure, generic
GENERIC_POINTS = 0.5  # what `generic` always scores: the floor any real evidence must beat


@dataclass
class Features:
    """Counts of the conventions a text shows (shares are of its non-blank lines)."""

    lines: int = 0
    nonblank: int = 0
    atx: int = 0
    setext: int = 0
    link_headings: int = 0
    headings_then_link: int = 0
    link_items: int = 0
    url_lines: int = 0
    stamps: int = 0
    summaries: int = 0
    entities: int = 0
    page_markers: int = 0
    images: int = 0
    table_rows: int = 0
    bold_lines: int = 0
    bylines: int = 0
    jumps: int = 0
    headline_groups: int = 0
    caps_lines: int = 0
    noise_lines: int = 0
    hyphen_ends: int = 0
    indented: int = 0
    long_lines: int = 0
    wrapped_share: float = 0.0
    blank_share: float = 0.0
    median_length: float = 0.0
    controls: int = 0
    wire_frames: int = 0
    wire_tags: int = 0
    wire_slugs: int = 0
    wire_ends: int = 0
    dateline: int = 0
    headline_first: int = 0
    line_heads: int = 0  # headline groups between paragraphs set one per line, with no gaps at all
    story_gaps: int = 0  # headlines standing after a wider gap (two or more blank lines) below text
    front_matter: int = 0
    front_matter_title: int = 0  # the front matter names one title: the file is one article
    page_label_top: int = 0
    run_on_lines: int = 0  # lines that each hold a page: an OCR export that joined every line (run_on_lines.py)


@dataclass(frozen=True)
class Evidence:
    kind: str
    name: str  # the convention, as the report names it
    weight: float  # the most points it can give
    feature: str  # the Features field it reads
    saturate: float  # the value at which it gives all its weight


# Conventions and what they say. Markers only one kind of source carries (transmission codes, feed
# timestamps, link entries, Markdown headings) are decisive; layout statistics (wrapping, headline
# groups, capitals) are soft, since one article and a page share them. Shares (`*_share`) saturate below
# 1, counts at a few occurrences.
EVIDENCE: tuple[Evidence, ...] = (
    Evidence("wire", "control codes (SOH/STX/ETX/EOT)", 5.0, "controls", 2),
    Evidence("wire", "ZCZC / NNNN transmission frame", 5.0, "wire_frames", 1),
    Evidence("wire", "wire field tags (TI#, TX#)", 3.0, "wire_tags", 4),
    Evidence("wire", "slug and version lines (BC-, REFILE-, 2ND LEAD)", 3.0, "wire_slugs", 2),
    Evidence("wire", "desk sign-offs and end marks", 1.5, "wire_ends", 1),
    Evidence("digest", "translated summaries", 5.0, "summaries", 2),
    Evidence("digest", "timestamp lines", 5.0, "stamps", 3),
    Evidence("digest", "headings that are links", 5.0, "link_headings", 3),
    Evidence("digest", "headings followed by a link line", 5.0, "headings_then_link", 3),
    Evidence("digest", "link lines and link list items", 4.0, "link_items", 8),
    Evidence("digest", "bare address lines", 1.5, "url_lines", 5),
    Evidence("pdf-markdown", "ATX / setext headings (not links)", 4.0, "text_headings", 4),
    Evidence("pdf-markdown", "page markers", 2.0, "page_markers", 2),
    Evidence("pdf-markdown", "HTML entities", 1.0, "entities", 3),
    Evidence("pdf-markdown", "image placeholders", 1.0, "images", 2),
    Evidence("pdf-markdown", "pipe table rows", 1.0, "table_rows", 3),
    Evidence("pdf-markdown", "bold lines (run-in heads)", 1.0, "bold_lines", 3),
    Evidence("ocr-page", "bylines and jump lines", 2.0, "bylines_and_jumps", 3),
    Evidence("ocr-page", "several headline groups", 2.0, "more_headline_groups", 4),
    Evidence("ocr-page", "hard-wrapped column lines", 2.0, "wrapped_share", 0.7),
    Evidence("ocr-page", "capitals lines (heads, mastheads)", 1.0, "caps_lines", 5),
    Evidence("ocr-page", "OCR noise lines", 1.0, "noise_lines", 3),
    Evidence("ocr-page", "a page label in capitals over a headline", 2.0, "page_label_top", 1),
    Evidence("ocr-page", "hyphenated line ends", 1.0, "hyphen_share", 0.05),
    Evidence("ocr-page", "stories set apart by wider gaps", 3.0, "plain_story_gaps", 1),
    Evidence("ocr-page", "headlines between paragraphs set one per line", 3.0, "line_heads", 1),
    Evidence("ocr-page", "a page set on one line, headlines inside", 3.0, "run_on_lines", 1),
    Evidence("article", "one headline over the text", 3.0, "single_headline", 1),
    Evidence("article", "front matter titling the file", 3.0, "front_matter_title", 1),
    Evidence("article", "paragraphs one per long line", 1.5, "long_share", 0.3),
    Evidence("article", "first-line indented paragraphs", 2.0, "indent_paragraphs", 1),
    Evidence("article", "a dateline opening the text", 1.0, "dateline", 1),
)


@dataclass
class Choice:
    """The kind chosen for a source, how sure, the runner-up, and the evidence that decided it."""

    kind: str
    confidence: float
    runner_up: str | None = None
    runner_up_confidence: float = 0.0
    detected: str | None = None  # what the evidence chose, when an override or a fallback changed it
    decided_by: str = "evidence"  # evidence | low confidence | --format | sidecar format: | structured reader | fallback
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[tuple[str, str, float, float]] = field(default_factory=list)  # kind, convention, value, points
    features: dict[str, float] = field(default_factory=dict)  # everything measured, evidence or not

    def summary(self) -> str:
        text = f"{self.kind} ({self.decided_by}; confidence {self.confidence:.2f}"
        if self.runner_up:
            text += f"; runner-up {self.runner_up} {self.runner_up_confidence:.2f}"
        if self.detected and self.detected != self.kind:
            text += f"; detected {self.detected}"
        return text + ")"

    def as_dict(self) -> dict:
        return {"kind": self.kind, "decided_by": self.decided_by, "confidence": round(self.confidence, 3),
                "runner_up": self.runner_up, "runner_up_confidence": round(self.runner_up_confidence, 3),
                "detected": self.detected, "scores": {k: round(v, 2) for k, v in self.scores.items()},
                "evidence": [{"kind": k, "convention": n, "value": round(v, 3), "points": round(p, 2)}
                             for k, n, v, p in self.evidence],
                "features": {k: round(v, 3) for k, v in self.features.items()}}


def detect_kind(text: str) -> str:
    return choose_kind(text).kind


def choose_kind(text: str, override: str | None = None,
                override_by: str = "--format") -> Choice:
    """Score every kind on the text's conventions; an override (--format, sidecar) wins but is shown."""
    features = measure(text)
    scores, evidence = score(features)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], KIND_ORDER.get(kv[0], 99)))
    (best, points), (second, second_points) = ranked[0], ranked[1]
    pair = points + second_points
    choice = Choice(best, points / pair, second, second_points / pair, scores=scores, evidence=evidence,
                    features={k: float(v) for k, v in vars(features).items()})
    if best != "generic" and (points < MIN_POINTS or choice.confidence < MIN_CONFIDENCE):
        choice.detected, choice.kind, choice.decided_by = best, "generic", "low confidence"
    if override:
        choice.detected = choice.detected or choice.kind
        choice.kind, choice.decided_by = override, override_by
    return choice


KIND_ORDER = {kind: i for i, kind in enumerate(("wire", "digest", "pdf-markdown", "ocr-page", "article", "generic"))}


def score(features: Features) -> tuple[dict[str, float], list[tuple[str, str, float, float]]]:
    values = vars(features) | derived(features)
    scores = {kind: 0.0 for kind in KIND_ORDER}
    scores["generic"] = GENERIC_POINTS
    evidence = []
    for ev in EVIDENCE:
        value = float(values[ev.feature])
        if value <= 0:
            continue
        points = ev.weight * min(1.0, value / ev.saturate)
        scores[ev.kind] += points
        evidence.append((ev.kind, ev.name, value, points))
    own = dict(scores)
    for outer, inner in WRAPS.items():
        if own[outer] >= LAYER_POINTS and own[inner] > 0:
            scores[outer] += own[inner]
            evidence.append((outer, f"carries {inner} evidence", own[inner], own[inner]))
    return scores, evidence


def derived(f: Features) -> dict[str, float]:
    """Features made of others: shares, and the contrasts between one article and a page."""
    nonblank = max(f.nonblank, 1)
    headings = f.atx
    text_headings = max(0, headings - f.link_headings - f.headings_then_link)
    crossheads = 1 + f.nonblank // CROSSHEAD_EVERY  # the headline groups one article can show (its crossheads)
    single = (f.headline_first and not f.page_label_top and f.bylines + f.jumps <= 1 and text_headings <= 1
              and f.headline_groups <= crossheads and not f.story_gaps and not f.line_heads)
    indent = 1 if single and 0.05 <= f.indented / nonblank <= 0.6 else 0
    return {
        "bylines_and_jumps": f.bylines + f.jumps if f.bylines + f.jumps >= 2 else 0,
        "more_headline_groups": max(0, f.headline_groups - 1) if f.headline_groups >= 3 else 0,
        "hyphen_share": f.hyphen_ends / nonblank,
        "long_share": f.long_lines / nonblank,
        "single_headline": 1 if single else 0,
        "text_headings": text_headings if text_headings >= 2 else 0,
        "indent_paragraphs": indent,
        "plain_story_gaps": f.story_gaps if text_headings < 2 else 0,  # markup marks its headings itself
    }


def sample(text: str) -> str:
    """A long file is judged on its beginning, middle and end (whole lines): its conventions show there,
    and detection stays a small, fixed cost however large the file."""
    if len(text) <= SAMPLE_CHARS:
        return text
    part = SAMPLE_CHARS // 4
    middle = len(text) // 2 - part // 2
    pieces = [text[:2 * part], text[middle:middle + part], text[-part:]]
    return "\n\n".join([pieces[0].rsplit("\n", 1)[0]] + [p.split("\n", 1)[-1].rsplit("\n", 1)[0] for p in pieces[1:]])


def measure(text: str) -> Features:
    meta, front_end = _front_matter(text)
    text = sample(text)
    run_on = sum(1 for line in text.split("\n") if len(line) >= RUN_ON_CHARS and is_run_on(line)
                 and any(piece.head for piece in cut_run_on(line)))
    text = unrun_text(text) if run_on else text
    raw_lines = text.split("\n")
    raw_lines[:front_end] = [""] * min(front_end, len(raw_lines))  # metadata, not layout
    lines = [line.strip() for line in raw_lines]
    nonblank = [line for line in lines if line]
    f = Features(lines=len(lines), nonblank=len(nonblank))
    f.front_matter = 1 if front_end else 0
    f.run_on_lines = run_on
    f.front_matter_title = 1 if meta.get("title") else 0
    if not nonblank:
        return f
    f.controls = len(CONTROL.findall(text[:65536]))
    for line in nonblank:
        _count_line(f, line)
    f.setext = sum(1 for above, below in zip(lines, lines[1:])
                   if above and below[:1] in "=-" and SETEXT_UNDERLINE.fullmatch(below))
    f.atx += f.setext
    f.headings_then_link = _headings_with_links(nonblank)
    f.indented = sum(1 for raw in raw_lines if raw[:1] in " \t" and INDENTED.match(raw) and len(raw.strip()) > 20)
    wrapped = sum(1 for line, after in zip(lines, lines[1:] + [""]) if line and after and len(line) <= WRAP_MAX)
    f.wrapped_share = wrapped / len(nonblank) if len(nonblank) >= 10 else 0.0
    f.blank_share = (len(lines) - len(nonblank)) / len(lines)
    f.median_length = statistics.median(len(line) for line in nonblank)
    f.headline_groups = _headline_groups(lines)
    f.headline_first = 1 if _headline_first(lines, nonblank) else 0
    f.story_gaps = _story_gaps(lines)
    inner_blanks = len("\n".join(lines).strip("\n").split("\n")) - len(nonblank)
    f.line_heads = _line_heads(nonblank) if 10 * inner_blanks <= len(nonblank) else 0
    f.page_label_top = 1 if _page_label_top(nonblank) else 0
    f.dateline = 1 if any(DATELINE.match(line) for line in nonblank[1:6]) else 0
    return f


def _front_matter(text: str) -> tuple[dict, int]:
    """A source's own front matter (YAML or TOML) and its last line; its lines are metadata, not layout."""
    try:
        return split_front_matter(text)
    except FrontMatterRefused as refused:
        return {}, refused.end


def _count_line(f: Features, line: str) -> None:
    """One stripped, non-blank line's evidence. Each pattern is tried only on a line whose first
    character (or, for `&`, any character) it could match: most lines are running text, tried by none."""
    first, digit = line[0], line[0].isdigit()
    if first == "#" and ATX.match(line):
        f.atx += 1
        f.link_headings += bool(LINK_HEADING.match(line))
    if digit or first == "发":
        f.stamps += bool(TIMESTAMP.match(line))
    if first in "中内":
        f.summaries += bool(SUMMARY.match(line))
    if first in "<h":
        f.url_lines += bool(bare_url(line))
    if digit or first in "-*+•[":
        f.link_items += bool(LINK_ITEM.match(line))
    if "&" in line:
        f.entities += len(ENTITY.findall(line))
    if first in "#Pp=":
        f.page_markers += bool(PAGE_MARKER.match(line))
    if first in "!<|*_ZzNn" or line[2:3] == "#":
        _count_markup_line(f, line, first)
    if (digit or first in "BRUCLWFA") and "A" <= line[1:2] <= "Z" and WIRE_SLUG.match(line):
        f.wire_slugs += 1  # every slug's second character is a capital
    if (first in "(=" or ("A" <= first <= "Z" and len(line) <= 16)) and WIRE_END.match(line):
        f.wire_ends += 1  # an end mark opening with a capital is a short `AAP mk/jt`
    if len(line) > 2 * WRAP_MAX:
        f.long_lines += 1  # longer than any printed column: a paragraph per line
    if len(line) > 20 and line.endswith("-") and line[-2:-1].isalpha():
        f.hyphen_ends += 1
    if (len(line) <= 12 or line[1:2].isspace() or line[2:3].isspace()) and NOISE.match(line):
        f.noise_lines += 1  # speckle is short, or opens with a one- or two-character token
    if len(line) <= 120:
        if (first in BY_OPENINGS or first == ">" or has_cjk(line)) and parse_byline(line):
            f.bylines += 1  # a byline opens with its label (or is Chinese)
        if JUMP_FROM.match(line):
            f.jumps += 1
        if len(line) >= 4 and is_upper_label(line) and not ATX.match(line):
            f.caps_lines += 1


def _count_markup_line(f: Features, line: str, first: str) -> None:
    """Images, table rows, bold lines, wire frames and tags: lines opening with their marks."""
    f.images += first in "!<" and bool(IMAGE.match(line))
    f.table_rows += first == "|" and bool(TABLE_ROW.match(line))
    if first in "*_":
        f.bold_lines += bool(BOLD_LINE.match(line))
    if first in "ZzNn":
        f.wire_frames += bool(WIRE_FRAME.match(line))
    f.wire_tags += line[2:3] == "#" and bool(WIRE_TAG.match(line))


HEADLINE_NOT_LAST = TERMINAL + ",;:，；：、-"


@per_source_cache  # asked of a line several times (groups, story gaps, the page label)
def _headline_like(line: str) -> bool:
    return (3 <= len(line) <= HEADLINE_MAX and line[-1] not in HEADLINE_NOT_LAST and not line.startswith(("#", "|", "-", "*", "!"))
            and not bare_url(line) and has_letters(line, 3))


def _headline_groups(lines: list[str]) -> int:
    """Short unpunctuated lines standing after a blank line (or at the top) with running text below them."""
    groups, i = 0, 0
    while i < len(lines):
        if lines[i] and (i == 0 or not lines[i - 1]) and _headline_like(lines[i]):
            j = i
            while j < len(lines) and lines[j] and _headline_like(lines[j]) and j - i < 4:
                j += 1
            below = next((line for line in lines[j:j + 4] if line), "")
            if len(below) > HEADLINE_MAX or (below and below[-1] in TERMINAL):
                groups += 1
            i = j
        i += 1
    return groups


def _story_gaps(lines: list[str]) -> int:
    """Short lines after a wider gap (two or more blank lines) below running text, with running text
    under them: plain-text pages set stories apart with a wider gap than paragraphs, so one article
    does not show them (its crossheads stand after a paragraph gap)."""
    gaps, blanks, seen_text = 0, 0, False
    for i, line in enumerate(lines):
        if not line:
            blanks += 1
            continue
        if blanks >= 2 and seen_text and _headline_like(line):
            below = [b for b in lines[i + 1:i + 8] if b][:3]  # a headline, perhaps under a kicker, then text
            gaps += any(len(b) > max(HEADLINE_MAX, len(line)) for b in below)
        seen_text, blanks = seen_text or len(line) > HEADLINE_MAX, 0
    return gaps


PARAGRAPH_MIN = 120  # characters: a paragraph set on one line runs longer than a headline line
PARAGRAPH_WORDS = 15  # or holds more words than a headline


def _line_heads(nonblank: list[str]) -> int:
    """On a page with no blank lines and one paragraph per line, groups of short lines (kicker,
    headline, byline) between a paragraph that ends a sentence and the next paragraph, one of them a
    headline of five words or more (a crosshead runs shorter)."""
    heads, i = 0, 1
    while i < len(nonblank):
        above = nonblank[i - 1]
        j = i
        while j < len(nonblank) and j - i < 4 and _short_head(nonblank[j]):  # kicker, headline, deck, byline
            j += 1
        if j > i and j < len(nonblank) and _paragraph(above) and above.rstrip("”’\"')")[-1:] in TERMINAL \
                and _paragraph(nonblank[j]) and any(len(line.split()) >= 5 for line in nonblank[i:j]):
            heads += 1
        i = max(j, i + 1)
    return heads


def _paragraph(line: str) -> bool:
    return len(line.split()) >= PARAGRAPH_WORDS or len(line) > PARAGRAPH_MIN


def _short_head(line: str) -> bool:
    return len(line) <= PARAGRAPH_MIN and line[-1] not in TERMINAL + ",;:，；：、" and line[:1] not in "#|-*!"


def _headline_first(lines: list[str], nonblank: list[str]) -> bool:
    """The text opens (after any front matter) with one headline over running text."""
    start = 0
    if lines[0] == "---" and "---" in lines[1:60]:
        start = lines.index("---", 1) + 1
    top = [line for line in lines[start:] if line]
    if len(top) < 2:
        return False
    head = re.sub(r"^#\s+", "", top[0])
    if _headline_like(head) or (len(head) <= 200 and head[-1] not in TERMINAL and len(top[1]) > len(head)):
        return True
    # A headline that ends like a sentence (a question `…战略?`, or a translated `…生活。`): one short sentence
    # over much longer text.
    return len(head) <= 120 and len(top[1]) > 2 * len(head) and not _has_sentences(head)


def _has_sentences(text: str) -> bool:
    """More than one sentence: running text, not a headline."""
    return re.search(r"[.。!?！？]\s*\S", text[:-1]) is not None


def _page_label_top(nonblank: list[str]) -> bool:
    """A short label in capitals (`NEWS`, `INSIGHTS`, `SPORTS`) above a headline that is not in capitals."""
    return (len(nonblank) >= 3 and len(nonblank[0]) <= 40 and is_upper_label(nonblank[0]) and not ATX.match(nonblank[0])
            and not is_upper_label(nonblank[1]) and _headline_like(nonblank[1]))


def _headings_with_links(nonblank: list[str]) -> int:
    """ATX headings whose next text line (layout tags aside) is only an address: a link digest."""
    texts = [TAG.sub("", AUTOLINK.sub(r"\1", line)).strip() if "<" in line else line.strip() for line in nonblank]
    texts = [t for t in texts if t]
    return sum(1 for i, t in enumerate(texts[:-1]) if ATX.match(t) and bare_url(texts[i + 1]))
