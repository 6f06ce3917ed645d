"""Each rule on the smallest input that shows what it decides."""

from __future__ import annotations

import pytest

from converter.dates import find_date, is_timestamp
from converter.detect import detect_kind
from converter.model import CAPTION, CROSSHEAD, PARA, Block
from converter.rules.find_bylines import parse_byline
from converter.rules.find_captions import parse_caption
from converter.rules.find_jump_lines import JUMP_FROM, JUMP_TO
from converter.rules.find_short_lines import is_title_like
from converter.rules.read_masthead_date import is_masthead_date
from converter.rules.repair_breaks import repair_blocks
from converter.text import reading_case
from converter.urls import clean_url


@pytest.mark.parametrize("line, names", [
    ("By LIANG Yilian & HU Dingkun", ["Liang Yilian", "Hu Dingkun"]),
    ("By LI Gangyang, WANG Xinlong &amp; LUO Shaqi", ["Li Gangyang", "Wang Xinlong", "Luo Shaqi"]),
    ("By Staff Reporters", ["Staff Reporters"]),
    ("BY JOHN SMITH and Mary-Ann O'NEIL", ["John Smith", "Mary-Ann O'Neil"]),
    ("By ZHANG Wei in Beijing", ["Zhang Wei"]),
    ("By LI Ming and WANG Fang | China Daily", ["Li Ming", "Wang Fang"]),
])
def test_bylines_give_names_in_reading_case(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", [
    "By June, in London, the talks had collapsed.",
    "By contrast, the bus network will run a reduced service.",
    "By December 2025, China had released over 1,500 industrial large models.",
])
def test_sentences_starting_with_by_are_body_text(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, caption, credit", [
    ("A nurse checks a patient in Geneva. (PHOTO: XINHUA)", "A nurse checks a patient in Geneva.", "XINHUA"),
    ("◀The brooch, an AI-driven jewel. (COURTESY PHOTO)", "The brooch, an AI-driven jewel.", "COURTESY PHOTO"),
    ("Robots weld car bodies in Changzhou. Photo: Xinhua", "Robots weld car bodies in Changzhou.", "Xinhua"),
    ("Illustration: Craig Stephens", "", "Craig Stephens"),
    ("Workers at the plant. (Photo by Li Ming/Xinhua)", "Workers at the plant.", "Li Ming/Xinhua"),
    ("The new bridge at dusk. [PHOTO/CHINA DAILY]", "The new bridge at dusk.", "CHINA DAILY"),
    ("US envoy at the talks. Photo: TT News Agency via AP", "US envoy at the talks.", "TT News Agency via AP"),
])
def test_captions_split_into_caption_and_credit(line: str, caption: str, credit: str) -> None:
    assert parse_caption(line) == (caption, credit)


def test_a_sentence_mentioning_a_photo_is_not_a_caption() -> None:
    assert parse_caption("He said the photo: a blur of lights and faces, was taken at night by a friend.") is None


def test_jump_lines_name_the_page() -> None:
    assert JUMP_FROM.match("From page 1")["page"] == "1"
    assert JUMP_FROM.match("Continued from Page A3")["page"] == "A3"
    assert JUMP_FROM.match("(Continued from A1)")["page"] == "A1"
    assert JUMP_TO.match("Continued on page 7")["page"] == "7"
    assert JUMP_FROM.match("From pages of history we learn") is None
    assert JUMP_FROM.match("From 2015") is None


@pytest.mark.parametrize("line, expected", [
    ("Institutional support", True),
    ("Data Flow Should Be Safe and Steady", True),
    ("Successful technology-industry integration cannot be achieved without", False),
    ("Its silhouette is defined by sharp,", False),
    ("The authors are from BAAI.", False),
])
def test_title_like_lines(line: str, expected: bool) -> None:
    assert is_title_like(line) is expected


def _para(text: str, line: int) -> Block:
    return Block(PARA, text, (line, line))


