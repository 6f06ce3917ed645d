"""Contents boxes and columns the OCR put out of place, on invented pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from converter.api import convert_to
from converter.rules.columns import contents_label


@pytest.mark.parametrize("line, rest", [
    ("Juhalt: Zur Jahreswende.", "Zur Jahreswende."),  # Fraktur OCR reads `In` as `Ju`
    ("Inhalt: Die Hafenfrage. Aus den Kolonien.", "Die Hafenfrage. Aus den Kolonien."),
    ("CONTENTS.", ""),
    ("Sommaire : La grève des dockers", "La grève des dockers"),
    ("目录：港口计划再次推迟", "港口计划再次推迟"),
])
def test_contents_labels_in_several_languages(line: str, rest: str) -> None:
    assert contents_label(line) == rest


@pytest.mark.parametrize("line", [
    "Index funds rose sharply on Monday.",
    "Inhaltlich ist der Plan umstritten.",
    "Contents of the report were leaked to the press.",
])
def test_sentences_opening_with_such_words_are_no_labels(line: str) -> None:
    assert contents_label(line) is None


COLUMN_TEXT = [
    "darauf hingewiesen, daß der Hafen in diesem Jahre ver-",
    "tieft werden muß, wenn die Schiffe der neuen Linie dort",
    "anlegen sollen; die Kosten trägt zur Hälfte die Stadt.",
]
STORY = [
    "Der Rat der Stadt hat am Dienstag über den Plan für den",
    "neuen Hafen beraten. Die Baukosten sind seit dem Frühjahr",
    "gestiegen, und mehrere Mitglieder des Rates haben schon",
    "Die Mehrheit will dennoch im März über den Plan abstimmen,",
    "wie der Bürgermeister nach der Sitzung mitteilte. Der Bau",
    "soll im Sommer beginnen und zwei Jahre dauern.",
]


def page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def convert(tmp_path: Path, text: str) -> tuple[list[str], dict]:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "seite.txt").write_text(text, encoding="utf-8")
    convert_to([tmp_path / "src"], tmp_path / "out")
    articles = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out" / "articles").rglob("*.md"))]
    return articles, json.loads((tmp_path / "out" / "conversion-report.json").read_text(encoding="utf-8"))


def dropped_texts(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False)


def test_a_contents_box_goes_to_the_report_and_names_the_headline(tmp_path: Path) -> None:
    text = page(["Rheinische Abendzeitung.", "Nr. 12. 7. Jahrgang. Preis 10 Pf.", "Köln, 6. Januar 1894.",
                 "Juhalt: Die Hafenfrage.", "Aus den Kolonien. Von Karl Weber.", "Litteratur. Kleine Mitteilungen.",
                 "Die Hafenfrage."], STORY[:3] + ["beantragt, die Abstimmung zu vertagen."] + STORY[3:])
    articles, report = convert(tmp_path, text)
    assert len(articles) == 1 and "title: Die Hafenfrage." in articles[0]
    assert "Litteratur" not in articles[0] and "Aus den Kolonien" not in articles[0]
    assert "Litteratur. Kleine Mitteilungen." in dropped_texts(report)
    assert "date: '1894-01-06'" in articles[0]


def test_a_column_put_above_the_headline_goes_back_into_its_sentence(tmp_path: Path) -> None:
    text = page(["Rheinische Abendzeitung.", "Nr. 12. 7. Jahrgang. Preis 10 Pf.", "Köln, 6. Januar 1894.",
                 "Juhalt: Die Hafenfrage.", "Aus den Kolonien. Von Karl Weber."],
                COLUMN_TEXT, ["Die Hafenfrage."], STORY)
    articles, report = convert(tmp_path, text)
    body = articles[0].split("---", 2)[2]
    assert "haben schon darauf hingewiesen, daß der Hafen in diesem Jahre vertieft werden muß" in body
    assert body.index("die Stadt.") < body.index("Die Mehrheit will")
    assert "columns interleaved" not in dropped_texts(report)  # untangled, so nothing to warn about


def test_columns_that_cannot_be_untangled_are_reported_and_left(tmp_path: Path) -> None:
    # no masthead above: an inside page, whose first text may go on a story from another page, and a
    # column's text under a rule of speckle in the middle of a story: reported, not moved on a guess
    text = page(["Die Hafenfrage."], STORY[:3], ["■ — ■"], COLUMN_TEXT, STORY[3:])
    articles, report = convert(tmp_path, text)
    assert "columns interleaved by OCR" in dropped_texts(report)
    body = " ".join(articles).replace("\n", " ")
    assert body.index("darauf hingewiesen") < body.index("Die Mehrheit will")  # left where it stands


@pytest.mark.parametrize("folio", [
    "Nr. 12. 7. Jahrgang. Preis 10 Pf.",
    "N». . 12 — 7. Jahrgang — Oreis 10 Pf.",  # the price word garbled: `10 Pf.` at the line's end still counts
    "Nr. 12 . — 7. . Jahriang — . P1eis 10»f.",  # one cue left, but a folio's numbers: number, year, price
])
def test_a_garbled_folio_still_marks_the_front_page(tmp_path: Path, folio: str) -> None:
    # masthead, folio, date, then a column the OCR put above the headline: the folio line is the front
    # page's evidence (detection reads a page, not one article) and the column goes back into its sentence
    text = page(["Rheinische Abendzeitung", folio, "", "Köln, Samstag, 6. Januar 1894", ""],
                COLUMN_TEXT, ["", "Die Hafenfrage", ""], STORY)
    articles, report = convert(tmp_path, text)
    assert len(articles) == 1 and "title: Die Hafenfrage" in articles[0]
    body = articles[0].split("---", 2)[2]
    assert "haben schon darauf hingewiesen, daß der Hafen" in body and "Jahrgang" not in body
    assert "Rheinische Abendzeitung" in dropped_texts(report)


def test_a_long_headline_is_no_cut_a_column_goes_back_into(tmp_path: Path) -> None:
    # the headline runs long and ends in a word, like a line cut mid-sentence; but it stands between gaps,
    # so the column's text goes back where a line of running text stops mid-sentence (`… met in`)
    text = page(["THE HARBOUR TIMES", "Vol. XII, No. 88    Price 10 Cents", "",
                 "RIVERTON, OHIO, SATURDAY, FEBRUARY 10, 2007", ""],
                ["the town hall on Tuesday evening to discuss the dredging", "of the harbour, the costs of the new quay and",
                 "the fees the port will ask of the ferries.", "",
                 "Council to vote on the harbour plan again after months of delay", ""],
                ["     The council will vote on the harbour plan in March, the", "mayor said on Monday after a long meeting.",
                 "     Residents, shipowners and the ferry company met in",
                 "     Several members of the council said they would oppose",
                 "the plan unless the costs were shared with the port."])
    articles, report = convert(tmp_path, text)
    assert len(articles) == 1 and "title: Council to vote on the harbour plan again after months of delay" in articles[0]
    body = articles[0].split("---", 2)[2]
    assert "the ferry company met in the town hall on Tuesday evening" in body


def test_a_contents_box_of_titles_one_a_line_is_no_running_text(tmp_path: Path) -> None:
    # titles set one a line, each from a capital and without a full stop, look like wrapped lines going
    # on from one to the next; but no sentence runs on into a line in lower case: the box, not a column
    text = page(["THE HARBOUR TIMES", "Vol. XII, No. 88    Price 10 Cents", "SATURDAY, FEBRUARY 10, 2007",
                 "Contents: Council to vote on the harbour plan", "FERRY FARES CLIMB AGAIN",
                 "Storm damage along the coast road is worse than feared", "The Week in Parliament", "",
                 "Council to vote on the harbour plan",
                 "The council will vote on the harbour plan in March, the mayor said on Monday after a long "
                 "meeting. Several members of the council said they would oppose the plan."])
    articles, report = convert(tmp_path, text)
    assert len(articles) == 1 and "title: Council to vote on the harbour plan" in articles[0]
    assert "The Week in Parliament" in dropped_texts(report) and "FERRY FARES" not in articles[0]


def test_a_narrow_column_s_short_line_can_be_the_cut(tmp_path: Path) -> None:
    # a narrow column: the line that stops mid-sentence is short (`zu steuern, der`) and ends in an
    # article, and no article stands before `In`: the column's text goes back there
    text = page(["Rheinische Abendzeitung", "Nr. 12. 7. Jahrgang. Preis 10 Pf.", "", "Köln, Samstag, 6. Januar 1894", ""],
                ["wirtschaftlichen Notwendigkeit", "gehorchend, unsern Handel", "auszudehnen und neue Märkte", "zu finden.", ""],
                ["Koloniale Rundschau", ""],
                ["Die große Ausdehnung unseres", "Besitzes ist bereits erwähnt;", "den Anschauungen der Gegenwart",
                 "entsprechend, suchen wir", "der Barbarei zu steuern, der", "In Ostafrika haben sich die",
                 "Verhältnisse gut entwickelt.", ""])
    articles, report = convert(tmp_path, text)
    assert len(articles) == 1 and "title: Koloniale Rundschau" in articles[0]
    body = articles[0].split("---", 2)[2]
    assert "zu steuern, der wirtschaftlichen Notwendigkeit gehorchend" in body
    assert body.index("zu finden.") < body.index("In Ostafrika")
