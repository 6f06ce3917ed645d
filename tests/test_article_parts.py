"""Article-part conventions through the whole converter: bylines, credits, end lines, headline groups.

Every page here is invented: it shows one convention the way papers print it, in English,
Chinese and German/French/Spanish where the words differ. Each test converts the page and
checks the front matter, the body and the report of what was dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.pipeline import convert_paths
from converter.render import front_matter, render_body


def convert(tmp_path: Path, text: str, name: str = "story.txt"):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    conversion = convert_paths([source])
    assert not conversion.errors, conversion.errors
    dropped = [d for r in conversion.results for d in r.dropped]
    return conversion.articles, dropped


def single(tmp_path: Path, text: str, name: str = "story.txt"):
    articles, dropped = convert(tmp_path, text, name)
    assert len(articles) == 1, [a.title for a in articles]
    return front_matter(articles[0]), render_body(articles[0]), dropped


# --- bylines -------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, role, authors, agency", [
    ("By Mary Jones", "Staff Writer", ["Mary Jones"], None),
    ("By MARY JONES", "Special to The Herald", ["Mary Jones"], None),
    ("By Mary Jones", "Herald Correspondent", ["Mary Jones"], None),
    ("By Mary Jones", "Associated Press", ["Mary Jones"], "Associated Press"),
    ("Von Hans Müller und Eva Schmidt", "Korrespondent", ["Hans Müller", "Eva Schmidt"], None),
    ("Par Jean Dupont", "Envoyé spécial", ["Jean Dupont"], None),
    ("Por Juan Pérez y Ana Gómez", "Corresponsal", ["Juan Pérez", "Ana Gómez"], None),
])
def test_byline_with_its_role_on_the_next_line(tmp_path, byline, role, authors, agency) -> None:
    meta, body, dropped = single(tmp_path, f"Council Approves New Budget\n\n{byline}\n{role}\n\n"
                                           "The council approved the budget on Tuesday.\n\nThe vote was close.\n")
    assert meta["title"] == "Council Approves New Budget"
    assert meta["authors"] == authors
    assert meta.get("source_agency") == agency
    assert role not in body and body.startswith("The council approved")
    assert any(d.text == role and "byline role" in d.reason for d in dropped)


@pytest.mark.parametrize("line, authors, agency", [
    ("BOB COHN Senior staff Writer", ["Bob Cohn"], None),
    ("By JANE DOE, AP Sports Writer", ["Jane Doe"], "AP"),
    ("By Jane Doe and John Roe (Reuters)", ["Jane Doe", "John Roe"], "Reuters"),
    ("By Ann Lee, Tom Park and Sue Kim", ["Ann Lee", "Tom Park", "Sue Kim"], None),
    ("Bv WILLIAM SMITH", ["William Smith"], None),
    ("By Associated Press.", [], "Associated Press"),
    ("By Jane Doe =", ["Jane Doe"], None),
])
def test_byline_on_one_line_with_role_agency_or_ocr_slips(tmp_path, line, authors, agency) -> None:
    meta, body, _ = single(tmp_path, f"Harbour Reopens\n\n{line}\n\nShips returned to the harbour on Monday.\n\n"
                                     "Crews worked through the night.\n")
    assert meta.get("authors", []) == authors
    assert meta.get("source_agency") == agency
    assert body.startswith("Ships returned")


def test_several_bylines_in_a_row_are_all_authors(tmp_path) -> None:
    meta, _, _ = single(tmp_path, "Harbour Reopens\n\nBy Jane Doe\n\nBy John Roe\n\nShips returned on Monday.\n")
    assert meta["authors"] == ["Jane Doe", "John Roe"]


def test_a_title_case_headline_over_a_desk_byline_is_not_a_byline(tmp_path) -> None:
    meta, _, _ = single(tmp_path, "Why Small Towns Need Their Libraries\n\nBy Staff Reporters\n\n"
                                  "Libraries remain the one public room where anyone may sit.\n")
    assert meta["title"] == "Why Small Towns Need Their Libraries"
    assert meta["authors"] == ["Staff Reporters"]


def test_byline_inside_a_blockquote(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "# Harbour Reopens\n\n> By Jane Doe\n\nShips returned on Monday.\n", "story.md")
    assert meta["authors"] == ["Jane Doe"]
    assert "Jane Doe" not in body


# --- Chinese bylines, contributors, end marks and editor lines ---------------------------

ZH_FEATURE = """乡村振兴调查

