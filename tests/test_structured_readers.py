"""Structured readers: wire transmissions, news markup and source front matter.

Each fixture is a source written for these tests (invented stories) or an
AGPL wire sample; the tests assert what a user relies on: every story is
found, no tag or control code reaches a title or a body, the metadata is read
from where the format puts it, what is left out is reported with its reason,
and every word is accounted for.
"""

from __future__ import annotations

import json
import re
from collections import Counter
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.api import convert_to
from converter.audit import article_words, audit_output, audit_text, audit_words
from converter.model import Source
from converter.pipeline import convert_source
from converter.readers import recognise
from converter.render import render_article
from converter.urls import clean_url, clean_urls_in_text

ROOT = Path(__file__).resolve().parent.parent
READERS = ROOT / "tests" / "fixtures" / "readers"
EXTRA = ROOT / "tests" / "data" / "extra"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?>")
TICKER = re.compile(r"<[A-Z]{1,5}>")  # a stock ticker as wires print it (`STANDARD OIL <SRD>`): text, not a tag


def convert(paths: list[Path], out: Path) -> tuple[dict, list[tuple[dict, str]]]:
    convert_to(paths, out)
    report = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))
    articles = []
    for path in sorted((out / "articles").rglob("*.md")):
        _, meta, body = path.read_text(encoding="utf-8").split("---\n", 2)
        articles.append((yaml.safe_load(meta), body))
    return report, articles


def by_file(articles: list[tuple[dict, str]], name: str) -> list[tuple[dict, str]]:
    return [(m, b) for m, b in articles if m["provenance"][0]["file"] == name]


def body_without_figures(body: str) -> str:
    return re.sub(r'<figure class="bs-figure">.*?</figure>', "", body)


# source file → (kind, titles of the stories in order of the source)
STRUCTURED = {
    "wire_iptc7901.txt": ("wire", ["River burst its banks at Millbrook overnight", "Covered market reopens after repairs"]),
    "wire_anpa_fr.txt": ("wire", ["Le tramway de Genève prolongé jusqu'à la frontière"]),
    "wire_aap_fields.txt": ("wire", ["Port volumes climb for third month"]),
    "wire_ap_anpa.txt": ("wire", ["Harbor bridge to close for repairs"]),
    "sgml_collection.txt": ("news-markup", ["Harbour bridge reopens after three-week repair",
                                            "School board names new principal", "Rain delays river festival"]),
    "nitf.txt": ("news-markup", ["Ferry fares to rise in spring"]),
    "newsml_g2.txt": ("news-markup", ["Library extends opening hours"]),
    "crawler.txt": ("news-markup", ["Night market returns to the old quay", "Town pool closes for repairs"]),
    "html_article.txt": ("news-markup", ["Bakery wins regional prize"]),
    "html_saved_page.txt": ("news-markup", ["Ferry timetable changes from May"]),
    "rss_feed.txt": ("news-markup", ["Footbridge closed for inspection", "Choir wins county contest"]),
    "reuters_collection.txt": ("news-markup", ["FJORD FERRY LINE <FFL> ADDS NIGHT CROSSING",
                                               "MAPLE SYRUP OUTPUT SEEN LOWER AFTER WARM WINTER"]),
    "gigaword_collection.txt": ("news-markup", ["Lighthouse keepers return to remote island",
                                                "Orchard growers form cooperative"]),
    "story_archive.txt": ("news-markup", ["Tram depot becomes market hall", 'Choir "Cantabile" wins county contest']),
}
WIRE_SAMPLES = {
    "wire_kyodo_1.txt": "Soccer: Urawa Reds claim 7th Emperor's Cup by beating Vegalta Sendai",
    "wire_aapnewsbites_1.txt": "UGL continues project delay negotiation",
    "wire_aapbob_1.txt": "Sydney headlines round-up Nov 06, 1200",
    "wire_aapmedianet_1.txt": "ABS data released today shows building and construction is underpinning growth "
                              "in the Australian economy",
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list, Path]:
    out = tmp_path_factory.mktemp("structured")
    paths = [READERS / name for name in STRUCTURED] + [EXTRA / name for name in WIRE_SAMPLES]
    report, articles = convert(paths, out)
    return report, articles, out


