"""Paragraph marking, page furniture and headline groups on composed pages.

Every page here is invented for the test, one newspaper convention each: one paragraph
per line, indented paragraphs, column-width wrap with blank lines at column breaks, a
front page with masthead, running heads and an index box, adverts and OCR speckle, and
two headlines read across columns onto one OCR line.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

from converter.pipeline import SourceResult, convert_source
from converter.model import Source
from converter.rules.paragraph_marking import indent_of, measure
from converter.rules.word_splits import Vocabulary, join_pieces


def convert(text: str, kind: str = "ocr-page", name: str = "page.txt") -> SourceResult:
    source = Source(Path(name), name, hashlib.sha256(text.encode()).hexdigest(), text)
    return convert_source(source, None, kind)


def paragraphs(result: SourceResult, title: str) -> list[str]:
    article = next(a for a in result.articles if a.title == title)
    return article.paragraphs()


def reasons(result: SourceResult) -> dict[str, str]:
    return {d.text: d.reason for d in result.dropped}


ONE_PER_LINE = """Harbour Ferry Returns After Repairs
By Ana Ruiz
The harbour ferry returned to service on Monday after six weeks in dry dock.
Engineers replaced both engines and the steering gear.
The first crossing left at seven and carried forty passengers.
Commuters said the detour by road had added an hour to each day.
The operator has promised a timetable for the summer by Friday.
Fares will stay at their old level until the end of the year.
A second boat is due back in service in June.
"""


def test_one_paragraph_per_line_without_blank_lines_keeps_every_paragraph() -> None:
    result = convert(ONE_PER_LINE)
    assert [a.title for a in result.articles] == ["Harbour Ferry Returns After Repairs"]
    body = paragraphs(result, "Harbour Ferry Returns After Repairs")
    assert len(body) == 7
    assert body[1] == "Engineers replaced both engines and the steering gear."
    assert any("paragraph marking: line" in t for t in result.trace)


INDENTED = """School Board Delays Vote on Budget
    The school board put off its vote on the new budget until
next month, after parents filled the hall on Tuesday night and
asked for more time to read the figures.
    Board members said the delay would not affect teachers' pay,
which is set by the state, but could hold up repairs to the
roof of the high school. The roof has leaked since the winter
storms and the repairs are expected to cost a great deal more.
    A public hearing will be held on the third of next month at
the library, and the board will vote the week after that.
    The chairman said he regretted the delay but that parents
