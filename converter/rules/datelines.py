"""The one dateline matcher: the place (and date, agency) a story was filed from, before its first sentence.

Two readings of the one convention, side by side so they share their word lists (cues.py):
- `read_dateline` (the article rule find_datelines): `GENEVA (AP) — …`, `LONDON, March 3 (Reuters) - …`,
  `BERLIN (dpa) – …`, `WASHINGTON — …`, `Havana, April 30.— …`, `新华社北京3月2日电（记者 张三）…`;
- `dateline_match` (the wire and markup readers, where the story is known to be wire copy): also a bare
  agency with no dash (`SAITAMA, Japan, Dec. 9 Kyodo -`, `Paris (ats afp) Le …`), with the day of the
  dateline for reading the transmission's dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import MONTHS, PLACE_PARTICLES, WIRE_DATELINE_AGENCIES, ZH_DATELINE_SOURCES, agency_name

PLACE_CAPS = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
PLACE = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
REGION = r"(?:,\s*[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})?"
DATE = rf"(?:[,.]?\s*(?:(?i:{MONTHS})\.?\s*\d{{1,2}}|\d{{1,2}}\.?\s*(?i:{MONTHS})\.?)(?:,?\s*\d{{4}})?)?"
DASH = r"\s*\.?\s*(?:—|–|--|-|=)\s*"
BRACKETED = re.compile(rf"^(?P<dateline>(?P<place>{PLACE}){REGION}{DATE}\s*\((?P<agency>[^()]{{2,30}})\))"
                       rf"(?:{DASH}|\s*[.:]\s*|\s+)(?P<rest>\S.*)$", re.DOTALL)
BARE_AGENCY = re.compile(rf"^(?P<dateline>(?P<place>{PLACE_CAPS}){REGION}{DATE}\s+(?P<agency>[A-Z][\w-]+(?: [A-Z][\w-]+)?))"
                         rf"{DASH}(?P<rest>\S.*)$", re.DOTALL)
PLACE_ONLY = re.compile(rf"^(?P<dateline>(?P<place>{PLACE_CAPS}){REGION}{DATE})\.?\s*(?:—|–|--)\s*(?P<rest>\S.*)$",
                        re.DOTALL)
OLD_STYLE = re.compile(rf"^(?P<dateline>(?P<place>{PLACE}){REGION}[.,]\s*(?i:{MONTHS})[^—]{{0,14}}?)\.?\s*—\s*"
                       r"(?P<rest>\S.*)$", re.DOTALL)
ZH_SOURCE = "|".join(sorted((re.escape(s) for s in ZH_DATELINE_SOURCES), key=len, reverse=True))
ZH_DATELINE = re.compile(rf"^(?P<dateline>(?P<agency>{ZH_SOURCE})(?P<place>[\u4e00-\u9fff]{{0,10}}?)"
                         r"(?:\d{1,2}月\d{1,2}日)?(?:专电|電|电|讯|訊))\s*(?P<credit>[(（][^()（）]{2,40}[)）])?\s*"
                         r"(?P<rest>.*)$", re.DOTALL)


@dataclass
class Dateline:
    text: str
    agency: str | None
    rest: str
    credit: str = ""
    bare: bool = False  # a word in capitals and a dash (`WASHINGTON —`): a dateline only in a credited story


def read_dateline(text: str) -> Dateline | None:
    """The dateline opening a paragraph, or None."""
    if match := ZH_DATELINE.match(text):
        agency = match.group("agency")
        own = agency not in ("新华社", "中新社", "中新网") and agency_name(agency) is None
        return Dateline(match.group("dateline"), None if own else agency, match.group("rest"),
                        match.group("credit") or "")
    if (match := BRACKETED.match(text)) and (agency := agency_name(match.group("agency"))):
        return Dateline(match.group("dateline"), agency, match.group("rest"))
    if (match := BARE_AGENCY.match(text)) and (agency := agency_name(match.group("agency"))):
        return Dateline(match.group("dateline"), agency, match.group("rest"))
    for pattern in (PLACE_ONLY, OLD_STYLE):
        if match := pattern.match(text):
            bare = pattern is PLACE_ONLY and match.group("dateline") == match.group("place")
            return Dateline(match.group("dateline").rstrip(" .,"), None, match.group("rest"), bare=bare)
    return None


# A dateline before the first sentence: `SAITAMA, Japan, Dec. 9 Kyodo -`, `Paris (ats afp)`, `LONDON (Reuters) -`.
WIRE_AGENCY = "|".join(re.escape(a) for a in WIRE_DATELINE_AGENCIES)
MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
WIRE_DATELINE = re.compile(
    rf"^(?P<dateline>(?P<place>[A-ZÀ-Þ][\w'’.]*(?:(?:,?\s|-)[\w'’.]+){{0,5}}?)"
    rf"(?:,\s+(?P<day>{MONTH_DAY}))?"
    rf"\s*(?:\((?P<agency>[^()]{{2,30}})\)|\s(?P<agency2>{WIRE_AGENCY})))"
    rf"\s*(?:[-–—_]{{1,2}}|:)?\s+(?=\S)"
)


def dateline_match(text: str) -> re.Match | None:
    """A dateline at the start of a story's first paragraph, or None.

    The place is written in capitals or title case (`SAITAMA, Japan`, `Paris`, `PORT ELLIS`) and the agency in
    brackets is a few words (`(ats afp)`, `(Reuters)`): `Heavy rain forced organisers (the council) -` is a sentence."""
    match = WIRE_DATELINE.match(text)
    if not match:
        return None
    words = [w for w in re.split(r"[\s,]+", match["place"]) if w]
    if not all(w[:1].isupper() or w.lower() in PLACE_PARTICLES for w in words):
        return None
    agency = match["agency"] or match["agency2"] or ""
    return match if len(agency.split()) <= 3 else None
