"""Features of a source line and its neighbours, for the line-role labeller (see FEATURES.md).

A page is its non-blank lines in reading order; each gets a dict of string features
(python-crfsuite's item format: `{"name": 1.0}` flags and `"name=value"` flags). Every
feature reads a newspaper convention — shape (case, length, punctuation, indentation),
place (position on the page, blank lines around), cue words from `converter.rules.cues`
(bylines, roles, agencies, credits, jumps, page labels, kickers, datelines in English,
Chinese, German, French, Spanish), and what the rule chain decided for the line
("rules as evidence", `rule=ROLE`). Neighbour features copy a few of these from the lines
before and after, so the sequence model sees a headline group or a byline and its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules.cues import (AGENCIES, BYLINE_LABELS, CREDIT_LABEL, JUMP_FROM_CUES, JUMP_TO_CUES, KICKER_LABELS, MONTHS,
                          PAGE, PAGE_LABELS, PAGE_WORDS, ROLE_WORDS, ZH_CAPTION_OPENERS, ZH_CREDIT_SUFFIXES,
                          ZH_DATELINE_SOURCES, ZH_END_MARKS, ZH_REPORTER_LABELS)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LETTER = re.compile(r"[^\W\d_]")
UPPER = re.compile(r"[A-ZÀ-ÞĀ-ſΑ-ΩА-Я]")
DIGIT = re.compile(r"\d")
WORD = re.compile(r"(?:^|(?<=\s))[^\W\d_]")
CAPITAL_WORD = re.compile(r"(?:^|(?<=\s))[A-ZÀ-ÞĀ-ſΑ-ΩА-Я]")
NOISE = re.compile(r"[^\w\s.,;:'’\"“”()\-–—!?]")
HEAD, TAIL = 120, 60  # cue words are read at a line's head (labels, bylines, datelines) or tail (roles, jumps)
BYLINE_START = re.compile(r"^\W{0,2}(?:%s)\b\.?\s+\S" % "|".join(BYLINE_LABELS))
ROLE_END = re.compile(r"\b(?:%s)\W{0,3}$" % "|".join(re.escape(w) for w in ROLE_WORDS), re.IGNORECASE)
AGENCY_WORD = re.compile(r"\((?:%s)\)|\b(?:%s)\b" % ("|".join(re.escape(a) for a in AGENCIES if a.isascii()),
                                                    "|".join(re.escape(a) for a in ("AP", "Reuters", "AFP", "dpa",
                                                                                     "Kyodo", "Xinhua", "UPI"))),
                         re.IGNORECASE)
CREDIT_START = re.compile(r"^\W{0,2}(?:%s)\b" % CREDIT_LABEL, re.IGNORECASE)
SLASH_CREDIT = re.compile(r"\S/\s?[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)*\W{0,2}$|/\s*(?:staff\s+)?photo", re.IGNORECASE)
JUMP_TO = re.compile(r"(?:%s)\W{0,3}.{0,40}?\b%s\s*%s\W{0,3}$" % (JUMP_TO_CUES, PAGE_WORDS, PAGE), re.IGNORECASE)
JUMP_FROM = re.compile(r"^\W{0,3}(?:%s)\s+%s\s*%s\b" % (JUMP_FROM_CUES, PAGE_WORDS, PAGE), re.IGNORECASE)
ZH_JUMP = re.compile(r"[转轉接]第?[\d一二三四五六七八九十]+版|上接|下转|下轉")
JUMP_HEAD = re.compile(r"^[A-Z][A-Z'’-]{2,20}(?:\s[A-Z'’-]{2,20})?\s?:\s+\S")
DATE_WORDS = re.compile(r"\b(?:%s)\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:%s)\b|\b1[89]\d\d\b|\b20\d\d\b" % (MONTHS, MONTHS),
                        re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
                     r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|"
                     r"martes|miércoles|jueves|viernes|sábado|domingo)\b|星期|周[一二三四五六日]", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^\W*(?:%s\s*%s|%s)\W*$|第[\d一二三四五六七八九十]+版" % (PAGE_WORDS, PAGE, r"\d{1,3}"),
                         re.IGNORECASE)
DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30}(?:,[^—–-]{0,30})?\s*(?:\([^)]{1,20}\))?\s*[—–-]{1,2}\s")
ZH_DATELINE = re.compile(r"^(?:%s).{0,12}?[电電讯訊]" % "|".join(map(re.escape, ZH_DATELINE_SOURCES)))
PRICE = re.compile(r"[$€£¥]\s?\d|\d+\s?(?:%|cents?\b|¢)|\bper cent\b|\bsale\b|\boff\b|\bfree\b", re.IGNORECASE)
PHONE = re.compile(r"\b\d{3}[-.\s]\d{4}\b|\(\d{3}\)\s?\d{3}")
URL = re.compile(r"https?://|www\.|\.com\b", re.IGNORECASE)
WIRE_CODE = re.compile(r"^[\x00-\x1f]|\bNNNN\b|^(?:REFILE|URGENT|\d(?:ST|ND|RD|TH)\s+LEAD)\b|^[A-Z]{1,3}-[A-Z]|"
                       r"^\W*[a-z]\d{4}\b|\b\d{4}\s?(?:GMT|UTC|EST|EDT|AEDT|AEST)\b")
END_PUNCT = {".": "stop", "?": "question", "!": "bang", ":": "colon", ",": "comma", ";": "semi", "-": "hyphen",
             "”": "quote", '"': "quote", "’": "quote", ")": "paren", "。": "stop", "？": "question", "！": "bang",
             "：": "colon", "，": "comma", "”。": "quote", "）": "paren", "】": "paren", "—": "dash"}
NEIGHBOUR_KEYS = ("len", "shape", "end", "rule", "by", "indent", "blank")  # what a line tells its neighbours


@dataclass
class PageLine:
    """A non-blank source line with its 1-based number and the blank lines around it."""

    number: int
    text: str
    blank_before: bool
    blank_after: bool


def page_lines(text: str) -> list[PageLine]:
    """The non-blank lines of a source text (line ends already `\\n`), numbered as the source numbers them."""
    raw = text.split("\n")
    out = []
    for i, line in enumerate(raw):
        if not line.strip():
            continue
        before = i == 0 or not raw[i - 1].strip()
        after = i + 1 >= len(raw) or not raw[i + 1].strip()
        out.append(PageLine(i + 1, line, before, after))
    return out


def bucket(value: float, edges: tuple) -> str:
    """The index of the first edge `value` stays under (so features stay a handful of values)."""
    return str(next((n for n, edge in enumerate(edges) if value < edge), len(edges)))


def count(pattern: re.Pattern, text: str) -> int:
    return pattern.subn("", text)[1]  # counted in C, not char by char


def shape_of(text: str, letters: int, cjk: int) -> str:
    """The line's case shape: caps, title, lower, cjk, digits or other."""
    if not letters:
        return "digits" if DIGIT.search(text) else "symbols"
    if cjk * 2 >= letters:
        return "cjk"
    if count(UPPER, text) >= 0.8 * letters:
        return "caps"
    words = text[:HEAD].split()
    if words and count(CAPITAL_WORD, " ".join(words)) >= 0.7 * count(WORD, " ".join(words)):
        return "title"
    return "lower" if text.lstrip()[:1].islower() else "sentence"