deserved to be heard before the board committed the district.
"""


def test_indented_paragraphs_start_at_the_indent_even_after_a_full_line() -> None:
    result = convert(INDENTED)
    body = paragraphs(result, "School Board Delays Vote on Budget")
    assert len(body) == 4
    assert body[1].startswith("Board members said") and body[1].endswith("cost a great deal more.")
    assert "the repairs are expected" in body[1]  # a sentence end inside a paragraph is no paragraph end
    assert any("paragraph marking: indent" in t for t in result.trace)


COLUMN_PARAGRAPHS = [
    "The wing will hold a reading room and space for the local history collection, which has been kept "
    "in the basement since the flood of 1990.",
    "Work is expected to start in April and to cost about two million dollars, most of it from a state grant.",
    "The department has also asked for more shelving and two new staff for the reference desk.",
    "Readers will be able to use the main building while work goes on, and the children's room will "
    "stay open on weekends throughout.",
]


def column_page() -> str:
    """A story set in a narrow column: lines wrapped at 34 characters, no blank line between
    paragraphs, and blank lines where the OCR engine went to the next column, mid-sentence."""
    lines = ["Library Gains New Wing", "The county library will open a", "new wing for its science depart",
             "ment next spring, the trustees", "said on Wednesday."]
    for paragraph in COLUMN_PARAGRAPHS:
        lines += textwrap.wrap(paragraph, width=34)
    cuts = [i for i, line in enumerate(lines) if i > 6 and not line.endswith(".")][1::4]
    for i in reversed(cuts):
        lines.insert(i + 1, "")
    return "\n".join(lines) + "\n"


COLUMNS = column_page()


def test_blank_lines_that_cut_sentences_are_column_breaks_not_paragraphs() -> None:
    result = convert(COLUMNS)
    body = paragraphs(result, "Library Gains New Wing")
    assert "\n\n" in COLUMNS  # the page has column breaks
    assert body[1:] == COLUMN_PARAGRAPHS
    assert len(body) == 5
    assert any("paragraph marking: wrap (blank lines: column" in t for t in result.trace)


def test_a_word_split_at_the_column_edge_is_mended_on_the_file_s_evidence_and_recorded() -> None:
    result = convert(COLUMNS)
    article = result.articles[0]
    assert "science department next spring" in article.paragraphs()[0]
    joins = [j for b in article.body for j in b.meta.get("join_notes", [])]
    assert any("depart|ment → department" in j.get("word", "") for j in joins)
    assert any("depart|ment" in t for t in result.trace)


def test_pieces_join_as_one_word_only_with_evidence() -> None:
    vocabulary = Vocabulary("the department and another department went in to town and to the shop to buy")
    assert join_pieces("science depart", "ment next", vocabulary)[0] == "science department next"
    assert join_pieces("went in", "to town", vocabulary) == ("went in to town", None)  # `to` stands alone often
    assert join_pieces("the well-", "known view", Vocabulary("a well-known man, the well-known view"))[0] \
        == "the well-known view"
    assert join_pieces("bis-", "weilen kam", Vocabulary("bis- weilen"))[0] == "bisweilen kam"
    assert join_pieces("the Port of New-", "York said", vocabulary)[0] == "the Port of New-York said"
    assert join_pieces("北京", "市民", vocabulary) == ("北京市民", None)


FRONT_PAGE = """THE RIVERTON HERALD
Vol. 12, No. 88    Price 10 Cents
RIVERTON, OHIO, TUESDAY, MARCH 3, 1987
INSIDE
Council budget, Page 3
Sports, Page 8
Obituaries, Page 12

Council Approves New Budget

By Mary Jones

The city council approved a budget of four million dollars on Monday night.

Members voted six to one after a debate that lasted three hours.

Page 2

2 TUESDAY, MARCH 3, 1987

Storm Closes Two Schools

Two schools in the north of the county closed on Monday after a storm brought down power lines.

The district said both would open again on Wednesday.
"""


def test_masthead_running_heads_and_index_box_are_dropped_with_reasons_never_titles() -> None:
    result = convert(FRONT_PAGE)
    titles = [a.title for a in result.articles]
    assert titles == ["Council Approves New Budget", "Storm Closes Two Schools"]
    dropped = reasons(result)
    assert dropped["Vol. 12, No. 88 Price 10 Cents"].startswith("masthead line")
    assert dropped["Council budget, Page 3"].startswith("index box")
    assert dropped["INSIDE"] == "index box label"
    assert dropped["Page 2"] == "page marker"
    assert dropped["2 TUESDAY, MARCH 3, 1987"].startswith("running head")
    assert result.issue["date"] == "1987-03-03"
    assert paragraphs(result, "Storm Closes Two Schools")[0].startswith("Two schools in the north")


ADVERTS = """Fire Crews Save Old Mill

Fire crews saved the old mill on River Road on Sunday after a blaze broke out in the

SPRING SALE 30% OFF ALL SOFAS
Call 555-0134 today, offer ends Saturday
.V. ' , ■

store room. No one was hurt, the chief said.

Greatest Spring Water Known.—Advt.