def test_a_caption_cutting_a_sentence_is_moved_after_the_repaired_paragraph() -> None:
    caption = Block(CAPTION, "x", (2, 2), meta={"caption": "x", "credit": "y"})
    body = repair_blocks([_para("forcing WHO to scale back staff", 1), caption, _para("and critical programs.", 3)])
    assert [b.kind for b in body] == [PARA, CAPTION]
    assert body[0].text == "forcing WHO to scale back staff and critical programs."
    assert body[0].lines == (1, 3)


def test_real_paragraph_ends_stay() -> None:
    body = repair_blocks([_para("It rained.", 1), _para("Then it stopped.", 2), _para("“Quoted”", 3),
                          _para("“Another quote.”", 4)])
    assert len(body) == 4


def test_hyphenated_cut_joins_the_word() -> None:
    body = repair_blocks([_para("the inter-", 1), _para("national community.", 2)])
    assert body[0].text == "the international community."


def test_crossheads_are_not_joined() -> None:
    body = repair_blocks([_para("without", 1), Block(CROSSHEAD, "Support", (2, 2)), _para("strong support.", 3)])
    assert len([b for b in body if b.kind == PARA]) == 2


def test_names_in_capitals_to_reading_case() -> None:
    assert reading_case("LIANG Yilian") == "Liang Yilian"
    assert reading_case("A. O. TAIT") == "A. O. Tait"
    assert reading_case("van der BERG") == "van der Berg"


def test_dates_and_timestamps() -> None:
    assert find_date("2025.08.18 13:20") == "2025-08-18T13:20"
    assert find_date("OAKLAND, CALIFORNIA, APRIL 24, 1889.") == "1889-04-24"
    assert find_date("2025-02-30") is None
    assert is_timestamp("发布时间: 2026-02-04T03:12:44")
    assert not is_timestamp("海外媒体报道汇总 2024-05-01")
    assert find_date("Berlin, 6. Januar 1894.") == "1894-01-06"
    assert find_date("le 3 février 1920") == "1920-02-03"


@pytest.mark.parametrize("line, expected", [
    ("OAKLAND, CALIFORNIA, APRIL 24, 1889.", True),
    ("## NEW YORK, JANUARY 12, 1893.", True),
    ("Berlin, 6. Januar 1894.", True),
    ("Friday, May 1, 1903", True),
    ("The process began on January 20, 2025, when the president signed", False),
    ("Published on March 3, 2020 by staff", False),
    ("BEIJING, Jan. 5 —", False),
])
def test_masthead_date_lines(line: str, expected: bool) -> None:
    assert is_masthead_date(line) is expected


def test_tracking_parameters_leave_addresses() -> None:
    url, removed = clean_url("https://x.example/a?id=7&utm_source=rss&utm_medium=feed")
    assert url == "https://x.example/a?id=7"
    assert removed == ["utm_source=rss", "utm_medium=feed"]


@pytest.mark.parametrize("text, kind", [
    ("## A\n\n## B\n\nBy X Y\n\nText.\n", "pdf-markdown"),
    ("Title\n\nhttps://a.example/1\n2025.01.01 10:00\nText.\n\nT2\n\nhttps://a.example/2\n2025.01.01 11:00\n"
     "T3\n\nhttps://a.example/3\n2025.01.01 12:00\n", "digest"),
    ("A headline\n\nOne paragraph.\n\nAnother paragraph.\n", "article"),
    ("HEAD\n\nTitle One\n\nBy AN Author\n\nText.\n\nTitle Two\n\nFrom page 2\n\nText.\n", "ocr-page"),
    ("", "generic"),
])
def test_kind_detection(text: str, kind: str) -> None:
    assert detect_kind(text) == kind