山里的图书馆

——记一位坚守三十年的乡村教师

本报记者 张三 李四 通讯员 王五

清晨六点，村里的图书馆已经亮起了灯。

这座图书馆是十年前建成的。

（赵六参与采写）

（完）

【编辑：孙七】

（责任编辑：周八）
"""


def test_chinese_feature_headline_group_and_byline(tmp_path) -> None:
    meta, body, dropped = single(tmp_path, ZH_FEATURE)
    assert meta["title"] == "山里的图书馆"  # the byline never becomes the title
    assert meta["section"] == "乡村振兴调查"  # 引题
    assert meta["deck"] == "记一位坚守三十年的乡村教师"  # 副题
    assert meta["authors"] == ["张三", "李四", "王五"]
    assert meta["contributors"] == ["赵六"]
    assert body == "清晨六点，村里的图书馆已经亮起了灯。\n\n这座图书馆是十年前建成的。"
    reasons = {d.text: d.reason for d in dropped}
    assert "end mark" in reasons["（完）"]
    assert "editor line" in reasons["【编辑：孙七】"]
    assert "editor line" in reasons["（责任编辑：周八）"]


def test_chinese_byline_under_a_single_headline_is_not_the_title(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "山里的图书馆\n\n记者 王小明\n\n清晨六点，村里的图书馆已经亮起了灯。\n")
    assert meta["title"] == "山里的图书馆"
    assert "section" not in meta
    assert meta["authors"] == ["王小明"]


@pytest.mark.parametrize("credit, agency", [("据新华社电", "新华社"), ("（据《人民日报》）", "人民日报"),
                                            ("来源：中新网", "中新网"), ("Quelle: dpa", "dpa"), ("(AP)", "AP")])
def test_reprint_and_agency_credits_become_source_agency(tmp_path, credit, agency) -> None:
    meta, body, _ = single(tmp_path, f"山里的图书馆\n\n清晨六点，村里的图书馆已经亮起了灯。\n\n{credit}\n")
    assert meta["source_agency"] == agency
    assert credit not in body


def test_wire_sign_off_gives_authors_and_reports_the_editor(tmp_path) -> None:
    meta, body, dropped = single(tmp_path, "Harbour Reopens\n\nShips returned on Monday.\n\n"
                                           "(Reporting by Jane Doe and John Roe; Editing by Tom Brown)\n")
    assert meta["authors"] == ["Jane Doe", "John Roe"]
    assert "Editing" not in body
    assert any("Tom Brown" in d.text for d in dropped)


def test_a_sentence_opening_with_by_or_ju_stays_text(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Harbour Reopens\n\nBy Monday, the ships had returned.\n\n"
                                     "据新华社报道，港口已经恢复运营，船只陆续返回。\n")
    assert "authors" not in meta and "source_agency" not in meta
    assert "By Monday" in body and "据新华社报道" in body


# --- headline groups of single articles ----------------------------------------------------

def test_markdown_levels_mark_the_headline_in_a_group(tmp_path) -> None:
    meta, _, _ = single(tmp_path, "# Growing pains\n\n## Three buildings approved for campus\n\n"
                                  "Responding to a shortage of space, the trustees approved three projects.\n",
                        "story.md")
    assert meta["title"] == "Growing pains"
    assert meta["deck"] == "Three buildings approved for campus"


def test_explainer_questions_between_paragraphs_are_crossheads(tmp_path) -> None:
    _, body, _ = single(tmp_path, "新疆之争的六个看点\n\n美国的声明引起广泛关注。\n\n美国有哪些指称？\n\n"
                                  "国务院发表声明。\n\n中国做何回应？\n\n外交部表示反对。\n")
    assert "## 美国有哪些指称？" in body and "## 中国做何回应？" in body


def test_a_lone_question_stays_a_sentence(tmp_path) -> None:
    _, body, _ = single(tmp_path, "Harbour Reopens\n\nShips returned on Monday.\n\nWhy now?\n\n"
                                  "The storm had passed.\n")
    assert "## Why now?" not in body and "Why now?" in body


# --- datelines -----------------------------------------------------------------------------

@pytest.mark.parametrize("opening, dateline, agency, first", [
    ("GENEVA (AP) — The World Health Organization said on Monday", "GENEVA (AP)", "AP", "The World Health"),
    ("LONDON, March 3 (Reuters) - Britain said on Monday", "LONDON, March 3 (Reuters)", "Reuters", "Britain said"),
    ("SAITAMA, Japan, Dec. 9 Kyodo - Urawa Reds won on Sunday", "SAITAMA, Japan, Dec. 9 Kyodo", "Kyodo", "Urawa Reds"),
    ("Paris (ats afp) Le ministre a parlé lundi", "Paris (ats afp)", "ats/AFP", "Le ministre"),
    ("BERLIN, 3. März (dpa) – Die Regierung hat am Montag", "BERLIN, 3. März (dpa)", "dpa", "Die Regierung"),
    ("MADRID, 3 mar (EFE).- El Gobierno aprobó el lunes", "MADRID, 3 mar (EFE)", "EFE", "El Gobierno"),
    ("WASHINGTON, March 3 — The Senate voted on Monday", "WASHINGTON, March 3", None, "The Senate"),
])
def test_dateline_goes_to_front_matter_and_the_first_sentence_stays(tmp_path, opening, dateline, agency,
                                                                     first) -> None:
    meta, body, _ = single(tmp_path, f"Harbour Reopens\n\n{opening} to reopen the harbour.\n\n"
                                     "Ships returned the next day.\n")
    assert meta["dateline"] == dateline
    assert meta.get("source_agency") == agency
    assert body.startswith(first) and body.split("\n\n")[0].endswith("to reopen the harbour.")


def test_chinese_wire_dateline_with_reporters(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "港口恢复运营\n\n新华社北京3月2日电（记者 张三、李四）今年以来，港口吞吐量稳步回升。\n\n"
                                     "船只陆续返回。\n")
    assert meta["dateline"] == "新华社北京3月2日电"
    assert meta["source_agency"] == "新华社"
    assert meta["authors"] == ["张三", "李四"]
    assert body.startswith("今年以来，港口吞吐量稳步回升。")


def test_own_paper_dateline_is_no_agency(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "港口恢复运营\n\n本报讯（记者 王五）昨天，港口恢复运营。\n")
    assert meta["dateline"] == "本报讯" and "source_agency" not in meta
    assert meta["authors"] == ["王五"] and body == "昨天，港口恢复运营。"


@pytest.mark.parametrize("opening", ["NASA said on Monday that the launch would wait.",
                                     "The council (which met on Monday) agreed.",
                                     "Paris is calm (for now) - the strikes are over."])
def test_openings_that_are_not_datelines(tmp_path, opening) -> None:
    meta, body, _ = single(tmp_path, f"Harbour Reopens\n\n{opening}\n")
    assert "dateline" not in meta and body == opening


def test_dateline_words_are_accounted_for(tmp_path) -> None:
    from converter.audit import audit_output
    from converter.api import convert_to

    source = tmp_path / "wire.txt"
    source.write_text("Harbour Reopens\n\nBy Jane Doe\nAssociated Press\n\nGENEVA (AP) — Ships returned on Monday.\n\n"
                      "（完）\n", encoding="utf-8")
    convert_to([source], tmp_path / "out")
    audits = audit_output([source], tmp_path / "out")
    assert all(a.percent == 100.0 for a in audits), [a.line() for a in audits]


# --- captions and credits ------------------------------------------------------------------

CUT_PAGE = """Harbour Reopens After Storm

