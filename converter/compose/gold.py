"""The gold of a composed file, read off its construction (never off a converter's output).

What a correct converter must write, as decided here:
- paragraphs: a paragraph cut by a caption, an advert, a column break, a hyphenated line end or a
  jump to another page of the same file is one paragraph; crossheads are headings, not paragraphs;
- starts_with/ends_with: the first/last 8 words (12 characters in Chinese) of the body; a dateline
  (`GENEVA (AP) —`, `新华社北京3月2日电（记者 X）`) is metadata (`dateline`, `source_agency`), so the
  body starts after it;
- a continuation whose start is not in the file is its own article with `continued_from: "1"`,
  titled by its jump head as printed (`also_titles` holds the front-page headline); a jump whose
  continuation is in the same file is one article;
- `section` is the kicker and `authors` the byline names in reading case; both are written even
  when empty (null / []), so an invented kicker or author is caught; `page` is the page label and
  `date` the edition date or running head date, written only when printed;
- figures: the caption without its credit, and the credit's name as printed;
- forbidden: furniture, jump lines, adverts, signoffs and noise no article body may hold.
The roles file numbers lines from 1 and names articles by their index in the gold's `articles`; a page
delivered as one line has all its roles on line 1, numbered by `piece`, each with the `text` it joined. On such a page whose blocks are
joined like its lines (`run_on: spaces`), no paragraph end is printed, so the gold counts no paragraphs.
"""

from __future__ import annotations

from .model import Line, Piece, Story

EDGE_WORDS, EDGE_CHARS = 8, 12


def paragraphs_of(pieces: list[Piece], lang: str) -> list[str]:
    """The article's paragraphs as a correct converter writes them: cut paragraphs whole again."""
    joiner = "" if lang == "zh" else " "
    paras: list[str] = []
    for piece in pieces:
        if piece.kind != "text":
            continue
        if piece.resume and paras and piece.column and paras[-1][-2:-1].isalpha() and paras[-1].endswith("-"):
            paras[-1] = paras[-1][:-1] + piece.text  # a word hyphenated at a column end is whole again
        elif piece.resume and paras:
            paras[-1] += joiner + piece.text
        else:
            paras.append(piece.text)
    return paras


def edge(text: str, lang: str, last: bool) -> str:
    if lang == "zh":
        return text[-EDGE_CHARS:] if last else text[:EDGE_CHARS]
    words = text.split()
    return " ".join(words[-EDGE_WORDS:] if last else words[:EDGE_WORDS])


def printed_pieces(story: Story) -> list[Piece]:
    return story.pieces + story.rest if story.jump == "within" else story.pieces


def story_gold(story: Story, placed: dict, joins: list[str]) -> dict:
    pieces = printed_pieces(story)
    paras = paragraphs_of(pieces, story.lang)
    gold = {k: v for k, v in story.gold.items() if not k.startswith("_")}
    gold.update(placed)
    gold.setdefault("continued_from", None)
    for piece in pieces:
        gold.update(piece.meta)
    gold["figures"] = [p.figure for p in pieces if p.figure]
    heads = [p.text for p in pieces if p.kind == "crosshead"]
    if heads:
        gold["headings"] = heads
    gold["starts_with"] = edge(paras[0], story.lang, last=False)
    gold["ends_with"] = edge(paras[-1], story.lang, last=True)
    gold["paragraphs"] = len(paras)
    gold["joins"] = list(dict.fromkeys(joins))
    return gold


def file_gold(name: str, kind: str, stories: list[Story], layout, composed: dict) -> dict:
    articles = [story_gold(s, layout.placed.get(s.index, {}), layout.joins.get(s.index, [])) for s in stories]
    return {"file": name, "kind": kind, "articles_exhaustive": True, "articles": articles,
            "forbidden": sorted(set(layout.forbidden)), "composed": composed}


def roles_of(lines: list[Line], one_line: bool = False) -> list[dict]:
    """One role per source line; on a page delivered as one line, the roles of the lines it joined, in
    order, all on line 1 (`piece` numbers them)."""
    if one_line:
        return [line.record(1) | {"piece": n, "text": line.text.strip()} for n, line in enumerate(lines, 1)]
    return [line.record(n) for n, line in enumerate(lines, 1) if line.role != "blank"]
