"""`--jobs` and the conversion cache: the same bytes whatever the number of processes, and an
unchanged source is read from the cache instead of converted again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.api import convert_to
from converter.cache import CACHE_DIR
from converter.cli import main

DATA = Path(__file__).parent / "data"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file the conversion wrote, by relative path (the cache left out)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and CACHE_DIR not in p.relative_to(folder).parts}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """The seeds and the extra corpus (real pages, digests, a merge across sources), with sidecars."""
    folder = tmp_path / "src"
    shutil.copytree(DATA / "seeds", folder / "seeds")
    shutil.copytree(DATA / "extra", folder / "extra")
    (folder / "extra" / "ocr_chronam_1.yml").write_text("publication: Chronicling America\ndate: 1900-01-02\n")
    return folder


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of articles each duplicate search in this process looked at."""
    from converter import merge

    searched: list[int] = []
    real = merge.merge_groups

    def counting(articles, *rest):
        searched.append(len(articles))
        return real(articles, *rest)

    monkeypatch.setattr(merge, "merge_groups", counting)
    return searched


def run(args: list[str]) -> None:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_output_is_byte_identical_for_one_and_two_jobs(sources: Path, tmp_path: Path) -> None:
    run(["convert", str(sources), "--out", str(tmp_path / "one"), "--jobs", "1", "--no-cache"])
    run(["convert", str(sources), "--out", str(tmp_path / "two"), "--jobs", "2", "--no-cache"])
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len([p for p in one if p.endswith(".md")]) > 100
    assert one == two


def test_two_jobs_keep_errors_and_warnings_in_input_order(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}-story.txt").write_text(f"Story {n}\n\nThe council met on day {n} and voted.\n")
    (folder / "2-empty.txt").write_text("  \n")
    (folder / "4-story.yml").write_text("publcation: typo\n")
    reports = [convert_to([folder], tmp_path / f"out{jobs}", jobs=jobs) for jobs in (1, 2)]
    assert reports[0]["errors"] == reports[1]["errors"]
    assert [e.split(":")[0].rsplit("/", 1)[-1] for e in reports[1]["errors"]] == ["2-empty.txt", "4-story.txt"]


def test_a_rebuild_with_nothing_changed_converts_nothing(sources: Path, tmp_path: Path, converted_here: list[str],
                                                         merges: list[int]) -> None:
    out = tmp_path / "out"
    convert_to([sources], out, cache=True)
    first, count = tree(out), len(converted_here)
    assert count >= 18 and len(merges) == 1
    converted_here.clear()
    convert_to([sources], out, cache=True)
    assert converted_here == [], "every source came from the cache"
    assert len(merges) == 1, "and the merge decisions too"
    assert tree(out) == first
    fresh = tmp_path / "fresh"
    convert_to([sources], fresh)
    assert tree(fresh) == first, "the cached build is the same as one without the cache"


def test_changing_one_source_or_its_sidecar_converts_only_that_one(sources: Path, tmp_path: Path,
                                                                    converted_here: list[str], merges: list[int]) -> None:
    out = tmp_path / "out"
    convert_to([sources], out, cache=True)
    merges.clear()
    page = sources / "extra" / "article_bbc_1.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new closing paragraph added by the archivist.\n",
                    encoding="utf-8")
    converted_here.clear()
    convert_to([sources], out, cache=True)
    assert converted_here == ["extra/article_bbc_1.txt"]  # sources are named by their path under the root
    assert len(merges) == 1, "a changed source means searching for duplicates again"
    assert "added by the archivist" in "".join(p.read_text(encoding="utf-8")
                                                for p in (out / "articles").rglob("*.md"))
    (sources / "extra" / "ocr_chronam_1.yml").write_text("publication: Chronicling America\ndate: 1900-01-03\n")
    converted_here.clear()
    convert_to([sources], out, cache=True)
    assert converted_here == ["extra/ocr_chronam_1.txt"]


