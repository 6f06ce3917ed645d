"""Headline groups and bylines of student and local papers, on invented pages (no real sample's wording):

- a short headline in sentence case over a longer deck: the headline is the line printed first, not the
  longest (`Council backs fee hike` / `Students will pay $12 more …`); a short capitalised label over a
  headline is still its kicker (`Clear Voice`, `Aus den Kolonien`);
- a name with no `By` over a role line, or with the role on the same line (`KAREN MILLS` / `Staff writer`,
  `TOM RIVERA Senior staff writer`, `FRIEDRICH LANGE` / `Mitarbeiter der Redaktion`), under a deck;
- in hard-wrapped column text (first-line indents): a deck set wider than the column, and a name-and-role line, are no column
  lines (they stand alone, so the stories and their bylines are found);
- the paper's name over the edition's date line (no folio line read) is masthead, not a headline;
- an older front page's stack: a capitals headline wrapped over lines, decks that are short sentences.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest

from converter.model import Source
from converter.pipeline import SourceResult, convert_source


def convert(text: str, kind: str | None = "ocr-page") -> SourceResult:
    source = Source(Path("page.txt"), "page.txt", hashlib.sha256(text.encode()).hexdigest(), text)
    return convert_source(source, None, kind)


PARAS = {
    "fees": ["The student council voted nine to three last night to raise the quarterly activities fee, a move "
             "its sponsors said would keep the health center open on weekends.",
             "Opponents said the increase would fall hardest on students who already work two jobs to stay in "
             "school, and asked for a vote in the spring.",
             "The fee will appear on bills starting in the fall quarter, according to the registrar."],
    "rain": ["Heavy rain over the weekend pushed back work on the new stadium by at least two weeks, the "
             "project manager said yesterday afternoon.",
             "Crews had planned to pour the foundation for the west stands on Monday, but the site stayed "
             "flooded through the night.",
             "The delay is not expected to raise the cost of the project, which a private donor pays for."],
    "grades": ["The faculty senate will take up a proposal on Thursday that would limit the share of top "
               "grades in large introductory courses.",
               "Supporters say inflated grades have made transcripts meaningless to employers and to graduate "
               "schools across the country.",
               "Critics, among them several department chairs, said the plan would punish students in the "
               "hardest courses."],
}
STORIES = [  # (headline, deck or None, byline lines, text key)
    ("Council backs fee hike", "Students will pay more each quarter to fund weekend health services and "
     "longer library hours", ["KAREN MILLS", "Staff writer"], "fees"),
    ("Rain delays stadium work", None, ["TOM RIVERA Senior staff writer"], "rain"),
    ("Faculty debate grading", "Proposal would cap the share of top grades in introductory courses",
     ["By ANN LEE", "Contributing writer"], "grades"),
]
AUTHORS = {"Council backs fee hike": ["Karen Mills"], "Rain delays stadium work": ["Tom Rivera"],
           "Faculty debate grading": ["Ann Lee"]}


def page(marking: str) -> str:
    lines = ["The Campus Courier", "Monday, March 4, 1991"]
    for head, deck, byline, key in STORIES:
        lines += [head] + ([deck] if deck else []) + byline
        for para in PARAS[key]:
            lines += [para] if marking == "oneline" else textwrap.wrap(para, 34, initial_indent="   ")
        lines += [""] if marking == "column" else []
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("marking", ["oneline", "column"])
def test_short_heads_over_longer_decks_and_names_over_roles(marking: str) -> None:
    result = convert(page(marking), kind=None)  # the kind is detected, as a user's run would
    found = {a.title: a for a in result.articles}
    assert set(found) == set(AUTHORS)
    for title, story in found.items():
        assert story.authors == AUTHORS[title]
        assert story.section is None  # the short headline is no kicker
        assert len(story.paragraphs()) == 3
        assert not any("writer" in p or "Courier" in p for p in story.paragraphs())
    assert found["Council backs fee hike"].deck.startswith("Students will pay more")
    dropped = {d.text: d.reason for d in result.dropped}
    assert "masthead" in dropped["The Campus Courier"]


KICKED = """Voice of the World
China's Science Parks Draw Record Investment
By Mary Jones
Investment in the country's science parks reached a record last year, officials said on Monday.
Most of the money went to chip makers and battery plants, according to the annual report.
"""


def test_a_short_capitalised_label_over_a_headline_is_still_its_kicker() -> None:
    story = convert(KICKED).articles[0]
    assert (story.title, story.section) == ("China's Science Parks Draw Record Investment", "Voice of the World")


GERMAN = """Streit um den Haushalt
Der Stadtrat vertagt die Entscheidung über den Haushalt des kommenden Jahres erneut
FRIEDRICH LANGE
Mitarbeiter der Redaktion
Der Stadtrat hat am Dienstag die Entscheidung über den Haushalt erneut vertagt, wie der Sprecher mitteilte.
Die Opposition warf der Mehrheit vor, die Beratungen ohne Not zu verschleppen und die Bürger zu täuschen.
"""


def test_a_german_name_over_its_role_line_is_the_byline_and_the_short_head_the_title() -> None:
    story = convert(GERMAN).articles[0]
    assert story.title == "Streit um den Haushalt"
    assert story.authors == ["Friedrich Lange"]
    assert story.paragraphs()[0].startswith("Der Stadtrat hat am Dienstag")


LEAD_IN = """Plan Draws Fire
By Mary Jones
Staff Writer
The mayor's plan for the harbour drew sharp criticism at a meeting of the council on Tuesday night.
In a letter to the council, the chairman of the harbour board wrote as follows:—
Budget fight looms
By Tom Reyes
Staff Writer
The council will vote on the budget next week after months of debate over the cost of dredging.
"""


def test_a_line_leading_into_a_quotation_heads_no_story() -> None:
    titles = [a.title for a in convert(LEAD_IN).articles]
    assert titles == ["Plan Draws Fire", "Budget fight looms"]


STACK = """THREE HUNDRED
HOMELESS IN FIRE
----
Village of Marcy Swept by Flames
Fanned by High Wind.
----
LOSS PLACED AT $400,000
By Associated Press.
ALBANY, N. Y., Oct. 3.—Fire which started in a planing mill early
this morning swept the lower part of the village and left three hundred
persons without homes before it was checked at noon by a change in the
wind. The loss is placed at $400,000 by the insurance men.
CONSULS UNDER
CIVIL SERVICE
President Signs Order Affecting
Four Hundred Places.
By Associated Press.
WASHINGTON, Oct. 3.—The president today signed the order which places
the whole of the consular service under the civil service rules, a step
long urged by the commercial bodies of the country and its newspapers.
"""


def test_an_older_front_pages_capitals_stack_is_one_headline_and_its_decks() -> None:
    """A headline in capitals wrapped over lines, then decks that are each a short sentence, with rules
    between them: one headline group, titled by the whole capitals headline (no kicker)."""
    found = {a.title: a for a in convert(STACK).articles}
    assert set(found) == {"THREE HUNDRED HOMELESS IN FIRE", "CONSULS UNDER CIVIL SERVICE"}
    fire = found["THREE HUNDRED HOMELESS IN FIRE"]
    assert fire.section is None and "Fanned by High Wind." in fire.deck and "LOSS PLACED" in fire.deck
    assert fire.paragraphs()[0].startswith("Fire which started")
    assert found["CONSULS UNDER CIVIL SERVICE"].deck == "President Signs Order Affecting Four Hundred Places."


@pytest.mark.parametrize(("nameplate", "headline", "byline"), [
    ("LE PETIT JOURNAL", "La mairie rouvre le marché couvert", "Par Claire Martin"),
    ("THE RIVERSIDE EVENING POST", "Council backs fee hike for parking", "By Ann Lee"),
    ("NEUE ALLGEMEINE ZEITUNG", "Stadtrat beschließt neuen Haushalt", "Von Jonas Weber"),
])
def test_a_papers_name_in_capitals_over_a_sentence_case_headline_is_no_headline(nameplate, headline, byline) -> None:
    """A nameplate (a capitals line naming the paper: `JOURNAL`, `POST`, `ZEITUNG` …) at a page's top is not
    a capitals headline over its sentence-case deck: the line under it is the headline."""
    page = "\n\n".join([nameplate, headline, byline, *PARAS["fees"]]) + "\n"
    story = convert(page).articles[0]
    assert story.title == headline
    assert nameplate not in story.title
