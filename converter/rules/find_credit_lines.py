"""Rule: lines that credit rather than tell → CREDIT blocks with a `field`; end marks leave the text.

- `Source: Xinhua`, `Quelle: dpa`, `Fuente: EFE`, `来源：新华社` → source_agency
- a wire credit standing alone: `(AP)`, `— Reuters` → source_agency
- a reprint credit: `据新华社电`, `（据《人民日报》）` → source_agency
- `Additional reporting by A and B`, `Reuters contributed to this report`, `（张三、李四参与采写）` → contributors
- `Avec AFP`, `Con información de EFE`, `(dpa/lnw)` → source_agency
- a wire sign-off `(Reporting by A; Editing by B)` → authors (when the byline gave none)
- `The authors are from BAAI.` / `The writer is a researcher at …` → note
- end marks and editor lines after the text (`（完）`, `【编辑：某某】`, `（责任编辑：某某）`,
  `Editing by B`) are dropped with that reason: they are not the story.
"""

from __future__ import annotations

import re

from ..model import CREDIT, PARA, Block
from ..state import State
from ..text import per_source_cache
from .cues import MONTHS, ZH_CONTRIBUTOR_CUES, ZH_EDITOR_LABELS, ZH_END_MARKS, ZH_REPRINT, agency_name

SOURCE = re.compile(r"^(?:Source|Sources|Wire|Agency|Quelle|Quellen|Fuente|Fuentes|Agence|来源|來源|稿源|消息来源)"
                    r"\s*[:：]\s*(?P<value>[^.:：]{1,60})\.?$")
ADDITIONAL = re.compile(r"^\(?(?:Additional|Further)\s+reporting\s+by\s+(?P<value>.+?)\)?\.?$", re.IGNORECASE)
SIGN_OFF = re.compile(r"^\((?P<parts>(?:[^()]*\bby\b[^()]*))\)\.?$", re.IGNORECASE)
SIGN_OFF_PART = re.compile(r"^(?P<what>reporting|writing|additional reporting|editing|compiled)\s+by\s+(?P<who>.+)$",
                           re.IGNORECASE)
# A reprint credit under a headline: the paper the article is taken from, quoted or in italics,
# with its issue date or a `Reprinted from` label: `“New York Observer,” Jan. 14.`,
# `Reprinted from *The Spectator*`, `Aus der „Kölnischen Zeitung“, 3. März`.
REPRINT = re.compile(
    rf"^(?:(?:Reprinted\s+|Taken\s+)?from\s+(?:the\s+)?|Aus\s+(?:der|dem|den)\s+|D'après\s+(?:le\s+|la\s+)?|Tomado\s+de\s+)?"
    r"[“\"„«*_]\s*(?P<value>[A-ZÄÖÜ][^“”\"„«»*_]{2,40}?)[,.]?\s*[”\"“»*_][,.]?"
    rf"(?P<date>\s*(?:\d{{1,2}}\.?\s+)?(?:{MONTHS})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?)?\.?$")
NOTE = re.compile(
    r"^\*?\(?The\s+(?:authors?|writers?|columnists?|contributors?)\s+(?:is|are|was|were)\s+.{3,200}$"
)
# Names in a list: `A, B and C`, `A & B`, `A und B`, `A et B`, `A y B`, `张三、李四`.
NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and|und|et|y)\s+|,|&| and | und | et | y |、|，)\s*")
ZH_CONTRIBUTORS = re.compile(r"^[(（](?:本报记者|本報記者|记者|記者|实习生|實習生)?\s*(?P<value>[^()（）]{2,30}?)\s*"
                             rf"(?:{'|'.join(ZH_CONTRIBUTOR_CUES)})[)）]$")
ZH_EDITOR_LINE = re.compile(rf"^[(（【\[]?\s*(?:(?:{'|'.join(ZH_EDITOR_LABELS)})\s*[:：]?\s*[\u4e00-\u9fff·]{{2,4}}\s*)+"
                            r"[)）】\]]?$")
ZH_END_MARK = re.compile(rf"^[(（【\[]\s*(?:{'|'.join(ZH_END_MARKS)})\s*[)）】\]]$")
# `Reuters contributed to this report.`, `Jane Doe contributed reporting.` → contributors.
CONTRIBUTED = re.compile(r"^\(?(?P<value>[A-Z][^()]{1,80}?)\s+contributed\s+(?:to\s+)?(?:this\s+)?"
                         r"(?:report|story|article|reporting)\.?\)?$")
# The agency a story draws on, closing it: `Avec AFP`, `Con información de EFE`, `Mit Material von dpa`.
WITH_AGENCY = re.compile(r"^\(?(?:avec|with|con información de|con informaci[oó]n de|mit material von|mit)\s+"
                         r"(?P<agency>[^()]{2,30}?)\)?\.?$", re.IGNORECASE)
