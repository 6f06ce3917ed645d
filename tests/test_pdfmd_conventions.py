"""Conventions of PDF→Markdown dumps and feed articles, each on the smallest input that shows it."""

from __future__ import annotations

from converter.model import DROP, PARA, Block
from converter.rules.repair_breaks import repair_blocks


def _para(text: str, line: int) -> Block:
    return Block(PARA, text, (line, line))


def _dropped(text: str, line: int) -> Block:
    return Block(DROP, text, (line, line), meta={"reason": "advert label"})


def test_a_cut_paragraph_is_rejoined_once_not_with_every_paragraph_after_it() -> None:
    body = repair_blocks([_para("The council met and voted to close the", 1), _dropped("Advertisement", 2),
                          _para("Bridge Street depot; the mayor abstained;", 3), _para("Buses will run.", 4),
                          _para("Trams will not.", 5)])
    paras = [b.text for b in body if b.kind == PARA]
    assert paras[0] == "The council met and voted to close the Bridge Street depot; the mayor abstained;"
    assert paras[1:] == ["Buses will run.", "Trams will not."]


def test_a_colon_leads_in_a_list_even_across_a_dropped_line() -> None:
    body = repair_blocks([_para("即将离任的国务卿在声明中指称，具体包括：", 1), _dropped("Advertisement", 2),
                          _para("至少从2017年3月始，当局升级了压制行为；", 3), _para("采取一系列政策；", 4),
                          _para("对妇女采取强迫措施。", 5)])
    assert len([b for b in body if b.kind == PARA]) == 4
    body = repair_blocks([_para("The statement lists three charges:", 1), _dropped("Advertisement", 2),
                          _para("Forced labour in the camps;", 3)])
    assert len([b for b in body if b.kind == PARA]) == 2


def test_a_lower_case_continuation_still_goes_on_after_a_colon() -> None:
    body = repair_blocks([_para("The rates are as follows:", 1), _dropped("Advertisement", 2),
                          _para("three cents a copy.", 3)])
    assert [b.text for b in body if b.kind == PARA] == ["The rates are as follows: three cents a copy."]


def _convert(tmp_path, text: str) -> list[str]:
    from converter.api import convert_to

    src = tmp_path / "src"
    src.mkdir()
    (src / "page.md").write_text(text, encoding="utf-8")
    convert_to([src], tmp_path / "out", kind="pdf-markdown")
    return [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").rglob("*.md"))
            if p.name != "conversion-report.md"]


PAGE = """# Harbour Bridge to Close for Repairs

By Jane Doe, Staff Writer

The harbour bridge will close for six weeks from Monday while engineers replace the worn deck plates and
the council said traffic would be sent through the tunnel.

<!-- image -->

| Engineers inspect the deck of the harbour bridge on Friday. |
|-------------------------------------------------------------|
| Staff photo by Tom Reyes |

Ferries will run every ten minutes during the closure, the operator said.

## Library Opens a New Wing

The town library opened its new reading wing on Saturday with a ceremony attended by two hundred people.
"""


def test_a_caption_boxed_as_a_table_is_a_figure_and_the_image_comment_is_dropped(tmp_path) -> None:
    docs = _convert(tmp_path, PAGE)
    assert len(docs) == 2
    bridge = next(d for d in docs if "title: Harbour Bridge" in d)
    front, body = bridge.split("---\n", 2)[1:]
    assert "caption: Engineers inspect the deck of the harbour bridge on Friday." in front
    assert "credit: Tom Reyes" in front
    assert "<!-- image -->" not in body and "|---" not in body and "| Engineers" not in body
    texts = [b for b in body.strip().split("\n\n") if not b.startswith("<figure")]
    assert len(texts) == 2 and texts[1].startswith("Ferries will run")


