"""Page conventions the composed-page benchmark measures, one invented page each: captions with a
credit line in one-paragraph-per-line text, a story continued on page 2 of the same file, boxed
adverts with no cue word, a garbled volume line, a numbered capitals headline, a Chinese question
headline, a colon that announces a quotation, and a headline with a deck over text set one per line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from converter.model import Source
from converter.pipeline import SourceResult, convert_source


def convert(text: str, kind: str = "ocr-page", name: str = "page.txt") -> SourceResult:
    source = Source(Path(name), name, hashlib.sha256(text.encode()).hexdigest(), text)
    return convert_source(source, None, kind)


def article(result: SourceResult, title: str):
    return next(a for a in result.articles if a.title == title)


def reasons(result: SourceResult) -> dict[str, str]:
    return {d.text: d.reason for d in result.dropped}


ONE_PER_LINE_CAPTION = """Harbour Ferry Returns After Repairs
By Ana Ruiz
Staff Writer
The harbour ferry returned to service on Monday after six weeks in dry dock at the northern yard.
Engineers replaced both engines and the steering gear, and the crew said the boat had never run
Passengers board the ferry at the north pier on Monday morning.
STAFF PHOTO/JOHN MARSH
so quietly in all its years on the water, the captain told reporters at the pier.
Commuters said the detour by road had added an hour to every working day since the spring.
"""


def test_a_caption_with_its_credit_line_cutting_a_line_paragraph_is_lifted_out() -> None:
    result = convert(ONE_PER_LINE_CAPTION.replace("run\n", "run\n", 1))
    story = article(result, "Harbour Ferry Returns After Repairs")
    paras = story.paragraphs()
    assert len(paras) == 3
    assert any("had never run so quietly" in p for p in paras)
    assert not any("STAFF PHOTO" in p for p in paras)
    assert [f.credit for f in story.figures] == ["STAFF PHOTO/JOHN MARSH"]


TWO_PAGES = """Council Approves Harbour Budget

By Ana Ruiz

The council approved the harbour budget on Tuesday after a long debate about dredging costs.

Members said the vote would let work begin before the winter storms arrive at the coast, and

Please see BUDGET, A2


============================================================
PAGE 2
============================================================

Library Opens New Wing

By Tom Reyes

The library opened its new wing on Saturday with a reading by local schoolchildren and parents.

Visitors queued from early morning to see the new reading rooms and the restored map collection.


{head}

{jump_in}

the dredging contract will be signed next month, the harbour master said after the meeting.

The budget also sets aside money for new mooring buoys and a second pilot boat for the port.
"""


def test_a_story_continued_on_page_two_of_the_same_file_is_one_article() -> None:
    for head, jump_in in (("BUDGET", "Continued from page 1"), ("Council Approves Harbour Budget", "From page 1"),
                          ("BUDGET: Council Approves Harbour Budget", "From page 1")):
        result = convert(TWO_PAGES.format(head=head, jump_in=jump_in))
        titles = sorted(a.title for a in result.articles)
        assert titles == ["Council Approves Harbour Budget", "Library Opens New Wing"], head
        story = article(result, "Council Approves Harbour Budget")
        assert any("arrive at the coast, and the dredging contract" in p for p in story.paragraphs()), head


ADVERTS = """Council Approves Harbour Budget

By Ana Ruiz

The council approved the harbour budget on Tuesday after a long debate about dredging costs.

Anyone with questions about the new mooring fees may call the harbour office at 555-0100.

USED CARS — NO MONEY DOWN
Riverside Motors  Open Sundays  555-0199

Members said the vote would let work begin before the winter storms arrive at the coast.
"""


def test_a_boxed_advert_closing_on_a_phone_number_is_dropped_but_a_sentence_giving_one_stays() -> None:
    result = convert(ADVERTS)
    body = " ".join(article(result, "Council Approves Harbour Budget").paragraphs())
    assert "Riverside Motors" not in body and "NO MONEY DOWN" not in body
    assert "call the harbour office at 555-0100." in body
    dropped = reasons(result)
    assert dropped["Riverside Motors Open Sundays 555-0199"].startswith("advert")
    assert dropped["USED CARS — NO MONEY DOWN"] == "advert heading"


MASTHEAD = """THE RIVERTOO . HERILD
Vol. »II, io. 88  Price10  C1nts

CHINA’S NO 2 CHIPMAKER SEEKS ACQUISITION

By Ana Ruiz

The chipmaker said on Monday it would buy a smaller rival to bolster its lead in legacy chips.

Analysts said the deal would face a long review by regulators in several markets this year.
"""


def test_a_garbled_volume_line_is_masthead_and_a_numbered_capitals_headline_is_not() -> None:
    result = convert(MASTHEAD)
    assert [a.title for a in result.articles] == ["CHINA’S NO 2 CHIPMAKER SEEKS ACQUISITION"]
    assert reasons(result)["Vol. »II, io. 88 Price10 C1nts"].startswith("masthead")


ZH_QUESTION = """2024年5月3日 星期五  第5版

要闻


港口扩建工程今日正式开工

记者从市港务局获悉，港口扩建工程今日正式开工，预计三年内建成投用，新增泊位十二个。

工程总投资约八十亿元，将显著提升港口的集装箱吞吐能力，带动周边物流产业发展。


新能源汽车如何带动产业链“走出去”？

今年以来，多家新能源汽车企业加快海外布局，在东南亚和欧洲新建工厂，带动零部件企业随同出海。

业内人士认为，海外建厂有助于企业规避贸易壁垒，同时也对企业的管理能力提出了更高要求。
"""


def test_a_chinese_question_headline_after_a_story_gap_heads_its_story() -> None:
    result = convert(ZH_QUESTION)
    titles = [a.title for a in result.articles]
    assert "新能源汽车如何带动产业链“走出去”？" in titles
    assert article(result, "新能源汽车如何带动产业链“走出去”？").paragraphs()[0].startswith("今年以来")


QUOTATION = """The Sunday Question

By Ana Ruiz

The editor of that paper answered the question in the following words:—

The pier at dawn, as the first ferry leaves. (PHOTO: Harbour Trust)

“No objection to the law can be raised by any citizen who keeps the day as the law directs.”

The answer satisfied few of the readers who had written to the paper about the new law.
"""


def test_a_paragraph_announcing_a_quotation_ends_there_whatever_stands_between() -> None:
    paras = article(convert(QUOTATION), "The Sunday Question").paragraphs()
    assert len(paras) == 3
    assert paras[0].endswith("in the following words:—")


LINE_PAGE = """Harbour Ferry Returns After Repairs
By Ana Ruiz, Staff Writer
The harbour ferry returned to service on Monday after six weeks in dry dock at the northern yard.
Engineers replaced both engines and the steering gear during the long repair this spring.
Additional reporting by Tom Reyes
Hi-Tech
Port authority orders two electric pilot boats for the harbour
Officials weigh the costs as a deadline nears
The port authority has ordered two electric pilot boats to replace its ageing diesel fleet this year.
The boats will be built at the northern yard and delivered before the end of next summer, it said.
"""


def test_a_headline_with_its_deck_after_a_sign_off_heads_the_next_story_on_a_line_page() -> None:
    result = convert(LINE_PAGE)
    titles = [a.title for a in result.articles]
    assert titles == ["Harbour Ferry Returns After Repairs", "Port authority orders two electric pilot boats for the harbour"]
    story = article(result, "Port authority orders two electric pilot boats for the harbour")
    assert story.paragraphs()[0].startswith("The port authority has ordered")