By Mary Jones

The harbour ferry resumed its regular timetable on Monday after three days of suspension, and officials said the crews were ready to carry commuters across the

Passengers board the first ferry of the morning at North Pier.
Staff photo by Jane Doe

bay by seven o'clock.

JOHN ROE/The Herald
The mayor at the reopened pier on Monday.

The depots reopen next week.
"""


def test_caption_with_credit_below_cutting_a_paragraph_is_lifted_out(tmp_path) -> None:
    meta, body, _ = single(tmp_path, CUT_PAGE)
    assert meta["figures"] == [
        {"caption": "Passengers board the first ferry of the morning at North Pier.", "credit": "Jane Doe"},
        {"caption": "The mayor at the reopened pier on Monday.", "credit": "JOHN ROE/The Herald"},
    ]
    paragraphs = [p for p in body.split("\n\n") if not p.startswith("<figure")]
    assert paragraphs == ["The harbour ferry resumed its regular timetable on Monday after three days of suspension, "
                          "and officials said the crews were ready to carry commuters across the bay by seven o'clock.",
                          "The depots reopen next week."]


@pytest.mark.parametrize("line, caption, credit", [
    ("Passagiere am Nordanleger. Foto: Eva Schmidt", "Passagiere am Nordanleger.", "Eva Schmidt"),
    ("Les passagers au quai nord. Photo : Jean Dupont", "Les passagers au quai nord.", "Jean Dupont"),
    ("Pasajeros en el muelle norte. Foto: Ana Gómez", "Pasajeros en el muelle norte.", "Ana Gómez"),
    ("Der Bürgermeister am Anleger. Bild: dpa", "Der Bürgermeister am Anleger.", "dpa"),
    ("The mayor at the pier. / Staff photo by Ann Lee", "The mayor at the pier.", "Ann Lee"),
    ("The mayor at the pier. Photo by Ann Lee", "The mayor at the pier.", "Ann Lee"),
    ("The mayor at the pier. JANE DOE/The Daily Herald", "The mayor at the pier.", "JANE DOE/The Daily Herald"),
    ("图为修复后的码头。王五摄", "图为修复后的码头。", "王五"),
    ("乘客在北码头登上首班渡轮。（新华社记者 李四 摄）", "乘客在北码头登上首班渡轮。", "新华社记者 李四"),
])
def test_caption_with_its_credit_on_one_line(tmp_path, line, caption, credit) -> None:
    meta, body, _ = single(tmp_path, f"Harbour Reopens\n\nShips returned on Monday.\n\n{line}\n\n"
                                     "Crews worked through the night.\n")
    assert meta["figures"] == [{"caption": caption, "credit": credit}]
    assert [p for p in body.split("\n\n") if not p.startswith("<figure")] == [
        "Ships returned on Monday.", "Crews worked through the night."]


def test_credit_above_its_caption_and_numbered_chinese_captions(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "港口恢复运营\n\n港口昨天恢复运营，经过三天的停航检修之后，首班渡轮在清晨六点准时\n\n"
                                     "图①：乘客在北码头登上首班渡轮。\n新华社记者 李四 摄\n\n离港，码头上挤满了等候的乘客。\n\n"
                                     "赵六 供图\n工人们正在检修设备。\n\n码头的修复工作预计一个月完成。\n")
    assert meta["figures"] == [{"caption": "图①：乘客在北码头登上首班渡轮。", "credit": "新华社记者 李四"},
                               {"caption": "工人们正在检修设备。", "credit": "赵六"}]
    texts = [p for p in body.split("\n\n") if not p.startswith("<figure")]
    assert texts[-1] == "码头的修复工作预计一个月完成。"
    assert texts[0].startswith("港口昨天恢复运营") and texts[0].endswith("码头上挤满了等候的乘客。")


def test_html_figure_in_a_markdown_source_is_a_figure(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "# 港口恢复運營\n\n<figure>\n<img src=\"https://example.org/a.jpg\" alt=\"\">\n"
                                     "<figcaption>乘客在北碼頭登上首班渡輪。美聯社</figcaption>\n</figure>\n\n"
                                     "港口昨天恢復運營。\n", "story.md")
    assert meta["figures"] == [{"caption": "乘客在北碼頭登上首班渡輪。", "credit": "美聯社"}]
    assert "<img" not in body and "港口昨天恢復運營。" in body


def test_a_last_paragraph_is_not_taken_for_a_caption_of_a_credit_after_it(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Harbour Reopens\n\nShips returned on Monday, and the harbour master said the "
                                     "crews had worked through the night to clear the channel of debris.\n\n"
                                     "Photo: Harbour Authority\n")
    assert meta["figures"] == [{"caption": "", "credit": "Harbour Authority"}]
    assert body.startswith("Ships returned on Monday")


# --- jumps ---------------------------------------------------------------------------------

JUMP_PAGE = """COUNCIL APPROVES BUDGET