PLACE_AFTER_NAME = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")  # `Jane Doe in London`
EDITING = re.compile(r"^\(?(?:Editing|Edited)\s+by\s+[^()]{2,80}\)?\.?$")
DASH_AGENCY = re.compile(r"^(?:[—–-]+\s*|\()(?P<agency>[^()]{2,30})\)?\.?$")


def _agency_with_initials(value: str) -> str | None:
    """`AP`, `dpa/lnw`, `AFP/sda`: an agency credit, perhaps with the desk's initials after a slash."""
    head, _, initials = value.partition("/")
    if initials and len(initials) <= 4 and initials.islower():
        return agency_name(head)
    return agency_name(value)


def split_names(value: str) -> list[str]:
    return [n.strip(" .") for n in NAME_SPLIT.split(value) if n.strip(" .")]


@per_source_cache
def is_credit_line(text: str) -> bool:
    return bool(SOURCE.match(text) or ADDITIONAL.match(text) or NOTE.match(text))


def end_line_reason(text: str) -> str | None:
    """Why an end mark or editor line after the text is not the story (None: it is not one)."""
    text = text.strip()
    if len(text) > 40:
        return None
    if ZH_END_MARK.match(text):
        return "end mark after the text"
    if ZH_EDITOR_LINE.match(text) or EDITING.match(text):
        return "editor line after the text (who edited the story, not part of it)"
    return None


def _sign_off(text: str) -> dict | None:
    """`(Reporting by A and B; Editing by C)` → {"authors": [A, B]}; the editor is reported."""
    match = SIGN_OFF.match(text)
    if not match:
        return None
    values: dict = {}
    for part in match.group("parts").split(";"):
        found = SIGN_OFF_PART.match(part.strip())
        if not found:
            return None
        what = found.group("what").casefold()
        who = [PLACE_AFTER_NAME.sub("", n) for n in split_names(found.group("who"))]
        if what in ("reporting", "writing", "compiled"):
            values.setdefault("authors", []).extend(who)
        elif what == "additional reporting":
            values.setdefault("contributors", []).extend(who)
    return values


def read_credit(text: str) -> tuple[str, object] | None:
    """(field, value) of a credit line, or None."""
    if match := SOURCE.match(text):
        return "source_agency", match.group("value").strip()
    if (match := DASH_AGENCY.match(text)) and (agency := _agency_with_initials(match.group("agency"))):
        return "source_agency", agency
    if (match := WITH_AGENCY.match(text)) and (agency := agency_name(match.group("agency"))):
        return "source_agency", agency
    if match := CONTRIBUTED.match(text):
        return "contributors", split_names(match.group("value"))
    if match := ZH_REPRINT.match(text):
        return "source_agency", match.group("value").strip()
    if (match := REPRINT.match(text)) and (match.group("date") or not text[:1] in "“\"„«*_"):
        return "source_agency", match.group("value").strip()
    if match := ADDITIONAL.match(text):
        return "contributors", split_names(match.group("value"))
    if match := ZH_CONTRIBUTORS.match(text):
        return "contributors", split_names(match.group("value").replace(" ", "、"))
    if (values := _sign_off(text)) is not None:
        return "sign_off", values
    if NOTE.match(text) and len(text.split()) <= 40:
        return "note", text.strip("*_ ")
    return None


END_MARK_TAIL = re.compile(rf"(?<=[。！？”」.!?])\s*(?P<mark>[(（]\s*(?:{'|'.join(ZH_END_MARKS)})\s*[)）])$")


def _split_end_mark(state: State, block: Block) -> Block | None:
    """`…船只陆续返回。（完）`: the end mark run into the last line leaves it, reported."""
    if not block.text.rstrip("\n").endswith((")", "）")):
        return None  # what END_MARK_TAIL needs at the end: not searched through a paragraph without it
    match = END_MARK_TAIL.search(block.text)
    if not match or not block.text[: match.start()].strip():
        return None
    block.text = block.text[: match.start()].rstrip()
    mark = Block(PARA, match.group("mark"), block.lines)
    state.drop(mark, "end mark after the text")
    return mark


def find_credit_lines(state: State) -> None:
    blocks = []
    for block in state.blocks:
        blocks.append(block)
        if block.kind == PARA and (mark := _split_end_mark(state, block)) is not None:
            blocks.append(mark)
    state.blocks = blocks
    for block in state.blocks:
        if block.kind != PARA or len(block.text) > 240:
            continue
        if reason := end_line_reason(block.text):
            state.drop(block, reason)
        elif credit := read_credit(block.text):
            block.kind, block.meta["field"], block.meta["value"] = CREDIT, credit[0], credit[1]
