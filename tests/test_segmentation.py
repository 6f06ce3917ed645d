"""Where articles start and end on a page, and where floating captions go."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from converter.api import convert_to

PAGE = """CITY

Tram Line Reaches the Eastern Suburbs

By ANNA LEE

The new tram line opened on Monday, carrying its first passengers from the depot to the market square.

Engineers said the line had been finished two months early, although the last stop still lacks a shelter.

Timetable changes

Trams will run every six minutes at peak hours and every ten minutes in the evening.

A rare orchid in flower at the Westfield botanical garden glasshouse. (PHOTO: GARDEN TRUST)

Orchid Blooms After Twelve Years

By TOM GREEN

A rare orchid has flowered in the Westfield botanical garden for the first time in twelve years.

Gardeners expect the flower to last about a week in the glasshouse, which opens daily.
"""


def convert_page(tmp_path: Path) -> dict[str, frontmatter.Post]:
    source = tmp_path / "page.txt"
    source.write_text(PAGE, encoding="utf-8")
    convert_to([source], tmp_path / "out")
    posts = [frontmatter.load(p) for p in (tmp_path / "out" / "articles").rglob("*.md")]
    return {p["title"]: p for p in posts}


def test_each_headline_with_a_byline_opens_an_article(tmp_path: Path) -> None:
    posts = convert_page(tmp_path)
    assert set(posts) == {"Tram Line Reaches the Eastern Suburbs", "Orchid Blooms After Twelve Years"}
    assert all(p["page"] == "CITY" for p in posts.values())


def test_a_short_line_inside_an_article_is_a_crosshead(tmp_path: Path) -> None:
    tram = convert_page(tmp_path)["Tram Line Reaches the Eastern Suburbs"]
    assert "\n## Timetable changes\n" in tram.content


def test_a_caption_between_articles_goes_to_the_article_it_describes(tmp_path: Path) -> None:
    posts = convert_page(tmp_path)
    orchid, tram = posts["Orchid Blooms After Twelve Years"], posts["Tram Line Reaches the Eastern Suburbs"]
    assert orchid["figures"] == [{"caption": "A rare orchid in flower at the Westfield botanical garden glasshouse.",
                                  "credit": "GARDEN TRUST"}]
    assert "figures" not in tram.metadata
    assert "(PHOTO:" not in orchid.content + tram.content


def test_a_title_case_headline_without_byline_opens_a_story(tmp_path: Path) -> None:
    source = tmp_path / "briefs.txt"
    source.write_text("NEWS\n\nPort Strike Ends After Two Weeks\n\nBy AN Author\n\nThe strike ended on Friday.\n\n"
                      "Quiet start\n\nShips moved again by noon.\n\nNew Bridge Opens to Evening Traffic\n\n"
                      "The bridge opened at six in the evening.\n", encoding="utf-8")
    convert_to([source], tmp_path / "out")
    titles = {frontmatter.load(p)["title"] for p in (tmp_path / "out" / "articles").rglob("*.md")}
    assert titles == {"Port Strike Ends After Two Weeks", "New Bridge Opens to Evening Traffic"}


def _convert_text(tmp_path: Path, text: str) -> dict[str, frontmatter.Post]:
    source = tmp_path / "short.txt"
    source.write_text(text, encoding="utf-8")
    convert_to([source], tmp_path / "out")
    return {p.stem: frontmatter.load(p) for p in (tmp_path / "out" / "articles").rglob("*.md")}


def test_a_second_headline_with_its_own_byline_is_a_second_story(tmp_path: Path) -> None:
    # Two short stories, one paragraph per long line: read as one article before, with the second
    # story's headline a crosshead and its byline in the text.
    text = ("Hafen erweitert die Kaianlagen\n\nVon Karl Weber\n\n"
            "Der Hafen der Stadt wird in diesem Jahr um zwei neue Liegeplätze erweitert, wie die Verwaltung am Montag mitteilte.\n\n"
            "Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein, sagte der Hafenmeister.\n\n"
            "Neue Fähre nach Norden\n\nVon Anna Schröder\n\n"
            "Eine neue Fähre verbindet ab Mai die Insel mit dem Festland und verkehrt dreimal am Tag in beiden Richtungen.\n\n"
            "Die Fahrkarten kosten so viel wie bisher, teilte die Reederei mit, und Fahrräder fahren kostenlos mit.\n")
    posts = _convert_text(tmp_path, text)
    by_title = {p["title"]: p for p in posts.values()}
    assert set(by_title) == {"Hafen erweitert die Kaianlagen", "Neue Fähre nach Norden"}
    assert by_title["Neue Fähre nach Norden"]["authors"] == ["Anna Schröder"]
    assert "Von Anna" not in by_title["Hafen erweitert die Kaianlagen"].content


def test_a_sentence_case_headline_over_its_byline_opens_a_story(tmp_path: Path) -> None:
    text = ("METRO\n\nBridge repairs will close two lanes of the river crossing until the end of June\n\n"
            "By JANE ROE\n\nThe city said on Monday that repairs to the old bridge would begin next week.\n\n"
            "Drivers are advised to use the ring road during the morning rush hour.\n")
    posts = _convert_text(tmp_path, text)
    titles = [p["title"] for p in posts.values()]
    assert titles == ["Bridge repairs will close two lanes of the river crossing until the end of June"]


ZH_PAGE = """国际

