"""Reader: wire-service transmissions (IPTC 7901, ANPA 1312, AAP field tags).

A transmission frames each story: SOH or `ZCZC` opens a message, STX starts
its text, ETX ends the text, EOT or `NNNN` closes the message. Before the text
come header, code and selector lines (`%A`, `$…`, `:1200`, `a0105KYODO`, a slug
line with date and word count); the text opens with a keyword slug and version
flags (REFILE, URGENT, 2ND LEAD …), then the headline (a `+` or `=` marks its
line end), then the story, whose paragraphs are marked by indentation or stand
one per line; after the story come desk signatures (`==Kyodo`, `(SDA/sj)`),
notes to editors and contacts, and after ETX the transmission timestamp. Feeds
that tag fields (`TI#` headline, `AB#` abstract, `PD#` date, `BY#` byline,
`TX#` text) are read by tag.

The story becomes the article (headline, date, byline, dateline agency,
paragraphs); every other line is metadata or is dropped with the convention
that names it, never body text. Several messages in a file are several stories.
"""

from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass, field

from ..model import PARA, TIMESTAMP
from ..state import State
from .common import Line, Story, block, dropped, metadata, publish
from .wire_codes import (
    ANPA_HEADER, BYLINE_TAGS, DATE_TAGS, DECK_TAGS, DESK_SIGNATURE, END_LINE, EOT, ETX, FIELD_NAMES, FIELD_TAG,
    FRAMING, OTHER_CONTROLS, PREFIXED_CODE, SLUG_LINE, SOH, SOURCE_TAGS, START_LINE, STX, TEXT_TAGS, TITLE_TAGS,
    field_date, month_day, transmission_stamp,
)
from .wire_text import paragraph_marks, read_text

KIND = "wire"
FRAMING_REASON = "wire transmission framing (start/end of message)"
HEADER_REASON = "wire header code line (service, priority, category, selector)"
TRAILER_REASON = "wire transmission trailer after the text"
AGENCY_AFTER_START = re.compile(r"^ZCZC\s+(?P<agency>[A-Z][A-Za-z]{1,10})$", re.IGNORECASE)


@dataclass
class Message:
    header: list[Line] = field(default_factory=list)  # before STX (or the code lines at the top)
    text: list[Line] = field(default_factory=list)  # between STX and ETX
    trailer: list[Line] = field(default_factory=list)  # after ETX
    framing: list[Line] = field(default_factory=list)  # ZCZC / NNNN lines and control-only lines
    has_stx: bool = False
    sender: re.Match | None = None  # `ZCZC AAP`: the agency that sent the message


def recognise(text: str) -> bool:
    """A wire transmission: framing control characters, a ZCZC frame, several field tags at the top, or
    (its control characters lost) two of: an ANPA selector or slug line at the top, a desk signature or a
    transmission timestamp at the end."""
    head = text[:4000]
    if SOH in head and (STX in text or ETX in text or EOT in text):
        return True
    controls = OTHER_CONTROLS.search(head) is not None  # most texts hold none: no line to substitute in
    lines = list(islice((OTHER_CONTROLS.sub(" ", ln).strip() if controls else ln.strip()
                         for ln in head.split("\n") if ln.strip()), 30))
    if any(START_LINE.match(ln) for ln in lines[:5]):
        return True
    if sum(1 for ln in lines[:15] if FIELD_TAG.match(ln)) >= 3:
        return True
    tail = [FRAMING.sub(" ", OTHER_CONTROLS.sub(" ", ln)).strip() for ln in text[-600:].split("\n")]
    tail = [ln for ln in tail if ln][-4:]
    signs = [any(ANPA_HEADER.match(ln) or SLUG_LINE.search(ln) for ln in lines[:3]),
             any(DESK_SIGNATURE.match(ln) for ln in tail), any(transmission_stamp(ln) for ln in tail)]
    return sum(signs) >= 2


def split_messages(text: str) -> list[Message]:
    """The messages of a transmission, each split into header, text and trailer lines."""
    messages: list[Message] = []
    current: Message | None = None
    zone = "text"
    for number, raw in enumerate(text.split("\n"), start=1):
        pieces = re.split(r"([\x01\x02\x03\x04])", raw) if FRAMING.search(raw) else [raw]
        mark = None
        for piece in pieces:
            if piece and FRAMING.fullmatch(piece):
                mark = piece
                if piece == SOH or current is None:
                    current, zone = Message(), "header"
                    messages.append(current)
                if piece == STX:
                    current.has_stx, zone = True, "text"
                elif piece == ETX:
                    zone = "trailer"
                elif piece == EOT:
                    zone = "after"
                continue
            clean = OTHER_CONTROLS.sub(" ", piece)
            if START_LINE.match(clean):
                if not (current is not None and zone == "header" and not current.header and not current.framing):
                    current, zone = Message(), "text"  # a ZCZC right after SOH opens the same message
                    messages.append(current)
                current.framing.append(Line(number, clean))
                current.sender = AGENCY_AFTER_START.match(clean.strip())
                continue
            if current is None:
                current, zone = Message(), "text"
                messages.append(current)
            if END_LINE.match(clean) or (not clean.strip() and mark and zone != "text"):
                current.framing.append(Line(number, clean))
                zone = "after" if END_LINE.match(clean) else zone
                continue
            target = {"header": current.header, "text": current.text, "trailer": current.trailer,
                      "after": current.trailer}[zone]
            target.append(Line(number, clean))
    return messages


