"""What a text shows, measured for kind detection (detect.py): counts of the conventions found in
its lines — markup, wire and feed markers, bylines, headline groups, wrapping, gaps. A long text is
measured on a sample of its beginning, middle and end."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .readers.front_matter import FrontMatterRefused, split_front_matter
from .rules.feed_markup import AUTOLINK, TAG
from .rules.find_bylines import BY_OPENINGS, is_unlabelled_byline, parse_byline
from .rules.find_jump_lines import JUMP_FROM
from .rules.page_furniture import is_masthead_line
from .rules.run_on_lines import RUN_ON_CHARS, cut_run_on, is_run_on, unrun_text
from .text import TERMINAL, has_cjk, has_letters, is_upper_label, per_source_cache
from .urls import bare_url

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
HEADLINE_MAX = 80  # longest line taken for a headline-like line
WRAP_MAX = 90  # printed columns wrap well under this many characters
SAMPLE_CHARS = 256 * 1024  # longest text measured whole; longer ones are sampled



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
    folio_top: int = 0  # a masthead's folio line (volume, number, price) among the first lines: a newspaper page
    run_on_stories: int = 0  # …of them, lines with a headline group below text: a page of stories, not one article


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
    cuts = [cut_run_on(line) for line in text.split("\n") if len(line) >= RUN_ON_CHARS and is_run_on(line)]
    run_on = sum(1 for pieces in cuts if any(piece.head for piece in pieces))
    text = unrun_text(text) if run_on else text
    raw_lines = text.split("\n")
    raw_lines[:front_end] = [""] * min(front_end, len(raw_lines))  # metadata, not layout
    lines = [line.strip() for line in raw_lines]
    nonblank = [line for line in lines if line]
    f = Features(lines=len(lines), nonblank=len(nonblank))
    f.front_matter = 1 if front_end else 0
    f.run_on_lines = run_on
    f.run_on_stories = sum(1 for pieces in cuts if _story_below_text(pieces))
    f.front_matter_title = 1 if meta.get("title") else 0
    if not nonblank:
        return f
    f.controls = len(CONTROL.findall(text[:65536]))
    for line in nonblank:
        _count_line(f, line)
    f.bylines += sum(1 for above, line in zip([""] + nonblank, nonblank) if is_unlabelled_byline(above, line))
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
    f.folio_top = 1 if any(is_masthead_line(line, near_top=True) for line in nonblank[:FOLIO_TOP_LINES]) else 0
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


FOLIO_TOP_LINES = 5  # a front page's folio line stands among its first lines (nameplate, folio, date)
PARAGRAPH_MIN = 120  # characters: a paragraph set on one line runs longer than a headline line
PARAGRAPH_WORDS = 15  # or holds more words than a headline


def _story_below_text(pieces) -> bool:
    """A run-on line holding a headline group that opens a story (set two gaps apart) below text."""
    seen_text = False
    for piece in pieces:
        if piece.head and piece.gap >= 2 and seen_text:
            return True
        seen_text = seen_text or piece.role == "text"
    return False


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