@pytest.mark.parametrize("name", list(STRUCTURED))
def test_every_story_is_found_by_its_reader(converted, name: str) -> None:
    report, articles, _ = converted
    kind, titles = STRUCTURED[name]
    source = next(s for s in report["sources"] if s["file"] == name)
    assert source["kind"] == kind
    mine = sorted(by_file(articles, name), key=lambda a: a[0]["provenance"][0]["lines"][0])
    assert [m["title"] for m, _ in mine] == titles


@pytest.mark.parametrize("name", list(STRUCTURED) + list(WIRE_SAMPLES))
def test_no_tag_or_control_code_in_a_title_or_body(converted, name: str) -> None:
    _, articles, _ = converted
    mine = by_file(articles, name)
    assert mine
    for meta, body in mine:
        text = meta["title"] + "\n" + body_without_figures(body)
        assert not CONTROL.search(text), repr(text)
        assert not TAG.search(TICKER.sub("", text.replace("&lt;", "<"))), text
        for code in ("ZCZC", "NNNN", "TI#", "TX#", "<DOC", "DOCNO", "==", "KWS-", "\x02"):
            assert code not in text


def test_every_word_of_the_structured_sources_is_accounted_for(converted) -> None:
    _, _, out = converted
    paths = [READERS / name for name in STRUCTURED] + [EXTRA / name for name in WIRE_SAMPLES]
    results = audit_output(paths, out)
    assert [r.line() for r in results if r.missing or r.problem] == []


@pytest.mark.parametrize("name, title", list(WIRE_SAMPLES.items()))
def test_wire_samples_give_one_story_each(converted, name: str, title: str) -> None:
    _, articles, _ = converted
    assert [m["title"] for m, _ in by_file(articles, name)] == [title]


def meta_of(articles, title: str) -> tuple[dict, str]:
    return next((m, b) for m, b in articles if m["title"] == title)


@pytest.mark.parametrize("path", [READERS / "wire_iptc7901.txt", READERS / "wire_anpa_fr.txt",
                                  *[EXTRA / name for name in WIRE_SAMPLES]], ids=lambda p: p.name)
def test_wire_read_the_same_when_control_characters_were_lost(path: Path) -> None:
    from converter.decode import decode_bytes

    text = decode_bytes(path.read_bytes())[0]

    def stories(source_text: str) -> list[tuple]:
        source = Source(path=path, name=path.name, sha256="0" * 64, text=source_text)
        result = convert_source(source, None, None)
        assert result.kind == "wire"
        return [(a.title, a.date, a.source_agency, a.paragraphs()) for a in result.articles]

    assert stories(CONTROL.sub("", text)) == stories(text)


def test_kyodo_anpa_story_metadata(converted) -> None:
    _, articles, _ = converted
    meta, body = meta_of(articles, WIRE_SAMPLES["wire_kyodo_1.txt"])
    assert meta["date"] == "2018-12-09T21:37"  # `Dec. 9` in the dateline decides day-month order of `09-12-18`
    assert meta["source_agency"] == "Kyodo"
    assert meta["dateline"] == "SAITAMA, Japan, Dec. 9 Kyodo"
    paragraphs = [p for p in body.strip().split("\n\n")]
    assert len(paragraphs) == 11  # marked by a five-space indent, wrapped lines joined
    assert paragraphs[0].startswith("Urawa Reds claimed their seventh Emperor's Cup on Sunday")


def test_field_tags_and_framing_agency(converted) -> None:
    _, articles, _ = converted
    bites, _ = meta_of(articles, WIRE_SAMPLES["wire_aapnewsbites_1.txt"])
    assert bites["date"] == "2016-06-06T14:00:00" and bites["source_agency"] == "News Bites"
    assert bites["deck"].startswith("UGL’s construction of the Ichthys SMP")
    bob, body = meta_of(articles, WIRE_SAMPLES["wire_aapbob_1.txt"])
    assert bob["source_agency"] == "AAP"  # named after ZCZC
    assert "- Socceroos attacker Daniel Arzani" in body  # a round-up's bullets are list items
    fields, _ = meta_of(articles, "Port volumes climb for third month")
    assert fields["authors"] == ["Kim Ashby", "Tom Reilly"] and fields["source_agency"] == "Harbour Wire"


