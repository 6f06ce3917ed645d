"""Kind detection: a scored choice from the conventions a text shows, on invented texts of each shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.detect import choose_kind

REUTERS_INDENTED = """Oil climbs as supply worries return to the market

   LONDON, March 3 (Reuters) - Oil prices rose on Tuesday as traders
weighed fresh supply worries against signs of slowing demand in the
world's largest economies, extending gains from the previous session.
   Brent crude futures were up 64 cents, or 0.8 percent, at $82.10 a
barrel by 1015 GMT, while U.S. crude gained 58 cents to $78.40.
   "The market is tight and any disruption is felt immediately," said
one analyst at a London brokerage, who asked not to be named.
   Prices have swung widely this year as producers cut output and
refiners ran down stocks ahead of the summer driving season.
   The group is due to meet next month to review its policy, and
several members have signalled that they favour keeping cuts in place.
"""

WIRE_IPTC = """ZCZC
%A
#PM Harbour
$Harbour bridge reopens, 1430
:1430
*07000000
~PM Service
@Sydney
Harbour bridge reopens after repairs

SYDNEY, Nov 6 AAP - The harbour bridge reopened to traffic on Thursday
after three weeks of repairs, transport officials said.

Engineers finished the work ahead of schedule, the minister said.

AAP mk/jt
NNNN
"""

WIRE_ANPA = ("\x01a0217XYZ\x1fnews-\r\n\x02BC-Flood-Relief  03-04 0512\r\nFlood relief reaches valley towns\r\n"
             "     RIVERTON, March 4 XYZ - Relief trucks reached the flooded valley towns\r\n"
             "on Monday after the river fell overnight, officials said.\r\n"
             "     Hundreds of families spent the night in schools and halls.\r\n==XYZ\r\n\x03KWS-09:12\x04")

LINK_DUMP = "\n\n".join(
    f"## {title}\nhttps://news.example.org/{slug}?utm_source=rss\nFeed: Example News\n2026-02-0{day} 08:1{day}"
    for day, (title, slug) in enumerate([("Council approves budget", "budget"), ("Rail strike called off", "rail"),
                                         ("New library opens", "library"), ("Storm warning lifted", "storm")], 1))

FEED_SECTIONS = """# Morning links 2026-03-19

### Hacker News

