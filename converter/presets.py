"""One preset of rules per kind of source, run in this order on a State."""

from __future__ import annotations

from .rules.attach_metadata import attach_metadata
from .rules.boilerplate import drop_boilerplate_lines
from .rules.clean_titles import clean_titles
from .rules.columns import drop_contents_box, untangle_columns
from .rules.digest_entries import drop_feed_adverts, segment_entries
from .rules.digest_front import (
    drop_table_of_contents,
    mark_urls,
    read_digest_header,
    read_labelled_metadata,
    read_summaries,
)
from .rules.feed_markup import (
    drop_colophon,
    drop_shortcodes,
    read_image_captions,
    remove_tracking_parameters,
    split_link_items,
    read_html_figures,
    read_yaml_header,
    split_link_lines,
    strip_inline_html,
    unescape_markdown,
)
from .rules.find_bylines import find_bylines
from .rules.find_captions import find_captions
from .rules.find_credit_lines import find_credit_lines
from .rules.find_datelines import find_datelines
from .rules.find_jump_lines import find_jump_lines
from .rules.find_short_lines import find_short_lines
from .rules.heading_levels import rank_heading_levels
from .rules.join_jumps import join_continuations
from .rules.join_wrapped_lines import join_wrapped_lines
from .rules.part_lines import keep_part_lines_apart
from .rules.markup import (
    decode_entities,
    drop_image_placeholders,
    drop_page_markers,
    read_atx_headings,
    read_bold_crossheads,
    drop_running_heads,
    read_blockquotes,
    read_layout_boxes,
    read_list_items,
    read_plain_kickers,
    read_promoted_paragraphs,
    read_tables,
    unwrap_emphasised_credits,
)
from .rules.headline_groups import report_side_by_side_heads
from .rules.adverts import drop_adverts
from .rules.advert_pages import drop_advert_sections
from .rules.page_furniture import drop_page_furniture
from .rules.place_figures import place_figures
from .rules.read_masthead_date import read_masthead_date
from .rules.repair_breaks import repair_breaks
from .rules.run_on_page import drop_run_on_furniture
from .rules.segment_page import segment_page
from .rules.segment_single import segment_single
from .rules.split_lines import split_lines
from .labeller.rule import drop_model_furniture
from .readers.front_matter import read_front_matter
from .readers.markup import read_news_markup
from .readers.wire import read_wire
from .state import Rule

# What every kind does to lines before deciding what they are.
LINE_RULES: list[Rule] = [split_lines, read_front_matter, read_html_figures, drop_shortcodes, decode_entities,
                          remove_tracking_parameters, read_labelled_metadata, read_image_captions, drop_page_markers,
                          drop_image_placeholders, drop_running_heads, drop_boilerplate_lines, keep_part_lines_apart]
# What a line can be, tested in this order (first match wins).
LINE_KINDS: list[Rule] = [unwrap_emphasised_credits, find_captions, find_jump_lines, find_credit_lines, find_bylines]
# What every kind does to its articles once they exist.
ARTICLE_RULES: list[Rule] = [rank_heading_levels, attach_metadata, find_datelines, join_continuations, place_figures, repair_breaks, clean_titles]

PRESETS: dict[str, list[Rule]] = {
    "ocr-page": LINE_RULES + [drop_page_furniture, drop_run_on_furniture, read_masthead_date, drop_contents_box,
                              untangle_columns, report_side_by_side_heads, join_wrapped_lines,
                              drop_adverts, drop_advert_sections] + LINE_KINDS + [find_short_lines, segment_page] + ARTICLE_RULES
    + [drop_model_furniture],
    "pdf-markdown": LINE_RULES + [drop_page_furniture, read_masthead_date, read_atx_headings, read_promoted_paragraphs,
                                  read_plain_kickers, read_layout_boxes, read_tables, read_blockquotes,
                                  read_list_items, join_wrapped_lines, drop_adverts, drop_advert_sections]
    + LINE_KINDS + [read_bold_crossheads] + [segment_page]
    + ARTICLE_RULES + [drop_model_furniture],
    "article": LINE_RULES + [drop_colophon, join_wrapped_lines, read_atx_headings] + LINE_KINDS + [find_short_lines, segment_single]
    + ARTICLE_RULES,
    "digest": [split_lines, read_front_matter, read_yaml_header, read_html_figures, drop_shortcodes, decode_entities,
               remove_tracking_parameters, read_labelled_metadata, read_image_captions, strip_inline_html, unescape_markdown, drop_page_markers,
               drop_running_heads, drop_boilerplate_lines, drop_colophon, drop_image_placeholders, read_atx_headings, read_tables, read_blockquotes, read_list_items,
               split_link_lines, split_link_items,
               mark_urls] + LINE_KINDS
    + [read_digest_header, drop_table_of_contents, read_summaries, drop_feed_adverts, segment_entries]
    + ARTICLE_RULES,
    # Structured sources: the reader finds the stories; captions become figures.
    "wire": [read_wire, place_figures],
    "news-markup": [read_news_markup, place_figures],
    "generic": LINE_RULES + [drop_page_furniture, drop_run_on_furniture, read_masthead_date, drop_contents_box,
                             untangle_columns, report_side_by_side_heads, join_wrapped_lines,
                             drop_adverts, read_atx_headings, drop_advert_sections]
    + LINE_KINDS + [find_short_lines, segment_page]
    + ARTICLE_RULES + [drop_model_furniture],
}


class Ruler:
    """A preset's rules by name, in order, each enabled or not (markdown-it-py's Ruler).

    It edits the preset's list in place, so `PRESETS` stays the one place the order is written:

        ruler("ocr-page").disable(["find_short_lines"])
        ruler("article").before("segment_single", my_rule)
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.disabled: set[str] = set()

    def names(self) -> list[str]:
        return [rule.__name__ for rule in self.rules]

    def _index(self, name: str) -> int:
        try:
            return self.names().index(name)
        except ValueError:
            raise KeyError(f"no rule named {name!r} (rules: {', '.join(self.names())})") from None

    def at(self, name: str, rule: Rule) -> None:
        self.rules[self._index(name)] = rule

    def before(self, name: str, rule: Rule) -> None:
        self.rules.insert(self._index(name), rule)

    def after(self, name: str, rule: Rule) -> None:
        self.rules.insert(self._index(name) + 1, rule)

    def push(self, rule: Rule) -> None:
        self.rules.append(rule)

    def enable(self, names: list[str] | str) -> None:
        for name in [names] if isinstance(names, str) else names:
            self._index(name)
            self.disabled.discard(name)

    def disable(self, names: list[str] | str) -> None:
        for name in [names] if isinstance(names, str) else names:
            self._index(name)
            self.disabled.add(name)

    def active(self) -> list[Rule]:
        if not self.disabled:
            return self.rules
        return [rule for rule in self.rules if rule.__name__ not in self.disabled]


RULERS: dict[str, Ruler] = {}
# Rules in the presets that start disabled: `ruler(kind).enable(name)` turns them on. The line-role model's
# furniture drop raised the composed-page score a little but not the extra gold left one family out, and
# costs time on OCR pages (converter/labeller/FEATURES.md has the figures).
OFF_BY_DEFAULT = frozenset({"drop_model_furniture"})


def ruler(kind: str) -> Ruler:
    """The ruler of a preset (made on first use, so kinds added to PRESETS later have one too)."""
    if kind not in RULERS or RULERS[kind].rules is not PRESETS[kind]:
        RULERS[kind] = Ruler(PRESETS[kind])
        RULERS[kind].disabled |= OFF_BY_DEFAULT & set(RULERS[kind].names())
    return RULERS[kind]
