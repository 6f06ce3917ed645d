"""Rule: the dateline before an article's first sentence → `dateline` (and `source_agency`).

The convention: the place a story was filed from, often with the date and the agency, opens
the first paragraph and is set off by a dash or by the agency in brackets:
`GENEVA (AP) — …`, `LONDON, March 3 (Reuters) - …`, `Paris (ats afp) …`, `BERLIN (dpa) – …`,
`SAITAMA, Japan, Dec. 9 Kyodo - …`, `WASHINGTON — …`, `Havana, April 30.— …` (older papers),
`新华社北京3月2日电（记者 张三）…`, `本报讯（记者 张三）…`.
The dateline leaves the paragraph and goes to the front matter; the agency is also the
source_agency; a Chinese dateline's reporter credit gives the authors. The text after it stays
the first sentence of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import CROSSHEAD, PARA, Article, Block, Dropped
from ..state import State
from .cues import MONTHS, ZH_DATELINE_SOURCES, agency_name
from .find_bylines import read_zh_byline

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


def _first_text(article: Article) -> Block | None:
    for block in article.body:
        if block.kind == CROSSHEAD:
            return None
        if block.kind == PARA:
            return block
    return None


def _apply(state: State, article: Article, block: Block, found: Dateline) -> None:
    article.dateline = found.text
    if found.agency and (not article.source_agency or article.agency_from_byline):
        article.source_agency, article.agency_from_byline = found.agency, False
    if found.credit:
        byline = read_zh_byline(found.credit)
        if byline and not article.authors:
            article.authors = byline.names
        state.dropped.append(Dropped(state.source.name, block.lines, found.credit,
                                     "reporter credit after the dateline (the names are kept as authors)"))
    if found.rest.strip():
        block.text = found.rest.strip()
    else:
        block.meta["used_as"] = "metadata"
        article.body.remove(block)
    state.note("find_datelines", f"line {block.lines[0]}: dateline {found.text!r}")


def find_datelines(state: State) -> None:
    for article in state.articles:
        block = _first_text(article)
        if block is None or (found := read_dateline(block.text)) is None:
            continue
        if found.bare and not (article.authors or article.source_agency):
            continue  # `WANTED — agents in every town`: an advert's opening, not a place
        _apply(state, article, block, found)
