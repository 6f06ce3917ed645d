"""First impression and reader pages: issue names (never a hash), ledes, calendar, author pages
for people only, publications with their run of issues, digest attribution, search index, the
build's own output (one line per source, plurals, no library chatter, a progress bar on long runs)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, strategies as st

from converter.api import convert_to
from converter.cli import main
from converter.model import Article
from converter.pipeline import _attribute_digest_entry
from converter.site.catalog import Entry, group_issues, lede, load_entries, name_from_file
from converter.site.commands import progress_bar
from converter.site.listing import is_chinese, plural
from converter.site.people import is_person
from converter.site.searchindex import acronyms, rewrite_search_index

ROOT = Path(__file__).resolve().parent.parent
HASH = re.compile(r"[0-9a-f]{12,}")


def entry(src: str, **meta) -> Entry:
    meta.setdefault("provenance", [{"file": src.split("/")[1] + ".txt", "lines": [1, 2]}])
    meta.setdefault("issue", src.split("/")[1])
    return Entry(src, meta)


def test_issues_without_a_stated_name_get_readable_ones() -> None:
    issues = group_issues([
        entry("articles/000_d7c7b0b25b6929d9/a.md", title="A"),
        entry("articles/001_481e840cd096a890/b.md", title="B", publication="The Daily Example"),
        entry("articles/scan_front-page/c.md", title="C"),
        entry("articles/7f3a9c2e11bd44aa/d.md", title="D", publication="The Daily Example", date="2024-03-05"),
    ])
    names = {i.id: i.title for i in issues}
    assert names == {"000_d7c7b0b25b6929d9": "Undated issue 1",
                     "001_481e840cd096a890": "The Daily Example, undated issue 1",
                     "scan_front-page": "Scan front page",
                     "7f3a9c2e11bd44aa": "The Daily Example, 5 March 2024"}


@given(st.text(alphabet="0123456789abcdef_-", min_size=1, max_size=40))
def test_a_fallback_name_never_shows_a_hash(file_stem: str) -> None:
    (issue,) = group_issues([entry(f"articles/{file_stem}/a.md", title="A", issue=file_stem)])
    assert not HASH.search(issue.title), issue.title


def test_name_from_file_keeps_words_and_drops_counters_and_hashes() -> None:
    assert name_from_file("evening-star_1921-03-04") == "Evening star 1921 03 04"
    assert name_from_file("003_ddf4aecfeb3f92f8") == ""


def test_author_pages_are_for_people_only() -> None:
    for credit in ("Staff Reporters", "Staff Writer", "Xinhua", "Reuters", "Our Correspondent", "本报记者",
                   "Redaktion", "La Rédaction", "Redacción", "Associated Press"):
        assert not is_person(credit), credit
    for person in ("Liang Yilian", "Jane Doe", "Li Linxu", "María García", "张明"):
        assert is_person(person), person


def test_lede_is_the_first_sentence_or_two_of_the_first_paragraph() -> None:
    body = "## A subhead\n\n<figure>x</figure>\n\nThe U.S. left the WHO on Monday. Officials said so. " \
           "A third sentence that is long enough to push the total beyond the limit of the lede " \
           "for sure, going on and on.\n\nSecond paragraph."
    assert lede(body) == "The U.S. left the WHO on Monday. Officials said so."


def test_plurals() -> None:
    assert [plural(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]


def test_a_digest_entry_belongs_to_its_outlet_and_is_collected_in_the_digest() -> None:
    linked = Article(title="t", url="https://www.scmp.com/news/1", publication="真相集中营")
    _attribute_digest_entry(linked, "真相集中营", {"真相集中营"})
    assert (linked.publication, linked.collected_in) == ("scmp.com", "真相集中营")
    stated = Article(title="t", url="https://example.org/x", publication="The Guardian")
    _attribute_digest_entry(stated, "Morning Digest", {"Morning Digest"})
    assert (stated.publication, stated.collected_in) == ("The Guardian", "Morning Digest")


def test_the_sample_digest_entries_name_their_outlet(built_site) -> None:
    digest = [e for e in load_entries(built_site.docs) if e.issue == "003_ddf4aecfeb3f92f8"]
    assert digest and {e.meta["collected_in"] for e in digest} == {"真相集中营"}
    assert {e.meta["publication"] for e in digest} == {"scmp.com"}


def test_sample_issues_have_names_and_the_home_page_no_hashes(built_site) -> None:
    home = (built_site.docs / "index.md").read_text(encoding="utf-8")
    table = home.split("## Latest issues")[1].split("## Browse")[0]
    labels = re.findall(r"^\| \[(.*?)\]\(", table, re.M)
    assert len(labels) == 3 and not any(HASH.search(label) for label in labels), labels
    assert "1 publication" not in home and "3 publications" in home


def test_issue_page_gives_each_article_its_lede_and_the_kicker_once(built_site) -> None:
    text = (built_site.docs / "browse/issues/000_d7c7b0b25b6929d9.md").read_text(encoding="utf-8")
    assert text.count("Clear Voice") == 1, "the kicker is a heading, not repeated on each item"
    item = next(line for line in text.splitlines() if "u-s-exit-from-who" in line)
    assert "by Liang Yilian, Hu Dingkun" in item
    after = text.split(item, 1)[1].splitlines()[1]
    assert after.strip() == ("On January 22, the United States announced it had completed its withdrawal "
                             "from the World Health Organization (WHO).")


def test_calendar_links_the_days_with_issues(built_site) -> None:
    text = (built_site.docs / "browse/calendar/index.md").read_text(encoding="utf-8")
    assert text.index("## 2025") < text.index("### August 2025") < text.index("- **20** Wednesday:")
    day = next(line for line in text.splitlines() if line.startswith("- **20**"))
    assert "(../issues/003_ddf4aecfeb3f92f8.md)" in day
    assert "## Undated" in text


def test_staff_credits_get_no_author_page(built_site) -> None:
    authors = built_site.docs / "browse/authors"
    assert (authors / "liang-yilian.md").is_file()
    assert not (authors / "staff-reporters.md").exists()
    index = (authors / "index.md").read_text(encoding="utf-8")
    assert "Staff" not in index


def test_a_publication_page_shows_its_run_of_issues(built_site) -> None:
    text = (built_site.docs / "browse/publications/真相集中营.md").read_text(encoding="utf-8")
    assert text.index("## Issues") < text.index("20 August 2025") < text.index("## Articles")
    assert "# Publication: <span lang=\"zh\">真相集中营</span>" in text
    outlet = (built_site.docs / "browse/publications/scmp-com.md").read_text(encoding="utf-8")
    assert "23 articles" in outlet and "## Issues" not in outlet


def test_browse_pages_and_the_report_are_left_out_of_search(built_site) -> None:
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages and all(p.startswith("articles/") for p in pages), sorted(pages)[:5]
    assert index["config"]["fields"]["keywords"]["boost"] < index["config"]["fields"]["title"]["boost"]
    who = next(d for d in index["docs"] if d["location"].endswith("u-s-exit-from-who-threatens-global-public-health/"))
    assert "WHO" in who["keywords"].split() and "Science and Technology Daily" in who["keywords"]


def test_acronyms_skip_all_capital_lines() -> None:
    assert acronyms("INSIGHTS\nThe WHO and the EU met the G20 in the U.S. today.") == ["WHO", "EU", "G20"]


def test_chinese_result_titles_have_no_zero_width_spaces(tmp_path: Path) -> None:
    from converter.site.commands import build_site

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "zh.txt").write_text(
        "中国科学家发现新的治疗方法\n\n北京消息，中国科学家近日发现了一种新的治疗方法，"
        "引起了国际医学界的广泛关注。\n\n研究人员表示，这项成果将在明年进入临床试验阶段。\n", encoding="utf-8")
    build_site([tmp_path / "src"], tmp_path / "docs", tmp_path / "site", ROOT / "mkdocs.yml")
    index = json.loads((tmp_path / "site/search/search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"]]
    assert "中国科学家发现新的治疗方法" in titles
    assert not any("\u200b" in t for t in titles)
    first = next(d for d in index["docs"] if d["title"] == "中国科学家发现新的治疗方法")
    assert "\u200b科学家\u200b" in first["keywords"], "the segmented title is still searchable"


def test_rewrite_search_index_keeps_other_entries(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    data = {"config": {}, "docs": [{"location": "a/", "title": "x", "text": "t"},
                                   {"location": "a/#s", "title": "\u200b中国\u200b", "text": "t"}]}
    (tmp_path / "search/search_index.json").write_text(json.dumps(data), encoding="utf-8")
    rewrite_search_index(tmp_path, {"a/": "WHO"})
    docs = json.loads((tmp_path / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs[0]["keywords"] == "WHO" and docs[1]["title"] == "中国" and "\u200b" in docs[1]["keywords"]


def test_is_chinese() -> None:
    assert is_chinese("真相集中营") and is_chinese("英文媒体关于中国的报道汇总 2025-08-19")
    assert not is_chinese("U.S. Exit from WHO") and not is_chinese("EV 电")


def test_build_prints_one_line_per_source_and_nothing_from_libraries(tmp_path: Path, capfd) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text("Harbour Bridge Reopens\n\nBy Ana Ruiz\n\nThe harbour bridge reopened on "
                                 "Monday after eight months of repairs.\n", encoding="utf-8")
    args = ["build", str(src), "--docs", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"),
            "--config-file", str(ROOT / "mkdocs.yml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert re.fullmatch(r"one\.txt \(article\): 1 article, 0 duplicates merged, \d+ lines? left out, 0 warnings",
                        lines[0]), lines[0]
    assert lines[-1].startswith("1 article, ") and "browse pages" in lines[-1]
    captured = capfd.readouterr()
    assert "Building prefix dict" not in captured.err + captured.out and "jieba" not in captured.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_a_long_run() -> None:
    terminal, log = _Terminal(), io.StringIO()
    items = list(range(30))
    assert list(progress_bar(terminal, over=20)(items)) == items
    assert "converting" in terminal.getvalue() and "/30" in terminal.getvalue()
    assert progress_bar(log, over=20)(items) is items, "no bar in a log file"
    assert progress_bar(_Terminal(), over=20)(items[:5]) == items[:5], "no bar for a short run"


def test_article_header_marks_chinese_strings_and_still_escapes() -> None:
    from converter.site.article_html import footer_html, header_html

    meta = {"title": "中国<b>新闻</b>", "page": "要闻", "section": "Clear Voice", "authors": ["张明"],
            "publication": "人民日报", "source_agency": "新华社", "provenance": []}
    head = header_html(meta, "", lambda src: None)
    assert '<h1 class="bs-headline" lang="zh">中国&lt;b&gt;新闻&lt;/b&gt;</h1>' in head
    assert '<span lang="zh">要闻</span> · Clear Voice' in head
    assert '<span class="bs-author" lang="zh">张明</span>' in head and 'lang="zh">人民日报<' in head
    assert "date not stated in the source" in head
    assert 'Source: <span lang="zh">新华社</span>' in footer_html(meta, lambda src: None)
