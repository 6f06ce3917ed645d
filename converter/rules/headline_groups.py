"""Headline groups on page-shaped text: what OCR does to them, and how a group reads.

- `report_side_by_side_heads` (before lines are joined): OCR reads across columns, so two
  headlines that stood side by side come out as one line with a wide gap
  (`MAYOR RESIGNS      FLOOD WATERS RISE`). Joined they would make a title no paper
  printed. The left one stays as the line; the right one is reported, with the reason, and
  is no part of any title.
- `split_caps_group`: a group of capitals lines is headline then decks, each a sentence
  of its own (`RUSSIA IN TO STAY.` / `THE FEELING IN LONDON.`) or a change from capitals
  to Title Case; a line that does not end a sentence runs on into the next (a headline
  wrapped over two lines).
- `headline_over_decks`: the first line of a group set apart by its type (capitals or Title
  Case, three words or more) over decks in sentence case is the headline, not a kicker or a
  page label (those run to one or two words).
- `is_deck_block`: under a headline, a short block in Title Case (`Only Force Can Turn Her
  Out of Manchuria.`) is the deck, not the first paragraph.
"""

from __future__ import annotations

import re

from ..model import DROP, HEADING, PARA, Block, Dropped
from ..state import State
from .layout_settings import HEADLINES
from ..text import ends_sentence, has_cjk, is_upper_label, key, title_case_share, word_count
from .cues import KICKER_LABELS, NAMEPLATE_WORDS, PAGE_LABELS
from .find_short_lines import FUNCTION_WORDS

GAP = re.compile(r"\S(\s{3,})\S")
SET_APART_HEAD_WORDS = 3  # a headline set apart by its type over sentence-case decks runs to this many words
KICKER_KEYS = {key(label) for label in KICKER_LABELS}
PAGE_KEYS = {key(label) for label in PAGE_LABELS}


