"""Rule: the dateline before an article's first sentence → `dateline` (and `source_agency`).

The convention: the place a story was filed from, often with the date and the agency, opens
the first paragraph and is set off by a dash or by the agency in brackets:
`GENEVA (AP) — …`, `LONDON, March 3 (Reuters) - …`, `Paris (ats afp) …`, `BERLIN (dpa) – …`,
`SAITAMA, Japan, Dec. 9 Kyodo - …`, `WASHINGTON — …`, `Havana, April 30.— …` (older papers),
`新华社北京3月2日电（记者 张三）…`, `本报讯（记者 张三）…`.
The dateline leaves the paragraph and goes to the front matter; the agency is also the
source_agency; a Chinese dateline's reporter credit gives the authors. The text after it stays
the first sentence of the body. The matcher is rules/datelines.py, shared with the readers.
"""

from __future__ import annotations

from ..model import CROSSHEAD, PARA, Article, Block, Dropped
from ..state import State
from .datelines import Dateline, read_dateline
from .find_bylines import read_zh_byline

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
