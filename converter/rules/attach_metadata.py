"""Rule: byline, jump line and credit blocks of an article move into its metadata.

- the BYLINEs at the top → `authors` and, for a wire byline, `source_agency` (a later one is text)
- `From page 1` → `continued_from`; `Continued on page 3`, `See BUDGET, page 6` → `continues_on`
- `Source: Xinhua` → `source_agency`; `Additional reporting by …` → `contributors`;
  `The authors are from BAAI.` → `note`
- a signature closing the article (`A. O. TAIT.`) → `authors` when it has none; a bare name closing
  an article whose byline named the writer → a photo credit (a figure)
"""

from __future__ import annotations

import re

from ..model import BYLINE, CAPTION, CREDIT, DROP, JUMP, PARA, Article
from ..state import State
from ..text import reading_case
from .find_short_lines import FUNCTION_WORDS

SIGNATURE = re.compile(r"^(?:[A-Z]\.\s*){1,3}[A-Z][A-Za-z'’-]+\.?$|^(?:[A-Z]\.\s*){2,4}$")
SIGNED_NAME = re.compile(r"^[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){1,2}\.$")


def is_signature(text: str, closes: bool) -> bool:
    """Initials (`A. O. TAIT.`, `I. W. F.`) sign anywhere; a full name in capitals only where text ends."""
    if SIGNATURE.match(text):
        return True
    return closes and bool(SIGNED_NAME.match(text)) and not set(text.casefold().rstrip(".").split()) & FUNCTION_WORDS


def _take_byline(article: Article, block, index: int, bylines_on_top: bool) -> bool:
    """The bylines at the top (several in a row: `By A` / `By B`) give the authors and the agency;
    so does a reporter credit closing the text (`（记者 张三）` after the last paragraph)."""
    closing = block.meta.get("closing") and not article.authors
    if not closing and (index > 2 or not (bylines_on_top or not article.authors)):
        block.kind = PARA
        return False
    article.authors.extend(n for n in block.meta["names"] if n not in article.authors)
    if block.meta.get("agency") and not article.source_agency:
        article.source_agency = block.meta["agency"]
        article.agency_from_byline = bool(block.meta.get("names")) and bool(block.meta.get("role"))
    return True


def _take_credit(article: Article, block) -> bool:
    field, value = block.meta["field"], block.meta["value"]
    if field == "sign_off":
        if not article.authors:
            article.authors = list(value.get("authors", []))
        article.contributors.extend(v for v in value.get("contributors", []) if v not in article.contributors)
        return True
    if field == "contributors":
        article.contributors.extend(v for v in value if v not in article.contributors)
    elif not getattr(article, field) or (field == "source_agency" and article.agency_from_byline):
        setattr(article, field, value)
        article.agency_from_byline = article.agency_from_byline and field != "source_agency"
    else:
        block.kind = PARA
        return False
    return True


def _take(article: Article, block, index: int, bylines_on_top: bool) -> bool:
    """Move one block's content into the article's metadata; True when it leaves the body."""
    if block.kind == BYLINE:
        return _take_byline(article, block, index, bylines_on_top)
    if block.kind == JUMP:
        if block.meta["direction"] == "from" and not article.continued_from:
            article.continued_from = block.meta["page"]
        elif block.meta["direction"] == "to":
            article.continues_on = article.continues_on or block.meta.get("page")
            article.jump_word = article.jump_word or block.meta.get("slug")
        return True
    if block.kind == CREDIT:
        return _take_credit(article, block)
    return False


SIGNATURE_TAIL = re.compile(r"(?<=[.!?”’\"])\s+(?P<name>(?:[A-Z]\.\s*){1,3}[A-Z][A-Z'’-]+\.|"
                            r"[A-Z][A-Z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’-]+){1,2}\.)$")


def _sign(article: Article, block, name: str) -> None:
    article.authors = [reading_case(name[:-1] if re.search(r"[A-Za-z]{2}\.$", name) else name)]
    block.meta["used_as"] = "signature"


def _signature(article: Article) -> None:
    """A signature closing the article: its own line (perhaps before a filler quote), or run into the last line."""
    texts = [b for b in article.body if b.kind == PARA]
    if not texts or article.authors or len(texts) < 2:
        return
    for block in reversed(texts[-2:]):
        if is_signature(block.text, closes=True) and block is not texts[0]:
            _sign(article, block, block.text.strip())
            article.body.remove(block)
            return
    match = SIGNATURE_TAIL.search(texts[-1].text)
    if match and not set(match.group("name").casefold().rstrip(".").split()) & FUNCTION_WORDS:
        name = match.group("name").strip()
        texts[-1].text = texts[-1].text[: match.start()].rstrip()
        article.authors = [reading_case(name[:-1] if re.search(r"[A-Za-z]{2}\.$", name) else name)]


BARE_NAME = re.compile(r"^[A-Z][A-Za-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'’-]+){1,2}$")


def _stray_credit(state: State, article: Article) -> None:
    """A bare name closing an article whose byline already named the writer is a photographer's credit
    left behind by the layout (`William Kimball` after the last column), not text and not a signature."""
    texts = [b for b in article.body if b.kind == PARA]
    last = texts[-1] if len(texts) > 1 else None
    if last is None or not article.authors or last is not article.body[-1] or not BARE_NAME.match(last.text):
        return
    if set(last.text.casefold().split()) & FUNCTION_WORDS or reading_case(last.text) in article.authors:
        return
    last.kind, last.meta["caption"], last.meta["credit"] = CAPTION, "", last.text.strip()
    state.note("attach_metadata", f"line {last.lines[0]}: bare name after the text -> photo credit")


def attach_metadata(state: State) -> None:
    for article in state.articles:
        kept, position, on_top = [], 0, not article.authors
        live = [b for b in article.body if b.kind != DROP]
        if len(live) > 1 and live[-1].kind == BYLINE:
            live[-1].meta["closing"] = True
        for block in article.body:
            if block.kind != DROP and _take(article, block, position, on_top):
                block.meta["used_as"] = "metadata"
                continue
            if block.kind != DROP:
                position += 1
                on_top = on_top and block.kind in (BYLINE, JUMP, CREDIT, CAPTION)
            kept.append(block)
        article.body = kept
        _signature(article)
        _stray_credit(state, article)