- [A new compiler for old machines](https://example.com/a)
- [Why caches fail](https://example.com/b)
- [Notes on text encodings](https://example.com/c)

### City desk

- [Council approves the budget](https://example.org/d)
- [Rail strike called off](https://example.org/e)
- [Library opens on Sunday](https://example.org/f)
- [Storm warning lifted](https://example.org/g)
"""

PDF_MARKDOWN = """=====
PAGE 2
=====

# THE WEEKLY RECORD

## Council Approves New Budget

The council approved the budget on Tuesday after a month of talks with the
unions &amp; the trade groups.

![img-0.jpeg](img-0.jpeg)

## Bridge Reopens

The bridge reopened to traffic on Monday.

| Ward | Votes |
|---|---|
| North | 120 |
| South | 98 |

=====
PAGE 3
=====

### Letters

Readers wrote in about the new timetable.
"""

OCR_PAGE = """THE RIVERTON HERALD
Vol. 12, No. 88 TUESDAY, MARCH 3, 1987 Price 10 Cents
.V. ■ —— ,
COUNCIL APPROVES
NEW BUDGET
Vote Ends Month of Talks
By MARY JONES
Staff Writer
The city council approved the new budget on
Tuesday night after a month of talks with the
unions, ending a dispute that had closed two
libraries and delayed road repairs across the
east side of town.
See BUDGET, page 6
BRIDGE REOPENS
AFTER REPAIRS
By JOHN SMITH
Herald Correspondent
The harbour bridge reopened to traffic on Mon-
day after three weeks of repairs, officials said,
and the first buses crossed at six in the morning.
Continued on page 5
SCHOOL BOARD
Meets Thursday
The school board will meet on Thursday to dis-
cuss the new timetable for the spring term.
"""

ONE_PER_LINE = ("Giant waves damage the coast economy\n\n"
                + "\n\n".join("The tourism industry, which accounts for a large share of the region's income, "
                              f"suffered heavy losses in the storm, officials said in their report number {i}, "
                              "adding that rebuilding would take years and cost billions of dollars." for i in range(6))
                + "\n")

CHINESE_ARTICLE = ("科技创新引领高质量发展\n\n本报记者 李明 王芳\n\n"
                   + "\n\n".join("近日，多家国际机构发布报告显示，我国在基础研究和应用研究领域取得显著进展，"
                                 "多个城市的科研产出位居世界前列，专家认为这将为经济社会发展提供有力支撑。" for _ in range(5))
                   + "\n")


@pytest.mark.parametrize("text, kind", [
    (REUTERS_INDENTED, "article"),
    (ONE_PER_LINE, "article"),
    (CHINESE_ARTICLE, "article"),
    (LINK_DUMP, "digest"),
    (FEED_SECTIONS, "digest"),
    (PDF_MARKDOWN, "pdf-markdown"),
    (OCR_PAGE, "ocr-page"),
])
def test_each_shape_is_read_as_its_kind(text: str, kind: str) -> None:
    choice = choose_kind(text)
    assert choice.kind == kind, choice.as_dict()
    assert choice.decided_by == "evidence" and choice.confidence >= 0.55 and choice.runner_up


@pytest.mark.parametrize("text", [WIRE_IPTC, WIRE_ANPA])
def test_wire_copy_is_wire_not_pdf_markdown_or_ocr(text: str) -> None:
    choice = choose_kind(text)
    assert choice.kind == "wire" and choice.decided_by == "evidence", choice.as_dict()


def test_an_indented_article_is_not_an_ocr_page_even_hard_wrapped() -> None:
    choice = choose_kind(REUTERS_INDENTED)
    conventions = {name for kind, name, _, _ in choice.evidence if kind == "article"}
    assert "first-line indented paragraphs" in conventions and "a dateline opening the text" in conventions


def test_little_evidence_falls_back_to_generic() -> None:
    choice = choose_kind("ok\n")
    assert choice.kind == "generic"
    choice = choose_kind("something\nsomething else entirely, with a comma\n")
    assert choice.kind == "generic" or choice.confidence >= 0.55


def test_format_option_and_sidecar_override_detection(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONE_PER_LINE, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(page), "--out", str(tmp_path / "a"), "--format", "ocr-page"])
    assert result.exit_code == 0, result.output
    source = json.loads((tmp_path / "a" / "conversion-report.json").read_text())["sources"][0]
    assert source["kind"] == "ocr-page" and source["detection"]["decided_by"] == "--format"
    assert source["detection"]["detected"] == "article"
    (tmp_path / "page.yml").write_text("format: generic\n", encoding="utf-8")
    runner.invoke(main, ["convert", str(page), "--out", str(tmp_path / "b")])
    source = json.loads((tmp_path / "b" / "conversion-report.json").read_text())["sources"][0]
    assert source["kind"] == "generic" and source["detection"]["decided_by"] == "sidecar format:"
    assert "**Kind:** generic (sidecar format:" in (tmp_path / "b" / "conversion-report.md").read_text()


def test_an_unknown_sidecar_format_is_a_one_line_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ONE_PER_LINE, encoding="utf-8")
    (tmp_path / "page.yml").write_text("format: newspaper\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(page), "--out", str(tmp_path / "out")])
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "page.txt" in errors[0] and "'newspaper' is not a kind" in errors[0]


def test_the_report_names_confidence_and_runner_up(tmp_path: Path) -> None:
    page = tmp_path / "links.txt"
    page.write_text(LINK_DUMP, encoding="utf-8")
    CliRunner().invoke(main, ["convert", str(page), "--out", str(tmp_path / "out")])
    detection = json.loads((tmp_path / "out" / "conversion-report.json").read_text())["sources"][0]["detection"]
    assert detection["kind"] == "digest" and detection["runner_up"] and 0.55 <= detection["confidence"] <= 1
    assert any(e["convention"] == "timestamp lines" for e in detection["evidence"])


def test_a_kind_whose_rules_find_no_article_gives_way_to_the_runner_up(tmp_path: Path) -> None:
    from converter.pipeline import convert_source
    from converter.presets import PRESETS
    from converter.sources import read_source

    page = tmp_path / "links.txt"
    page.write_text(LINK_DUMP, encoding="utf-8")
    saved = PRESETS["digest"][:]
    try:
        PRESETS["digest"][:] = PRESETS["digest"][:1]  # a digest reader that recognises nothing
        result = convert_source(read_source(page))
    finally:
        PRESETS["digest"][:] = saved
    assert result.articles and result.kind == result.choice.runner_up != "digest"
    assert result.choice.detected == "digest" and "found no article" in result.choice.decided_by


PLAIN_WIRE = """BC-Oil-Prices 1stLd-Writethru 03-03 0418
REFILE-UPDATE 2-Oil climbs as supply worries return

   LONDON, March 3 (Reuters) - Oil prices rose on Tuesday as traders
weighed fresh supply worries against signs of slowing demand.
   Brent crude futures were up 64 cents at $82.10 a barrel by 1015 GMT.
   "The market is tight," said one analyst at a London brokerage.
(Reporting by A. Writer; Editing by B. Editor)
(END)
"""


def test_a_transmission_without_control_codes_is_still_wire() -> None:
    choice = choose_kind(PLAIN_WIRE)
    assert choice.kind == "wire", choice.as_dict()
    names = {name for kind, name, _, _ in choice.evidence if kind == "wire"}
    assert "slug and version lines (BC-, REFILE-, 2ND LEAD)" in names and "desk sign-offs and end marks" in names


def test_an_urgent_headline_on_a_page_does_not_make_it_wire() -> None:
    assert choose_kind(OCR_PAGE.replace("BRIDGE REOPENS", "URGENT")).kind == "ocr-page"