def _headline_like(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or word_count(text) < 2 or text.rstrip().endswith((",", ";", "-")):
        return False
    caps = sum(c.isupper() for c in letters) / len(letters)
    return caps >= 0.8 or (word_count(text) >= 3 and title_case_share(text) >= 0.8)


def side_by_side(raw: str) -> tuple[str, str] | None:
    """(left, right) when a raw OCR line holds two headlines across a wide gap."""
    stripped = raw.strip()
    if len(stripped) > HEADLINES.side_by_side_chars:
        return None
    gaps = list(GAP.finditer(stripped))
    if len(gaps) != 1:
        return None
    cut = gaps[0]
    left, right = stripped[: cut.start(1)].strip(), stripped[cut.end(1):].strip()
    return (left, right) if _headline_like(left) and _headline_like(right) else None


def report_side_by_side_heads(state: State) -> None:
    raw = state.source.text.split("\n")
    pairs: dict[int, tuple[str, str] | None] = {}  # each source line read once (a page set on one line is many blocks)
    for block in state.blocks:
        if block.kind != PARA or block.lines[0] > len(raw):
            continue
        if block.lines[0] not in pairs:
            line = raw[block.lines[0] - 1]
            pairs[block.lines[0]] = side_by_side(line) if "   " in line.strip() else None
        pair = pairs[block.lines[0]]
        if pair is None:
            continue
        left, right = pair
        block.text = " ".join(left.split())
        block.meta["side_by_side"] = right
        reason = "second headline on the same OCR line (columns read across; its article's title is unknown)"
        state.dropped.append(Dropped(state.source.name, block.lines, " ".join(right.split()), reason))
        state.note("report_side_by_side_heads", f"line {block.lines[0]}: {left!r} | {right!r}")


def split_caps_group(lines: list[str]) -> tuple[str, list[str]]:
    """Headline and decks of a group in capitals: sentences, a wrapped line running on."""
    units: list[str] = []
    current = ""
    for line in lines:
        if current and is_upper_label(current) != is_upper_label(line):
            units.append(current)  # capitals give way to a deck in Title Case, or back
            current = ""
        if current.endswith("-"):
            current = current + line
        else:
            current = f"{current} {line}".strip()
        if ends_sentence(line) or line.rstrip().endswith(("!", "?", ".")):
            units.append(current)
            current = ""
    if current:
        units.append(current)
    return units[0], units[1:]


def caps_stack(lines: list[str], state: State) -> bool:
    """A headline in capitals wrapped over two lines or more, over decks in any case (`THREE HUNDRED` /
    `HOMELESS IN FIRE` / `Village of Marcy Swept by Flames.`): the stack of an older front page, read as
    split_caps_group reads it — not a kicker (`OPINION`, a known label) over a headline."""
    if len(lines) < 3 or not (is_upper_label(lines[0]) and is_upper_label(lines[1])):
        return False
    first = lines[0].rstrip()
    known = {key(s) for s in state.sidecar.get("sections", [])} | state.kickers | KICKER_KEYS | PAGE_KEYS
    return not ends_sentence(first) and not first.endswith(("!", "?")) and key(first) not in known \
        and word_count(first) >= 2


def drop_bracketed_credits(state: State, blocks: list[Block]) -> None:
    """Bracketed lines between a headline group and its text are credits, not text
    (`(Special to The Tribune by French Cable.)`, `(Copyright, 1903, by the Tribune Association.)`)."""
    for block in blocks:
        if block.kind == DROP:
            continue
        if block.kind != PARA or not is_bracketed_credit(block.text):
            return
        state.drop(block, "credit line under the headline (bracketed)")
        state.note("drop_bracketed_credits", f"line {block.lines[0]}: credit line under the headline")


def is_bracketed_credit(text: str) -> bool:
    """A short line closed by a bracket and opened by one (or by OCR's garble of one)."""
    core = text.rstrip(" .,;:'\"")
    return core[-1:] in ")]}" and not text[:1].isalnum() and 3 <= word_count(text) <= 16 and len(text) <= 120


def absorb_decks(blocks: list[Block]) -> None:
    """The deck under a group of capitals lines joins the group, and so does a capitals line
    right under the deck (`BY CABLE TO THE TRIBUNE.`) when text follows: one headline group."""
    for index, block in enumerate(blocks):
        if block.kind != HEADING or not block.meta.get("caps"):
            continue
        after = _next_live(blocks, index)
        if after is None or not is_deck_block(blocks[after]):
            continue
        blocks[after].kind = HEADING
        blocks[after].meta.update(caps=True, deck=True)


def _next_live(blocks: list[Block], index: int) -> int | None:
    return next((i for i in range(index + 1, len(blocks)) if blocks[i].kind != DROP), None)


def is_deck_block(block: Block) -> bool:
    """A short Title Case block right under a headline in capitals: its deck."""
    if block.kind != PARA or is_upper_label(block.text) or is_bracketed_credit(block.text):
        return False
    lines = block.lines[1] - block.lines[0] + 1
    count = word_count(block.text)
    return lines <= HEADLINES.deck_lines and 3 <= count <= HEADLINES.deck_words and title_case_share(block.text) >= 0.7


def headline_over_decks(line: str, lines: list[str]) -> bool:
    """The first line of a group set apart by its type over decks in sentence case is the headline, not
    a kicker or a page header: in capitals, three words or more (`SOME PERTINENT QUESTIONS` / `Critics
    say the plan leaves key questions open`), or in Title Case, three words or more (`Heartless Double
    Dealing` / …). A kicker or page label runs to one or two words (`WORLD`, `Hi-Tech`, `Clear Voice`)."""
    if lines[0] is not line or word_count(line) < SET_APART_HEAD_WORDS or len(lines) < 2 or names_a_paper(line):
        return False
    decks = [other for other in lines[1:] if word_count(other) >= SET_APART_HEAD_WORDS]
    if not decks or any(is_upper_label(other) or title_case_share(other) >= 0.75 for other in decks):
        return False
    return is_upper_label(line) or title_case_share(line) >= 0.75


def names_a_paper(line: str) -> bool:
    """A capitals line with a word papers name themselves with (`LE PETIT JOURNAL`): a nameplate."""
    return is_upper_label(line) and any(w.casefold() in NAMEPLATE_WORDS for w in re.findall(r"[^\W\d_]+", line))


def unnamed_kicker(lines: list[str]) -> str | None:
    """A kicker no list names: the group's shortest line, set as a label. In Chinese a lead-in line
    (引题) of up to ten characters over a longer title; in other scripts a line of at most
    KICKER_WORDS words, each capitalised (`Clear Voice`, `Hi-Tech`) — a short line in sentence case
    (`Growing pains`, `Council backs fee hike`) is a headline over a longer deck, not a label."""
    shortest = min(lines, key=line_size)
    if line_size(shortest) >= line_size(max(lines, key=line_size)):
        return None
    if has_cjk(shortest):
        return shortest if line_size(shortest) <= 5 else None
    if shortest.rstrip().endswith((".", "!", "?")):
        return None
    found = _content_words(shortest)
    if not found or len(found) > KICKER_WORDS or word_count(shortest) > KICKER_WORDS + 1:
        return None
    return shortest if is_upper_label(shortest) or all(w[0].isupper() for w in found) else None


KICKER_WORDS = 3  # content words (and one more word at most): `Voice of the World`, `Aus den Kolonien`


def _content_words(text: str) -> list[str]:
    """The words of a line that are not function words (EN, DE, FR, ES)."""
    return [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)
            if w.casefold() not in FUNCTION_WORDS and w.casefold() not in FUNCTION_WORDS_DE_FR_ES]


FUNCTION_WORDS_DE_FR_ES = {"den", "der", "die", "das", "dem", "des", "aus", "und", "im", "am", "zum", "zur", "von", "le", "la",
                   "les", "de", "du", "des", "et", "el", "los", "las", "y", "del"}


def line_size(text: str) -> float:
    """A headline line's length in words; Chinese is written without spaces, so two characters count as a word."""
    return len(text) / 2 if has_cjk(text) else word_count(text)