def end_of(text: str) -> str:
    stripped = text.rstrip()
    return END_PUNCT.get(stripped[-2:], END_PUNCT.get(stripped[-1:], "alnum" if stripped[-1:].isalnum() else "other"))


SIGNOFF = re.compile(r"^\W{0,2}(?:additional reporting|reporting by|source:|sources:|editing by|writing by)",
                     re.IGNORECASE)
SHORT = 80  # furniture, labels, bylines and their roles, jump lines are shorter: some cues are read only there


def cue_flags(text: str) -> list[str]:
    """The cue words of the line (converter/rules/cues.py) that fired, read at its head and tail.

    Cues of short lines (running heads, page numbers, roles, wire codes) are looked for only in lines
    under SHORT characters, and cues that need a digit only in lines with one: the same answers as
    looking everywhere for the lines that carry them, at a fraction of the cost on running text."""
    whole = text.strip()
    body, tail = whole[:HEAD], whole[-TAIL:]
    short, digit, cjk = len(whole) < SHORT, DIGIT.search(body) is not None, CJK.search(body) is not None
    lowered = body.casefold()
    folded = " ".join(lowered.split()).strip(".:;,-–— ") if len(whole) < 60 else ""
    tests = (
        ("byline", lambda: BYLINE_START.match(body)), ("role_end", lambda: short and ROLE_END.search(tail)),
        ("zh_reporter", lambda: cjk and (body.startswith(ZH_REPORTER_LABELS) or "记者" in body[:12]
                                         or "記者" in body[:12])),
        ("agency", lambda: AGENCY_WORD.search(body[:60])),
        ("credit", lambda: CREDIT_START.match(body) or ("/" in whole and SLASH_CREDIT.search(tail))),
        ("zh_credit", lambda: cjk and len(whole) < 30 and whole.rstrip("）) ").endswith(ZH_CREDIT_SUFFIXES)),
        ("zh_caption", lambda: cjk and ZH_CAPTION_OPENERS.match(body)),
        ("jump_to", lambda: short and JUMP_TO.search(tail)), ("jump_from", lambda: JUMP_FROM.match(body)),
        ("zh_jump", lambda: cjk and (ZH_JUMP.search(tail) or ZH_JUMP.search(body[:20]))),
        ("jump_head", lambda: JUMP_HEAD.match(body)), ("date", lambda: digit and DATE_WORDS.search(body)),
        ("weekday", lambda: short and WEEKDAY.search(body)), ("page_no", lambda: short and PAGE_NUMBER.search(body)),
        ("page_label", lambda: folded in PAGE_LABELS), ("kicker_label", lambda: folded in KICKER_LABELS),
        ("dateline", lambda: DATELINE.match(body)), ("zh_dateline", lambda: cjk and ZH_DATELINE.match(body)),
        ("price", lambda: (digit or "sale" in lowered or "off" in lowered or "free" in lowered) and PRICE.search(body)),
        ("phone", lambda: digit and PHONE.search(body)),
        ("url", lambda: "http" in lowered or "www." in lowered or ".com" in lowered),
        ("wire_code", lambda: short and WIRE_CODE.search(text[:HEAD])),
        ("zh_end", lambda: cjk and (whole.strip("（）()【】 ") in ZH_END_MARKS or "编辑：" in tail or "編輯：" in tail)),
        ("signoff", lambda: SIGNOFF.match(body)),
    )
    return [name for name, test in tests if test()]


