"""The store of parsed article files and made raw pages (`.broadsheet-cache/parsed-files.pickle`): what a
run made is found by the next run, whichever of its stages saves first."""

from __future__ import annotations

from pathlib import Path

from converter import parsed_files as store_module
from converter.parsed_files import parsed_files


def _next_process() -> None:
    store_module._open.clear()  # a new `broadsheet build` starts with no store open


def test_a_later_stage_finds_what_it_made_last_run_after_an_earlier_stage_saved(tmp_path: Path) -> None:
    store = parsed_files(tmp_path, fresh=True)
    assert store.get("front matter", b"---\ntitle: A\n---\n", lambda data: {"title": "A"}) == {"title": "A"}
    store.remember("raw page a.txt", b"raw bytes", b"page hash")
    store.save()

    _next_process()
    store = parsed_files(tmp_path, fresh=True)
    store.get("front matter", b"---\ntitle: A\n---\n", lambda data: {"title": "changed?"})
    store.save()  # the writer saves before the raw pages are made
    assert store.get("raw page a.txt", b"raw bytes", lambda data: None) == b"page hash"


def test_what_a_run_no_longer_uses_is_not_kept_on_disk(tmp_path: Path) -> None:
    store = parsed_files(tmp_path, fresh=True)
    store.get("front matter", b"old file", lambda data: "old")
    store.save()
    _next_process()
    store = parsed_files(tmp_path, fresh=True)
    store.get("front matter", b"new file", lambda data: "new")
    store.save()
    _next_process()
    store = parsed_files(tmp_path, fresh=True)
    assert store.get("front matter", b"old file", lambda data: "parsed again") == "parsed again"
