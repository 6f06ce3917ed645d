"""A page delivered as one line: cut it back into paragraphs and headline lines.

Convention: some OCR exports (page-level OCR of newspaper archives, text fields of
digitisation platforms) join every printed line of a page with a space, so a whole
page — masthead, headlines, decks, stories — arrives as one line thousands of
characters long. Such a line holds no line breaks to read, so this rule finds the
cues the printed page left in the words:

- on a front page, the nameplate and folio line end with the edition date (a weekday, then the
  date): what stands before it, up to the date and the speckle after it, is the page's top;
- a run of two or more spaces where the export joined two blocks (paragraphs);
- a sentence end (`.`, `?`, `!`, closing quote) followed by a capital;
- at the start of a sentence, a headline or deck ends where a word that opens a
  sentence (`Le`, `The`, `Die`, `L'…`; cues.SENTENCE_OPENERS) is capitalised after a
  word that ends no sentence and leads no name, or where a run of capitals (a deck
  set in caps) starts or stops;
- a headline in Title Case (every word capitalised but the small ones: `China's Sci-tech
  Innovation Leads the Way`) ends where the text's first sentence goes on in lower case; the
  sentence starts at the last capitalised word, or earlier when the name it opens with
  (`Hong Kong patients …`) recurs in the text.

The line's text is only cut, never changed: every word stays, in order, and each
piece keeps the source line number. Paragraph pieces stand after a blank line;
the lines of one headline group stand together under one, as a page prints them,
so the page rules that follow read headline groups, bylines and paragraphs as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import WORDY
from ..text import per_source_cache
from .cues import NAME_LEADERS, ROLE_WORDS
from .run_on_words import (OPENERS_CAPITALISED, SENTENCE_CLOSERS, SENTENCE_END_MARKS, capitalised, caps_line, caps_run,
                           caps_run_back, caps_word, is_opener, word_ends_sentence, word_has_letters)

RUN_ON_CHARS = 1200  # no line shorter than this is taken for a page
RUN_ON_UNGAPPED_CHARS = 2500  # a printed paragraph is rarely this long; a line this long holds a page or a column
RUN_ON_SENTENCES = 20  # …when it holds this many sentence ends at least;
RUN_ON_GAPPED_SENTENCES = 6  # a line of RUN_ON_CHARS with this many, and RUN_ON_GAPS runs of spaces where blocks
RUN_ON_GAPS = 3  # were joined (not two spaces after each full stop, the typist's habit), holds a page too
TYPEWRITER_SHARE = 0.9  # this share of sentence ends followed by two spaces: the typist's habit, not block gaps
HEAD_MAX_WORDS = 16  # a headline or deck line is at most this many words
TITLE_HEAD_CAPITALS = 3  # a headline in Title Case running into its text: this many capitalised words after its first
HEAD_MIN_WORDS = 3  # …and a headline running into its text at least this many (`The film The Godfather …` is text)
BODY_MIN_WORDS = 6  # the text after a cut headline is a sentence of this many words at least
CREDIT_MAX_WORDS = 10  # a bracketed credit under a headline (`(De notre correspondant particulier.)`)
CAPS_RUN_MIN = 2  # a deck in capitals: this many capitalised words in a row at least
BLOCK_GAP = re.compile(r" {2,}|\t+")
BLOCK_GAP_NOT_AFTER_END = re.compile(r"(?<![.!?…\"”’»)]) {2,}|\t+")
TYPEWRITER_GAP = re.compile(r"[.!?…][\"”’»)]? {2}(?=\S)")
# A speckle token: at most three characters, a mark among them, or one letter alone (`m`, `t>`, `—`, `■`, `""`);
# after one, a short lowercase fragment (`— ms m^`) is speckle too.
SPECKLE_TOKEN = r"(?:\S{0,2}[^\w\s«\"“(]\S{0,2}|[^\W\d_]|[\"“”']{2,3})"
SPECKLE_RUN_LEAD = r"(?:" + SPECKLE_TOKEN + r"\s+)(?:(?:" + SPECKLE_TOKEN + r"|[a-z]{1,2})\s+){0,6}"
SENTENCE_START = r"[«\"“(]?[A-ZÀ-ÞĀ-Ž]"
# (The first look-behind, one character wide, says what both alternatives need of the character before:
# most positions fail it at once, which halves the cost of scanning a page.)
SENTENCE_CUT = re.compile(r"(?<=[.!?…»\"”’)])(?:(?<=[.!?…])|(?<=[.!?…][»\"”’)]))\s+(?=(?:" + SPECKLE_RUN_LEAD + r")?"
                          + SENTENCE_START + ")")
SOFT_CUT = re.compile(r"(?<=[:;])\s+(?=[A-ZÀ-Þ])")
SPECKLE_LEAD = re.compile(SPECKLE_RUN_LEAD + r"(?=" + SENTENCE_START + ")")
SPECKLE = re.compile(SPECKLE_TOKEN + r"(?:\s+(?:" + SPECKLE_TOKEN + r"|[a-z]{1,2})){0,6}\s*")
RULE_MARK = re.compile(r"[*]?[—–-]+[*]?")
HEAD_STOPPERS = set(",;:")  # a headline run holds none of these (a sentence does)
ROLE_WORD_IN = re.compile(r"\b(?:" + "|".join(map(re.escape, ROLE_WORDS)) + r")\b")  # a role word, as a word
SENTENCE_END = re.compile(rf"[{SENTENCE_END_MARKS}][{SENTENCE_CLOSERS}]*$")
FOLIO_CHARS = 400  # a front page's nameplate and folio line, up to the edition date, fit in this many characters
WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag "
            "freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles "
            "jueves viernes sábado domingo").split()
NAMEPLATE_MIN_WORDS = 2  # the paper's name (and folio) stand before the date line: more words than a weekday
WEEKDAY_BEFORE_DATE = 16  # the weekday stands this close before the date (`SATURDAY, FEBRUARY 10, 2007`)
MARKS_AFTER = re.compile(r"(?:\s+(?:[^\w\s«\"“‘(]{1,3}|[a-z]))+(?=\s|$)")  # speckle after the date: marks, stray letters
RUNNING_WORDS = re.compile(r"(?:\b[a-z]{2,}\b[,;]?\s+){4}")  # four lowercase words in a row: a sentence, not a folio


@dataclass(frozen=True)
class Piece:
    """A cut of a run-on line: its text and whether it stands after a blank line."""

    text: str
    blank_before: bool
    head: bool = False
    masthead: bool = False  # nameplate and folio line of a front page, up to its edition date
    speckle: bool = False  # stray marks of OCR noise between two parts of the page
    credit: bool = False  # a bracketed credit under a headline (`(De notre correspondant)`)
    gap: int = 0  # blank lines it stands under as a page would set it: 2 over a story's headline group

    @property
    def role(self) -> str:
        if self.masthead:
            return "masthead"
        return "head" if self.head else "speckle" if self.speckle else "credit" if self.credit else "text"



def is_run_on(line: str) -> bool:
    """A line that holds a page: far longer than a paragraph, with many sentences."""
    return len(line) >= RUN_ON_CHARS and _long_line_runs_on(line)


@per_source_cache  # detection, `unrun_text` and split_lines ask of the same long lines
def _long_line_runs_on(line: str) -> bool:
    sentence_ends = _sentence_ends(line)
    if len(line) >= RUN_ON_UNGAPPED_CHARS and sentence_ends >= RUN_ON_SENTENCES:
        return True
    return sentence_ends >= RUN_ON_GAPPED_SENTENCES and len(block_gap(line).findall(line.strip())) >= RUN_ON_GAPS


def has_run_on(text: str) -> bool:
    return len(text) >= RUN_ON_CHARS and any(is_run_on(line) for line in text.split("\n") if len(line) >= RUN_ON_CHARS)


@per_source_cache  # is_run_on and block_gap count the same line's
def _sentence_ends(line: str) -> int:
    return len(SENTENCE_CUT.findall(line))


@per_source_cache  # is_run_on and cut_run_on ask of the same line
def block_gap(line: str) -> re.Pattern:
    """Where blocks were joined: runs of spaces; but where a typist put two spaces after every full stop,
    only the runs that follow no sentence end."""
    ends = _sentence_ends(line)
    return BLOCK_GAP_NOT_AFTER_END if ends and len(TYPEWRITER_GAP.findall(line)) >= TYPEWRITER_SHARE * ends \
        else BLOCK_GAP


@per_source_cache
def cut_run_on(line: str) -> tuple[Piece, ...]:
    """The pieces of a run-on line, in order; joined with single spaces they give its words back.
    (Cached per source: detection and split_lines ask for the same line.)"""
    pieces: list[Piece] = []
    line = line.strip()
    top = folio_end(line)
    if top:
        pieces.append(Piece(line[:top].strip(), blank_before=True, masthead=True))
        line = line[top:].strip()
    blocks = [b.strip() for b in block_gap(line).split(line) if b.strip()]
    for n, block in enumerate(blocks):
        _cut_block(block, pieces, blocks[n + 1] if n + 1 < len(blocks) else "")
    return tuple(pieces)


def folio_end(line: str) -> int:
    """Where a front page's top ends: after the edition date (a weekday before it) within the first
    FOLIO_CHARS characters, and the speckle after it, when the paper's name and no sentence stand
    before it and a capitalised word (a headline, the text) starts after it; else 0."""
    head = line[:FOLIO_CHARS]
    for match in WORDY.finditer(head):
        before = head[max(0, match.start() - WEEKDAY_BEFORE_DATE):match.start()].casefold()
        if not any(day in before for day in WEEKDAYS) or RUNNING_WORDS.search(head[:match.start()]):
            continue
        marks = MARKS_AFTER.match(line, match.end())
        end = marks.end() if marks else match.end()
        after = next((w for w in line[end:end + 40].split() if word_has_letters(w)), "")
        if len(head[:match.start()].split()) > NAMEPLATE_MIN_WORDS and capitalised(after):
            return end  # a nameplate before the date line, and a headline (or text) starting after it
    return 0


def _cut_block(block: str, pieces: list[Piece], next_block: str) -> None:
    words = block.split()
    if _head_block(words, next_block) and not SPECKLE.fullmatch(block):
        # a block of its own that is a headline line (a headline, deck, kicker or byline set apart)
        group = bool(pieces) and pieces[-1].head and not pieces[-1].text.startswith("(")
        pieces.append(Piece(block, blank_before=not group, head=True, gap=0 if group else 2))
        return
    body: list[str] = []
    speckle = ""  # marks after a sentence end: their own piece above a headline, else the text's
    context = block  # the block's first sentence may open with a headline in Title Case (_title_head_end)
    for sentence in sentences(block):
        if SPECKLE.fullmatch(sentence):
            speckle = f"{speckle} {sentence}".strip()
            continue
        heads, rest = split_heads(sentence, context)
        context = ""
        if heads:
            _flush(body, pieces)
            if speckle:
                pieces.append(Piece(speckle, blank_before=True, gap=1, speckle=True))
            story = len(heads) > 1 or not caps_line(heads[0])  # a lone line in capitals may be a crosshead
            for n, head in enumerate(heads):
                if n and head.startswith("("):  # a bracketed credit under the headline: a line of its own, not a head
                    pieces.append(Piece(head, blank_before=True, gap=1, credit=True))
                    continue
                pieces.append(Piece(head, blank_before=n == 0, head=True, gap=(2 if story else 1) if n == 0 else 0))
        elif speckle:
            body.append(speckle)
        speckle = ""
        if rest:
            body.append(rest)
    if speckle:
        body.append(speckle)
    _flush(body, pieces)


def sentences(block: str) -> list[str]:
    """The block cut at sentence ends; speckle after a sentence end (`. m t> m- — LA CRISE`) is cut
    from the sentence after it, which starts at its capital."""
    out = []
    for sentence in _soft_cuts(SENTENCE_CUT.split(block)):
        match = SPECKLE_LEAD.match(sentence)
        if match and match.end() < len(sentence):
            out += [match.group(0).strip(), sentence[match.end():]]
        else:
            out.append(sentence)
    return out


def _soft_cuts(sentences: list[str]) -> list[str]:
    """A headline group can follow a colon or semicolon the OCR left where a story ended (`encore: La
    situation … Charleroi Le silence … (Par … correspondant.)`): cut there only when what follows opens
    with a headline and a deck (two head lines at least)."""
    out = []
    for sentence in sentences:
        for match in SOFT_CUT.finditer(sentence):
            tail = sentence[match.end():]
            if len(split_heads(tail)[0]) >= 2:
                out += [sentence[:match.start()], tail]
                break
        else:
            out.append(sentence)
    return out


def _flush(body: list[str], pieces: list[Piece]) -> None:
    """The sentences gathered so far: one paragraph piece, but above the page's first headline one piece
    per sentence, stacked (the top of a page is its masthead and ear boxes, set in short lines)."""
    if not body:
        return
    if any(p.head or p.masthead for p in pieces):
        pieces.append(Piece(" ".join(body), blank_before=True, gap=1))
    else:
        pieces += [Piece(text, blank_before=n == 0, gap=int(n == 0)) for n, text in enumerate(body)]
    body.clear()


def split_heads(sentence: str, context: str = "") -> tuple[list[str], str]:
    """The headline and deck lines that open a sentence of a run-on page, and the sentence after them.
    In a Title Case headline (context given) a capitalised opener followed by a capitalised word
    (`Why the Constitution Is As It Is`) opens no sentence. A bracketed credit after the heads (`(De notre correspondant)`) is a line of its own. A block's first
    sentence comes with its block as `context`: there a headline in Title Case may run into the text
    with no cue word (a name opening the text recurs in the block). No cut: ([], sentence)."""
    words = sentence.split()
    if 2 <= len(words) <= HEAD_MAX_WORDS and sentence.rstrip("'\"”’»)").endswith(("?", "!")) and caps_line(sentence) \
            and sum(map(caps_word, words)) >= CAPS_RUN_MIN:
        return [sentence], ""  # a headline in capitals that ends in `?` or `!` (`COULD … BENEFIT?`)
    heads, start, i = [], 0, 1
    while i < len(words):
        if i - start > HEAD_MAX_WORDS:
            break  # no head line runs longer: no later cut can make one
        cut = _part_starts(words, i)
        if cut and context and not heads and _inside_title(words, start, i):
            cut = False
        if not cut and not heads and context:
            title_end = _title_head_end(words, start, i, context)
            cut, i = bool(title_end), title_end or i
        if not cut:
            i += 1
            continue
        if i - start > HEAD_MAX_WORDS or not _head_like(words[start:i]) or (not heads and i < HEAD_MIN_WORDS):
            break
        heads.append(" ".join(words[start:i]))
        start = i
        end = _credit_end(words, i)
        if end:
            heads.append(" ".join(words[i:end]))
            start = end
        i = start + 1
    rest = words[start:]
    ends_in_credit = bool(heads) and not rest and _credit_end(words, len(words) - len(heads[-1].split())) == len(words)
    if not heads or not ends_in_credit and (len(rest) < BODY_MIN_WORDS or not word_ends_sentence(rest[-1])):
        return [], sentence
    return heads, " ".join(rest)


def _inside_title(words: list[str], start: int, i: int) -> bool:
    """Word i, an opener, stands inside a line in Title Case: the words before it are capitalised or
    small, and the word after it is capitalised too."""
    return i + 1 < len(words) and is_opener(words[i]) and capitalised(words[i + 1]) and not caps_word(words[i]) \
        and all(capitalised(w) or w in NAME_LEADERS for w in words[start:i])


def _title_head_end(words: list[str], start: int, i: int, context: str) -> int | None:
    """Where a Title Case headline opening at `start` ends, when word i is the last capitalised word
    before the text going on in lower case: at i, or at the start of a name (`Hong Kong patients …`)
    whose words recur together in the context. The headline holds three capitalised words after its
    first and a small word in lower case between them (`Leads the Way`), and ends capitalised."""
    if i + 2 >= len(words) or i - start < HEAD_MIN_WORDS or not capitalised(words[i]) or caps_word(words[i]):
        return None
    if not (words[i + 1].isalpha() and words[i + 1].islower() and words[i + 2][:1].islower()):
        return None
    if any(not capitalised(w) and w not in NAME_LEADERS for w in words[start:i]):
        return None
    cut, rest = i, context.replace(" ".join(words[start:i + 1]), "", 1)
    while cut - 1 > start and capitalised(words[cut - 1]) and f"{words[cut - 1]} {words[cut].rstrip(',;:')}" in rest:
        cut -= 1
    head = words[start:cut]
    capitals = sum(1 for w in head[1:] if capitalised(w))  # the first word is capitalised in any sentence
    if capitals < TITLE_HEAD_CAPITALS or not capitalised(head[-1]) or (capitals == len(head) - 1 and cut == i):
        return None  # all capitalised and no recurring name to end at: a sentence opening with names
    return cut


def _head_block(words: list[str], next_block: str = "") -> bool:
    """A block set apart that is a headline line: short, from a capital, no full stop at its end (a
    deck may hold a comma); a question only in capitals or over another headline line (a short
    paragraph may ask one)."""
    if not words or len(words) > HEAD_MAX_WORDS or not any(word_has_letters(w) for w in words):
        return False
    first = next(w for w in words if word_has_letters(w))
    last = words[-1].rstrip("'\"”’»)")
    if not capitalised(first) or last.endswith((".", ";", ":", ",")):
        return False
    if not last.endswith(("?", "!")):
        return True
    return caps_line(" ".join(words)) or bool(next_block) and _head_block(next_block.split())


def _credit_end(words: list[str], i: int) -> int | None:
    """Where a bracketed credit opening at word i ends (`(Par notre correspondant.)`): the index after it."""
    if not words[i].startswith("("):
        return None
    for j in range(i, min(len(words), i + CREDIT_MAX_WORDS)):
        if ")" in words[j]:
            inner = " ".join(words[i:j + 1]).strip("()., ").casefold()
            return j + 1 if ROLE_WORD_IN.search(inner) else None
    return None


def _part_starts(words: list[str], i: int) -> bool:
    """Does a new part of the page (a deck, or the text) start at word i?"""
    before, word = words[i - 1], words[i]
    if OPENERS_CAPITALISED and word[:1].islower() and word[:1].isalpha():
        return False  # every cue below needs a capital, a `(` or an opener: a word in lower case starts nothing
    if not word_has_letters(before):
        return capitalised(word) and bool(RULE_MARK.fullmatch(before))  # after a rule set between decks (`—`)
    if before[-1:] in ",;:-" or word_ends_sentence(before) or before.casefold() in NAME_LEADERS:
        return False
    if is_opener(word) or (word[:1] == "(" and _credit_end(words, i)):
        return True
    caps_before, caps_here = caps_word(before), caps_word(word)
    if caps_here and not caps_before:  # a deck in capitals starts
        return caps_run(words, i) >= CAPS_RUN_MIN
    if caps_before and not caps_here and capitalised(word):  # …and stops
        return caps_run_back(words, i - 1) >= CAPS_RUN_MIN
    return False


def _head_like(words: list[str]) -> bool:
    """Words a headline or deck line can be: no clause punctuation, no sentence end; or a few marks of speckle."""
    if not any(word_has_letters(w) for w in words):
        return len(words) <= 3
    if not capitalised(next(w for w in words if word_has_letters(w))):
        return False
    stoppers = HEAD_STOPPERS - {","} if caps_line(" ".join(words)) else HEAD_STOPPERS  # `…ACTIONS, COURT HEARS`
    return not (stoppers & set(" ".join(words))) and not any(map(word_ends_sentence, words))


def unrun_text(text: str) -> str:
    """The text with each run-on line cut into its pieces (blank lines between parts), for measuring
    a source's conventions; other lines unchanged."""
    if not has_run_on(text):
        return text
    out = []
    for line in text.split("\n"):
        if len(line) >= RUN_ON_CHARS and is_run_on(line):
            out += [("\n" if p.blank_before else "") + p.text for p in cut_run_on(line)]
        else:
            out.append(line)
    return "\n".join(out)
