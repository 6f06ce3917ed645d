"""The synthetic page composer: deterministic, and its gold agrees with what it printed.

The gold is checked against the page by an independent reading: each article's paragraphs are
rebuilt from the composed bytes and the line roles alone (body lines, `continues`, soft hyphens),
then compared with the gold's counts, first and last words, joins, titles, figures and headings.
"""

from __future__ import annotations

import codecs
import json
import re

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.compose import MIXES, compose
from converter.compose.markdown import plain
from converter.compose.texts import load_store

ROLES = {"masthead", "edition_date", "running_head", "page_label", "index_box", "advert", "noise", "kicker",
         "headline", "deck", "byline", "byline_role", "dateline", "body", "crosshead", "caption", "credit",
         "jump_out", "jump_head", "jump_in", "signoff", "source_credit", "wire_header", "page_marker", "image",
         "table_rule"}
CASES = [(mix, index) for mix in sorted(MIXES) for index in range(4)]

codecs.register_error("cp1252_fallback", lambda e: (e.object[e.start:e.start + 1].decode("cp1252"), e.start + 1))


def squash(text: str) -> str:
    return " ".join(text.split())


def decoded_lines(page) -> list[str]:
    encoding = page.gold["composed"]["encoding"].split(" ")[0]
    if encoding == "utf-8-bad":
        text = page.data.decode("utf-8", "cp1252_fallback")
    else:
        text = page.data.decode(encoding)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert lines[-1] == "", "a composed file ends with a line ending"
    if page.gold["composed"]["conventions"]["markdown"] != "none":
        return [plain(line) for line in lines[:-1]]  # the text behind a PDF→Markdown tool's marks
    return lines[:-1]


def printed_lines(page) -> tuple[list[str], list[dict]]:
    """The page's lines and roles; a page delivered as one line is read as the lines its roles say it
    joined, after checking that joining them gives that line back."""
    lines = decoded_lines(page)
    if page.gold["composed"]["conventions"]["run_on"] == "none":
        return lines, page.roles
    assert len(lines) == 1 and all(r["line"] == 1 for r in page.roles)
    assert squash(" ".join(r["text"] for r in page.roles)) == squash(lines[0])
    return [r["text"] for r in page.roles], [r | {"line": r["piece"]} for r in page.roles]


def in_reading_order(lines: list[str], roles: list[dict]) -> list[dict]:
    """Roles in the order the text reads: a column's tail the OCR put elsewhere (`goes_on`: the line it
    continues) stands after that line."""
    order = list(roles)
    for role in [r for r in roles if "goes_on" in r]:
        start = order.index(role)
        end = start + 1
        while end < len(order) and order[end]["role"] == "body" and order[end].get("continues") \
                and order[end].get("article") == role["article"]:
            end += 1
        tail, order = order[start:end], order[:start] + order[end:]
        at = next(n for n, r in enumerate(order) if lines[r["line"] - 1].strip() == role["goes_on"])
        order[at + 1:at + 1] = tail
    return order


def rebuild(lines: list[str], roles: list[dict], lang: str) -> dict[int, list[str]]:
    """Each article's paragraphs, read from the body lines and their `continues` flags only."""
    roles = in_reading_order(lines, roles)
    paras: dict[int, list[str]] = {}
    datelines: dict[int, str] = {}
    for role in roles:
        if role["role"] != "body":
            continue
        text, mine = lines[role["line"] - 1].strip(" \u3000"), paras.setdefault(role["article"], [])
        if "dateline" in role:
            datelines[role["article"]] = role["dateline"]
        if role.get("continues") and mine:
            if lang != "zh" and re.search(r"[^\W\d_]-$", mine[-1]) and text[:1].islower():
                mine[-1] = mine[-1][:-1] + text  # a soft hyphen at the line end
            else:
                mine[-1] += ("" if lang == "zh" else " ") + text
        else:
            mine.append(text)
    for article, prefix in datelines.items():
        assert paras[article][0].startswith(prefix)
        paras[article][0] = paras[article][0][len(prefix):].strip()
    return {a: [squash(p) for p in ps] for a, ps in paras.items()}


def assert_metadata_printed(gold: dict, lines: list[str], roles: list[dict], source: str) -> None:
    """Every metadata value the gold names is on the page, in a line of the role that carries it."""
    text_of = lambda *names: [lines[r["line"] - 1] for r in roles if r["role"] in names]  # noqa: E731
    if gold.get("date"):
        year = gold["date"][:4]
        assert any(year in line for line in text_of("edition_date", "running_head"))
    if gold.get("page"):
        assert gold["page"] in text_of("page_label")
    if gold.get("section"):
        assert gold["section"] in text_of("kicker")
    for name in gold["authors"] + gold.get("contributors", []):
        assert name.casefold() in source.casefold()
    if gold.get("source_agency"):
        assert gold["source_agency"] in source


