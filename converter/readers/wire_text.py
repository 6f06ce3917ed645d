"""The text of a wire message: keyword and flags, headline, byline, paragraphs, dateline, closing lines.

Read by `wire.py` once the framing and header codes are off: see its docstring for the conventions.
"""

from __future__ import annotations

import re

from ..model import ITEM, PARA, TIMESTAMP
from ..state import State
from ..text import ends_sentence, reading_case, title_case_share
from ..urls import bare_url, clean_url
from .common import Line, Story, block, dropped, metadata, paragraph_marking, paragraphs
from .markup_fields import ROLE, names_of
from .wire_codes import (
    DESK_SIGNATURE, END_MARK, FLAG_LINE, FLAG_PREFIX, KEYWORD_SLUG, LINE_END_MARK, NOTES_OPENER, REPORTING,
    SOURCE_LINE, dateline_match, month_day, transmission_stamp, transmission_time,
)

EDS_NOTE = re.compile(r"^(?:EDS|Eds|EDITORS|Editors|EDITOR'S NOTE|Editor's note|NOTE TO EDITORS|Note to editors)"
                      r"\s*[:.]\s*\S")
WIRE_BYLINE = re.compile(r"^(?P<label>By|BY|Von|VON|Par|PAR|Por|POR)\s+(?P<names>[^\s=].{1,70}?)\s*$")
BULLET = re.compile(r"^[*•\-]\s+(?P<text>\S.*)$")


def read_text(state: State, story: Story, text: list[Line], hint: dict, has_stx: bool) -> None:
    text = strip_blank_ends(text)
    text = _read_keyword_and_flags(state, story, text, has_stx)
    marking = paragraph_marking(text)
    if not story.title and text and _reads_as_headline(text, marking):
        text = _read_headline(state, story, text, marking)
    text = _read_byline_and_notes(state, story, strip_blank_ends(text))
    body, notes = _split_notes(text)
    opening = next((ln.text for ln in body if not ln.blank), "")
    dateline = dateline_match(opening)
    story.fields["_dateline_day"] = dateline["day"] if dateline else None
    body = _read_closing_lines(state, story, body)
    paras = [_as_item(p) for p in paragraphs(body, marking if marking != "wrapped" else None)]
    if paras:
        _read_dateline(story, paras[0])
    story.body.extend(paras)
    _read_notes(state, story, notes)
    if "slug" in hint and "date" not in story.fields:
        story.fields["slug_day"] = hint["slug"]


def paragraph_marks(text: list[Line]) -> list[Line]:
    """AP's ANPA marks a paragraph's start with `^` and its end with `<`: the marks become an indent."""
    marked = sum(1 for ln in text if ln.raw.lstrip().startswith("^") and ln.raw.rstrip().endswith("<"))
    if marked < 2:
        return text
    return [Line(ln.number, ("   " + ln.raw.lstrip()[1:]) if ln.raw.lstrip().startswith("^") else ln.raw)
            for ln in text for ln in [Line(ln.number, re.sub(r"\s*<+\s*$", "", ln.raw))]]


def _read_byline_and_notes(state: State, story: Story, text: list[Line]) -> list[Line]:
    """Below the headline: editors' notes (`Eds: …`), a byline (`By JANE DOE`) and its role line
    (`Associated Press Writer`) leave the text; the names are the authors."""
    while text:
        first, span = text[0], (text[0].number, text[0].number)
        if EDS_NOTE.match(first.text):
            dropped(state, first.text, span, "note to editors (not part of the story)")
        elif (match := WIRE_BYLINE.match(first.text)) and not story.fields.get("authors"):
            story.fields["authors"] = [reading_case(n) for n in names_of(match["names"])]
            dropped(state, match["label"], span, "byline label (the names are kept)")
            metadata(state, story, match["names"], span)
        elif story.fields.get("authors") and ROLE.search(first.text) and len(first.text.split()) <= 6 \
                and not ends_sentence(first.text):
            dropped(state, first.text, span, "byline role (the writer's title)")
        else:
            return text
        text = strip_blank_ends(text[1:])
    return text


def strip_blank_ends(lines: list[Line]) -> list[Line]:
    while lines and lines[0].blank:
        lines = lines[1:]
    while lines and lines[-1].blank:
        lines = lines[:-1]
    return lines


def _as_item(para):
    """`* item` / `- item` lines of a round-up are list items."""
    if match := BULLET.match(para.text):
        para.kind, para.text = ITEM, match["text"]
    return para


def _read_keyword_and_flags(state: State, story: Story, text: list[Line], has_stx: bool) -> list[Line]:
    """A keyword slug (`BC-Soccer-Emperor's-Cup`, or one word above the headline) and flag lines leave the text."""
    while text:
        first = text[0]
        following = [ln for ln in text[1:] if not ln.blank][:1]
        if FLAG_LINE.match(first.text):
            dropped(state, first.text, (first.number, first.number), "wire version flag (refile, lead, urgent …)")
        elif KEYWORD_SLUG.match(first.text) or (
                has_stx and len(first.text.split()) <= 2 and not ends_sentence(first.text) and following
                and not following[0].indented and not first.indented and len(text) > 2):
            dropped(state, first.text, (first.number, first.number), "wire keyword slug (the story's desk name)")
        else:
            return text
        text = strip_blank_ends(text[1:])
    return text