def read_wire(state: State) -> None:
    state.blocks = []
    stories = []
    for message in split_messages(state.source.text):
        story = _read_message(state, message)
        _read_framing(state, message, story)
        if story is not None:
            stories.append(story)
    publish(state, stories)


def _read_framing(state: State, message: Message, story: Story | None) -> None:
    """`ZCZC` / `NNNN` leave the text; the agency named after `ZCZC` is the story's when it names none."""
    for line in message.framing:
        if line.blank:
            continue
        span = (line.number, line.number)
        if story is not None and message.sender and message.sender.string == line.text:
            if not story.fields.get("source_agency"):
                story.fields["source_agency"] = message.sender["agency"]
                metadata(state, story, line.text, span)
                continue
        dropped(state, line.text, span, FRAMING_REASON)


def _read_message(state: State, message: Message) -> Story | None:
    story = Story()
    text = paragraph_marks(list(message.text))
    if not message.has_stx:
        _take_code_lines(message, text)
    hint, candidates = _read_header(state, story, message.header)
    read_text(state, story, text, hint, message.has_stx or any(not ln.blank for ln in message.header))
    _title_from_codes(state, story, candidates)
    _read_trailer(state, story, message.trailer, hint)
    if not story.title and not story.body:
        return None
    return story


def _take_code_lines(message: Message, text: list[Line]) -> None:
    """With no STX to mark the text, the code lines at the top are the header: prefixed codes, field tags up to
    `TX#`, and ANPA selector lines up to the slug line."""
    slug_at = next((i for i, ln in enumerate(text[:4]) if SLUG_LINE.search(ln.text)), None)
    if slug_at is not None and all(ANPA_HEADER.match(ln.text) or ln.blank for ln in text[:slug_at]):
        message.header.extend(text[:slug_at + 1])
        del text[:slug_at + 1]
    while text and (text[0].blank or PREFIXED_CODE.match(text[0].text) or FIELD_TAG.match(text[0].text)
                    or ANPA_HEADER.match(text[0].text)):
        line = text.pop(0)
        message.header.append(line)
        if FIELD_TAG.match(line.text) and FIELD_TAG.match(line.text)["tag"] in TEXT_TAGS:
            break


def _read_header(state: State, story: Story, header: list[Line]) -> tuple[dict, list]:
    """Codes leave the text; a slug line's date and field tags are read; worded codes may be the headline."""
    found: dict = {}
    candidates: list[tuple[Line, str]] = []
    for line in header:
        if line.blank:
            continue
        if match := FIELD_TAG.match(line.text):
            _read_field(state, story, line, match["tag"], match["value"].strip())
            continue
        if match := SLUG_LINE.search(line.text):
            found["slug"] = (match["a"], match["b"])
        prefixed = PREFIXED_CODE.match(line.text)
        value = (prefixed["value"] or "") if prefixed else ""
        if prefixed and len(value.split()) >= 3 and re.search(r"[^\W\d_]{3}", value):
            candidates.append((line, value.strip()))
            continue
        dropped(state, line.text, (line.number, line.number), HEADER_REASON)
    return found, candidates


def _title_from_codes(state: State, story: Story, candidates: list) -> None:
    """With no headline in the text, the longest worded header code is it; the others are slugs."""
    if candidates and not story.title:
        best = max(candidates, key=lambda c: len(c[1]))
        story.title = best[1]
        story.title_blocks.append(block(PARA, best[1], best[0].number))
        candidates.remove(best)
    for line, _ in candidates:
        dropped(state, line.text, (line.number, line.number), "wire keyword slug (the story's desk name)")


def _read_field(state: State, story: Story, line: Line, tag: str, value: str) -> None:
    span = (line.number, line.number)
    name = FIELD_NAMES.get(tag, "field")
    if not value:
        dropped(state, line.text, span, f"wire field tag {tag}# ({name}), empty")
    elif tag in TITLE_TAGS and not story.title:
        story.title = value
        story.title_blocks.append(block(PARA, value, line.number))
        dropped(state, f"{tag}#", span, f"wire field tag {tag}# ({name})")
    elif tag in DECK_TAGS and "deck" not in story.fields:
        story.fields["deck"] = value
        metadata(state, story, line.text, span)
    elif tag in DATE_TAGS and field_date(value):
        story.fields["date"] = field_date(value)
        metadata(state, story, line.text, span)
    elif tag in BYLINE_TAGS:
        story.fields["authors"] = [n.strip() for n in re.split(r"\s*(?:,|;| and )\s*", value) if n.strip()]
        metadata(state, story, line.text, span)
    elif tag in SOURCE_TAGS and "source_agency" not in story.fields:
        story.fields["source_agency"] = value
        metadata(state, story, line.text, span)
    elif tag in TEXT_TAGS:
        story.body.append(block(PARA, value, line.number))
        dropped(state, f"{tag}#", span, f"wire field tag {tag}# ({name})")
    else:
        dropped(state, line.text, span, f"wire field tag {tag}# ({name})")


def _read_trailer(state: State, story: Story, trailer: list[Line], hint: dict) -> None:
    day = month_day(story.fields.get("_dateline_day"))
    for line in trailer:
        if line.blank:
            continue
        stamp = transmission_stamp(line.text, day)
        span = (line.number, line.number)
        if stamp:
            if not story.fields.get("date") or len(stamp) > len(story.fields["date"]):
                story.fields["date"] = stamp
            metadata(state, story, line.text, span, kind=TIMESTAMP)
        else:
            dropped(state, line.text, span, TRAILER_REASON)
    story.fields.pop("_dateline_day", None)
    story.fields.pop("slug_day", None)


