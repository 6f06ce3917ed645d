"""Rule: bylines → BYLINE blocks with the names, the role and the agency they credit.

The convention, across papers and languages (word lists in `cues.py`):
- a label and names: `By A & B`, `By A, B and C`, `Von A`, `Par A`, `Por A`; OCR reads `By` as `Bv`;
- a role on the same line (`BOB COHN Senior staff Writer`, `By A, AP Sports Writer`) or on the
  next line (`By A` / `Staff Writer`, `Associated Press`, `Special to The Herald`);
- a wire byline's trailing markers (`By A =`, `By A (Reuters)`): the agency becomes source_agency;
- an agency in place of names (`By Associated Press.`): source_agency, no authors;
- Chinese reporter bylines: `本报记者 张三 李四`, `记者 张三 通讯员 王五`, `文/张三`.

Only a line whose every word after the label is a name word (capitalised, an initial, or a
joiner such as `&`, `and`, `,`) is a byline, so `By June, in London…` stays body text. A line
without a label is a byline only with a role and only next to a headline.
Names in capitals are put in reading case: `LIANG Yilian` → `Liang Yilian`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BYLINE, DROP, HEADING, PARA, Block
from ..state import State
from ..text import CLOSERS, ends_sentence, has_cjk, is_upper_label, per_source_cache, reading_case, title_case_share, word_count
from .cues import (
    BYLINE_LABELS,
    OUR_ROLE,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    SPECIAL_TO,
    ZH_CORRESPONDENT_LABELS,
    ZH_REPORTER_LABELS,
    agency_name,
)
from .find_credit_lines import split_names
from .find_short_lines import FUNCTION_WORDS, is_title_like

LABEL = "|".join(re.escape(label) for label in BYLINE_LABELS)
BY = re.compile(rf"^(?:{LABEL})\s+(?P<names>.+?)[.=\s]*$")
BY_OPENINGS = frozenset(label[0] for label in BYLINE_LABELS)  # BY is case-sensitive: a byline opens with one
# `By ZHANG Wei in Beijing | China Daily`: the place and the paper after the names are not names.
BYLINE_TAIL = re.compile(r"\s*(?:\||—|–)\s*[^|]+$|\s+(?:in|from|reporting from|aus|à|en|desde)\s+[A-Z][\w.' -]+$")
TRAILING_AGENCY = re.compile(r"\s*[,(\[/—–-]\s*(?P<agency>[A-Za-z][A-Za-z /&.-]{1,40}?)\s*[)\]]?\s*$")
JOINERS = {"&", "and", "AND", "und", "et", "y", ",", "de", "van", "von", "der", "da", "di", "del", "bin", "al",
           "la", "le", "du", "dos", "das"}
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-Z]\.|Mc\w+|O'\w+)[,]?$")
ROLE_WORD_SET = set(ROLE_WORDS)
ROLE_JOINERS = {"of", "for", "der", "des", "de", "du", "la", "del", "de la"}  # `Mitarbeiter der Redaktion`
ROLE_ONLY_LABELS = {"From", "De", "DE"}
MAX_HEAD_GROUP = 4  # kicker, headline and up to two deck lines over a byline
SHORT_HEADLINE = 8  # words: a headline printed with a full stop is short
QUALIFIER_SET = set(ROLE_QUALIFIERS)
ZH_LABEL = "|".join(sorted((re.escape(x) for x in ZH_REPORTER_LABELS + ZH_CORRESPONDENT_LABELS), key=len, reverse=True))
ZH_SEGMENT = re.compile(rf"(?P<label>{ZH_LABEL})\s*[:：/／|｜]?\s*(?P<names>[^:：/／|｜]*?)(?=\s*(?:{ZH_LABEL})\s*[:：/／|｜]?|$)")
ZH_NAME = re.compile(r"^[\u4e00-\u9fff·•]{2,6}$")
SHORT_ZH_LABELS = {"文", "撰文", "作者", "采写", "採寫"}  # need a separator (`文/张三`): alone they are words


@dataclass
class Byline:
    names: list[str] = field(default_factory=list)
    role: str = ""
    agency: str | None = None


def _tokens(text: str) -> list[str]:
    return text.replace(",", " , ").replace("&", " & ").split()


def _all_names(tokens: list[str]) -> bool:
    return bool(tokens) and len(tokens) <= 16 and all(t in JOINERS or NAME_WORD.match(t) for t in tokens)


def is_role(text: str) -> bool:
    """`Staff Writer`, `Senior staff Writer`, `Associated Press`, `Special to The Herald`, `AP Sports Writer`."""
    text = text.strip(" ,.;:|/—–-()")
    words = text.split()
    if not words or len(words) > 6 or has_cjk(text):
        return False
    if SPECIAL_TO.match(text) or agency_name(text):
        return True
    last = words[-1].casefold()
    if last not in ROLE_WORD_SET and " ".join(words[-2:]).casefold() not in ROLE_WORD_SET:
        return False
    return all(w.casefold() in QUALIFIER_SET | ROLE_WORD_SET | ROLE_JOINERS or agency_name(w) or w[:1].isupper()
               for w in words[:-1])


def _role_agency(role: str) -> str | None:
    return next((a for w in role.split() if (a := agency_name(w))), None) or agency_name(role)


def _is_desk(words: list[str]) -> bool:
    """`Staff`, `Staff Reporters`: the desk itself, not a person with a role."""
    return all(w.casefold().strip(",") in QUALIFIER_SET | ROLE_WORD_SET for w in words)


def split_role(text: str) -> tuple[str, str]:
    """`BOB COHN Senior staff Writer` → (`BOB COHN`, `Senior staff Writer`); no role: (text, "")."""
    if "," in text:
        head, _, tail = text.rpartition(",")
        if is_role(tail) and head.strip() and not _is_desk(head.split()):
            return head.strip(), tail.strip()
    words = text.split()
    for start in range(1, len(words)):
        if _is_desk(words[:start]):
            continue
        tail = words[start:]
        if is_role(" ".join(tail)) and all(w.casefold() in QUALIFIER_SET | ROLE_WORD_SET or agency_name(w)
                                           for w in tail[:-1]):
            return " ".join(words[:start]), " ".join(tail)
    return text, ""


def is_name_and_role(text: str) -> bool:
    """`BOB COHN Senior staff Writer`, `KAREN MILLS, Staff writer`: two to four name words, then a role
    (the unlabelled byline of many papers). Such a line never runs on in a wrapped paragraph."""
    if len(text) > 80 or not text[:1].isupper() or "," in text.split()[0]:
        return False
    names, role = split_role(text.strip())
    tokens = [t for t in _tokens(names) if t not in JOINERS]
    return bool(role) and 2 <= len(tokens) <= 4 and _all_names(_tokens(names)) \
        and not {t.casefold() for t in tokens} & FUNCTION_WORDS


def is_unlabelled_byline(above: str, line: str) -> bool:
    """`TOM RIVERA Senior staff writer`, or the role line under a bare name (`KAREN MILLS` / `Staff writer`):
    a byline with no label, counted by kind detection. A cheap look at the last word first."""
    if len(line) > 80 or not _mentions_role(line):
        return False
    if is_name_and_role(line):
        return True
    tokens = [t for t in _tokens(above) if t not in JOINERS]
    return is_role(line) and 2 <= len(tokens) <= 4 and _all_names(_tokens(above)) and not read_byline(above) \
        and not {t.casefold() for t in tokens} & FUNCTION_WORDS


def _names(text: str) -> list[str]:
    return [reading_case(n) for n in split_names(text)]


def read_byline(text: str) -> Byline | None:
    """A labelled byline (`By A`, `Von A`, `本报记者 张三`), or None."""
    found = _read_byline(text)
    return None if found is None else Byline(list(found.names), found.role, found.agency)


@per_source_cache
def _read_byline(text: str) -> Byline | None:  # the answer is shared: `read_byline` hands out copies
    first = text[:1]
    if first and first not in BY_OPENINGS and first != ">" and not first.isspace() and not has_cjk(text):
        return None  # no label can open it (most lines): not stripped, not matched
    text = text.strip().lstrip(">").strip()
    if len(text) > 120:
        return None
    if has_cjk(text):
        return read_zh_byline(text)
    match = BY.match(text)
    if not match:
        return None
    names, role = match.group("names").replace("&amp;", "&"), ""
    if our := OUR_ROLE.match(names):  # `Von unserem Korrespondenten Hans Müller`
        names, role = names[our.end():], our.group(0).strip(" ,")
    elif match.group(0).split()[0] in ROLE_ONLY_LABELS:
        return None  # `From Monday…`, `De la ville…`: these labels make a byline only before a role
    names = BYLINE_TAIL.sub("", names).strip(" .=")
    agency = None
    if (tail := TRAILING_AGENCY.search(names)) and agency_name(tail.group("agency")):
        agency, names = agency_name(tail.group("agency")), names[: tail.start()].strip(" ,")
    names, own_role = split_role(names)
    role = role or own_role
    agency = agency or (_role_agency(role) if role else None)
    if agency_name(names):  # `By Associated Press.`: the agency, not a person
        return Byline([], role, agency_name(names))
    if not _all_names(_tokens(names)):
        return None
    return Byline(_names(names), role, agency) if split_names(names) else None


def read_zh_byline(text: str) -> Byline | None:
    """`本报记者 张三 李四`, `（记者 张三 通讯员 王五）`, `文/张三`: names separated by spaces or 、."""
    inner = text.strip("()（）【】[]■●◆▲ ")
    if len(inner) > 40:
        return None
    segments = list(ZH_SEGMENT.finditer(inner))
    if not segments or segments[0].start() != 0 or segments[-1].end() != len(inner):
        return None
    names: list[str] = []
    for segment in segments:
        label, raw = segment.group("label"), segment.group("names").strip()
        if label in SHORT_ZH_LABELS and not re.match(rf"^{re.escape(label)}\s*[:：/／|｜]", segment.group(0)):
            return None
        found = [n for n in re.split(r"[\s、，,]+", raw) if n]
        if not found or not all(ZH_NAME.match(n) for n in found):
            return None
        names += found
    return Byline(names)


def parse_byline(text: str) -> list[str] | None:
    """The names of a labelled byline (None when the line is not one)."""
    byline = _read_byline(text)  # the shared answer: only a copy of its names leaves
    return list(byline.names) or None if byline else None


def _live_neighbours(blocks: list[Block], index: int) -> tuple[Block | None, Block | None]:
    before = next((blocks[i] for i in range(index - 1, -1, -1) if blocks[i].kind != DROP), None)
    after = next((blocks[i] for i in range(index + 1, len(blocks)) if blocks[i].kind != DROP), None)
    return before, after


def _mentions_role(text: str) -> bool:
    """A cheap first look: does the line end in a role word or name an agency or a paper it writes for?"""
    folded = text.casefold().rstrip(" .,")
    words = folded.rsplit(None, 2)[-2:]  # the last two words, without splitting a paragraph through
    return bool(words) and (words[-1] in ROLE_WORD_SET or " ".join(words) in ROLE_WORD_SET
                            or ("special" in folded and "special" in folded.split())
                            or agency_name(" ".join(words)) is not None or agency_name(words[-1]) is not None)


def _unlabelled_byline(blocks: list[Block], index: int) -> Byline | None:
    """`BOB COHN Senior staff Writer`, or `JOHN SMITH` over `Staff Writer`, right under a headline group
    (a headline, or a deck in sentence case when the role stands on a line of its own)."""
    block = blocks[index]
    if len(block.text) > 80 or not block.text[:1].isupper() or has_cjk(block.text):
        return None
    before, after = _live_neighbours(blocks, index)
    if before is None or not (_mentions_role(block.text) or (after is not None and _mentions_role(after.text))):
        return None
    names, role = split_role(block.text.strip())
    under_head = before.kind == HEADING or is_title_like(before.text)
    role_below = after is not None and after.kind in (PARA, HEADING) and is_role(after.text)
    if not under_head and not ((role or role_below) and is_head_line(before.text, adjacent=True)):
        return None  # a name and its role may stand under a deck in sentence case (`… hours` / `KAREN MILLS` / `Staff writer`)
    if not role and after is not None and after.kind in (PARA, HEADING) and is_role(after.text) \
            and not read_byline(after.text):
        names = block.text.strip()
    elif not role:
        return None
    tokens = _tokens(names)
    if not _all_names(tokens) or len([t for t in tokens if t not in JOINERS]) < 2:
        return None
    people = split_names(names)
    if any(len(n.split()) > 4 or {w.casefold() for w in n.split()} & FUNCTION_WORDS for n in people):
        return None  # a headline in Title Case, not a list of names
    return Byline(_names(names), role, _role_agency(role) if role else None)


def _take_role_line(state: State, blocks: list[Block], index: int, byline: Byline) -> None:
    """The role printed on the line under a byline (`Staff Writer`, `Associated Press`) joins it."""
    _, after = _live_neighbours(blocks, index)
    if after is None or after.kind not in (PARA, HEADING) or not is_role(after.text) or read_byline(after.text):
        return
    byline.role = byline.role or after.text.strip()
    byline.agency = byline.agency or _role_agency(after.text)
    state.drop(after, "byline role line (who the byline's writer is; the names are kept as authors)")


def find_bylines(state: State) -> None:
    blocks = state.blocks
    for index, block in enumerate(blocks):
        if block.kind not in (PARA, HEADING):
            continue
        byline = read_byline(block.text) or _unlabelled_byline(blocks, index)
        if byline is None or not (byline.names or byline.agency):
            continue
        block.kind = BYLINE
        _take_role_line(state, blocks, index, byline)
        block.meta.update(names=byline.names, role=byline.role, agency=byline.agency)
        state.note("find_bylines", f"line {block.lines[0]}: {byline.names} {byline.agency or ''}".rstrip())
        if _live_neighbours(blocks, index)[1] is not None:  # a byline closing the text heads nothing
            mark_headline_group_above(state, blocks, index)


def is_head_line(text: str, adjacent: bool) -> bool:
    """Whether a line over a byline or jump-in reads as part of a headline group: short, and no finished
    sentence (a short one is allowed right over the byline, `“Its Uses.”`, and in a stack of decks, each a
    short sentence in Title Case or capitals, `Fanned by High Wind.`; a question always), nor a sentence
    leading into a quotation (`… said:—`)."""
    text = text.rstrip(CLOSERS)
    size = len(text) if has_cjk(text) else word_count(text)
    finished = ends_sentence(text) and not text.endswith(("?", "？"))
    short = SHORT_HEADLINE * (5 if has_cjk(text) else 1)  # characters of Chinese, words otherwise
    if size > LABEL_WORDS and LEAD_IN.search(text):
        return False  # `… the editor of that paper said:—` leads into the text below it, it heads nothing
    stack_unit = size <= short and not has_cjk(text) and (is_upper_label(text) or title_case_share(text) >= 0.75)
    return 0 < size <= (60 if has_cjk(text) else 25) and not (finished and (not (adjacent or stack_unit) or size > short))


LEAD_IN = re.compile(r"[:：][—–-]*$")
LABEL_WORDS = 4  # `Opinion:`, `Letters to the editor:` may end in a colon over a headline


def head_group_above(blocks: list[Block], index: int) -> list[Block]:
    """The blocks of the headline group right above the block at `index` (nearest first)."""
    position, group = index, []
    while len(group) < MAX_HEAD_GROUP:
        position = next((i for i in range(position - 1, -1, -1) if blocks[i].kind != DROP), -1)
        above = blocks[position] if position >= 0 else None
        if above is None or above.kind not in (PARA, HEADING) or above.meta.get("quote") \
                or not is_head_line(above.text, adjacent=not group):
            break
        group.append(above)
    return group


def mark_headline_group_above(state: State, blocks: list[Block], index: int) -> None:
    """A byline (or a jump-in, `From page 1`) opens a story: its headline group stands right above it."""
    for above in head_group_above(blocks, index):
        if above.kind == PARA:
            above.kind = HEADING
            above.meta.setdefault("question", False)
            state.note("headline_group", f"line {above.lines[0]}: over line {blocks[index].lines[0]}, a headline")