def test_a_short_sentence_case_heading_inside_a_story_is_a_crosshead_not_a_story(tmp_path) -> None:
    page = """# Council Votes to Close the Depot

The council voted on Tuesday to close the Bridge Street depot at the end of the year.

### What comes next

Buses will be moved to the new garage on the ring road, the council said.

## Ferry Fares Rise for Second Year

Ferry fares will rise by four per cent from April, the operator announced.
"""
    docs = _convert(tmp_path, page)
    assert len(docs) == 2
    council = next(d for d in docs if "title: Council Votes" in d)
    assert "## What comes next" in council and "Buses will be moved" in council


def test_a_capitals_heading_after_a_lead_in_is_a_crosshead(tmp_path) -> None:
    page = """## A Protest Against the Bill

The protest sets out its grounds at length, and the basis of its objection is next referred to:—

## BASIS OF THE OBJECTION.

The fourth article, which is almost universally acknowledged, reads as printed above.

## The Rearmament of Europe.

The European governments are again in a panic of fear.
"""
    docs = _convert(tmp_path, page)
    assert len(docs) == 2
    protest = next(d for d in docs if "title: A Protest" in d)
    assert "BASIS OF THE OBJECTION." in protest and "The fourth article" in protest


def test_a_dated_running_head_dates_the_issue_and_a_plain_kicker_joins_the_headline_group(tmp_path) -> None:
    page = """=====
PAGE 1
=====

4  TUESDAY, MARCH 3, 1987

# Council Votes to Close the Depot

The council voted on Tuesday to close the Bridge Street depot at the end of the year.

=====
PAGE 2
=====

5  TUESDAY, MARCH 3, 1987

Opinion

# A Depot Worth Keeping

The depot has served the town for ninety years and deserves better than a vote at midnight.
"""
    docs = _convert(tmp_path, page)
    assert len(docs) == 2
    assert all("date: '1987-03-03'" in d for d in docs)
    opinion = next(d for d in docs if "title: A Depot Worth Keeping" in d)
    assert "section: Opinion" in opinion
    council = next(d for d in docs if "title: Council Votes" in d)
    assert "Opinion" not in council


def test_a_capitals_name_signs_off_a_story_and_the_unheaded_text_below_is_a_filler(tmp_path) -> None:
    page = """## What Is the Politics of the Movement?

I have presented the petitions in opposition to the bill to the committee of the House.

The matter did not come up the second time, and the bill died with the session.

## WILLIAM COVERT.

America well says that the new university will probably prove a school of politics.
"""
    docs = _convert(tmp_path, page)
    story = next(d for d in docs if "title: What Is the Politics" in d)
    assert "- William Covert" in story.split("---\n")[1]
    assert "America well says" not in story and "COVERT" not in story.split("---\n", 2)[2]
    assert any("America well says" in d for d in docs if d is not story)


def test_initials_sign_a_story_off_before_a_filler_quote(tmp_path) -> None:
    page = """# Why the People Stay Away.

Not one in a dozen of the people who stay away is kept away by work, the reporters found.

A. T. J.

“God is a spirit; and they that worship him must worship him in spirit, and in truth.”

# Heartless Double Dealing.

THE secretary of the association has been holding forth in Cincinnati again this week.
"""
    docs = _convert(tmp_path, page)
    story = next(d for d in docs if "title: Why the People" in d)
    assert "- A. T. J." in story.split("---\n")[1]
    assert "God is a spirit" not in story
    assert any("God is a spirit" in d for d in docs)


def test_a_reprint_credit_under_the_headline_names_the_source_and_leaves_the_text(tmp_path) -> None:
    page = """## The Rearmament of Europe.

“New York Observer,” Jan. 14.

The European governments are again in a panic of fear, or are simulating fear.

## The Penance of Lent.

A New York daily refers to Lent as a season of penance for the fashionable world.
"""
    docs = _convert(tmp_path, page)
    europe = next(d for d in docs if "title: The Rearmament of Europe." in d)
    front, body = europe.split("---\n", 2)[1:]
    assert "source_agency: New York Observer" in front
    assert body.strip().startswith("The European governments")


