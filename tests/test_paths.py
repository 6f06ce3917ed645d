"""Paths: any title gives a safe, unique, stable file inside the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.api import convert_to
from converter.model import Article, Block, Provenance
from converter.writer import plan_paths, slugify, write_articles

TITLES = ["../../x", "..", "/etc/passwd", "C:\\Windows\\system32", "中国经济新闻：增长稳定", "∑ ≠ ∞ ★ ☃",
          "a" * 500, "𠜎" * 120, "CON", ".hidden", "~user", "   ", "", "Title / With: Colons? *And* <tags>",
          "new\nline", "tab\there", "\u202eevil"]


def article(title: str, issue: str = "issue-1", order: int = 0, body: str = "Some text.") -> Article:
    return Article(title=title, issue=issue, order=order, body=[Block("para", body, (2, 2))],
                   provenance=[Provenance("src.txt", "0" * 64, (1, 2))])


@pytest.mark.parametrize("title", TITLES)
def test_slugs_are_safe_file_names(title: str) -> None:
    slug = slugify(title)
    assert slug and "/" not in slug and "\\" not in slug and not slug.startswith(".")
    assert ".." not in slug and len(slug.encode("utf-8")) <= 200
    assert slug == slugify(title)


def test_every_title_is_written_inside_the_output_folder(tmp_path: Path) -> None:
    articles = [article(t, issue=t, order=i) for i, t in enumerate(TITLES)]
    out = tmp_path / "out"
    result = write_articles(articles, out)
    assert result.errors == [] and len(result.written) == len(TITLES)
    root = out.resolve()
    assert all(root in p.resolve().parents for p in tmp_path.rglob("*") if p.is_file())
    assert {p.resolve() for p in out.rglob("*.md")} == set(result.written)


def test_same_title_twice_both_survive_in_source_order(tmp_path: Path) -> None:
    first, second = article("Budget Passed", order=0, body="First text."), article("Budget passed", order=1,
                                                                                    body="Second text.")
    result = write_articles([first, second], tmp_path)
    texts = [(tmp_path / result.paths[id(a)]).read_text(encoding="utf-8") for a in (first, second)]
    assert result.paths[id(first)].name == "budget-passed.md" and result.paths[id(second)].name == "budget-passed-2.md"
    assert "First text." in texts[0] and "Second text." in texts[1]


def test_same_title_in_two_sources_both_survive(tmp_path: Path) -> None:
    for name, text in (("a.txt", "The mayor opened the new park on Saturday morning."),
                       ("b.txt", "Heavy rain closed three schools in the county on Friday.")):
        (tmp_path / name).write_text(f"News In Brief\n\n{text}\n", encoding="utf-8")
    convert_to([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out")
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.md") if "articles" in p.parts)
    assert "opened the new park" in written and "closed three schools" in written


def test_paths_are_stable_across_runs_and_input_order() -> None:
    titles = ["Budget Passed", "Budget Passed", "中国新闻", "../../x", "a" * 500]
    first = [str(p) for p in plan_paths([article(t, order=i) for i, t in enumerate(titles)]).values()]
    again = [str(p) for p in plan_paths([article(t, order=i) for i, t in enumerate(titles)]).values()]
    assert first == again and len(set(first)) == len(first)


def test_titles_sharing_their_first_80_characters_get_different_files(tmp_path: Path) -> None:
    a, b = article("x" * 90 + " one", order=0), article("x" * 90 + " two", order=1)
    result = write_articles([a, b], tmp_path)
    assert len(set(result.paths.values())) == 2 and len(result.written) == 2


def test_a_symlinked_issue_folder_pointing_outside_is_refused(tmp_path: Path) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "issue-1").symlink_to(outside)
    result = write_articles([article("Escape")], out)
    assert not list(outside.iterdir())
    assert result.errors and "resolves outside" in result.errors[0]
