"""Rule: byline, jump line and credit blocks of an article move into its metadata.

- the first BYLINE near the top → `authors` (a later one is kept as text)
- `From page 1` → `continued_from`; `Continued on page 3` → `continued_to`
- `Source: Xinhua` → `source_agency`; `Additional reporting by …` → `contributors`;
  `The authors are from BAAI.` → `note`
- a signature closing the article (`A. O. TAIT.`) → `authors` when it has none
"""

from __future__ import annotations

import re

from ..model import BYLINE, CREDIT, DROP, JUMP, PARA, Article
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


def _take(article: Article, block, index: int) -> bool:
    """Move one block's content into the article's metadata; True when it leaves the body."""
    if block.kind == BYLINE and not article.authors and index <= 2:
        article.authors = list(block.meta["names"])
        return True
    if block.kind == BYLINE:
        block.kind = PARA
        return False
    if block.kind == JUMP:
        if block.meta["direction"] == "from" and not article.continued_from:
            article.continued_from = block.meta["page"]
        elif block.meta["direction"] == "to":
            article.continued_to = block.meta["page"]
        return True
    if block.kind == CREDIT:
        field, value = block.meta["field"], block.meta["value"]
        if field == "contributors":
            article.contributors.extend(v for v in value if v not in article.contributors)
        elif not getattr(article, field):
            setattr(article, field, value)
        else:
            block.kind = PARA
            return False
        return True
    return False


def _signature(article: Article) -> None:
    texts = [b for b in article.body if b.kind == PARA]
    if texts and not article.authors and is_signature(texts[-1].text, closes=True) and len(texts) > 1:
        name = texts[-1].text.strip()
        article.authors = [reading_case(name[:-1] if re.search(r"[A-Za-z]{2}\.$", name) else name)]
        texts[-1].meta["used_as"] = "signature"
        article.body.remove(texts[-1])


def attach_metadata(state: State) -> None:
    for article in state.articles:
        kept, position = [], 0
        for block in article.body:
            if block.kind != DROP and _take(article, block, position):
                block.meta["used_as"] = "metadata"
                continue
            if block.kind != DROP:
                position += 1
            kept.append(block)
        article.body = kept
        _signature(article)