The mill was built in 1880 and is a listed building.
"""


def test_adverts_and_speckle_are_dropped_with_reasons_and_the_cut_paragraph_is_rejoined() -> None:
    result = convert(ADVERTS)
    assert [a.title for a in result.articles] == ["Fire Crews Save Old Mill"]
    body = paragraphs(result, "Fire Crews Save Old Mill")
    assert body == ["Fire crews saved the old mill on River Road on Sunday after a blaze broke out in the "
                    "store room. No one was hurt, the chief said.",
                    "The mill was built in 1880 and is a listed building."]
    dropped = reasons(result)
    assert dropped["Call 555-0134 today, offer ends Saturday"].startswith("advert")
    assert dropped["SPRING SALE 30% OFF ALL SOFAS"].startswith("advert")
    assert dropped[".V. ' , ■"].startswith("OCR noise")
    assert dropped["Greatest Spring Water Known.—Advt."].startswith("advert")


SIDE_BY_SIDE = """MAYOR RESIGNS      FLOOD WATERS RISE
The mayor of Easton resigned on Friday after
eleven years in office, saying that he wished
to spend more time with his family.
His deputy will serve until an election is
called, the council said in a statement.
Rivers across the valley rose again overnight
and several roads were closed to traffic.
"""


def test_two_headlines_on_one_ocr_line_are_reported_not_merged_into_a_title() -> None:
    result = convert(SIDE_BY_SIDE)
    titles = [a.title for a in result.articles]
    assert "MAYOR RESIGNS FLOOD WATERS RISE" not in titles
    assert titles[0] == "MAYOR RESIGNS"
    assert reasons(result)["FLOOD WATERS RISE"].startswith("second headline on the same OCR line")


CAPS_GROUP = """in the tow boats, and will not be decided until the
owners meet again on Monday to hear the men.
STRIKE IN THE HARBOR AVERTED.
OWNERS ACCEPT ARBITRATION.
Tugs Will Run as Usual While
the Talks Go On.
The general tie-up of craft in the harbor
that has been threatened for the last two
days will not take place to-day, the owners
said last night after a long meeting with
the representatives of the engineers at the
office of the association in Broad-st.
"""


def test_a_capitals_headline_group_is_headline_then_decks_and_the_title_case_deck_is_not_body() -> None:
    result = convert(CAPS_GROUP)
    article = next(a for a in result.articles if a.title == "STRIKE IN THE HARBOR AVERTED.")
    assert article.deck == "OWNERS ACCEPT ARBITRATION. — Tugs Will Run as Usual While the Talks Go On."
    assert article.paragraphs()[0].startswith("The general tie-up of craft")
    assert len(article.paragraphs()) == 1


def test_marking_is_measured_not_assumed() -> None:
    def marking(text: str) -> str:
        from converter.model import PARA, Block

        lines = text.split("\n")
        blocks, indents, blank = [], [], True
        for number, line in enumerate(lines, start=1):
            if line.strip():
                blocks.append(Block(PARA, line.strip(), (number, number), meta={"blank_before": blank}))
                indents.append(indent_of(line))
            blank = not line.strip()
        return measure(blocks, indents).mode

    assert marking(ONE_PER_LINE) == "line"
    assert marking(INDENTED) == "indent"
    assert marking(COLUMNS) == "wrap"
    wrapped_with_blanks = "\n\n".join(
        "\n".join(["The council met on Monday evening to hear the views of",
                   "residents about the proposed road and its likely cost to",
                   f"the town, and agreed to meet again in week {n}."]) for n in range(4))
    assert marking(wrapped_with_blanks) == "blank"


def test_every_word_of_a_composed_page_is_in_an_article_or_the_report() -> None:
    for text in (FRONT_PAGE, ADVERTS, SIDE_BY_SIDE, COLUMNS):
        result = convert(text)
        kept = " ".join(p for a in result.articles for p in a.paragraphs())
        kept += " " + " ".join(f"{a.title} {a.deck or ''} {' '.join(a.authors)}" for a in result.articles)
        kept += " " + " ".join(d.text for d in result.dropped)
        for word in text.split():
            piece = word.strip(".,'\"")
            if piece and piece.isalpha() and len(piece) > 3:
                assert piece in kept or piece.lower() in kept.lower(), piece


MARKDOWN_PAGES = """============================================================
PAGE 1
============================================================

THE WEEKLY LEDGER

NEW YORK, MARCH 11, 1897.

Vol. 12, No. 10.

# Petitions Received

The clerk read the counts of petitions received from each town this week.

| Town | Count |
| --- | --- |
| Ashford | 55 |
| Ashford | 55 |
| Bexley | 30 |

## Growing Pains

### Staff Report

