"""Rules: what a printed page carries besides its articles leaves the text, with a reason.

- `drop_page_furniture` (before paragraphs are joined):
  - page markers of OCR exports (`## p. 1 (#9) ####…`, `--- Page 3 ---`, `[Page 12]`);
  - page and section labels (`Page 3`, `PAGE A4`, `第5版`, `B2`), lone page numbers;
  - running heads: a short line of a weekday or date with at most a page number or the
    paper's name (`TUESDAY, March 3, 1987`, `6 FRIDAY, JUNE 9, 2006`; it dates the issue), an
    edition line whose month OCR garbled (a weekday and a year), and any short line with a
    number or a separator that recurs on the page (`THE HERALD — Sports 5`), digits aside;
  - masthead lines: volume, number, price and year-of-issue lines (`Vol. XII, No. 88`,
    `Price Two Cents`, `7. Jahrgang`, `DEUXIÈME ANNÉE. - N. 130`), OCR-garbled ones too, and the
    postal entry notice (`Entered at the Post Office at X as second-class matter`), anywhere;
    the paper's name right over that folio line (kept as the issue's publication when the
    sidecar names none), and at the top of a page everything over the last folio line
    (publisher, subscription and editor notes) unless a story's wrapped text runs there;
  - index boxes: two or more short teaser lines in a row that each point to a page
    (`Council budget … Page 3`, `Sports B1`), with the box's label (`INSIDE`, `INDEX`);
  - OCR speckle: lines of stray punctuation and single letters (`■ , .`, `-`, `.V.`).
- reading notices (`… —Advt.`) are marked here, line by line, and dropped with the other adverts
  by `drop_adverts` (adverts.py) once lines are paragraphs.

Lines that are bylines, jump lines, captions or credits are never furniture.
"""

from __future__ import annotations

import re
from collections import Counter

from datetime import date

from ..dates import MONTHS, find_date
from ..model import DROP, PARA, Block
from ..state import State
from ..text import has_cjk, word_count
from .layout_settings import FURNITURE
from .adverts import mark_notices
from .read_masthead_date import is_masthead_date

WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag "
            "freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche").split()
PAGE_MARKER = re.compile(r"^(?:#+\s*)?[-=\[(<]*\s*(?:p\.|page|seite|pagina|página)\s*\d+\b.*?[-=\])>#\s]*$", re.I)
PAGE_LABEL = re.compile(r"^(?:(?:page|seite|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?(?:\s*(?:of|/|von)\s*\d+)?"
                        r"|[A-H]\d{1,2}|\d{1,3}|第\s*[0-9一二三四五六七八九十百]+\s*[版页頁]"
                        r"(?:\s*[:：]?\s*\S{1,8})?)\.?$", re.I)
VOLUME = re.compile(r"\b(?:vol(?:ume)?|v[o0][il1|]\w?)\b\.?\s*[^\w\s]?[\dIVXLC]+|\b(?:jahrgang|ann[ée]e)\b"
                    r"|\b(?:no|nr|n[°o]|num(?:ber|éro)?)\.?\s*\d[\d.,]*|第\s*\d+\s*期", re.I)
PRICE = re.compile(r"\b(?:price|preis|prix)(?=\d)|\b(?:price|preis|prix|(?:one|two|three|four|five|\d+)\s*(?:cents?|centimes|pfennig)|"
                    r"centimes le num[ée]ro)\b|\b(?:one|two|three|four|five|\d+)\s*pf\.", re.I)  # `10 Pf.` ends a line too
POSTAL_ENTRY = re.compile(r"\bentered\b.{0,60}\b(?:post[- ]?office|second[- ]class|mail(?:ing)? matter)", re.I)
ROMAN = re.compile(r"\b[IVXLC]{4,}\b")
ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
INDEX_POINTER = re.compile(r"(?:\.{2,}|…|,|\s)\s*(?:(?:page|p\.|seite)\s*[A-H]?\d{1,3}|[A-H]\d{1,2}|\.{2,}\s*\d{1,3})$"
                           r"|(?:见|详见)?第\s*[0-9一二三四五六七八九十]+\s*版$", re.I)
