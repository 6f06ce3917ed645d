"""A page delivered as one line (an OCR export that joined every line): cut back into its parts.

Every page here is invented text, written the way page-level OCR exports print a whole page on
one line: headlines, decks and bylines run straight into the text, blocks sometimes joined by two
spaces, speckle between stories, the masthead first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.api import convert_to
from converter.detect import choose_kind
from converter.rules.run_on_lines import cut_run_on, is_run_on, split_heads

SENTENCES_EN = [
    "The council met on Tuesday evening to discuss the harbour plan.",
    "Residents asked why the budget had doubled since the spring.",
    "Officials said the costs of steel and labour had risen sharply.",
    "A vote is expected before the end of the month, the mayor said.",
    "Several members of the council said they would oppose the plan.",
    "The harbour has not been dredged for more than twenty years.",
]
SENTENCES_FR = [
    "Le conseil communal s'est réuni mardi soir pour examiner le projet du port.",
    "Les habitants ont demandé pourquoi le budget avait doublé depuis le printemps.",
    "Les fonctionnaires ont expliqué que le prix de l'acier avait fortement augmenté.",
    "Un vote est attendu avant la fin du mois, a déclaré le bourgmestre.",
    "Plusieurs conseillers ont annoncé qu'ils voteraient contre le projet.",
]


def story(head: str, sentences: list[str], repeat: int = 2) -> str:
    return head + " " + " ".join(sentences * repeat)


def page(*stories: str, top: str = "") -> str:
    return " ".join(([top] if top else []) + list(stories))


FRENCH_PAGE = page(
    story("Le port attendra encore LE CONSEIL REPORTE SON VOTE", SENTENCES_FR, 3),
    "— ms m^",
    story("Un incendie à la gare (De notre correspondant)", SENTENCES_FR[::-1], 3),
    story("La grève des dockers continue", SENTENCES_FR[1:], 3),
    top="TROISIEME ANNEE. - N. 42. 15 centimes le numéro - JEUDI 4 MARS 1926 Téléphone : Rédaction 123.45 "
        "ABONNEMENTS : Belgique, un an 40 francs.")


def test_a_page_on_one_line_is_told_from_a_long_paragraph() -> None:
    assert is_run_on(FRENCH_PAGE)
    assert not is_run_on(" ".join(SENTENCES_EN * 2))  # a long paragraph is no page
    typed = "  ".join(SENTENCES_EN * 5)  # a typist's two spaces after each full stop are no block gaps
    assert all(not piece.head for piece in cut_run_on(typed))


def test_headlines_decks_and_credits_are_cut_where_the_text_starts() -> None:
    pieces = cut_run_on(FRENCH_PAGE)
    heads = [p.text for p in pieces if p.head]
    assert heads == ["Le port attendra encore", "LE CONSEIL REPORTE SON VOTE", "Un incendie à la gare",
                     "La grève des dockers continue"]
    credit = next(n for n, p in enumerate(pieces) if p.text == "(De notre correspondant)")  # a line of its own
    assert pieces[credit - 1].text == "Un incendie à la gare" and pieces[credit + 1].text.startswith("Plusieurs")


def test_cutting_keeps_every_word_in_order() -> None:
    pieces = cut_run_on(FRENCH_PAGE)
    assert " ".join(p.text for p in pieces).split() == FRENCH_PAGE.split()


@pytest.mark.parametrize("sentence, heads", [
    ("Harbour plan delayed again The council met on Tuesday evening to discuss the plan.",
     ["Harbour plan delayed again"]),
    ("Der Hafen muss warten Die Stadtverordneten haben am Dienstag über den Plan beraten.",
     ["Der Hafen muss warten"]),
    ("STRIKE ENDS AT THE DOCKS After three weeks the dockers went back to work on Monday.",
     ["STRIKE ENDS AT THE DOCKS"]),
])
def test_a_headline_running_into_its_text_is_cut_off(sentence: str, heads: list[str]) -> None:
    assert split_heads(sentence)[0] == heads


@pytest.mark.parametrize("sentence", [
    "He flew to Le Havre on Monday and met the mayor there before the vote.",  # a name after a preposition
    "Le vicomte Poullet a repris les négociations avec les socialistes mardi.",  # no cue: a name, not an opener
    "The film The Godfather was shown, the critic said, to a full house on Friday.",  # comma before the cue text
    "Officials said that, in the end, The Times had been right about the costs.",
])
def test_a_sentence_with_names_is_not_cut(sentence: str) -> None:
    assert split_heads(sentence) == ([], sentence)


def test_detection_reads_a_page_on_one_line_as_an_ocr_page() -> None:
    choice = choose_kind(FRENCH_PAGE + "\n")
    assert choice.kind == "ocr-page"
    assert any("one line" in name for _, name, _, _ in choice.evidence)


def test_a_page_on_one_line_converts_to_its_stories(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "page.txt").write_text(FRENCH_PAGE + "\n", encoding="utf-8")
    convert_to([tmp_path / "src"], tmp_path / "out")
    articles = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "articles").rglob("*.md"))
    titles = set(next(line[7:] for line in a.splitlines() if line.startswith("title: ")) for a in articles)
    # which of a headline and its deck titles the story is the page rules' choice (headline_groups); both are kept
    assert titles == {"La grève des dockers continue", "LE CONSEIL REPORTE SON VOTE", "Un incendie à la gare"}
    assert any("section: Le port attendra encore" in a for a in articles)  # kept beside the title (see above)
    assert not any("De notre correspondant" in a for a in articles)  # the credit line goes to the report
    assert all("date: '1926-03-04'" in a or "date: 1926-03-04" in a for a in articles)
    report = (tmp_path / "out" / "conversion-report.json").read_text(encoding="utf-8")
    # masthead, speckle and credit: reported, not published
    assert "ABONNEMENTS" in report and "ms m^" in report and "De notre correspondant" in report
    assert not any("ABONNEMENTS" in a or "ms m^" in a for a in articles)


words = st.sampled_from(["harbour", "council", "budget", "vote", "plan", "steel", "labour", "mayor"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.lists(words, min_size=2, max_size=6), st.integers(4, 9)), min_size=2, max_size=5),
       st.sampled_from(["  ", " "]))
def test_cut_pieces_always_give_the_line_back(stories, joiner) -> None:
    parts = []
    for head, count in stories:
        title = " ".join(head).capitalize()
        parts.append(title + joiner + " ".join(SENTENCES_EN[i % len(SENTENCES_EN)] for i in range(count)))
    line = joiner.join(parts)
    assert " ".join(p.text for p in cut_run_on(line)).split() == line.split()


@pytest.mark.parametrize("sentence, context_tail, heads", [
    # a headline in Title Case, no cue word: it ends where the text goes on in lower case
    ("Harbour Plan Faces a Long Delay Councillors said on Tuesday the dredging would wait a year.", "",
     ["Harbour Plan Faces a Long Delay"]),
    # the text opens with a name: the name recurs in the text, so the cut stands before all of it
    ("Dock Strike Enters Its Third Week Port Talbot workers voted again on Monday to stay out.",
     " Port Talbot has seen no ship since May.", ["Dock Strike Enters Its Third Week"]),
    # an opener inside a Title Case headline (`As It Is`) opens no sentence
    ("Why the Constitution Is As It Is Historians agree the framers were careful men.", "",
     ["Why the Constitution Is As It Is"]),
])
def test_a_title_case_headline_running_into_its_text_is_cut_off(sentence: str, context_tail: str,
                                                                  heads: list[str]) -> None:
    assert split_heads(sentence, sentence + context_tail)[0] == heads


@pytest.mark.parametrize("sentence", [
    "Members of the European Parliament voted on Tuesday to delay the harbour plan again.",
    "New York City Mayor Eric Adams said on Tuesday the plan would cost more than expected.",
    "The Council of Europe Secretary spoke briefly and then the meeting went on for hours.",
])
def test_a_sentence_opening_with_names_is_no_title_case_headline(sentence: str) -> None:
    assert split_heads(sentence, sentence) == ([], sentence)


FRONT_PAGE = page(
    story("Harbour Plan Faces a Long Delay", SENTENCES_EN, 4),
    "■ — ' ■",
    story("STRIKE ENDS AT THE DOCKS", SENTENCES_EN[::-1], 4),
    top="THE HARB0UR  T1MES V■l. XII, N■. 88 Pr1ce 10 . Cents RIVERTON, OHIO, SATURDAY, FEBRUARY 10, 2007 — ■ —")


def test_a_front_page_top_ends_at_its_edition_date() -> None:
    pieces = cut_run_on(FRONT_PAGE)
    assert pieces[0].masthead and pieces[0].text.endswith("2007 — ■ —")  # the speckle after the date with it
    assert [p.text for p in pieces if p.head] == ["Harbour Plan Faces a Long Delay", "STRIKE ENDS AT THE DOCKS"]
    assert " ".join(p.text for p in pieces).split() == FRONT_PAGE.split()
    # a date in a sentence is no folio: the words before it run on in lower case
    assert not any(p.masthead for p in cut_run_on(page(story("On Saturday, February 10, 2007 the port was shut "
                                                             "and the council met in the town hall", SENTENCES_EN, 6))))


def test_a_front_page_on_one_line_converts_without_its_masthead(tmp_path: Path) -> None:
    choice = choose_kind(FRONT_PAGE + "\n")
    assert choice.kind == "ocr-page"  # two stories below one another: a page, not one article
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "front.txt").write_text(FRONT_PAGE + "\n", encoding="utf-8")
    convert_to([tmp_path / "src"], tmp_path / "out")
    articles = [p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "articles").rglob("*.md")]
    titles = {next(line[7:] for line in a.splitlines() if line.startswith("title: ")) for a in articles}
    assert titles == {"Harbour Plan Faces a Long Delay", "STRIKE ENDS AT THE DOCKS"}
    assert not any("RIVERTON" in a.split("---", 2)[2] for a in articles)  # the folio is in no body
    assert all("2007-02-10" in a for a in articles)  # the edition date dates every story