The committee will meet again next week to hear the remaining towns.
"""


def test_markdown_pages_keep_tables_the_edition_date_and_markup_levels() -> None:
    result = convert(MARKDOWN_PAGES, kind="pdf-markdown")
    assert result.issue["date"] == "1897-03-11"  # the date line is the edition's, not the paper's name
    dropped = reasons(result)
    assert dropped["THE WEEKLY LEDGER"].startswith("masthead")
    assert not any(text.startswith("|") for text in dropped if "running head" in dropped[text])
    titles = [a.title for a in result.articles]
    assert titles == ["Petitions Received", "Growing Pains"]
    second = result.articles[1]
    assert second.deck == "Staff Report"  # `##` over `###`: the lower level is the deck


def test_a_two_column_line_of_running_text_is_not_two_headlines() -> None:
    from converter.rules.headline_groups import side_by_side

    assert side_by_side("MAYOR RESIGNS      FLOOD WATERS RISE") == ("MAYOR RESIGNS", "FLOOD WATERS RISE")
    assert side_by_side("the council voted to     approve the plan by a") is None
    assert side_by_side("Council Approves New Budget") is None


INTRODUCED_QUOTE = """# Sunday Laws Debated

At the hearing in December the secretary gave the following as the basis of their request:

"Nearly every State has its Sabbath laws, but the national Government has none."

The committee heard evidence from both sides and the growing influence of

Western towns on the question was plain to all who attended.
"""


def test_separated_paragraphs_stay_apart_unless_the_text_stops_without_punctuation() -> None:
    result = convert(INTRODUCED_QUOTE, kind="pdf-markdown")
    body = result.articles[0].paragraphs()
    assert len(body) == 3  # the colon ends a paragraph; `influence of` / `Western towns` is a cut
    assert body[0].endswith("request:")
    assert "the growing influence of Western towns" in body[2]
    joins = [j["rule"] for b in result.articles[0].body for j in b.meta.get("join_notes", [])]
    assert joins == ["repair_breaks: the paragraph stops mid-sentence across nothing between"]


BLANK_PARAGRAPHS = [
    "The council met on Monday evening to hear residents of the eastern wards about the proposed "
    "relief road. The meeting ran late. Several speakers asked for a second public hearing before "
    "any money is committed to the scheme, and the chairman agreed to consider the request.",
    "Officials said the road would cost about four million dollars and would take two years to "
    "build, with most of the money coming from a state transport grant awarded last spring.",
    "A vote is expected next month.",
]
WRAPPED_WITH_BLANKS = "Council Hears Road Plan\n\n" + "\n\n".join(
    "\n".join(textwrap.wrap(p, width=50)) for p in BLANK_PARAGRAPHS) + "\n"


def test_hard_wrap_with_blank_lines_between_paragraphs_joins_only_inside_a_block() -> None:
    result = convert(WRAPPED_WITH_BLANKS, name="wrapped.txt")
    assert result.articles[0].paragraphs() == BLANK_PARAGRAPHS
    assert any("paragraph marking: blank" in t for t in result.trace)


def test_an_edition_line_dates_the_issue_even_with_its_month_garbled_by_ocr() -> None:
    from converter.rules.page_furniture import edition_date

    assert edition_date("NEW-YORK. FRIDAY, MAY 1, 1903.- FOURTEEN PAGES.") == "1903-05-01"
    assert edition_date("NEW- YORK. FRIDAY, 31 AY 1, 1903.- FOURTEEN PAGES.") == "1903-05-01"  # M lost
    assert edition_date("MONDAY, AB 3, 1903") is None  # two letters from two months: no guess
    page = "Mayor Opens Bridge\nThe mayor opened the new bridge on Thursday.\nNEW- YORK. FRIDAY, 31 AY 1, 1903.\n"
    result = convert(page)
    assert result.issue["date"] == "1903-05-01"
    assert reasons(result)["NEW- YORK. FRIDAY, 31 AY 1, 1903."].startswith("running head (the edition")


CABLE_STORY = """RUSSIA WILL STAY.
THE FEELING IN LONDON.
(Special to The Herald by French Cable.)
(Copyright, 1903, by The Herald Association.)
London, May 1.— The discussion in Parliament
yesterday afternoon failed to throw any light
on the question, and the official statements
which were made in both houses by the members
of the Government gave little satisfaction to
those who had hoped for a plain answer on the
matter of the northern provinces and of their
future under the treaty signed last spring.
Spring Water: Spring Water::
Greatest Natural Spring Water Known.—Advt.
"""


def test_bracketed_credits_under_a_headline_and_an_advert_s_label_leave_the_body() -> None:
    result = convert(CABLE_STORY)
    article = next(a for a in result.articles if a.title == "RUSSIA WILL STAY.")
    assert len(article.paragraphs()) == 1
    assert article.dateline.startswith("London, May 1")  # the dateline is metadata; its sentence stays
    assert article.paragraphs()[0].startswith("The discussion in Parliament yesterday")
    assert article.paragraphs()[0].endswith("under the treaty signed last spring.")
    assert article.deck == "THE FEELING IN LONDON."
    dropped = reasons(result)
    assert dropped["(Special to The Herald by French Cable.)"] == "credit line under the headline (bracketed)"
    notice = "Spring Water: Spring Water:: Greatest Natural Spring Water Known.—Advt."
    assert dropped[notice] == "advert (reading notice marked Advt.)"  # the notice with its label, not the story


BROKEN_PAGES = """============================================================
PAGE 1
============================================================