def test_a_docling_page_with_a_capitals_label_on_top_is_read_as_pdf_markdown() -> None:
    from converter.detect import detect_kind

    page = ("## SCIENCE\n\n<!-- image -->\n\n## Clear Voice\n\n## Scientists grow brain cells in mice\n\n"
            "By Ruth Kaplan\n\nStaff Writer\n\nChinese scientists have found a way to turn stem cells into neurons.\n\n"
            "## Ferry fares rise again\n\nBy Tom Reyes\n\nFerry fares will rise by four per cent from April.\n")
    assert detect_kind(page) == "pdf-markdown"


def test_a_bulleted_byline_is_a_byline_not_a_list_item(tmp_path) -> None:
    page = """# Harbour Bridge to Close for Repairs

- By Jane Doe, Staff Writer

The harbour bridge will close for six weeks from Monday while engineers replace the deck.

- Bread, milk and eggs will be shipped by ferry.
- The tunnel toll is waived.

## Library Opens a New Wing

The town library opened its new reading wing on Saturday.
"""
    docs = _convert(tmp_path, page)
    bridge = next(d for d in docs if "title: Harbour Bridge" in d)
    front, body = bridge.split("---\n", 2)[1:]
    assert "- Jane Doe" in front and "Jane Doe" not in body
    assert "The tunnel toll is waived." in body


def test_a_title_case_heading_after_a_signature_heads_the_next_story(tmp_path) -> None:
    page = """# Sunday Laws Before the Legislature.

Those in favour said the law would protect the day of rest for working men.

## JOHN MILLER.

# Notes from the Field

Our correspondent writes that meetings were held in three towns this week.
"""
    docs = _convert(tmp_path, page)
    assert len(docs) == 2 and any("title: Notes from the Field" in d for d in docs)


def _front_and_body(doc: str) -> tuple[str, str]:
    front, body = doc.split("---\n", 2)[1:]
    return front, body


DOCLING_PAGE = """## Ferry Crews Walk Out

## Unions say the pay offer ignores two years of rising prices

By Ines Moreau

Harbour Reporter

Ferry crews walked off the job at dawn on Tuesday, leaving commuters on both banks to find other routes.

<!-- image -->

| Commuters queue for buses at the north terminal. |
|---------------------------------------------------|
| Photo: Lena Fischer |

The operator said it would meet the union again on Thursday.

## Analysis

## Why the tunnel toll keeps rising

By Omar Haddad

The toll on the harbour tunnel has risen in each of the past five years, and the authority gives three reasons.

## Market Hall to Reopen in Spring

By Ines Moreau

The market hall, closed since the flood, will reopen in March with forty stalls.
"""


def test_a_docling_page_of_stories_with_bylines_is_read_as_pdf_markdown_not_as_generic() -> None:
    """A PDF→Markdown file is a laid-out page printed with markup: its bylines and headline groups
    are page evidence, and they must not outvote the markup that says which tool printed it."""
    from converter.detect import choose_kind

    page = ("## Ferry Crews Walk Out\n\nBy Ines Moreau\n\nFerry crews walked off the job at dawn on Tuesday.\n\n"
            "<!-- image -->\n\nThe operator said it would meet the union again on Thursday.\n\n"
            "## Market Hall to Reopen in Spring\n\nBy Omar Haddad\n\nThe market hall will reopen in March.\n\n"
            "## Tunnel Toll Rises Again\n\nBy Lena Fischer\n\nThe toll has risen in each of the past five years.\n")
    for text in (page, DOCLING_PAGE):
        choice = choose_kind(text)
        assert choice.kind == "pdf-markdown", choice.summary()


def test_a_short_headline_over_a_longer_deck_is_the_title_and_a_label_over_a_headline_is_the_kicker(tmp_path) -> None:
    docs = _convert(tmp_path, DOCLING_PAGE)
    titles = sorted(line for d in docs for line in d.splitlines() if line.startswith("title:"))
    assert titles == ["title: Ferry Crews Walk Out", "title: Market Hall to Reopen in Spring",
                      "title: Why the tunnel toll keeps rising"]
    ferry = next(d for d in docs if "title: Ferry Crews Walk Out" in d)
    front, body = _front_and_body(ferry)
    assert "deck: Unions say the pay offer ignores two years of rising prices" in front
    assert body.strip().startswith("Ferry crews walked off the job")
    toll = next(d for d in docs if "title: Why the tunnel toll" in d)
    assert "section: Analysis" in toll