@pytest.mark.parametrize("mix", sorted(MIXES))
def test_same_seed_same_bytes_gold_and_roles(mix: str) -> None:
    for index in range(3):
        one, two = compose(mix, 42, index), compose(mix, 42, index)
        assert (one.data, one.gold, one.roles) == (two.data, two.gold, two.roles)


def test_another_seed_gives_other_pages() -> None:
    assert [compose(m, 1).data for m in sorted(MIXES)] != [compose(m, 2).data for m in sorted(MIXES)]


def test_compose_command_writes_identical_files_for_one_seed(tmp_path) -> None:
    runner = CliRunner()
    for name in ("a", "b"):
        done = runner.invoke(main, ["compose", "--out", str(tmp_path / name), "--count", "35", "--seed", "9"])
        assert done.exit_code == 0, done.output
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 35 * 3
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    gold = json.loads((tmp_path / "a" / "00000-de-blank.json").read_text(encoding="utf-8"))
    assert gold["file"] == "00000-de-blank.txt" and gold["articles"]


def test_compose_command_lists_mixes_and_rejects_unknown_ones(tmp_path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["compose", "--list-mixes"]).output.split()
    assert listed == sorted(MIXES) and len(listed) >= 20
    done = runner.invoke(main, ["compose", "--out", str(tmp_path), "--mix", "no-such-mix"])
    assert done.exit_code != 0 and "unknown mix 'no-such-mix'" in done.output


@pytest.mark.parametrize("mix,index", CASES)
def test_roles_cover_every_line_that_is_not_blank(mix: str, index: int) -> None:
    page = compose(mix, 5, index)
    lines, roles = printed_lines(page)
    assert [r["line"] for r in roles] == [n for n, text in enumerate(lines, 1) if text.strip()]
    assert {r["role"] for r in roles} <= ROLES
    stories = len(page.gold["articles"])
    assert all(0 <= r["article"] < stories for r in roles if "article" in r)


@pytest.mark.parametrize("mix,index", CASES)
def test_gold_agrees_with_the_printed_page(mix: str, index: int) -> None:
    page = compose(mix, 5, index)
    lines, roles = printed_lines(page)
    lang = page.gold["composed"]["conventions"]["lang"]
    paras = rebuild(lines, roles, lang)
    source = squash(" ".join(lines))
    spaces_only = page.gold["composed"]["conventions"]["run_on"] == "spaces"  # no paragraph end printed
    for n, gold in enumerate(page.gold["articles"]):
        mine = paras[n]
        assert len(mine) == gold["paragraphs"] if not spaces_only else "paragraphs" not in gold, gold["title"]
        assert mine[0].startswith(squash(gold["starts_with"])) and mine[-1].endswith(squash(gold["ends_with"]))
        assert all(any(squash(j) in p for p in mine) for j in gold["joins"]), gold["joins"]
        heads = [lines[r["line"] - 1] for r in roles if r.get("article") == n and r["role"] in
                 ("headline", "jump_head")]
        assert gold["title"] in heads or gold["title"] == " ".join(heads)  # a headline may span lines (a stack)
        crossheads = [lines[r["line"] - 1] for r in roles if r.get("article") == n and r["role"] == "crosshead"]
        assert crossheads == gold.get("headings", [])
        for fig in gold["figures"]:
            assert squash(fig["caption"]) in source and fig["credit"] in source
        assert_metadata_printed(gold, lines, roles, source)
    for bad in page.gold["forbidden"]:
        assert bad in "\n".join(lines)
        assert not any(bad in p for ps in paras.values() for p in ps)


def test_every_gold_key_is_one_the_scorer_reads() -> None:
    read = {"title", "also_titles", "section", "page", "authors", "contributors", "source_agency", "date",
            "continued_from", "figures", "headings", "starts_with", "ends_with", "paragraphs", "joins",
            "dateline"}  # dateline: the front-matter contract's field; the scorer does not read it yet
    for mix in sorted(MIXES):
        for gold in compose(mix, 3).gold["articles"]:
            assert set(gold) <= read, set(gold) - read


def test_text_store_is_small_package_data_with_a_licence_for_each_text() -> None:
    store = load_store()
    raw = json.dumps({"texts": store.texts, "figures": store.figures}, ensure_ascii=False).encode()
    assert len(raw) < 300_000
    assert {t["lang"] for t in store.texts} == {"en", "zh", "de"}
    assert all(t["licence"] and t["origin"] and len(t["paragraphs"]) >= 2 for t in store.texts)
    held_out = ("stanforddaily_2", "chronam_2", "atsfr", "bbc_3", "italytoday", "amsentinel_3")
    assert not any(h in t["origin"] for t in store.texts for h in held_out)
