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

from dataclasses import dataclass, field

from .detect_features import Features, measure

KINDS = ("ocr-page", "pdf-markdown", "article", "digest", "generic", "wire", "news-markup")
# A kind that wraps another: a wire transmission carries an article, a digest is often written in Markdown,
# a PDF→Markdown file is a laid-out page (several stories, bylines) printed with markup. Once its own
# markers are clear (LAYER_POINTS), the wrapped kind's evidence counts for it too, so the story inside a
# transmission, or the page inside a tool's Markdown, never outvotes its frame.
WRAPS = {"wire": "article", "digest": "pdf-markdown", "pdf-markdown": "ocr-page"}
LAYER_POINTS = 3.0  # a kind detected before its reader exists → the preset that reads it meanwhile
CROSSHEAD_EVERY = 12  # an article shows at most one crosshead per this many lines; a page more headlines
MIN_POINTS = 1.5  # fewer points than this for the winner: too little evidence, read as generic
MIN_CONFIDENCE = 0.55  # the winner's share of its and the runner-up's points; below: too unsure, generic
GENERIC_POINTS = 0.5  # what `generic` always scores: the floor any real evidence must beat


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
    Evidence("ocr-page", "a masthead's folio line at the top (volume, number, price)", 2.0, "folio_top", 1),
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
    single = (f.headline_first and not f.page_label_top and not f.folio_top and f.bylines + f.jumps <= 1 and text_headings <= 1
              and f.headline_groups <= crossheads and not f.story_gaps and not f.line_heads
              and not f.run_on_stories)
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
