"""Named thresholds of the page-layout rules (paragraph marking, word splits, page furniture, headlines).

One place to read and tune them; each says which measurement it bounds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkingSettings:
    prose_words: int = 4  # a line with fewer words is a label or heading, not running text
    prose_cjk_chars: int = 12
    min_lines: int = 6  # fewer prose lines than this: too little evidence of wrapping
    width_percentile: float = 0.8  # the wrap width: this share of prose lines is no longer
    full: float = 0.75  # a line this share of the width or longer fills its column
    short_label: float = 0.6  # an open line shorter than this share of the width is a label, not wrapped text
    wrapped_closed: float = 0.45  # wrapped text: at most this share of prose lines end a sentence
    wrapped_full: float = 0.5  # ... and at least this share fill the width
    blank_closed: float = 0.6  # blank lines mark paragraphs when this share of lines before them end a sentence
    min_blank_paragraphs: int = 2
    indent_min: float = 0.03  # share of lines indented for indentation to mark paragraphs
    indent_max: float = 0.6
    indent_closed: float = 0.6  # ... and this share of lines before an indent end a sentence
    min_column_chars: int = 20  # a measured width under this is no column (too few prose lines to tell)
    max_indent: int = 12  # deeper than this past the usual edge is centred text, not a paragraph indent


MARKING = MarkingSettings()


@dataclass(frozen=True)
class FurnitureSettings:
    masthead_lines: int = 20  # a masthead stands within this many lines of the top of a page
    nameplate_lines: int = 2  # the paper's name takes at most this many lines over its folio line
    wrapped_story_lines: int = 6  # this many wrapped lines in a row are a story's text, not masthead notes
    running_words: int = 8  # a running head or label is at most this many words
    furniture_chars: int = 120  # no page marker, label, masthead or running head line is longer
    advt_tail: int = 40  # the Advt. mark closes a notice: only its last characters are looked at
    folio_words: int = 3  # words of four letters or more in a folio line with one numbering cue (`VOLUME 4.`)
    story_paragraph_words: int = 25  # two paragraphs this long over a "folio" are a story's, not a masthead
    contact_chars: int = 120  # a boxed advert's contact line (name, address, phone) runs short


@dataclass(frozen=True)
class SplitSettings:
    common_piece: int = 3  # a second piece seen more often than this alone must be outnumbered by the word
    tail_chars: int = 64  # longer than any word: only this much of a paragraph's end is looked at


@dataclass(frozen=True)
class HeadlineSettings:
    deck_words: int = 18  # a deck under a headline is at most this many words
    deck_lines: int = 2  # ... on at most this many lines
    side_by_side_chars: int = 120  # an OCR line holding two headlines is at most this long


FURNITURE = FurnitureSettings()
SPLITS = SplitSettings()
HEADLINES = HeadlineSettings()