渡轮公司宣布延长夜间航班服务至凌晨两点

本报记者 李明

渡轮公司周一宣布,从下月起夜间航班将延长至凌晨两点,以方便晚归的市民。

公司表示,新增班次将使用两艘新船,票价保持不变。

港口管理部门计划明年在东岸新建三个现代化泊位

港口管理部门表示,新泊位将可停靠大型集装箱船,预计明年春季动工。

工程总投资约十亿元,由市政府和港口集团共同出资,工期约两年,届时

图为港口码头上的集装箱。
新华社记者 王芳 摄

。港口吞吐能力将提高三成。
"""


def test_a_long_chinese_line_after_a_finished_paragraph_heads_the_next_story(tmp_path: Path) -> None:
    posts = _convert_text(tmp_path, ZH_PAGE)
    titles = {p["title"] for p in posts.values()}
    assert titles == {"渡轮公司宣布延长夜间航班服务至凌晨两点", "港口管理部门计划明年在东岸新建三个现代化泊位"}
    second = next(p for p in posts.values() if p["title"].startswith("港口"))
    assert "届时。港口吞吐能力将提高三成。" in second.content  # the half cut by the caption is joined, no space


def test_a_page_label_over_a_single_story_is_its_page_and_a_headline_over_a_kicker_is_the_title(tmp_path: Path) -> None:
    text = ("METRO\n\nCouncil delays the vote on the new harbour toll after a long night of debate\n\nAnalysis\n\n"
            "The city council on Tuesday put off its vote on the harbour toll until next month, after members "
            "argued late into the night over how the money would be spent.\n\n"
            "Ferry operators say the toll would raise fares for every passenger crossing the bay each day.\n")
    posts = list(_convert_text(tmp_path, text).values())
    assert len(posts) == 1
    post = posts[0]
    assert post["title"] == "Council delays the vote on the new harbour toll after a long night of debate"
    assert (post.get("page"), post.get("section")) == ("METRO", "Analysis")


def test_a_chinese_question_headline_heads_its_story_and_the_dateline_is_read(tmp_path: Path) -> None:
    text = ("渡轮夜航为何一票难求？\n\n新华社广州3月2日电（记者 李明）渡轮公司周一宣布,从下月起夜间航班将延长至凌晨两点,"
            "以方便晚归的市民。\n\n公司表示,新增班次将使用两艘新船,票价保持不变。\n")
    posts = list(_convert_text(tmp_path, text).values())
    assert [p["title"] for p in posts] == ["渡轮夜航为何一票难求？"]
    assert posts[0]["authors"] == ["李明"] and posts[0]["source_agency"] == "新华社"
    assert posts[0].content.startswith("渡轮公司周一宣布")


def test_a_line_over_a_dateline_is_the_headline_whatever_closes_it(tmp_path: Path) -> None:
    text = ("渡轮公司延长夜间航班,方便晚归市民。\n\n新华社广州3月2日电（记者 李明）渡轮公司周一宣布,从下月起夜间航班将延长至凌晨两点。\n\n"
            "公司表示,新增班次将使用两艘新船,票价保持不变。\n")
    posts = list(_convert_text(tmp_path, text).values())
    assert [p["title"] for p in posts] == ["渡轮公司延长夜间航班,方便晚归市民。"]
    assert posts[0]["source_agency"] == "新华社" and posts[0].content.startswith("渡轮公司周一宣布")


def test_stories_set_apart_by_a_wider_gap_are_separate_articles(tmp_path: Path) -> None:
    # Plain text with one blank line between paragraphs and two between stories, sentence-case
    # headlines, no bylines: read as one article before, the later headlines lost in its text.
    text = ("Harbour ferry returns to service after six weeks of repairs\n\n"
            "The harbour ferry returned to service on Monday after six weeks in dry dock, the operator said.\n\n"
            "Engineers replaced both engines and the steering gear, and the first crossing carried forty passengers.\n\n\n"
            "Town library extends hours, adds Sunday opening\n\n"
            "The town library will open on Sundays from next month, the council said in a statement on Friday.\n\n"
            "Readers had asked for longer hours for years, and the council found the money in this year's budget.\n\n\n"
            "Bakers' guild marks a century of bread fairs\n\n"
            "The bakers' guild held its hundredth bread fair on the market square on Saturday, with forty stalls.\n\n\n"
            "Transport\n\nWhy are the night buses running late this winter?\n\n"
            "Night buses ran late on most evenings in December, the operator said, because of roadworks on the ring road.\n")
    posts = _convert_text(tmp_path, text)
    by_title = {p["title"]: p for p in posts.values()}
    assert set(by_title) == {"Harbour ferry returns to service after six weeks of repairs",
                             "Town library extends hours, adds Sunday opening",
                             "Bakers' guild marks a century of bread fairs",
                             "Why are the night buses running late this winter?"}
    assert by_title["Why are the night buses running late this winter?"]["section"] == "Transport"
    assert "Sundays" not in by_title["Harbour ferry returns to service after six weeks of repairs"].content


def test_a_wider_gap_ends_a_headline_group(tmp_path: Path) -> None:
    # A boxed notice in capitals, then a wider gap, then the next story's kicker, headline and byline:
    # the notice's lines were read into the story's headline group.
    text = ("Harbour Ferry Returns After Repairs\n\nBy Ana Ruiz\n\n"
            "The harbour ferry returned to service on Monday after six weeks in dry dock.\n\n"
            "Engineers replaced both engines and the steering gear, the operator said.\n\n"
            "LOST DOG — REWARD OFFERED\n\nBrown terrier, answers to Pip\n\n\n"
            "Comment\n\nWHY THE TOWN NEEDS A SECOND BRIDGE OVER THE RIVER\n\nBy Tom Hale\n\n"
            "The old bridge carries twice the traffic it was built for, and the queues grow longer every year.\n\n"
            "A second crossing downstream would take the lorries out of the town centre.\n")
    posts = _convert_text(tmp_path, text)
    by_title = {p["title"]: p for p in posts.values()}
    assert "WHY THE TOWN NEEDS A SECOND BRIDGE OVER THE RIVER" in by_title
    assert by_title["WHY THE TOWN NEEDS A SECOND BRIDGE OVER THE RIVER"]["section"] == "Comment"