# Sunday Closing Debated

The committee heard the petitions of both sides on Tuesday, and the hall was so full that many stood in the

============================================================
PAGE 2
============================================================

146

WEEKLY LEDGER.

corridors until the evening session began.

## Letters

A reader writes that the meeting ran far too late.

============================================================
PAGE 3
============================================================

147

WEEKLY LEDGER.

The editors reply that the meeting ran as long as the speakers wished.
"""


def test_a_running_head_under_page_breaks_goes_even_with_its_page_number_on_its_own_line() -> None:
    result = convert(BROKEN_PAGES, kind="pdf-markdown")
    first = result.articles[0]
    assert first.paragraphs() == ["The committee heard the petitions of both sides on Tuesday, and the hall was so "
                                  "full that many stood in the corridors until the evening session began."]
    dropped = [d for d in result.dropped if d.text == "WEEKLY LEDGER."]
    assert [d.reason for d in dropped] == ["running head (repeated below page breaks)"] * 2
    assert all("WEEKLY LEDGER" not in p for a in result.articles for p in a.paragraphs())


RULED_ITEMS = """# The Rearmament of Europe.

The governments of Europe are again in a panic of fear about the new guns.

So the struggle goes on, and no nation will lighten its burden.

---

In his inaugural address, the President said that the law must be kept.

No more truthful utterance could have been made.
"""


def test_a_rule_between_items_ends_the_article_and_the_next_item_stands_alone() -> None:
    result = convert(RULED_ITEMS, kind="pdf-markdown")
    assert len(result.articles) == 2
    assert result.articles[0].paragraphs()[-1] == "So the struggle goes on, and no nation will lighten its burden."
    second = result.articles[1]
    assert second.untitled and second.paragraphs()[0].startswith("In his inaugural address")
    assert any("a rule between items ends" in t for t in result.trace)


WRAPPED_BLANK = """Neue Fähre nach Norden

Von Anna Schröder

Eine neue Fähre verbindet ab Mai die Insel mit dem Festland und verkehrt
dreimal am Tag in beiden Richtungen, wie die Reederei am Montag in der
Stadt mitteilte. Die Fahrkarten kosten so viel wie bisher, und Fahrräder
fahren kostenlos mit, solange an Deck genug Platz für alle Reisenden ist.