def test_iptc_messages_read_flags_credits_and_timestamps(converted) -> None:
    report, articles, _ = converted
    flood, body = meta_of(articles, "River burst its banks at Millbrook overnight")
    assert flood["authors"] == ["Ines Morel"] and flood["dateline"] == "MILLBROOK, March 3 (HBN)"
    assert flood["date"] == "2020-03-03T09:15"  # date-time group `030915 mar 20`
    assert "Photographs" not in body and "Dana Cole" not in body and "Paul Grant" not in body
    dropped = next(s for s in report["sources"] if s["file"] == "wire_iptc7901.txt")["dropped"]
    reasons = {d["text"]: d["reason"] for d in dropped}
    assert reasons["2ND LEAD"].startswith("wire version flag") and reasons["REFILE"].startswith("wire version flag")
    assert reasons["Media contact: Dana Cole, +44 20 7946 0001"].startswith("notes to editors")
    assert reasons["Editing by Paul Grant"].startswith("desk credits")
    assert reasons["ZCZC HBN0412 3 ws 0215"].startswith("wire transmission framing")
    assert reasons["@WLS"].startswith("wire header code")


def test_ap_paragraph_marks_eds_note_and_byline(converted) -> None:
    _, articles, _ = converted
    meta, body = meta_of(articles, "Harbor bridge to close for repairs")
    assert meta["authors"] == ["Jane Doe"] and meta["dateline"] == "PORTVILLE, Maine (AP)"
    paragraphs = body.strip().split("\n\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("The harbor bridge will close")
    assert "^" not in body and "Eds" not in body and "Associated Press Writer" not in body and "(MORE)" not in body


def test_anpa_french_story(converted) -> None:
    _, articles, _ = converted
    meta, body = meta_of(articles, "Le tramway de Genève prolongé jusqu'à la frontière")
    assert meta["dateline"] == "Genève (ats)" and meta["date"] == "2021-04-14T15:30"
    assert body.strip().startswith("Le tramway reliera le centre de Genève")
    assert len(body.strip().split("\n\n")) == 3 and "(ATS" not in body and "Transports" not in body


def test_markup_metadata(converted) -> None:
    _, articles, _ = converted
    ferry, body = meta_of(articles, "Ferry fares to rise in spring")
    assert ferry["deck"] == "Operator blames fuel costs & new safety rules"
    assert ferry["authors"] == ["Tomas Reyes"] and ferry["date"] == "2024-04-12T06:30:00"
    assert ferry["figures"] == [{"caption": "The morning ferry leaves Kestrel Bay pier.", "credit": "Lena Park"}]
    assert "## Safety rules" in body
    bridge, body = meta_of(articles, "Harbour bridge reopens after three-week repair")
    assert bridge["authors"] == ["Mara Lindqvist"] and bridge["dateline"] == "PORT ELLIS, Jan. 5 (HBT)"
    assert body.strip().split("\n\n")[0].startswith("The harbour bridge reopened")  # unclosed <P> ends a paragraph
    rain, body = meta_of(articles, "Rain delays river festival")
    assert len(body.strip().split("\n\n")) == 2  # <TEXT> without <P>: paragraphs marked by indentation
    market, _ = meta_of(articles, "Night market returns to the old quay")
    assert market["url"] == "https://news.example.invalid/2023/07/market.html?id=7"
    pool, body = meta_of(articles, "Town pool closes for repairs")
    assert pool["date"] == "2023-07-14T09:00" and "<p>" not in body  # CDATA holding markup is read as markup
    bakery, body = meta_of(articles, "Bakery wins regional prize")
    assert bakery["authors"] == ["Li Wen"] and "tracking" not in body and "Subscribe" not in body


def test_rss_items(converted) -> None:
    _, articles, _ = converted
    bridge, body = meta_of(articles, "Footbridge closed for inspection")
    assert bridge["url"] == "https://valley.example.invalid/footbridge" and bridge["publication"] == "Valley Echo"
    assert bridge["authors"] == ["Ana Ruiz"] and bridge["section"] == "Local" and bridge["date"] == "2023-03-06T08:15"
    assert body.strip().split("\n\n") == ["The footbridge over the river is closed until Friday.",
                                           "Engineers are checking its cables."]  # escaped markup read as markup


def test_saved_page_meta_tags(converted) -> None:
    _, articles, _ = converted
    page, body = meta_of(articles, "Ferry timetable changes from May")  # og:title, not `<title>` with the site
    assert page["publication"] == "Kestrel Bay News" and page["authors"] == ["Ruth Onyango"]
    assert page["date"] == "2024-04-20T07:30:00" and page["section"] == "Transport"
    assert page["url"] == "https://kbn.example.invalid/ferry-timetable"
    assert body.strip().startswith("The first ferry will leave")


def test_plain_text_and_markdown_are_not_taken_for_structured_sources() -> None:
    assert recognise("Council Meets\n\nThe council met on Monday.\n") is None
    assert recognise("---\ntitle: x\n---\n\n# Title\n\n<figure><figcaption>A</figcaption></figure>\n\nText.\n") is None
    assert recognise("Prices: <b>low</b> and the story goes on.\n<i>x</i>\n") is None
    assert recognise("ZCZC\nTI#Title\nTX#\nBody.\n") == "wire"
    assert recognise("<DOC>\n<DOCNO> 1 </DOCNO>\n<TEXT>\nx\n</TEXT>\n</DOC>\n") == "news-markup"


def test_entity_declarations_are_not_expanded(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE nitf [\n<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">\n'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
            "<nitf><body><body.head><hedline><hl1>Quiet night &c;</hl1></hedline></body.head>"
            "<body.content><p>Nothing happened &c;&c;&c;.</p></body.content></body></nitf>\n")
    (tmp_path / "bomb.txt").write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    _, articles = convert([tmp_path / "bomb.txt"], tmp_path / "out")
    assert time.perf_counter() - started < 10
    assert len(articles) == 1 and "aaaaaaaaaa" not in articles[0][1]


def test_malformed_sgml_converts_without_loss(tmp_path: Path) -> None:
    text = ("<DOC>\n<DOCNO> X-1 </DOCNO>\n<HEADLINE> Broken <B>markup survives </HEADLINE>\n<TEXT>\n<P>\n"
            "A stray < sign and an & stay as typed.\n<P>\nSecond paragraph without an end.\n</DOC>\n"
            "<DOC>\n<HEADLINE> Second story </HEADLINE>\n<TEXT>\nOnly text here, long enough to read.\n")
    (tmp_path / "broken.txt").write_text(text, encoding="utf-8")
    _, articles = convert([tmp_path / "broken.txt"], tmp_path / "out")
    assert [m["title"] for m, _ in articles if m["title"] == "Second story"]
    assert audit_output([tmp_path / "broken.txt"], tmp_path / "out")[0].missing == {}


def test_sgml_collection_conventions_of_other_archives(tmp_path: Path) -> None:
    text = ("<DOC>\n<DOCNO> LT010389-0001 </DOCNO>\n<DATE>\n<P>\nJanuary 3, 1989, Tuesday, Home Edition\n</P>\n</DATE>\n"
            "<SECTION>\n<P>\nMetro; Part 2; Page 1\n</P>\n</SECTION>\n<HEADLINE>\n<P>\nTRAM LINE PLANS UNVEILED\n</P>\n"
            "</HEADLINE>\n<BYLINE>\n<P>\nBy MARIA LOPEZ, Times Staff Writer\n</P>\n</BYLINE>\n<TEXT>\n<P>\nPlans for a "
            "tram line along the coast were shown to residents on Monday.\n</P>\n</TEXT>\n</DOC>\n"
            "<DOC>\n<DOCNO> WJ890326-0001 </DOCNO>\n<HL> Grain Prices Ease </HL>\n<DD> 03/26/89 </DD>\n"
            "<DATELINE> CHICAGO </DATELINE>\n<TEXT>\n    Grain prices eased on Friday as rain fell across the plains.\n"
            "</TEXT>\n</DOC>\n")
    (tmp_path / "collection.txt").write_text(text, encoding="utf-8")
    _, articles = convert([tmp_path / "collection.txt"], tmp_path / "out")
    tram, body = meta_of(articles, "TRAM LINE PLANS UNVEILED")
    assert tram["date"] == "1989-01-03" and tram["authors"] == ["Maria Lopez"] and tram["section"] == "Metro; Part 2; Page 1"
    grain, body = meta_of(articles, "Grain Prices Ease")
    assert grain["date"] == "1989-03-26" and grain["dateline"] == "CHICAGO"
    assert body.strip() == "Grain prices eased on Friday as rain fell across the plains."


def test_a_time_of_day_after_the_desk_signature_is_the_transmission_time(tmp_path: Path) -> None:
    text = ("ZCZC RTR0412\r\nBC-Harbour-Ferries 05-14 310\r\nHarbour ferries add a night crossing\r\n\r\n"
            "   OSLO (Reuters) - Harbour ferries will cross at night from June, the operator said.\r\n"
            "   Tickets go on sale next week at the quay.\r\n\r\n==Reuters\r\n2146 GMT\r\nNNNN\r\n")
    (tmp_path / "ferries.txt").write_text(text, encoding="utf-8")
    _, articles = convert([tmp_path / "ferries.txt"], tmp_path / "out")
    [(meta, body)] = articles
    assert meta["source_agency"] == "Reuters"  # the signature is read, not left in the body
    assert "GMT" not in body and "==" not in body
    assert body.strip().endswith("Tickets go on sale next week at the quay.")
    assert len([p for p in body.split("\n\n") if p.strip()]) == 2
    assert audit_output([tmp_path / "ferries.txt"], tmp_path / "out")[0].missing == {}


def test_a_title_cased_line_standing_alone_heads_the_wire_story_even_with_a_stop(tmp_path: Path) -> None:
    story = ("   BERGEN (AP) - The old tram shed will reopen as a market hall, the council said.\n"
             "The work begins in the spring.\n   Stalls will be let by lot.\n\n==AP\nNNNN\n")
    (tmp_path / "hall.txt").write_text("ZCZC AP0311\nBC-Tram-Shed 04-02 220\nThe Tram Shed Reborn.\n\n" + story,
                                       encoding="utf-8")
    flush = "\n\n".join(ln.strip() for ln in story.split("\n") if ln.strip() and not ln.startswith(("==", "NNNN")))
    (tmp_path / "plain.txt").write_text("ZCZC AP0312\nBC-Tram-Shed 04-02 220\nThe council met on Monday.\n\n"
                                        + flush + "\n\n==AP\nNNNN\n", encoding="utf-8")
    _, articles = convert([tmp_path / "hall.txt", tmp_path / "plain.txt"], tmp_path / "out")
    titled = [(m, b) for m, b in articles if m["title"] == "The Tram Shed Reborn."]
    assert len(titled) == 1 and titled[0][1].lstrip().startswith("The old tram shed")
    [(plain, body)] = [(m, b) for m, b in articles if m["title"] != "The Tram Shed Reborn."]
    assert plain.get("untitled") and body.lstrip().startswith("The council met on Monday.")  # a sentence stays text


def test_a_flush_question_over_an_indented_wire_story_is_its_headline(tmp_path: Path) -> None:
    text = ("ZCZC RTR0520\nBC-Tram-Fares 04-02 180\nWill tram fares rise again this winter?\n\n"
            "  GHENT, April 2 (Reuters) - Tram fares may rise in November, the operator said\n"
            "on Tuesday.\n  Riders' groups asked for a freeze.\n\n==Reuters\nNNNN\n")
    (tmp_path / "fares.txt").write_text(text, encoding="utf-8")
    _, articles = convert([tmp_path / "fares.txt"], tmp_path / "out")
    [(meta, body)] = articles
    assert meta["title"] == "Will tram fares rise again this winter?" and not meta.get("untitled")
    assert body.lstrip().startswith("Tram fares may rise in November")


def test_front_matter_outranks_rules_and_the_sidecar_outranks_it_for_the_issue(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("---\ntitle: Night buses return\ndate: 2023-09-04\nauthor: Maya Brandt\ncategory: Transport\n"
                      "publication: Valley Post\n---\n\nNight buses return\n\nBy Someone Else\n\n"
                      "Night buses will run again between the valley towns from October.\n", encoding="utf-8")
    (tmp_path / "story.yml").write_text("publication: Valley Echo\ndate: 2023-09-09\n", encoding="utf-8")
    _, articles = convert([source], tmp_path / "out")
    [(meta, body)] = articles
    assert meta["authors"] == ["Maya Brandt"]  # the file's own front matter over the byline rule
    assert meta["date"] == "2023-09-04" and meta["section"] == "Transport"
    assert meta["issue_date"] == "2023-09-09" and meta["publication"] == "Valley Echo"  # sidecar: issue keys
    assert "title:" not in body


def test_front_matter_title_heads_a_text_without_one(converted, tmp_path: Path) -> None:
    report, articles = convert([READERS / "front_matter_article.txt", READERS / "front_matter_zh.txt"], tmp_path)
    meta, body = meta_of(articles, "Night buses return to the valley")
    assert meta["authors"] == ["Maya Brandt", "Olu Adeyemi"] and meta["section"] == "Transport"
    assert meta["url"] == "https://valley.example.invalid/night-buses?page=2"  # original, not the archive copy
    assert meta["figures"] == [{"caption": "The last night bus left Millbrook in 2019.", "credit": "Valley Echo archive"}]
    assert body.strip().startswith("Night buses will run again") and "{{<" not in body and "subscribe" not in body
    zh, body = meta_of(articles, "河畔图书馆延长开放时间　周末增设夜场")  # the ideographic space is the title's own
    assert zh["url"] == "https://news.example.invalid/article/881" and "订阅" not in body
    assert zh["figures"] == [{"caption": "读者在河畔图书馆阅览室看书。", "credit": "资料图片"}]


def test_toml_front_matter(tmp_path: Path) -> None:
    source = tmp_path / "post.md"
    source.write_text('+++\ntitle = "Harbour lights switched on"\ndate = 2021-12-01T18:00:00Z\n'
                      'authors = ["Jo Park"]\ncategories = ["Town"]\n+++\n\nThe harbour lights were switched on '
                      "at six o'clock on Wednesday evening.\n", encoding="utf-8")
    _, articles = convert([source], tmp_path / "out")
    [(meta, body)] = articles
    assert (meta["title"], meta["date"], meta["authors"], meta["section"]) == (
        "Harbour lights switched on", "2021-12-01T18:00:00", ["Jo Park"], "Town")
    assert body.strip().startswith("The harbour lights were switched on") and "+++" not in body


def test_newsletter_link_entries(tmp_path: Path) -> None:
    path = ROOT / "tests" / "fixtures" / "digests" / "newsletter_links.txt"
    source = Source(path=path, name=path.name, sha256="0" * 64, text=path.read_text(encoding="utf-8"))
    result = convert_source(source, None, "digest")
    titles = {a.title: a for a in result.articles}
    assert titles["Council approves the harbour plan"].url == "https://news.example.invalid/plan?id=4"
    assert titles["Council approves the harbour plan"].paragraphs()[0].startswith("Councillors approved")
    assert titles["Ferry strike ends"].stub  # two links, one summary: the summary is the last one's
    assert titles["Ferry timetable restored"].url == "https://news.example.invalid/timetable"
    assert titles["Editor's note:"].paragraphs()[0].startswith("This week the council")
    assert [b.text for b in titles["Links"].body] == ["[Harbour museum opening hours](https://museum.example.invalid/hours)",
                                                      "[Tide tables](https://tides.example.invalid/)"]
    assert result.issue["date"] == "2024-03-18" and result.issue["publication"] == "Harbour Desk"
    reasons = [d.reason for d in result.dropped]
    assert reasons.count("tracking parameters removed from the address") == 3
    assert reasons.count("metadata block (kept as the issue's metadata)") == 3


def test_link_dump_entries_with_feed_lines_and_one_line_summaries() -> None:
    path = ROOT / "tests" / "fixtures" / "digests" / "link_dump.txt"
    source = Source(path=path, name=path.name, sha256="0" * 64, text=path.read_text(encoding="utf-8"))
    result = convert_source(source, None, "digest")
    titles = {a.title: a for a in result.articles}
    rail = titles["Rail strike called off"]
    assert (rail.publication, rail.date, rail.url) == ("Valley Echo", "2024-06-03T07:10", "https://news.example.invalid/rail")
    assert rail.paragraphs() == ["Union leaders accepted the new offer late on Sunday, and trains run as normal today."]
    bikes = titles["New bike lanes open"]
    assert (bikes.publication, bikes.date, bikes.stub) == ("City Hall News", "2024-06-02", True)
    fines = titles["Library fines abolished"]
    assert fines.url == "https://lib.example.invalid/fines" and fines.section == "Quick reads"
    assert fines.paragraphs() == ["the council scrapped late fees for children."]
    assert titles["Harbour seals counted"].paragraphs() == ["volunteers counted 312 seals, a record."]


def test_a_digest_without_links_opens_entries_at_its_section_headings() -> None:
    path = ROOT / "tests" / "fixtures" / "digests" / "clusters_no_links.txt"
    source = Source(path=path, name=path.name, sha256="0" * 64, text=path.read_text(encoding="utf-8"))
    result = convert_source(source, None, "digest")
    assert [a.title for a in result.articles] == ["Parliament passes the budget", "Storm closes coastal roads"]
    assert result.articles[0].body[0].text.startswith("**Context:** The lower house approved the budget")
    assert [d.text for d in result.dropped if d.reason.startswith("headline numbering")] == ["1", "2"]


@pytest.mark.parametrize("url, cleaned, removed", [
    ("https://a.example/x?utm_source=rss&id=7&fbclid=abc", "https://a.example/x?id=7", ["utm_source=rss", "fbclid=abc"]),
    ("https://a.example/x?q=a%20b&gclid=1#top", "https://a.example/x?q=a%20b#top", ["gclid=1"]),
    ("https://a.example/x?mc_cid=1&mc_eid=2", "https://a.example/x", ["mc_cid=1", "mc_eid=2"]),
    ("https://a.example/x?src=hash&ref_src=twsrc%5Etfw", "https://a.example/x?src=hash", ["ref_src=twsrc%5Etfw"]),
    ("https://a.example/x?spm=a.b&page=2", "https://a.example/x?page=2", ["spm=a.b"]),
    ("https://a.example/x?page=2", "https://a.example/x?page=2", []),
])
def test_tracking_parameters_leave_and_the_rest_stays_byte_for_byte(url: str, cleaned: str, removed: list) -> None:
    assert clean_url(url) == (cleaned, removed)


def test_tracking_parameters_leave_addresses_in_running_text() -> None:
    text, removed = clean_urls_in_text("See https://a.example/x?utm_medium=email. Or (https://b.example/?ref=nav).")
    assert text == "See https://a.example/x. Or (https://b.example/)." and removed == ["utm_medium=email", "ref=nav"]


WORDS = ["council", "harbour", "bridge", "minister", "election", "market", "school", "river", "police", "budget"]
sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
story = st.tuples(
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(lambda ws: " ".join(ws).capitalize()),
    st.lists(sentence, min_size=1, max_size=4),
    st.sampled_from(["", "URGENT\n", "REFILE-", "2ND LEAD: "]),
    st.sampled_from(["", "==Harbour\n", "(HBN\\/ab)\n", "HBN ab/cd\n", "(END)\n"]),
    st.sampled_from(["\x01", "ZCZC HBN\n", "\x01ZCZC\n"]),
)


def _transmission(stories: list[tuple]) -> str:
    parts = []
    for number, (title, paragraphs, flag, sign_off, opening) in enumerate(stories):
        head = "%A\n#KEY-WORD\n:0900\n\x02" if opening.startswith("\x01") else "%A\n#KEY-WORD\n"
        flagged = f"{flag}{title}"
        body = "".join(f"   {p}\n" for p in paragraphs)
        parts.append(f"{opening}{head}{flagged}\n{body}{sign_off}\x03\n{number % 9 + 1:02d}1230 mar 21\x04\nNNNN\n")
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(story, min_size=1, max_size=4))
def test_composed_transmissions_give_every_story_and_no_codes(stories: list[tuple]) -> None:
    text = _transmission(stories)
    source = Source(path=Path("wire.txt"), name="wire.txt", sha256="0" * 64, text=text)
    result = convert_source(source, None, None)
    assert result.kind == "wire"
    assert [a.title for a in result.articles] == [s[0] for s in stories]
    for article, (_, paragraphs, _, _, _) in zip(result.articles, stories):
        assert article.paragraphs() == paragraphs
        assert article.date and article.date.startswith("2021-03-")
    available: Counter = Counter()
    for article in result.articles:
        available.update(article_words(render_article(article)))
    for entry in result.dropped:
        available.update(audit_words(entry.text))
    assert not audit_text("wire.txt", text, available).missing


def test_markup_files_in_a_sources_folder_are_read_by_their_own_names(tmp_path: Path) -> None:
    """A folder of `.xml`, `.sgml` and `.html` files (as collections and crawlers save them) converts
    without renaming: each is read by the news-markup reader."""
    sources = tmp_path / "src"
    sources.mkdir()
    for fixture, name in (("nitf.txt", "story.xml"), ("sgml_collection.txt", "wire.sgml"),
                          ("html_saved_page.txt", "page.html")):
        (sources / name).write_bytes((READERS / fixture).read_bytes())
    report, articles = convert([sources], tmp_path / "out")
    kinds = {s["file"]: s["kind"] for s in report["sources"]}
    assert kinds == {"page.html": "news-markup", "story.xml": "news-markup", "wire.sgml": "news-markup"}
    assert not report["skipped_files"] and len(articles) >= 3


def test_a_collection_is_recognised_by_its_records_whatever_their_name() -> None:
    """Any document type declaration, or a slice cut between records (no declaration, no wrapper): a record is an
    element that closes and holds a headline and a text element. Text that merely opens with a tag is not markup."""
    record = "<{0} N=\"1\">\n<TITLE>Mill reopens</TITLE>\n<BODY>The mill reopened.\n</BODY>\n</{0}>\n"
    assert recognise('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<DOCUMENT>\n' + record.format("REUTERS")) == "news-markup"
    assert recognise(record.format("REUTERS") * 2) == "news-markup"
    assert recognise(record.format("story").lower() * 2) == "news-markup"
    assert recognise("<b>Note:</b> the council met.\n<i>Mill reopens</i>\nThe mill reopened.\n") is None
    assert recognise("<div>\n# Mill reopens\n\nThe mill reopened on Monday.\n\nWork starts soon.\n") is None


def test_reuters_records_read_their_fields_and_leave_codes_to_the_report(converted) -> None:
    report, articles, _ = converted
    mine = dict((m["title"], (m, b)) for m, b in by_file(articles, "reuters_collection.txt"))
    ferry, body = mine["FJORD FERRY LINE <FFL> ADDS NIGHT CROSSING"]
    assert ferry["date"].startswith("1988-03-14") and ferry["dateline"] == "BERGEN, March 14"
    assert ferry["source_agency"] == "Reuters" and "Reuter" not in body
    assert body.strip().endswith("the crossing will take eleven hours.") and len(body.strip().split("\n\n")) == 2
    syrup, body = mine["MAPLE SYRUP OUTPUT SEEN LOWER AFTER WARM WINTER"]
    assert syrup["authors"] == ["Claire Dubois"] and len(body.strip().split("\n\n")) == 3
    source = next(s for s in report["sources"] if s["file"] == "reuters_collection.txt")
    reasons = {d["reason"] for d in source["dropped"]}
    assert any(r.startswith("control characters") for r in reasons)
    assert any(r.startswith("text of a <topics> element") for r in reasons)
    assert any(r.startswith("text of a <unknown> element") for r in reasons)
    for _, text in mine.values():
        assert "norway" not in text and "reute" not in text and "BC-" not in text and "LEWISSPLIT" not in text


def test_ldc_records_take_their_day_from_the_record_id(converted) -> None:
    _, articles, _ = converted
    assert {m["date"] for m, _ in by_file(articles, "gigaword_collection.txt")} == {"2005-03-04"}
    keepers = next(m for m, _ in by_file(articles, "gigaword_collection.txt") if m["title"].startswith("Lighthouse"))
    assert keepers["dateline"] == "SKERRY ISLE, March 4 (HBN)" and keepers["source_agency"] == "HBN"
