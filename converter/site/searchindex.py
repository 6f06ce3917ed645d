"""Search settings and the search index's last touches for an archive of news articles.

- A `keywords` field per article (boosted below the title): the acronyms the article uses
  (`WHO`, `EU`), its publication and its date, so an acronym is not drowned by the common
  word it spells ("who") and a paper's name finds its articles.
- Result titles without the zero-width spaces Material puts between jieba's segments
  (they end up in copied text and in what screen readers spell out); the segmented
  title moves to the keywords, so Chinese words in titles are still found.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .listing import human_date

# jieba segments Chinese with zero-width spaces; they must separate words too
SEARCH_SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
SEARCH_FIELDS = {"keywords": {"boost": 1e2}}
ZERO_WIDTH = "\u200b"
ACRONYM = re.compile(r"(?<![\w.])([A-Z][A-Z0-9&]{1,5})(?:s|'s|’s)?(?![\w])")
INDEX = Path("search") / "search_index.json"


def acronyms(text: str) -> list[str]:
    """Upper-case words of 2–6 letters (`WHO`, `EU`, `G20`), outside all-capital lines (page headers)."""
    found: dict[str, None] = {}
    for line in text.splitlines():
        letters = [ch for ch in line if ch.isalpha()]
        if letters and sum(ch.isupper() for ch in letters) > 0.6 * len(letters):
            continue
        for match in ACRONYM.finditer(line):
            if any(ch.isalpha() for ch in match.group(1)):
                found.setdefault(match.group(1))
    return list(found)


def search_keywords(meta: dict, markdown: str) -> str:
    """The keywords of one article: acronyms from its title, deck and body, publication, date."""
    text = "\n".join([str(meta.get("title") or ""), str(meta.get("deck") or ""), markdown])
    words = acronyms(text)
    for key in ("publication", "collected_in"):
        if meta.get(key):
            words.append(str(meta[key]))
    if meta.get("date"):
        words.append(human_date(str(meta["date"])))
    return " ".join(words)


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def rewrite_search_index(site_dir: Path, keywords: dict[str, str]) -> None:
    """Add the keywords to each article's first entry and take zero-width spaces out of titles."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    given: set[str] = set()
    for doc in data.get("docs", []):
        page_url = _page_of(str(doc.get("location", "")))
        extra = []
        if page_url in keywords and page_url not in given:
            extra.append(html.escape(keywords[page_url]))  # the index holds HTML text: source words stay text
            given.add(page_url)
        title = str(doc.get("title", ""))
        if ZERO_WIDTH in title:
            extra.append(title)
            doc["title"] = title.replace(ZERO_WIDTH, "")
        if extra:
            doc["keywords"] = " ".join(filter(None, [doc.get("keywords", "")] + extra))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
