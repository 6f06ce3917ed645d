"""One preset of rules per kind of source, run in this order on a State."""

from __future__ import annotations

from .rules.attach_metadata import attach_metadata
from .rules.boilerplate import drop_boilerplate_lines
from .rules.clean_titles import clean_titles
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
    read_list_items,
    read_tables,
    unwrap_emphasised_credits,
)
from .rules.place_figures import place_figures
from .rules.read_masthead_date import read_masthead_date
from .rules.repair_breaks import repair_breaks
from .rules.segment_page import segment_page
from .rules.segment_single import segment_single
from .rules.split_lines import split_lines
from .readers.front_matter import read_front_matter
from .readers.markup import read_news_markup
from .readers.wire import read_wire
from .state import Rule

# What every kind does to lines before deciding what they are.
LINE_RULES: list[Rule] = [split_lines, read_front_matter, read_html_figures, drop_shortcodes, decode_entities,
                          remove_tracking_parameters, read_labelled_metadata, read_image_captions, read_image_captions, drop_page_markers, drop_image_placeholders, drop_running_heads,
                          drop_boilerplate_lines, keep_part_lines_apart]
# What a line can be, tested in this order (first match wins).
LINE_KINDS: list[Rule] = [unwrap_emphasised_credits, find_captions, find_jump_lines, find_credit_lines, find_bylines]
# What every kind does to its articles once they exist.
ARTICLE_RULES: list[Rule] = [rank_heading_levels, attach_metadata, find_datelines, join_continuations, place_figures, repair_breaks, clean_titles]

PRESETS: dict[str, list[Rule]] = {
    "ocr-page": LINE_RULES + [read_masthead_date, join_wrapped_lines] + LINE_KINDS + [find_short_lines, segment_page] + ARTICLE_RULES,
    "pdf-markdown": LINE_RULES + [read_masthead_date, read_atx_headings, read_tables, read_blockquotes, read_list_items] + LINE_KINDS
    + [read_bold_crossheads] + [segment_page]
    + ARTICLE_RULES,
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
    "generic": LINE_RULES + [read_masthead_date, join_wrapped_lines, read_atx_headings] + LINE_KINDS + [find_short_lines, segment_page]
    + ARTICLE_RULES,
}