def test_the_format_option_is_part_of_the_key(sources: Path, tmp_path: Path, converted_here: list[str]) -> None:
    one = sources / "extra" / "article_bbc_1.txt"
    convert_to([one], tmp_path / "out", cache=True)
    converted_here.clear()
    convert_to([one], tmp_path / "out", kind="ocr-page", cache=True)
    assert converted_here == ["article_bbc_1.txt"]


def test_a_corrupt_cache_entry_is_ignored_with_a_warning(sources: Path, tmp_path: Path, converted_here: list[str]) -> None:
    out = tmp_path / "out"
    convert_to([sources], out, cache=True)
    first = tree(out)
    entries = sorted((out / CACHE_DIR).rglob("*.pickle"))
    assert len(entries) == len(converted_here)
    entries[0].write_bytes(b"\x80\x05not a pickle at all")
    entries[1].write_bytes(entries[1].read_bytes()[:40])  # truncated
    converted_here.clear()
    report = convert_to([sources], out, cache=True)
    assert len(converted_here) == 2, "the two damaged entries are converted again, the rest read"
    assert sum("cached conversion" in w and "converted again" in w for w in report["warnings"]) == 2
    assert {k: v for k, v in tree(out).items() if not k.startswith("conversion-report")} == \
           {k: v for k, v in first.items() if not k.startswith("conversion-report")}
    converted_here.clear()
    convert_to([sources], out, cache=True)
    assert converted_here == [], "the damaged entries were written again"


def test_damaged_merge_decisions_are_ignored_with_a_warning(sources: Path, tmp_path: Path,
                                                            merges: list[int]) -> None:
    out = tmp_path / "out"
    convert_to([sources], out, cache=True)
    first = tree(out)
    [entry] = (out / CACHE_DIR / "merge").glob("*.json")
    for damage in ("[[0, 1], [1]]", "{not json", "[[0]]"):
        entry.write_text(damage)
        merges.clear()
        report = convert_to([sources], out, cache=True)
        assert len(merges) == 1, damage
        assert any("cached merge decisions" in w for w in report["warnings"]), damage
        assert {k: v for k, v in tree(out).items() if not k.startswith("conversion-report")} == \
               {k: v for k, v in first.items() if not k.startswith("conversion-report")}


def test_no_cache_converts_every_source(sources: Path, tmp_path: Path, converted_here: list[str]) -> None:
    run(["convert", str(sources / "seeds"), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert len(converted_here) == 4
    run(["convert", str(sources / "seeds"), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert len(converted_here) == 4, "the command line caches by default"
    run(["convert", str(sources / "seeds"), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-cache"])
    assert len(converted_here) == 8


def test_a_code_change_invalidates_the_cache(sources: Path, tmp_path: Path, converted_here: list[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from converter import cache

    convert_to([sources / "seeds"], tmp_path / "out", cache=True)
    monkeypatch.setattr(cache, "converter_fingerprint", lambda: "another converter")
    converted_here.clear()
    convert_to([sources / "seeds"], tmp_path / "out", cache=True)
    assert len(converted_here) == 4


def test_mkdocs_leaves_the_cache_out_of_the_site(tmp_path: Path) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    docs = tmp_path / "docs"
    convert_to([DATA / "seeds"], docs, cache=True)
    assert (docs / CACHE_DIR).is_dir()
    config = load_config(str(Path(__file__).parent.parent / "mkdocs.yml"), docs_dir=str(docs),
                         site_dir=str(tmp_path / "site"))
    published = [f.src_uri for f in get_files(config) if f.inclusion.is_included()]
    assert published and not [uri for uri in published if CACHE_DIR in uri]


def test_build_with_two_jobs_and_the_cache_rebuilds_the_same_site(tmp_path: Path, converted_here: list[str]) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    args = ["build", str(DATA / "seeds"), "--docs", str(docs), "--site-dir", str(site)]
    run([*args, "--jobs", "2"])
    first = tree(site)
    assert "index.html" in first and not [p for p in first if CACHE_DIR in p]
    run([*args, "--jobs", "1"])
    assert converted_here == [], "the second build read every source from the cache"
    assert tree(site) == first