By Mary Jones

The council approved the budget by seven votes to two after a debate that lasted into the night.

The mayor said the vote ended a month of talks with the unions, who had asked for

See BUDGET, page 6

Harbour Ferry Service Reopens Today

Ships returned on Monday after three days of suspension caused by the storm.

BUDGET: Council votes to raise taxes

From page 1

a pay rise of four percent for every worker in the city.

The unions will meet again next week.
"""


def test_a_continuation_in_the_same_file_is_joined_to_its_start(tmp_path) -> None:
    articles, dropped = convert(tmp_path, JUMP_PAGE)
    assert [a.title for a in articles] == ["COUNCIL APPROVES BUDGET", "Harbour Ferry Service Reopens Today"]
    meta, body = front_matter(articles[0]), render_body(articles[0])
    assert meta["continues_on"] == "6"
    assert body.split("\n\n")[1] == ("The mayor said the vote ended a month of talks with the unions, who had asked "
                                     "for a pay rise of four percent for every worker in the city.")
    assert body.endswith("The unions will meet again next week.")
    assert any("jump head" in d.reason and "BUDGET: Council votes" in d.text for d in dropped)


def test_a_continuation_in_another_file_is_joined_and_alone_keeps_continued_from(tmp_path) -> None:
    start, rest = JUMP_PAGE.split("Harbour Ferry Service Reopens Today")
    (tmp_path / "p1.txt").write_text(start, encoding="utf-8")
    (tmp_path / "p6.txt").write_text("Harbour Ferry Service Reopens Today" + rest, encoding="utf-8")
    conversion = convert_paths([tmp_path / "p1.txt", tmp_path / "p6.txt"])
    budget = next(a for a in conversion.articles if a.title == "COUNCIL APPROVES BUDGET")
    assert render_body(budget).endswith("The unions will meet again next week.")
    assert {p.file for p in budget.provenance} == {"p1.txt", "p6.txt"}
    assert not any(a.title.startswith("BUDGET:") for a in conversion.articles)

    alone = convert_paths([tmp_path / "p6.txt"])
    continuation = next(a for a in alone.articles if a.title.startswith("BUDGET:"))
    assert front_matter(continuation)["continued_from"] == "1"


CONTINUATIONS_PAGE = """METRO