BOLD_HEADLINE_PAGE = """**Ferry Crews Walk Out as Talks on Pay Break Down Again**

Ferry crews walked off the job at dawn on Tuesday, leaving commuters on both banks to find other routes.

The operator said it would meet the union again on Thursday.

**What happens next**

Buses will run every ten minutes from both terminals until the crews return.

**Market Hall to Reopen in Spring**

By Ines Moreau

The market hall, closed since the flood, will reopen in March with forty stalls.
"""


def test_a_bold_line_above_the_first_text_or_over_a_byline_is_a_headline_and_elsewhere_a_crosshead(tmp_path) -> None:
    """pymupdf4llm and pdftotext print a headline set in bold type as `**…**`, as they print a bold
    crosshead: the first line of the page, and a bold line over a byline, open stories."""
    docs = _convert(tmp_path, BOLD_HEADLINE_PAGE)
    assert len(docs) == 2
    ferry = next(d for d in docs if "title: Ferry Crews Walk Out" in d)
    front, body = _front_and_body(ferry)
    assert "What happens next" in body and "Buses will run every ten minutes" in body
    assert body.strip().startswith("Ferry crews walked off the job")
    market = next(d for d in docs if "title: Market Hall to Reopen in Spring" in d)
    assert "Ines Moreau" in _front_and_body(market)[0]


ADVERT_PAGE = """============================================================
PAGE 1
============================================================

# Harbour Bridge to Close for Repairs

The harbour bridge will close for six weeks from Monday while engineers replace the worn deck plates.

Advertisement

Ferries will run every ten minutes during the closure, the operator said.

============================================================
PAGE 2
============================================================

# CLASSIFIED ADVERTISING

# Riverside Motors

Used cars of every make, fully serviced, with a year's warranty on each.

# Piano Lessons

Beginners and advanced pupils taught at home by a qualified teacher.

============================================================
PAGE 3
============================================================

# Library Opens a New Wing

The town library opened its new reading wing on Saturday with a ceremony.
"""


def test_an_advert_section_label_drops_the_boxes_under_it_to_the_page_break_and_the_slot_label_does_not(tmp_path) -> None:
    """`CLASSIFIED ADVERTISING` (`Advertisements.`, `Anzeigen`) heads a page of advert boxes, each
    printed as a headline group: none is a story. A lone `Advertisement` slot inside a story is not
    a section: the story's text goes on under it. The next page brings stories again."""
    docs = _convert(tmp_path, ADVERT_PAGE)
    titles = sorted(line for d in docs for line in d.splitlines() if line.startswith("title:"))
    assert titles == ["title: Harbour Bridge to Close for Repairs", "title: Library Opens a New Wing"]
    bridge = next(d for d in docs if "title: Harbour Bridge" in d)
    assert "Ferries will run every ten minutes" in bridge
    report = (tmp_path / "out" / "conversion-report.md").read_text(encoding="utf-8")
    assert "advert section" in report


MASTHEAD_PAGE = """# THE HARBOUR GAZETTE

Vol. 7, No. 22.

Single Copy, 5 cents.

(Entered at the Post Office at Port Ellis as second-class matter.)

# Harbour Bridge to Close for Repairs

The harbour bridge will close for six weeks from Monday while engineers replace the worn deck plates.

# Library Opens a New Wing

The town library opened its new reading wing on Saturday. Entry is free, and it cost the town 5 cents a head.
"""


def test_a_price_box_and_a_postal_entry_notice_are_masthead_furniture_not_text(tmp_path) -> None:
    docs = _convert(tmp_path, MASTHEAD_PAGE)
    text = "\n".join(docs)
    assert "Single Copy" not in text and "second-class matter" not in text
    assert "it cost the town 5 cents a head." in text  # a sentence naming a price is text
    report = (tmp_path / "out" / "conversion-report.md").read_text(encoding="utf-8")
    assert "postal entry" in report


