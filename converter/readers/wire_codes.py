"""The conventions of wire-service copy: codes, flags, datelines, signatures, timestamps.

Shared by the wire reader. Each pattern names one convention of IPTC 7901 /
ANPA 1312 transmissions or of the agencies that send them (AP, Reuters, AFP,
Kyodo, AAP, SDA/ATS, dpa …); none reads the wording of one sample.
"""

from __future__ import annotations

import re

from ..dates import MONTHS, _iso, find_date
from ..rules.datelines import dateline_match  # noqa: F401  (the one dateline matcher, read by the wire readers)

# Framing and control characters: SOH/STX/ETX/EOT frame a message; the others
# (SYN, DC2, DC4, US, RS, DEL …) are selector or padding codes with no text.
SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"
FRAMING = re.compile(r"[\x01\x02\x03\x04]")
OTHER_CONTROLS = re.compile(r"[\x00\x05-\x08\x0b-\x1f\x7f]")
START_LINE = re.compile(r"^\s*ZCZC\b.*$", re.IGNORECASE)  # IPTC 7901 start of message (often `ZCZC AAP`)
END_LINE = re.compile(r"^\s*NNNN\s*$", re.IGNORECASE)  # IPTC 7901 end of message

# Header lines of a ZCZC message: one prefix character then a code or value
# (`%A` category, `#AM Sydney headlines` keyword, `$…` headline or take key,
# `:1200` take key, `*07000000` IPTC subject, `~AM Service` genre, `@NSW` place).
PREFIXED_CODE = re.compile(r"^(?P<prefix>[%#$:*~@^=&+_])(?P<value>\S.{0,100})?$")
# Two-letter field tags (AAP and Dow Jones style): `TI#headline`, `TX#` then the body.
FIELD_TAG = re.compile(r"^(?P<tag>[A-Z]{2})#(?P<value>.*)$")
FIELD_NAMES = {"AN": "accession number", "KN": "feed name", "PD": "publication date", "CO": "company code",
               "SO": "source exchange or issuer", "SF": "source flag", "BY": "byline", "KY": "keywords", "TI": "headline",
               "HL": "headline", "HD": "headline", "AB": "abstract", "TX": "text", "LP": "lead paragraph",
               "DA": "date", "SN": "source name", "SC": "source code", "LA": "language", "RF": "reference",
               "IN": "industry code", "NS": "subject code", "RE": "region code", "IPD": "descriptors"}
TITLE_TAGS, DECK_TAGS, TEXT_TAGS = ("TI", "HL", "HD"), ("AB", "LP"), ("TX",)
DATE_TAGS, BYLINE_TAGS, SOURCE_TAGS = ("PD", "DA"), ("BY",), ("KN", "SN")  # SO#: the exchange or issuer code

# An ANPA selector/service line before the text: `a0105KYODO koko-`, `bsf025 3 ec 121   etf 967`.
ANPA_HEADER = re.compile(r"^(?:[a-z]\d{4}\S*|[a-z]{1,5}\d{3,5})(?:\s+\S+){0,8}\s*$")
# An ANPA slug line: keyword slug, date, word count (`BC-Soccer-Emperor's-Cup   09-12 0344`).
SLUG_LINE = re.compile(r"(?P<slug>[A-Za-z0-9]+(?:-[\w'’.&]+)+)\s+(?P<a>\d{2})-(?P<b>\d{2})\s+(?P<words>\d{3,5})\s*$")
KEYWORD_SLUG = re.compile(r"^[A-Za-z0-9]+(?:-[\w'’.&]+)+(?:,\d{2,5})?$")  # `BC-Harbor-Bridge,0245`: AP adds words

# Version flags a desk puts before a slug or headline, or on a line of their own.
FLAG = r"(?:REFILE|RPT|REPEAT|CORRECTED|CORRECTION|CORRECTS|URGENT|FLASH|BULLETIN|ADVISORY|ALERT|WRITETHRU" \
       r"|UPDATE\s*\d*|(?:\d+(?:ST|ND|RD|TH)\s+)?LEAD|NEW\s+LEAD|WRAPUP\s*\d*|EILT|DRINGEND|URGENTE)"
FLAG_LINE = re.compile(rf"^(?:{FLAG}[\s\-:,]*)+$")
FLAG_PREFIX = re.compile(rf"^(?P<flags>(?:{FLAG})(?:[\s,]*(?:{FLAG}))*)\s*[-:]+\s*(?=\S)")

# Marks at the end of a headline or slug line: `+` (headline continues), `=` (end of line field).
LINE_END_MARK = re.compile(r"\s*(?:\+|=|<)+\s*$")