TRAMS: Night trams return to the harbour line

From page 1

the drivers agreed to the new rota after a week of talks.

The first night tram leaves the depot at midnight on Friday.


Library opens reading rooms on the old quay to students at night

The city library will keep two reading rooms open until two in the morning from next month.

Students asked for the late hours in a letter signed by four hundred readers.
"""


def test_a_sentence_case_headline_after_a_continuation_opens_its_own_story(tmp_path) -> None:
    articles, _ = convert(tmp_path, CONTINUATIONS_PAGE)
    titles = [a.title for a in articles]
    assert "Library opens reading rooms on the old quay to students at night" in titles
    trams = next(a for a in articles if a.title.startswith("TRAMS"))
    assert render_body(trams).endswith("The first night tram leaves the depot at midnight on Friday.")


def test_a_short_sentence_case_line_inside_a_continuation_stays_with_it(tmp_path) -> None:
    # set with the paragraphs' own spacing: a wider gap than the paragraphs' would set stories apart
    page = CONTINUATIONS_PAGE.replace("\n\n\nLibrary opens reading rooms on the old quay to students at night",
                                      "\n\nLate hours")
    assert "Late hours" in page
    articles, _ = convert(tmp_path, page)
    assert [a.title for a in articles] == ["TRAMS: Night trams return to the harbour line"]


@pytest.mark.parametrize("tail, page", [
    ("See BUDGET, page 6", "6"), ("Continued on page 5", "5"), ("Please see BUDGET, A6", "A6"),
    ("Suite page 3", "3"), ("Fortsetzung auf Seite 3", "3"), ("Continúa en la página 3", "3"), ("（转第二版）", "2"),
])
def test_jump_out_closing_a_paragraph_or_on_its_own_line(tmp_path, tail, page) -> None:
    for text in (f"The vote ended a month of talks. {tail}\n", f"The vote ended a month of talks.\n\n{tail}\n"):
        meta, body, _ = single(tmp_path, f"Council Approves Budget\n\nThe council met on Monday.\n\n{text}")
        assert meta["continues_on"] == page
        assert body.endswith("The vote ended a month of talks.")


@pytest.mark.parametrize("line, page", [("（上接第1版）", "1"), ("Suite de la page 1", "1"), ("From Page One", "1")])
def test_jump_in_lines(tmp_path, line, page) -> None:
    meta, body, _ = single(tmp_path, f"Council Approves Budget\n\n{line}\n\nThe council met on Monday.\n")
    assert meta["continued_from"] == page and body == "The council met on Monday."


def test_see_inside_a_sentence_is_no_jump(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Council Approves Budget\n\nResidents can see BUDGET details online.\n")
    assert "continues_on" not in meta and body == "Residents can see BUDGET details online."


def test_copyright_line_under_a_portrait_caption_is_its_credit(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Fair Buildings Dedicated\n\nThe president spoke at noon to a great crowd.\n\n"
                                     "PRESIDENT ROOSEVELT.\n(Copyright, 1903, by Underwood & Underwood.)\n\n"
                                     "The ceremonies ended at dusk.\n")
    assert meta["figures"] == [{"caption": "PRESIDENT ROOSEVELT.", "credit": "Underwood & Underwood"}]
    assert "Copyright" not in body


def test_a_copyright_notice_with_no_caption_stays_with_the_story(tmp_path) -> None:
    _, body, _ = single(tmp_path, "Russia Is To Stay\n\n(Copyright, 1903, by The Tribune Association.)\n\n"
                                  "London, May 1.— The discussion in Parliament failed to throw any light.\n")
    assert "Copyright, 1903" in body


def test_markdown_image_followed_by_its_caption(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "# 政治犯的情书\n\n情人节前一天，三封情书发布。\n\n"
                                     "![img](https://example.org/a.jpg)高智晟，图片来自大赦国际\n\n"
                                     "![img](https://example.org/b.jpg)报告封面\n\n情书的作者是他的妻子。\n", "story.md")
    assert meta["figures"] == [{"caption": "高智晟", "credit": "大赦国际"}, {"caption": "报告封面", "credit": ""}]
    assert "img" not in body


def test_signature_run_into_the_last_line_or_before_a_filler(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Its Practical Applications\n\nGovernment is the making of laws.\n\n"
                                     "And we are persuaded that it will be so. E. R. JONES.\n")
    assert meta["authors"] == ["E. R. Jones"] and body.endswith("that it will be so.")
    meta, body, _ = single(tmp_path, "Why People Stay Home\n\nSome time ago there was a conference.\n\n"
                                     "So will they always hear those who preach.\n\nA. T. J.\n\n"
                                     "“God is a spirit.”\n")
    assert meta["authors"] == ["A. T. J."] and "A. T. J." not in body


def test_a_bare_name_after_a_bylined_story_is_a_photo_credit(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "# Growing pains\n\n### BOB COHN Senior staff Writer\n\nThe trustees approved "
                                     "three projects.\n\nThese projects were combined with a parking garage.\n\n\n"
                                     "William Kimball\n", "story.md")
    assert meta["authors"] == ["Bob Cohn"]
    assert meta["figures"] == [{"caption": "", "credit": "William Kimball"}]
    assert "William Kimball" not in [p for p in body.split("\n\n") if not p.startswith("<figure")][-1]


def test_names_without_a_label_over_a_role_line(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Council Approves New Budget\n\nJOHN SMITH, MARY JONES and ANN LEE\nStaff Writers\n\n"
                                     "The council approved the budget on Tuesday.\n")
    assert meta["authors"] == ["John Smith", "Mary Jones", "Ann Lee"]
    assert body == "The council approved the budget on Tuesday."


def test_end_mark_run_into_the_last_line_is_dropped(tmp_path) -> None:
    meta, body, dropped = single(tmp_path, "港口恢复运营\n\n新华社北京3月2日电（记者 张三）今年以来，港口吞吐量稳步回升。\n\n"
                                           "船只陆续返回。（完）\n")
    assert body == "今年以来，港口吞吐量稳步回升。\n\n船只陆续返回。"
    assert any(d.text == "（完）" and "end mark" in d.reason for d in dropped)


def test_a_word_in_capitals_and_a_dash_is_a_dateline_only_in_a_credited_story(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Senate Votes\n\nBy Jane Doe\n\nWASHINGTON — The Senate voted on Monday.\n")
    assert meta["dateline"] == "WASHINGTON" and body == "The Senate voted on Monday."
    meta, body, _ = single(tmp_path, "Agents Wanted\n\nWANTED — Agents in every town to sell maps.\n")
    assert "dateline" not in meta and body.startswith("WANTED")


@pytest.mark.parametrize("line, authors", [
    ("Von unserem Korrespondenten Hans Müller", ["Hans Müller"]),
    ("Par notre envoyé spécial Jean Dupont", ["Jean Dupont"]),
    ("De notre correspondant à Paris, Jean Dupont", ["Jean Dupont"]),
    ("De nuestro corresponsal Juan Pérez", ["Juan Pérez"]),
    ("From our correspondent Jane Doe", ["Jane Doe"]),
    ("本报记者 张三 实习生 李四", ["张三", "李四"]),
])
def test_role_between_label_and_names(tmp_path, line, authors) -> None:
    meta, body, _ = single(tmp_path, f"Hafen wieder offen\n\n{line}\n\nDie Fähre fährt seit Montag wieder.\n")
    assert meta["authors"] == authors and body == "Die Fähre fährt seit Montag wieder."


def test_an_english_headline_with_two_deck_lines(tmp_path) -> None:
    meta, _, _ = single(tmp_path, "Harbour Reopens After Storm\n\nFerries back on Monday\n\nRepairs to take a month\n\n"
                                  "By Jane Doe\n\nShips returned on Monday.\n")
    assert meta["title"] == "Harbour Reopens After Storm"
    assert meta["deck"] == "Ferries back on Monday — Repairs to take a month"
    assert "section" not in meta


def test_a_kicker_over_an_english_headline_and_deck(tmp_path) -> None:
    meta, _, _ = single(tmp_path, "Analysis\n\nWhy the Harbour Matters\n\nA storm exposed old weaknesses\n\n"
                                  "By Jane Doe\n\nShips returned on Monday.\n")
    assert (meta["section"], meta["title"], meta["deck"]) == ("Analysis", "Why the Harbour Matters",
                                                              "A storm exposed old weaknesses")


@pytest.mark.parametrize("closing, field, value", [
    ("Reuters contributed to this report.", "contributors", ["Reuters"]),
    ("Jane Doe and John Roe contributed reporting.", "contributors", ["Jane Doe", "John Roe"]),
    ("Avec AFP", "source_agency", "AFP"),
    ("Con información de EFE", "source_agency", "EFE"),
    ("(dpa/lnw)", "source_agency", "dpa"),
    ("(Reporting by Jane Doe in London; Editing by Tom Brown)", "authors", ["Jane Doe"]),
    ("（记者 张三）", "authors", ["张三"]),
])
def test_credits_closing_the_text(tmp_path, closing, field, value) -> None:
    meta, body, _ = single(tmp_path, f"Harbour Reopens\n\nShips returned on Monday.\n\nCrews worked all night.\n\n"
                                     f"{closing}\n")
    assert meta[field] == value
    assert body == "Ships returned on Monday.\n\nCrews worked all night."


# --- headline groups closed by a byline or a jump-in ---------------------------------------

def test_a_long_or_question_headline_over_a_byline_opens_the_story(tmp_path) -> None:
    page = ("How is the electric vehicle industry driving the going global strategy of China’s carmakers?\n\n"
            "By Jane Doe\nStaff Writer\n\nThe industry has changed fast.\n\nExports doubled.\n\n"
            "“Its Practical Applications.”\n\nBy Ruth Kaplan\n\nGovernment is the making of rules.\n")
    articles, _ = convert(tmp_path, page)
    metas = [front_matter(a) for a in articles]
    assert [m["title"] for m in metas] == [
        "How is the electric vehicle industry driving the going global strategy of China’s carmakers?",
        "“Its Practical Applications.”"]
    assert [m["authors"] for m in metas] == [["Jane Doe"], ["Ruth Kaplan"]]
    assert render_body(articles[0]) == "The industry has changed fast.\n\nExports doubled."


def test_a_chinese_jump_page_is_read_as_continued_stories(tmp_path) -> None:
    page = ("2020年10月26日 星期一 第5版\n\n经济\n\n阿里巴巴、百度引领中国人工智能云市场繁荣\n\n（上接第1版）\n\n"
            "语言模型在市场中占据主导地位。\n\n计算机视觉是最大的部分。\n\n"
            "中国报告称美国将人权当作筹码\n\n（上接第2版）\n\n中国在最新的人权年度报告中指责美国。\n")
    articles, dropped = convert(tmp_path, page)
    metas = {a.title: front_matter(a) for a in articles}
    assert metas["阿里巴巴、百度引领中国人工智能云市场繁荣"]["continued_from"] == "1"
    assert metas["中国报告称美国将人权当作筹码"]["continued_from"] == "2"
    assert render_body(next(a for a in articles if a.title.startswith("阿里巴巴"))) == \
        "语言模型在市场中占据主导地位。\n\n计算机视觉是最大的部分。"
    assert any("running head" in d.reason for d in dropped)


def test_a_printed_source_credit_wins_over_an_agency_read_off_a_byline_role(tmp_path) -> None:
    meta, body, _ = single(tmp_path, "Harbour Reopens\n\nBy Jane Doe\nAssociated Press\n\nShips returned on Monday.\n\n"
                                     "Source: Xinhua\n")
    assert meta["source_agency"] == "Xinhua" and body == "Ships returned on Monday."
    meta, body, _ = single(tmp_path, "Harbour Reopens\n\nBy Jane Doe\nAssociated Press\n\n"
                                     "GENEVA (Reuters) - Ships returned on Monday.\n")
    assert meta["source_agency"] == "Reuters" and meta["dateline"] == "GENEVA (Reuters)"