def _reads_as_headline(text: list[Line], marking: str) -> bool:
    first = text[0]
    if first.indented and not (len(text) > 1 and text[1].indented):
        return False  # an indented line that wraps onto the next: the first paragraph
    words = first.text.split()
    if LINE_END_MARK.search(first.raw):
        return True
    if marking == "indent" and len(text) > 1 and text[1].indented:
        return len(words) <= 30
    following = next((ln for ln in text[1:] if not ln.blank), None)
    if text[1:2] and text[1].blank and following is not None and following.indented and len(words) <= 30:
        return True  # flush over a blank line and an indented story: the headline, whatever closes it (`…?`)
    if len(text) > 2 and text[1].blank and len(words) <= 14 and title_case_share(first.text) >= 0.8 \
            and not dateline_match(first.text):
        return True  # a title-cased line standing alone over the story: older desks closed headlines with a stop
    return len(words) <= 25 and not ends_sentence(first.text) and len(text) > 1


def _read_headline(state: State, story: Story, text: list[Line], marking: str) -> list[Line]:
    """Headline lines: the first line, and the next ones while they run on (a `+` mark, or before indented text)."""
    taken = [text[0]]
    for line in text[1:]:
        if line.blank or line.indented or marking != "indent" and not LINE_END_MARK.search(taken[-1].raw):
            break
        if marking != "indent" and (len(line.text) > 80 or ends_sentence(line.text)):
            break
        taken.append(line)
    title = " ".join(LINE_END_MARK.sub("", ln.text) for ln in taken).strip()
    if match := FLAG_PREFIX.match(title):
        first = taken[0]
        dropped(state, match["flags"], (first.number, first.number), "wire version flag (refile, lead, urgent …)")
        title = title[match.end():]
    story.title = title
    story.title_blocks.append(block(PARA, title, taken[0].number, taken[-1].number))
    return text[len(taken):]


def _split_notes(text: list[Line]) -> tuple[list[Line], list[Line]]:
    """Body lines, and the notes to editors and contacts from their opening line on."""
    seen_text = False
    for index, line in enumerate(text):
        if seen_text and NOTES_OPENER.match(line.text):
            return text[:index], text[index:]
        seen_text = seen_text or not line.blank
    return text, []


def _read_closing_lines(state: State, story: Story, lines: list[Line]) -> list[Line]:
    """Signatures, end marks, credits, sources, addresses and timestamps at the end of the story leave it."""
    lines = strip_blank_ends(lines)
    while lines and closing_line(state, story, block(PARA, lines[-1].text, lines[-1].number)):
        lines = strip_blank_ends(lines[:-1])
    return lines


def closing_line(state: State, story: Story, para) -> bool:
    text, span = para.text, para.lines
    if match := DESK_SIGNATURE.match(text):
        agency = (match["agency"] or match["agency2"] or match["agency3"]).strip()
        story.fields.setdefault("source_agency", agency)
        desk = match["desk"] or match["desk3"]
        if desk and story.fields["source_agency"] == agency:
            metadata(state, story, agency, span)
            dropped(state, desk, span, "wire desk initials (who handled the story)")
        else:
            dropped(state, text, span, "wire desk signature")
        return True
    if END_MARK.match(text):
        dropped(state, text, span, "wire end mark")
        return True
    if match := SOURCE_LINE.match(text):
        story.fields.setdefault("source_agency", match["value"])
        metadata(state, story, text, span)
        return True
    if url := bare_url(text):
        if "url" not in story.fields:
            story.fields["url"], removed = clean_url(url)
            metadata(state, story, text, span)
            return True
        dropped(state, text, span, "address after the story")
        return True
    if REPORTING.match(text):
        for part in text.strip("() ").split(";"):
            _read_credit(state, story, part.strip(), span)
        return True
    if (stamp := transmission_stamp(text, month_day(story.fields.get("_dateline_day")))) is not None:
        story.fields["date"] = story.fields.get("date") or stamp
        metadata(state, story, text, span, kind=TIMESTAMP)
        return True
    if transmission_time(text):
        dropped(state, text, span, "wire transmission time (a time of day, no date)")
        return True
    return False


def _read_credit(state: State, story: Story, part: str, span: tuple[int, int]) -> None:
    """`Reporting by A and B` → authors (contributors once there are authors); `Editing by C` is desk work."""
    match = REPORTING.match(part)
    if not match or "reporting" not in match["label"].lower():
        dropped(state, part, span, "desk credits (writing and editing by)")
        return
    names = [n.strip(" .") for n in re.split(r"\s*(?:,|&| and )\s*", match["names"]) if n.strip(" .")]
    if match["label"].lower() == "reporting" and not story.fields.get("authors"):
        story.fields["authors"] = names
    else:
        story.fields.setdefault("contributors", []).extend(names)
    dropped(state, part[: match.start("names")].strip(), span, "byline label (the names are kept)")
    metadata(state, story, match["names"], span)


def _read_notes(state: State, story: Story, notes: list[Line]) -> None:
    for para in paragraphs(notes, "line"):
        if not closing_line(state, story, para):
            dropped(state, para.text, para.lines, "notes to editors and contacts (not part of the story)")


def _read_dateline(story: Story, first) -> None:
    """`SAITAMA, Japan, Dec. 9 Kyodo -`: the dateline and its agency are metadata; the sentence after it
    opens the body as printed."""
    match = dateline_match(first.text)
    if not match:
        return
    agency = (match["agency"] or match["agency2"] or "").strip()
    if agency:
        story.fields["source_agency"] = agency
    story.fields["dateline"] = match["dateline"].strip()
    first.text = first.text[match.end():]
