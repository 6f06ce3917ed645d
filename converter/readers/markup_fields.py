"""Values of markup fields: dates in the forms feeds write them, bylines, caption credits."""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

from ..dates import MONTHS, _iso, find_date
from ..text import reading_case
from .wire_codes import field_date

SOURCED_CREDIT = re.compile(r"^(?P<caption>.*?)[，,\s]*[(（]?(?:图片来自|图片来源|圖片來源|圖片來自|图片提供|圖片提供|图源|圖源"
                            r"|Photo courtesy of|Courtesy of|Image courtesy of)\s*[:：]?\s*(?P<credit>[^()（）]{1,40}?)[)）]?$",
                            re.IGNORECASE)
CREDIT_LABEL = re.compile(r"^(?:Photo|Photograph|Picture|Image|Foto|Bild|Credit|圖|图|攝影|摄影)\s*(?:by|:|：|/)\s*",
                          re.IGNORECASE)
ROLE = re.compile(r"\b(?:reporter|correspondent|writer|editor|staff|columnist|press|news|bureau|contributor"
                  r"|photographer|reuters|associated)\b|记者|記者|通讯员|特约", re.IGNORECASE)
US_DATE = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})$")
# `26-FEB-1987 15:01:01.79`: the day-month-year stamp of VMS and database systems, as Reuters-21578 dates records.
DAY_MON_YEAR = re.compile(r"^(?P<d>\d{1,2})-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?")
COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?")
BY_LABEL = re.compile(r"^\s*(?:by|von|par|por|de|文|记者|記者|撰文)\s*[:：]?\s+", re.IGNORECASE)
NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\band\b|\bund\b|\bet\b|\by\b|、|，)\s*")
# A credit after the caption's last sentence: `…記者會。美聯社`, `… (Photo: AFP)`, `… Photo by Jane Doe`.
TRAILING_CREDIT = re.compile(r"^(?P<caption>.*[。.!?！？」”])\s*(?P<credit>[^。.!?！？\s][^。!?！？]{0,24})$")
LABELLED_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*[(（\[]?(?:Photo|Photograph|Picture|Image|Foto|Bild|Credit|圖|图|攝影|摄影)\s*(?:by|:|：|/)\s*"
    r"(?P<credit>[^()（）\[\]]{1,60})[)）\]]?\s*$", re.IGNORECASE)


def local(tag) -> str:
    """An element's local name, lower case (`nitf:p` → `p`)."""
    return tag.name.lower().split(":")[-1]


def markup_date(text: str) -> str | None:
    """ISO 8601 from `2018-03-20T10:00:00Z`, `20180320T101500Z` (NITF norm), `Tue, 20 Mar 2018 10:00:00 GMT`."""
    text = text.strip()
    if not text:
        return None
    if match := COMPACT.match(text):
        return _iso(int(match["y"]), int(match["m"]), int(match["d"]), match["H"], match["M"], match["S"])
    if re.match(r"^[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        try:
            stamp = parsedate_to_datetime(text)
            return _iso(stamp.year, stamp.month, stamp.day, f"{stamp.hour}", f"{stamp.minute:02d}")
        except (TypeError, ValueError):
            pass
    if (stamp := DAY_MON_YEAR.match(text)) and (month := MONTHS.get(stamp["mon"].lower())):
        return _iso(int(stamp["y"]), month, int(stamp["d"]), stamp["H"], stamp["M"], stamp["S"])
    if us := US_DATE.match(text):  # `03/26/89`, as SGML collections of US papers date stories
        return _iso(_full_year(us["y"]), int(us["m"]), int(us["d"]))
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?", text)
    if iso:
        y, m, d = (int(x) for x in iso.group(1).split("-"))
        return _iso(y, m, d, iso.group(2), iso.group(3), iso.group(4))
    return field_date(text) or find_date(text)


def _full_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else year + (2000 if year < 50 else 1900)


def names_of(byline: str) -> list[str]:
    """`By Jane Doe and John Roe` → [Jane Doe, John Roe]; a role after a comma stays out of the names."""
    text = BY_LABEL.sub("", " ".join(byline.split()))
    names = [reading_case(n.strip(" .")) for n in NAME_SPLIT.split(text) if n.strip(" .")]
    return [n for n in names if not ROLE.search(n)] or names


def credit_split(caption: str) -> tuple[str, str]:
    """(caption, credit): a labelled credit, or a short name after the caption's last sentence."""
    if match := SOURCED_CREDIT.match(caption):
        return match["caption"].strip(" ，,"), match["credit"].strip()
    if match := LABELLED_CREDIT.match(caption):
        return match["caption"].strip(), match["credit"].strip()
    if match := TRAILING_CREDIT.match(caption):
        credit = match["credit"].strip()
        if len(credit.split()) <= 4 and not credit.endswith((",", "，")):
            return match["caption"].strip(), credit
    return caption, ""


def figure_parts(html_text: str) -> tuple[str, str]:
    """(caption, credit) of an HTML `<figure>`: `<figcaption>`, its `<cite>`/`<small>`/`.credit` or trailing credit."""
    import warnings

    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html_text, "html.parser")
    caption = soup.find("figcaption")
    if caption is None:
        return "", ""
    credit = caption.find(lambda t: t.name in ("cite", "small") or "credit" in " ".join(t.get("class") or []))
    credit_text = " ".join(credit.get_text(" ").split()) if credit is not None else ""
    if credit is not None:
        credit.extract()
    text = " ".join(caption.get_text(" ").split())
    if credit_text:
        return text, CREDIT_LABEL.sub("", credit_text)
    return credit_split(text)


def label_left(text: str, caption: str, credit: str) -> str:
    """What a caption line holds besides its caption and credit (`Photo:`, `图片来自`): reported, not lost."""
    rest = text.replace(caption, " ", 1) if caption else text
    rest = rest.replace(credit, " ", 1) if credit else rest
    return " ".join(rest.split()) if re.search(r"\w", rest) else ""