def _heads(lines: list[str], first: bool = False, sections: list[str] | None = None) -> dict:
    from pathlib import Path

    from converter.model import Source
    from converter.rules.segment_page import split_heads
    from converter.state import State

    state = State(source=Source(Path("x.txt"), "x.txt", "0", ""), kind="ocr-page", sidecar={"sections": sections or []})
    return split_heads(state, lines, first=first)


def test_kicker_before_or_after_the_headline() -> None:
    assert _heads(["Clear Voice", "U.S. Exit from WHO Threatens Global Public Health"])["section"] == "Clear Voice"
    assert _heads(["Data Flow Should Be Safe and Steady", "Comment"])["title"] == "Data Flow Should Be Safe and Steady"


def test_page_header_over_kicker_and_headline() -> None:
    heads = _heads(["INSIGHTS", "Chinese Sci-tech Contributes to Solving Global Challenges", "Voice of the World"],
                   first=True)
    assert (heads["page"], heads["section"]) == ("INSIGHTS", "Voice of the World")


def test_a_capitals_headline_over_its_kicker_is_no_page_header() -> None:
    # headline, kicker below it, deck: the first line of a three-line group is the headline here
    heads = _heads(["RIVER TOLLS", "Analysis", "Boatmen say the new fees will empty the wharves"], first=True)
    assert (heads["page"], heads["section"], heads["title"]) == (None, "Analysis", "RIVER TOLLS")
    assert heads["deck"] == "Boatmen say the new fees will empty the wharves"
    heads = _heads(["Ferry Fares Climb Again", "Opinion", "Riders face a third rise this year",
                    "The council blames fuel"], first=True)
    assert (heads["page"], heads["title"]) == (None, "Ferry Fares Climb Again")


@pytest.mark.parametrize("first", [False, True])
def test_a_headline_set_apart_by_its_type_over_a_sentence_case_deck(first: bool) -> None:
    # capitals or Title Case, three words or more, over a deck in sentence case: headline and deck
    heads = _heads(["SOME PERTINENT QUESTIONS", "Critics say the plan leaves key questions open"], first=first)
    assert (heads["page"], heads["section"], heads["title"]) == (None, None, "SOME PERTINENT QUESTIONS")
    assert heads["deck"] == "Critics say the plan leaves key questions open"
    heads = _heads(["Heartless Double Dealing", "Officials weigh the costs as a deadline nears"], first=first)
    assert (heads["section"], heads["title"]) == (None, "Heartless Double Dealing")
    # a kicker runs to one or two words: still the kicker over a sentence-case headline
    heads = _heads(["WORLD", "Storm floods the harbour district overnight"], first=first)
    assert heads["title"] == "Storm floods the harbour district overnight"
    heads = _heads(["In Brief", "Ferry fares climb again as fuel costs rise"], first=first)
    assert (heads["section"], heads["title"]) == ("In Brief", "Ferry fares climb again as fuel costs rise")


def test_a_page_label_papers_print_heads_the_page() -> None:
    heads = _heads(["METRO", "Focus", "Bridge Repairs Close Two Lanes"], first=True)
    assert (heads["page"], heads["section"], heads["title"]) == ("METRO", "Focus", "Bridge Repairs Close Two Lanes")
    heads = _heads(["WIRTSCHAFT", "Hafen erhöht die Gebühren für Fähren"], first=True)
    assert (heads["page"], heads["title"]) == ("WIRTSCHAFT", "Hafen erhöht die Gebühren für Fähren")


def test_a_chinese_kicker_over_its_headline() -> None:
    heads = _heads(["评论", "老城区改造让居民重新找回街坊生活", "多方人士表示将持续关注后续进展"])
    assert (heads["section"], heads["title"]) == ("评论", "老城区改造让居民重新找回街坊生活")
    heads = _heads(["港口夜航", "渡轮公司宣布延长夜间航班服务至凌晨两点"])
    assert (heads["section"], heads["title"]) == ("港口夜航", "渡轮公司宣布延长夜间航班服务至凌晨两点")