Der Bürgermeister begrüßte die neue Verbindung und sprach von einem guten
Tag für die Insel, deren Bewohner lange auf eine Fähre gewartet hatten und
nun endlich auch im Winter ohne Umweg über den Hafen der Nachbarstadt zum
Festland gelangen, wo die meisten von ihnen arbeiten oder zur Schule gehen.
"""


def test_blank_lines_after_sentences_are_paragraphs_whatever_stands_over_the_text() -> None:
    # The headline and byline over blank lines end no sentence; they are no evidence that the
    # blank lines of the wrapped text are column breaks.
    result = convert(WRAPPED_BLANK, kind="generic", name="fähre.txt")
    body = paragraphs(result, "Neue Fähre nach Norden")
    assert len(body) == 2 and body[1].startswith("Der Bürgermeister begrüßte")


def test_a_sentence_case_headline_between_one_per_line_paragraphs_opens_a_story() -> None:
    # One paragraph per line, no blank lines, no bylines: the second headline (under a kicker) was
    # read as a sentence of the first story.
    page = (
        "Harbour ferry returns to service after six weeks of repairs\n"
        "The harbour ferry returned to service on Monday after six weeks in dry dock, the operator said in a statement.\n"
        "Engineers replaced both engines and the steering gear, and the first crossing carried forty passengers.\n"
        "Commuters said the detour by road had added an hour to each working day since the ferry was withdrawn.\n"
        "Business\n"
        "Town bakery opens a second shop near the railway station\n"
        "The town bakery opened a second shop on Saturday, in the old ticket hall beside the railway station.\n"
        "The owners said the new shop would open at six each morning to serve commuters on the first trains.\n"
    )
    from converter.detect import detect_kind
    result = convert(page, kind=detect_kind(page))
    titles = [a.title for a in result.articles]
    assert titles == ["Harbour ferry returns to service after six weeks of repairs",
                      "Town bakery opens a second shop near the railway station"]
    assert result.articles[1].section == "Business"
    assert len(paragraphs(result, titles[0])) == 3


def test_a_headline_group_with_no_text_under_it_heads_no_story() -> None:
    # A box set like a headline (two lines, no text under it) between two stories: it was its own
    # empty article. Its words go to the report instead.
    page = ("Harbour Ferry Returns After Repairs\n\nBy Ana Ruiz\n\n"
            "The harbour ferry returned to service on Monday after six weeks in dry dock.\n\n"
            "Engineers replaced both engines and the steering gear, the operator said.\n\n"
            "GARDEN CENTRE — SPRING PLANTS IN STOCK\nHill Road Nurseries  Open Daily\n\n\n"
            "New Bridge Opens to Evening Traffic\n\nBy Tom Hale\n\n"
            "The bridge opened at six in the evening, and the first buses crossed it an hour later.\n")
    result = convert(page)
    assert [a.title for a in result.articles] == ["Harbour Ferry Returns After Repairs",
                                                  "New Bridge Opens to Evening Traffic"]
    assert "no text under it" in reasons(result)["GARDEN CENTRE — SPRING PLANTS IN STOCK"]


def test_a_headline_like_line_between_byline_and_text_is_the_texts_first_line() -> None:
    # A wire story repeats its title under the byline: it was read as a second, empty-headed story.
    page = ("Harbour Ferry Returns After Repairs\n\nBy Ana Ruiz\n\n"
            "Ferry: Harbour Ferry Returns After Six Weeks of Repairs\n\n"
            "The harbour ferry returned to service on Monday after six weeks in dry dock.\n\n"
            "Engineers replaced both engines and the steering gear, the operator said.\n")
    result = convert(page)
    assert [a.title for a in result.articles] == ["Harbour Ferry Returns After Repairs"]
    assert paragraphs(result, "Harbour Ferry Returns After Repairs")[0] == \
        "Ferry: Harbour Ferry Returns After Six Weeks of Repairs"


def test_a_page_label_well_above_the_first_headline_is_still_the_page() -> None:
    # A wider gap under the page label at the head of the page does not part it from the headline
    # group it tops (only gaps below the page's first text part stories).
    page = ("SPORT\n\n\nHarbour Rowing Club Wins the Autumn Regatta\n\nBy Ana Ruiz\n\n"
            "The harbour rowing club won the autumn regatta on Saturday by two lengths.\n\n"
            "Its crew had trained on the river every morning since the summer.\n")
    result = convert(page)
    assert [(a.title, a.page) for a in result.articles] == [("Harbour Rowing Club Wins the Autumn Regatta", "SPORT")]