# The notes after a story: from one of these lines on, nothing is body text.
NOTES_OPENER = re.compile(
    r"^(?:for (?:more|further) (?:information|details)|media (?:contacts?|enquiries|inquiries)|press contacts?"
    r"|contacts?\s*:|notes? to editors?|editor'?s note|about (?:the )?[A-Z]|pour (?:plus d'informations|tout renseignement)"
    r"|contact presse|pressekontakt|kontakt\s*:|hinweis(?:e)? f[üu]r (?:die )?redaktion|contacto(?: de prensa)?\s*:"
    r"|媒体联系|联系人|新闻联络)",
    re.IGNORECASE,
)
# Desk signatures and end marks after the story.
DESK_SIGNATURE = re.compile(
    r"^(?:==+\s*(?P<agency>[A-Za-z][\w .&-]{0,30})"  # ==Kyodo
    r"|\((?P<agency2>[A-Za-z]{2,8})\s*\\?/\s*(?P<desk>[\w ,/\\]{1,20})\)"  # (SDA\/sj), (AFP/xy)
    r"|(?P<agency3>[A-Z]{2,6})\s+(?P<desk3>[a-z]{1,4}(?:/[a-z]{1,4})+)"  # AAP ab/cd
    r")\s*$"
)
END_MARK = re.compile(r"^(?:\(?(?:END|ENDS|MORE|Ends|End|Fin|FIN|Ende|ENDE|完)\)?\.?|-+\s*0\s*-+|#{3}|x{3,}|-\s*30\s*-)$")
REPORTING = re.compile(r"^\(?\s*(?P<label>(?:Additional )?[Rr]eporting|[Ee]diting|[Ww]riting|Compiled)\s+by\s+(?P<names>[^;)]+)")
SOURCE_LINE = re.compile(r"^(?:SOURCE|Source|QUELLE|Quelle)\s*:\s*(?P<value>.{2,80}?)\s*$")

# Transmission timestamps: `KWS-21:37-09-12-18` (desk, time, day, month, year),
# `091223 dec 18` (date-time group: day, hour, minute, month, year), `12-09-18 2137EST`.
STAMP_DESK = re.compile(r"^(?:[A-Z]{2,5}-)?(?P<H>\d{1,2}):(?P<M>\d{2})-(?P<a>\d{2})-(?P<b>\d{2})-(?P<y>\d{2,4})$")
STAMP_DTG = re.compile(r"^(?P<d>\d{2})(?P<H>\d{2})(?P<M>\d{2})\s*(?:[A-Z]{1,4}\s+)?(?P<mon>[A-Za-z]{3})\s+(?P<y>\d{2,4})$")
STAMP_ANPA = re.compile(r"^(?P<a>\d{2})-(?P<b>\d{2})-(?P<y>\d{2,4})\s+(?P<H>\d{2})(?P<M>\d{2})\s*[A-Z]{0,4}$")
STAMP_TIME = re.compile(  # `2146 GMT`, `09:37 EST`: the time a desk filed the story, with its zone
    r"^(?:[01]\d|2[0-3]):?[0-5]\d\s*(?:GMT|UTC|UT|Z|[ECMP][SD]T|BST|CES?T|EES?T|MES?Z|JST|KST|HKT|SGT|AES[DT]|IST)$")
TIME_OF_DAY = re.compile(r"\b(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\b")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 70 else year + 1900 if year < 100 else year


def _day_month(a: int, b: int, hint: tuple[int, int] | None) -> tuple[int, int]:
    """`09-12`: day-month or month-day? The dateline's `Dec. 9` decides; else a part over 12; else ANPA's month first."""
    if hint and (a, b) == hint:
        return a, b
    if hint and (b, a) == hint:
        return b, a
    if a > 12 >= b:
        return a, b
    return b, a


def transmission_stamp(text: str, hint: tuple[int, int] | None = None) -> str | None:
    """The ISO date-time of a transmission timestamp line, or None."""
    text = text.strip()
    if match := STAMP_DESK.match(text):
        day, month = _day_month(int(match["a"]), int(match["b"]), hint)
        return _iso(_year(match["y"]), month, day, match["H"], match["M"])
    if match := STAMP_DTG.match(text):
        month = MONTHS.get(match["mon"].lower())
        return _iso(_year(match["y"]), month, int(match["d"]), match["H"], match["M"]) if month else None
    if match := STAMP_ANPA.match(text):
        day, month = _day_month(int(match["a"]), int(match["b"]), hint)
        return _iso(_year(match["y"]), month, day, match["H"], match["M"])
    return None


def transmission_time(text: str) -> bool:
    """A line that is only a transmission time of day with its zone (`2146 GMT`): no date to read from it."""
    return bool(STAMP_TIME.match(text.strip()))


def field_date(text: str) -> str | None:
    """`06 June 2016 14:00:00` → `2016-06-06T14:00:00`: the date and the time of day when given."""
    found = find_date(text)
    if found and "T" not in found and (time := TIME_OF_DAY.search(text)):
        return _iso(int(found[:4]), int(found[5:7]), int(found[8:10]), time["H"], time["M"], time["S"]) or found
    return found


def month_day(text: str | None) -> tuple[int, int] | None:
    """(day, month) of `Dec. 9` in a dateline."""
    match = re.match(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})", text or "")
    month = MONTHS.get(match["mon"].lower()) if match else None
    return (int(match["d"]), month) if month else None