JUMP_PAGES = """============================================================
PAGE 1
============================================================

# Council Approves Harbour Budget

By Jane Doe

The council approved the harbour budget on Tuesday after a long debate about the cost of dredging the channel.

Councillors said the cost would be met from the port's reserves and from higher mooring fees, which rise in

### Continued on page 3

# Library Opens a New Wing

The town library opened its new reading wing on Saturday with a ceremony attended by two hundred people.

============================================================
PAGE 2
============================================================

# School Term Starts Early

Pupils return on Monday, a week earlier than last year, the education board said.

============================================================
PAGE 3
============================================================

## HARBOUR

## From page 1

April. The mooring fees will rise by four per cent, and the reserves will fall to their lowest level in a decade.

# Ferry Fares Rise Again

Ferry fares will rise by four per cent from April, the operator said.
"""


def test_a_story_jumping_to_a_later_page_of_the_same_file_is_joined_by_its_page_numbers(tmp_path) -> None:
    """`Continued on page 3` on page 1 and, on page 3, a jump head with `From page 1`: one story, even
    when the jump word (`HARBOUR`) is not printed in the jump-out and no page label names the pages —
    a PDF→Markdown file numbers its pages by separators. The cut sentence goes on across the jump."""
    docs = _convert(tmp_path, JUMP_PAGES)
    titles = sorted(line for d in docs for line in d.splitlines() if line.startswith("title:"))
    assert titles == ["title: Council Approves Harbour Budget", "title: Ferry Fares Rise Again",
                      "title: Library Opens a New Wing", "title: School Term Starts Early"]
    budget = next(d for d in docs if "title: Council Approves" in d)
    assert "mooring fees, which rise in April. The mooring fees will rise by four per cent" in budget
    assert "continued_from" not in budget


def test_a_paragraph_marked_as_a_heading_under_running_text_is_text_and_a_long_deck_stays_a_deck(tmp_path) -> None:
    """Tools mark lines by type size: a paragraph set larger comes out as `## …`. Under running text it
    is running text (no story of its own); right under a headline it is the deck, however long."""
    page = ("# Council Approves Harbour Budget\n\n"
            "## Dredging will be paid for from the port's reserves and from higher mooring fees, the council "
            "decided after a debate that ran past midnight and split both of its main parties down the middle.\n\n"
            "By Jane Doe\n\nThe council approved the harbour budget on Tuesday after a long debate.\n\n"
            "## The mayor said the channel must be dredged before the autumn storms, or the ferries would have "
            "to stop running at low tide for the whole of the coming winter.\n\n"
            "The work will start in May.\n\n# Library Opens a New Wing\n\n"
            "The town library opened its new reading wing on Saturday with a ceremony.\n")
    docs = _convert(tmp_path, page)
    assert len(docs) == 2
    budget = next(d for d in docs if "title: Council Approves Harbour Budget" in d)
    front, body = _front_and_body(budget)
    assert "deck: Dredging will be paid for" in front
    assert "The mayor said the channel must be dredged" in body and "The work will start in May." in body


def test_marker_numbered_page_separators_end_an_advert_section_and_the_next_page_has_its_stories(tmp_path) -> None:
    """marker writes `{2}-----…` between pages: a page break like `=====`/`PAGE n`, not noise."""
    page = ("{0}------------------------------------------------\n\n# Harbour Bridge to Close for Repairs\n\n"
            "The harbour bridge will close for six weeks from Monday while engineers replace the deck.\n\n"
            "## Anzeigen\n\n### Buchhandlung Weber\n\nNeue Schulbücher eingetroffen, portofrei ab zwei Bänden.\n\n"
            "{1}------------------------------------------------\n\n# Library Opens a New Wing\n\n"
            "The town library opened its new reading wing on Saturday with a ceremony.\n")
    docs = _convert(tmp_path, page)
    titles = sorted(line for d in docs for line in d.splitlines() if line.startswith("title:"))
    assert titles == ["title: Harbour Bridge to Close for Repairs", "title: Library Opens a New Wing"]
    assert not any("Schulbücher" in d for d in docs)