def own_features(line: PageLine, rule_role: str | None) -> dict[str, str]:
    """What one line says about itself, as name → value."""
    text = line.text
    body = text.strip()
    head = body[:HEAD]  # shares are read off the head: a line longer than that is running text anyway
    letters, cjk = count(LETTER, head), count(CJK, head)
    words = head.split()
    length = cjk * 2 + (len(body) - cjk)  # a Chinese character is about two Latin letters wide
    noisy = count(NOISE, head)
    feats = {
        "len": bucket(length, (4, 12, 25, 45, 70, 110)),
        "words": bucket(len(words), (2, 4, 7, 12, 20)),
        "shape": shape_of(head, letters, cjk),
        "end": end_of(body),
        "start": "digit" if body[:1].isdigit() else "quote" if body[:1] in "\"“‘'«(（【[" else
                 "upper" if body[:1].isupper() else "lower" if body[:1].islower() else "cjk" if cjk else "other",
        "indent": bucket(len(text) - len(text.lstrip(" \t\u3000")), (1, 2, 5, 9)),
        "blank": f"{int(line.blank_before)}{int(line.blank_after)}",
        "noisy": bucket(noisy / max(len(head), 1), (0.05, 0.2, 0.4)),
        "digits": bucket(count(DIGIT, head) / max(len(head), 1), (0.01, 0.15, 0.4)),
        "rule": rule_role or "none",
    }
    if letters and 1 < len(words) < 20 and sum(len(w) <= 2 for w in words) >= 0.6 * len(words):
        feats["short_tokens"] = "1"  # speckle: `' ■ . ■`, `i ' i , :`
    for cue in cue_flags(text):
        feats["cue_" + cue] = "1"
    feats["by"] = "1" if "cue_byline" in feats or "cue_zh_reporter" in feats else "0"
    return feats


def page_features(lines: list[PageLine], rule_roles: dict[int, str] | None = None) -> list[dict[str, float]]:
    """One crfsuite item per non-blank line: its own features, its place on the page, its neighbours'."""
    return items_at(lines, rule_roles, range(len(lines)))


def items_at(lines: list[PageLine], rule_roles: dict[int, str] | None, indices,
             own: dict[int, dict[str, str]] | None = None) -> list[dict[str, float]]:
    """The items of the lines at these indices (each exactly as `page_features` makes it), reading only
    the lines they and their neighbours need; `own` keeps each line's own features between calls."""
    rule_roles = rule_roles or {}
    own = {} if own is None else own

    def of(j: int) -> dict[str, str]:
        if j not in own:
            own[j] = own_features(lines[j], rule_roles.get(lines[j].number))
        return own[j]

    total = len(lines)
    items = []
    for i in indices:
        feats = of(i)
        item = {f"{k}={v}": 1.0 for k, v in feats.items()}
        item["bias"] = 1.0
        item[f"pos={bucket(i / max(total, 1), (0.05, 0.2, 0.5, 0.8, 0.95))}"] = 1.0
        if i == 0:
            item["first"] = 1.0
        if i == total - 1:
            item["last"] = 1.0
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < total:
                item[f"{offset:+d}:none"] = 1.0
                continue
            keys = NEIGHBOUR_KEYS if abs(offset) == 1 else ("shape", "rule", "len")
            for key in keys:
                item[f"{offset:+d}:{key}={of(j)[key]}"] = 1.0
        if i > 0:
            item[f"rule_pair={of(i - 1)['rule']}>{feats['rule']}"] = 1.0
            item[f"shape_pair={of(i - 1)['shape']}>{feats['shape']}"] = 1.0
        items.append(item)
    return items