def test_a_known_label_settles_a_tie_in_length() -> None:
    assert _heads(["Tax Reform Now", "Opinion"])["section"] == "Opinion"
    assert _heads(["Rail Fares Rise", "Money Desk"], sections=["Money Desk"])["title"] == "Rail Fares Rise"


def test_feed_text_is_joined_only_when_the_sentence_visibly_goes_on() -> None:
    body = repair_blocks([_para("Trade war", 1), _para("The tariffs rose again.", 2), _para("and fell.", 3)],
                         laid_out=False)
    assert [b.text for b in body] == ["Trade war", "The tariffs rose again. and fell."]


def test_emphasis_around_a_byline_or_caption_is_layout(tmp_path) -> None:
    from converter.api import convert_to
    import frontmatter

    source = tmp_path / "page.md"
    source.write_text("## NEWS\n\n## Harbour Reopens After Storm\n\n**By LI Ming**\n\nShips returned on Monday.\n\n"
                      "*Ships at the quay. (PHOTO: PORT AUTHORITY)*\n\n**Repairs**\n\nThe quay was mended.\n\n"
                      "_Source: Xinhua_\n\n## Second Story Here Today\n\nBy AN Author\n\nText.\n", encoding="utf-8")
    convert_to([source], tmp_path / "out")
    post = frontmatter.load(next((tmp_path / "out").rglob("harbour-reopens-after-storm.md")))
    assert post["authors"] == ["Li Ming"]
    assert post["source_agency"] == "Xinhua"
    assert post["figures"] == [{"caption": "Ships at the quay.", "credit": "PORT AUTHORITY"}]
    assert "\n## Repairs\n" in post.content


def test_chinese_halves_of_a_cut_paragraph_join_with_no_space() -> None:
    caption = Block(CAPTION, "图为渡口。", (2, 2))
    body = repair_blocks([_para("轮渡公司表示,夜航班次将准时", 1), caption, _para("离港,乘客可提前购票。", 3)])
    assert body[0].text == "轮渡公司表示,夜航班次将准时离港,乘客可提前购票。"
    body = repair_blocks([_para("新航线共有12", 1), Block(CAPTION, "图为渡口。", (2, 2)), _para("个站点。", 3)])
    assert body[0].text == "新航线共有12个站点。"


def test_a_latin_word_beside_chinese_keeps_its_space_at_a_cut() -> None:
    body = repair_blocks([_para("乘客可以使用", 1), Block(CAPTION, "图为渡口。", (2, 2)), _para("Octopus 卡付费。", 3)])
    assert body[0].text == "乘客可以使用 Octopus 卡付费。"
    body = repair_blocks([_para("The ferry leaves at", 1), Block(CAPTION, "A ferry.", (2, 2)), _para("noon daily.", 3)])
    assert body[0].text == "The ferry leaves at noon daily."


@pytest.mark.parametrize("text, dateline, agency", [
    ("GENEVA (AP) — The talks resumed on Monday.", "GENEVA (AP)", "AP"),
    ("LONDON, March 3 (Reuters) - Shares rose in early trade.", "LONDON, March 3 (Reuters)", "Reuters"),
    ("Paris (ats afp) Le gouvernement a annoncé lundi un plan.", "Paris (ats afp)", "ats/AFP"),
])
def test_one_dateline_matcher_serves_the_article_rule_and_the_wire_readers(text, dateline, agency) -> None:
    from converter.readers import wire_codes
    from converter.rules import datelines, find_datelines

    assert wire_codes.dateline_match is datelines.dateline_match  # the readers use the shared matcher
    assert find_datelines.read_dateline is datelines.read_dateline
    article = datelines.read_dateline(text)
    wire = datelines.dateline_match(text)
    assert (article.text, article.agency) == (dateline, agency)
    assert wire["dateline"].strip() == dateline
    assert text[wire.end():] == article.rest