INDEX_LABEL = re.compile(r"^(?:inside(?: today)?|index|in this issue|today|in today's paper|inhalt|sommaire|本期导读|今日导读)"
                         r"\s*[:：]?$", re.I)
DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"\d+|\b[IVXLC]{2,}\b")  # arabic or roman
FOLIO_NUMBERS = 3  # number, year of issue, price: a folio line garbled past its words still shows its numbers
LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a folio line is numbers and short tokens; a headline has words
EDGE_NUMBER = re.compile(r"^\d{1,3}\s|.*\s\d{1,3}$")
MASTHEAD_WORD = re.compile(r"v[o0]l|jahrg|ann[ée]e|pri(?:ce|x)|preis|cent|pfennig|pf\.|n[or°]|num|第", re.I)
WORD3 = re.compile(r"[^\W\d_]{3}")
DIGIT_OR_SEPARATOR = re.compile(r"[\d—|·•第]")
CAPITALS_RUN = re.compile(r"[IVXLC]{4}")  # a Roman numeral's letters: only then is ROMAN tried


def _hints_furniture(text: str) -> bool:
    """A digit, a separator, a Roman numeral or a masthead word: without one, a line with a word of
    three letters is running text (the cheap test that lets most lines through at once)."""
    if DIGIT_OR_SEPARATOR.search(text) or CAPITALS_RUN.search(text):  # two class scans beat one alternation
        return True
    low = text.lower()
    return "vol" in low or "v0l" in low or "jahrg" in low or "ann" in low or "pri" in low or "preis" in low \
        or "cent" in low or "pfennig" in low or "entered" in low
SEPARATOR_OR_DIGIT = re.compile(r"\d|[—|·•]")


def _stands_alone(text: str) -> bool:
    from .join_wrapped_lines import stands_alone  # a byline, jump, caption or credit line

    return stands_alone(text)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def is_speckle(text: str) -> bool:
    """OCR speckle: stray punctuation and single letters, no word of three letters."""
    if WORD3.search(text) or text.isdigit() or has_cjk(text) or text.startswith((">", "|")):
        return False
    visible = text.replace(" ", "")
    content = sum(1 for c in visible if c.isalnum())
    return bool(visible) and (content / len(visible) < 0.5 or (not has_word(text, 2) and not any(
        c.isdigit() for c in visible)) or (len(visible) <= 3 and not visible.isalnum()))


def has_word(text: str, size: int) -> bool:
    run = 0
    for c in text:
        run = run + 1 if c.isalpha() else 0
        if run >= size:
            return True
    return False


CJK_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
CJK_WEEKDAY_OR_PAGE = re.compile(r"(?:星期|周|禮拜|礼拜)[一二三四五六日天]|第\s*[0-9一二三四五六七八九十百]+\s*[版页頁]")


def is_dated_running_head(text: str) -> bool:
    """A weekday or a date with at most a page number and a few capitalised words (the paper's name);
    in Chinese papers the date with a weekday (星期一) or the page (第5版)."""
    if len(text) > 90 or not DIGIT.search(text):
        return False
    if CJK_DATE.search(text) and CJK_WEEKDAY_OR_PAGE.search(text):
        rest = CJK_WEEKDAY_OR_PAGE.sub("", CJK_DATE.sub("", text))
        return len(rest.strip()) <= 12  # the paper's name or a section at most
    folded = text.casefold()
    weekday = any(day in folded for day in WEEKDAYS)
    page_number = EDGE_NUMBER.match(text) is not None
    if not (weekday or page_number):
        return False  # a date alone is the masthead date's (read_masthead_date), not a running head
    words = re.findall(r"[^\W\d_]+", folded)
    if find_date(text) is None:
        return weekday and _weekday_and_year(text, words)
    if len(text) > 60 or word_count(text) > FURNITURE.running_words:
        return False
    named = [w for w in words if w not in WEEKDAYS and w not in MONTHS]
    return len(named) <= 3 and not text.rstrip().endswith((",", ";"))


