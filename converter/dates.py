"""Dates as sources write them → ISO 8601, as precise as the source says."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# Month names of other languages archives commonly hold (German, French), full forms only.
for names in ("januar februar märz april mai juni juli august september oktober november dezember",
              "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"):
    MONTHS.update({m: i for i, m in enumerate(names.split(), start=1)})

NUMERIC = re.compile(
    r"(?<!\d)(?P<y>(?:18|19|20)\d\d)[.\-/年](?P<m>\d{1,2})[.\-/月](?P<d>\d{1,2})日?"
    r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?(?!\d)"
)
WORDY = re.compile(
    r"\b(?P<mon>[^\W\d_]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:18|19|20)\d\d)\b"
    r"|\b(?P<d2>\d{1,2})\.?\s+(?P<mon2>[^\W\d_]{3,9})\.?,?\s+(?P<y2>(?:18|19|20)\d\d)\b"
)


def _iso(y: int, m: int, d: int, hh: str | None = None, mm: str | None = None, ss: str | None = None) -> str | None:
    try:
        date(y, m, d)
    except ValueError:
        return None
    text = f"{y:04d}-{m:02d}-{d:02d}"
    if hh is not None and mm is not None and int(hh) < 24 and int(mm) < 60:
        text += f"T{int(hh):02d}:{mm}" + (f":{ss}" if ss else "")
    return text


def find_date(text: str) -> str | None:
    """The first date in the text as ISO 8601 (date, or date and time)."""
    match = NUMERIC.search(text)
    if match:
        return _iso(int(match["y"]), int(match["m"]), int(match["d"]), match["H"], match["M"], match["S"])
    for match in WORDY.finditer(text):
        month = MONTHS.get((match["mon"] or match["mon2"]).lower().rstrip("."))
        if month:
            return _iso(int(match["y"] or match["y2"]), month, int(match["d"] or match["d2"]))
    return None


def strip_dates(text: str) -> str:
    """The text with every date in it removed."""
    return WORDY.sub("", NUMERIC.sub("", text))


ZONE = re.compile(r"\b(?:[AaPp]\.?[Mm]\.?|UTC|GMT|[A-Z]{2,4}T)\b|[+-]\d{2}:?\d{2}\b")
LABEL = re.compile(r"^\s*[^\W\d_]{1,12}\s*[:：]")


def is_timestamp(text: str) -> bool:
    """A line that is a date or date-time and nothing more (a label such as `Published:` aside)."""
    if find_date(text) is None:
        return False
    rest = ZONE.sub("", WORDY.sub("", NUMERIC.sub("", LABEL.sub("", text, count=1))))
    return not any(c.isalpha() for c in rest) and len(rest.strip()) <= 12


def is_date_line(text: str) -> bool:
    """A line that is mostly a date (a dateline or timestamp, not a sentence with a date in it)."""
    stripped = NUMERIC.sub("", text)
    stripped = WORDY.sub("", stripped)
    return find_date(text) is not None and len(stripped.split()) <= 6 and len(text) <= 80
