"""The named conventions a composed page is made of, and how a mix picks among them.

A mix fixes some conventions and leaves others to chance: a tuple value means
"one of these, drawn per page (page conventions) or per story (story conventions)".
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Conventions:
    lang: str = "en"
    layout: str = "page"  # single | page | pages | jump_page
    marking: object = "blank"  # see marking.MARKINGS
    stories: object = (2, 3)  # how many articles on a page (inclusive range)
    paragraphs: object = (3, 7)
    # page furniture
    masthead: object = False  # OCR-garbled paper name and volume line
    edition_date: object = False
    running_head: object = False
    page_label: object = False
    index_box: object = False
    misplaced_column: object = False  # OCR put a column's tail of the first story above its headline
    contents_box: object = False  # a contents box over the first story: its label, the page's titles (a front page)
    adverts: object = False  # advert blocks between stories
    advert_section: object = False  # an advert section at the first page's foot: its label, then advert boxes
    speckle: object = False  # OCR noise lines between blocks
    page_marker: object = "rule"  # rule | hash | dashes | form_feed | md_rule | marker
    run_on: object = "none"  # none | gaps | spaces: the page delivered as one line, its lines joined by a space
    #                          and its blocks by two (gaps) or by one too (spaces), as OCR exports do
    # headline group
    caps: object = False
    kicker: object = "none"  # none | above | below
    decks: object = 0
    short_heads: object = False  # a short headline in sentence case over the story's title set as its deck
    stack: object = False  # an older front page's stack: the headline in capitals wrapped over two lines, then
    #                        decks that are short sentences, with rules between the parts
    # story conventions
    byline: object = "none"  # none | by_role_next | by_role_same | several | caps | zh_reporter | de_von
    #                          | name_role_next | name_role_same: the name in capitals, no `By`, its role after it
    dateline: object = "none"  # none | ap | reuters | xinhua | dpa
    caption: object = "none"  # none | glued | caption_credit | credit_caption | slash | photo_colon | name_paper
    #                           | zh | zh_numbered | de
    signoff: object = "none"  # none | additional | source | zh_contrib | zh_end
    crossheads: object = False
    advert_cut: object = False  # an advert cuts a paragraph in two
    jump: object = "none"  # none | out | within | continuations
    ocr: object = False  # character confusions in the running text
    hyphenate: object = False
    column_cut: object = False  # a column end cuts a paragraph: its halves print as two paragraphs
    # PDF→Markdown dress (see markdown.TOOLS): how a PDF-to-Markdown converter prints the page
    markdown: object = "none"  # none | mistral | marker | docling | pymupdf | pdftotext
    boxed_captions: object = False  # caption and credit in layout boxes, printed as a table
    # bytes
    wire_frame: object = False  # transmission header (ZCZC, slug, version flag) and trailer (==AP, NNNN)
    encoding: object = "utf-8"  # utf-8 | utf-8-sig | cp1252 | gb18030 | utf-8-bad
    newline: object = "lf"  # lf | crlf | cr

    def drawn(self, rng: random.Random, names: tuple[str, ...]) -> "Conventions":
        """A copy with the named fields drawn from their choices."""
        changes = {}
        for name in names:
            value = getattr(self, name)
            if isinstance(value, tuple) and not (name in RANGES):
                changes[name] = rng.choice(value)
        return replace(self, **changes)


RANGES = {"stories", "paragraphs"}
STORY_FIELDS = ("caps", "kicker", "decks", "short_heads", "stack", "byline", "dateline", "caption", "crossheads", "advert_cut", "ocr",
                "hyphenate", "signoff", "column_cut")
PAGE_FIELDS = tuple(f.name for f in fields(Conventions) if f.name not in STORY_FIELDS and f.name not in RANGES)


def count(value, rng: random.Random) -> int:
    lo, hi = value if isinstance(value, tuple) else (value, value)
    return rng.randint(lo, hi)


def described(conv: Conventions) -> dict:
    """The drawn conventions as plain JSON values, for the gold file."""
    return {f.name: (list(v) if isinstance(v := getattr(conv, f.name), tuple) else v) for f in fields(conv)}