def _weekday_and_year(text: str, words: list[str]) -> bool:
    """An edition line whose month OCR garbled: a weekday and a year, mostly in capitals."""
    letters = [c for c in text if c.isalpha()]
    year = re.search(r"\b1[789]\d\d\b|\b20\d\d\b", text)
    return len(text) <= 90 and any(w in WEEKDAYS for w in words) and bool(year) \
        and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


GARBLED_DATE = re.compile(r"\b([^\W\d_]{2,9})\.?\s+(\d{1,2})\b[.,]?\s+((?:1[789]|20)\d\d)\b")


def edition_date(text: str) -> str | None:
    """The day an edition line names; a month OCR garbled by one letter (`31 AY 1, 1903`: MAY) is
    read when exactly one month name is that close (the line is known to be a date line)."""
    day = find_date(text)
    if day:
        return day[:10]
    for match in GARBLED_DATE.finditer(text):
        word = match.group(1).casefold()
        months = {number for name, number in MONTHS.items() if _one_edit(word, name)}
        if len(months) == 1:
            try:
                return date(int(match.group(3)), months.pop(), int(match.group(2))).isoformat()
            except ValueError:
                return None
    return None


def _one_edit(word: str, name: str) -> bool:
    """Whether `word` is `name` with one letter changed, dropped or added."""
    if abs(len(word) - len(name)) > 1 or word == name:
        return word == name
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name)) == 1
    short, long_ = sorted((word, name), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def is_masthead_line(text: str, near_top: bool) -> bool:
    """A volume, number, price or year-of-issue line; its cues, not its wording in one paper.

    Two cues at the top of a page or in a line mostly in capitals (`Vol. XII, No. 88`, a running
    head `112 THE SENTINEL. Vol. 4, No. 14.`) — a sentence about a price is no masthead; one cue
    at the top of a page when the line is short, in capitals or made of numbers (`Nr. 1.`, `VOLUME 4.`,
    an OCR-garbled `VOIV O1 LXIII` or `Nr. 88 . — 12. . Jahriang — . P1eis 10»f.`, the price box
    `Single Copy, 3 cents.`).
    """
    if len(text) > 90 or text.endswith(("?", "!")):
        return False
    if not MASTHEAD_WORD.search(text) and not ROMAN.search(text):
        return False
    if not (VOLUME.search(text) or PRICE.search(text)
                                                            or ROMAN.search(text)):
        return False
    if word_count(text) > 14:
        return False
    roman = any(ROMAN_NUMERAL.fullmatch(m.group(0)) for m in ROMAN.finditer(text))
    numbering = len(VOLUME.findall(text)) + (1 if roman else 0)
    prices = len(PRICE.findall(text))
    cues = numbering + prices
    lower = sum(1 for c in text if c.islower())
    capitals = lower <= 0.3 * max(_letters(text), 1)
    folio_shaped = near_top and len(LONG_WORD.findall(text)) <= FURNITURE.folio_words
    return (cues >= 2 and (near_top or lower <= 0.5 * max(_letters(text), 1))) or (
        folio_shaped and cues == 1 and (capitals or word_count(text) <= 4)) or (
        folio_shaped and cues >= 1 and len(NUMBER.findall(text)) >= FOLIO_NUMBERS)


def repeated_short_lines(blocks: list[Block]) -> set[str]:
    """Short lines (digits aside) that recur on the page: running heads and section labels."""
    counts = Counter(_shape(b.text) for b in blocks
                     if b.kind == PARA and len(b.text) <= 60 and SEPARATOR_OR_DIGIT.search(b.text)
                     and _short_label(b.text))
    return {shape for shape, count in counts.items() if count >= 2 and len(shape) >= 4}


def _short_label(text: str) -> bool:
    return len(text) <= 60 and word_count(text) <= FURNITURE.running_words \
        and not text.rstrip().endswith((".", "?", "!", ","))


def _shape(text: str) -> str:
    return re.sub(r"[\W\d_]+", " ", text).strip().casefold()






def furniture_reason(text: str, repeated: set[str], near_top: bool = False) -> str | None:
    if len(text) > FURNITURE.furniture_chars or text.startswith("|"):
        return None  # running text; a table row is the table's
    if WORD3.search(text) and not _hints_furniture(text):
        return None  # running text: no digit, separator, masthead word or numeral, and a word of three letters
    if PAGE_MARKER.match(text) and not re.search(r"[a-z]{4,}", PAGE_MARKER.sub("", text)):
        return "page marker"
    if PAGE_LABEL.match(text.strip()):
        return "page or section label"
    if is_masthead_line(text, near_top):
        return "masthead line (volume, number or price)"
    if len(text) <= 160 and POSTAL_ENTRY.search(text):
        return "masthead line (postal entry: `Entered at the Post Office … as second-class matter`)"
    reason = None
    if is_speckle(text):
        reason = "OCR noise (stray letters and punctuation)"
    elif is_dated_running_head(text):
        reason = "running head (the edition's date line)"
    elif _short_label(text) and _shape(text) in repeated:
        reason = "running head (repeated on the page)"
    return None if reason is None or _stands_alone(text) else reason


def drop_page_furniture(state: State) -> None:
    repeated = repeated_short_lines(state.blocks)
    since_top = 0  # lines since the top of the file or the last page marker
    for block in state.blocks:
        if block.kind == DROP and "page marker" in block.reason:
            since_top = 0
        if block.kind != PARA:
            continue
        reason = furniture_reason(block.text, repeated, since_top < FURNITURE.masthead_lines)
        if reason is None or not reason.startswith("OCR noise"):
            since_top += 1  # speckle takes no room in the masthead
        if reason == "page marker":
            since_top = 0
        if reason:
            day = edition_date(block.text) if reason.startswith("running head (the edition") else None
            if day and not state.sidecar.get("date") and not state.issue.get("date"):
                state.issue["date"] = day
                state.note("drop_page_furniture", f"line {block.lines[0]}: the issue's date {day}")
            state.drop(block, reason)
            state.note("drop_page_furniture", f"line {block.lines[0]}: {reason}")
    _drop_heads_below_page_breaks(state)
    _drop_index_boxes(state)
    _drop_nameplate(state)
    _drop_masthead_block(state)
    mark_notices(state.blocks)


HEAD_LINES_BELOW_BREAK = 3  # a running head stands within this many lines under a page break


def _drop_heads_below_page_breaks(state: State) -> None:
    """A short plain line (no heading markup) that recurs within the first lines under page breaks
    is the running head, also when a page number stands apart from it (`156` / `AMERICAN SENTINEL.`)."""
    candidates: dict[int, Block] = {}  # one page break is often several marker lines: each line counts once
    for index, block in enumerate(state.blocks):
        if block.kind == DROP and block.reason == "page marker":
            below = [b for b in state.blocks[index + 1:index + 1 + 2 * HEAD_LINES_BELOW_BREAK] if b.kind != DROP]
            candidates.update((id(b), b) for b in below[:HEAD_LINES_BELOW_BREAK] if b.kind == PARA
                              and len(b.text) <= 60 and not b.text.startswith(("#", "*", "_", ">", "|"))
                              and word_count(b.text) <= 5)
    counts = Counter(_shape(b.text) for b in candidates.values())
    for block in candidates.values():
        shape = _shape(block.text)
        if block.kind == PARA and counts[shape] >= 2 and len(shape) >= 4:
            day = edition_date(block.text) if is_masthead_date(block.text) else None
            if day and not state.sidecar.get("date") and not state.issue.get("date"):
                state.issue["date"] = day  # the edition's date line, repeated on its pages
            state.drop(block, "running head (repeated below page breaks)")


def _drop_masthead_block(state: State) -> None:
    """Above the last folio line at the top of a page stands only the masthead (nameplate, publisher,
    subscription and editor notes) — unless a story's wrapped text runs there."""
    top = state.blocks[:FURNITURE.masthead_lines * 2]
    folios = [i for i, b in enumerate(top) if b.kind == DROP and b.reason.startswith("masthead")
              and sum(1 for x in top[:i] if x.kind != DROP) < FURNITURE.masthead_lines]
    if not folios:
        return
    above = [b for b in top[:folios[-1]] if b.kind == PARA and not is_masthead_date(b.text)]
    if _longest_open_run(above) >= FURNITURE.wrapped_story_lines:
        return
    if sum(1 for b in above if word_count(b.text) >= FURNITURE.story_paragraph_words) >= 2:
        return  # paragraphs of a story stand above: the line is no folio (`CHINA’S NO 2 …` headline)
    for block in above:
        state.drop(block, "masthead (the block over the folio line: name, publisher, subscription notes)")
    if above:
        state.note("drop_page_furniture", f"lines {above[0].lines[0]}-{above[-1].lines[1]}: masthead block")


def _longest_open_run(blocks: list[Block]) -> int:
    """The longest run of consecutive lines that stop mid-sentence: wrapped running text."""
    from .paragraph_marking import is_prose, line_closes

    longest = run = 0
    for block in blocks:
        run = run + 1 if is_prose(block.text) and not line_closes(block.text) else 0
        longest = max(longest, run)
    return longest




def _drop_nameplate(state: State) -> None:
    """The short lines right over a masthead's folio line (volume, number, date) are the paper's name;
    so are those over the edition's date line at the top of a page when no folio line was read (OCR
    garbles it, or the paper prints none) — a nameplate stands over the date, a headline under it."""
    blocks = state.blocks
    for index, block in enumerate(blocks[:FURNITURE.masthead_lines]):
        if block.kind != DROP or not block.reason.startswith(("masthead", "running head (the edition")):
            continue
        above: list[Block] = []
        for line in reversed([b for b in blocks[:index] if b.kind == PARA][-FURNITURE.nameplate_lines:]):
            if not (_nameplate_like(line.text) or _garbled_folio(line.text)):
                break
            above.insert(0, line)
        for line in above:
            state.drop(line, "masthead (the paper's name over its folio line)")
            state.note("drop_page_furniture", f"line {line.lines[0]}: masthead name")
        if above and not state.sidecar.get("publication") and re.fullmatch(r"[\w .'&-]+", above[0].text):
            state.issue.setdefault("publication", " ".join(b.text for b in above))
        return


def _nameplate_like(text: str) -> bool:
    return not is_masthead_date(text) and len(text) <= 60 and word_count(text) <= 6 \
        and not text.rstrip().endswith((",", ";", ":")) \
        and not _stands_alone(text) and all(w[:1].isupper() or not w[:1].isalpha() for w in text.split())


def _garbled_folio(text: str) -> bool:
    """A folio line OCR garbled past reading (`Vo■. X■I, NO. 88 . Pri1e10 Centl`): short, with a
    number and a masthead word, and no sentence in it."""
    return len(text) <= 60 and bool(DIGIT.search(text) and MASTHEAD_WORD.search(text)) \
        and word_count(text) <= 8 and not text.rstrip().endswith(("!", "?", ",", ";", ":"))  # (`Pf.`, `No.` end in a stop)


def _is_teaser(text: str) -> bool:
    if len(text) > 70 or not (text[-1:].isdigit() or text.endswith("版")):
        return False
    return bool(INDEX_POINTER.search(text)) and _letters(text) >= 4 and not _stands_alone(text)


def _drop_index_boxes(state: State) -> None:
    live = [b for b in state.blocks if b.kind == PARA]
    index = 0
    while index < len(live):
        end = index
        while end < len(live) and _is_teaser(live[end].text):
            end += 1
        if end - index >= 2:
            if index and INDEX_LABEL.match(live[index - 1].text):
                state.drop(live[index - 1], "index box label")
            for block in live[index:end]:
                state.drop(block, "index box (a teaser pointing to another page)")
            state.note("drop_page_furniture", f"lines {live[index].lines[0]}-{live[end - 1].lines[1]}: index box")
        index = max(end, index + 1)
