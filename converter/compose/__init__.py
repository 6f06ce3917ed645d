"""The synthetic page composer: real article texts laid out under named newspaper conventions, with the
gold a correct converter must reach and the role of every line, both known by construction.

    from converter.compose import compose, MIXES
    page = compose("en-ocr-front-page", seed=7, index=0)
    page.data, page.gold, page.roles

`broadsheet compose --out DIR --count N --seed S [--mix NAME ...]` writes them as files.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, replace
from pathlib import Path

from .conventions import PAGE_FIELDS, count, described
from .encode import NEWLINES, encode
from .gold import file_gold, roles_of
from .markdown import TOOLS, dress, top_marker
from .marking import run_on, strip_blank_runs
from .mixes import MIXES
from .page import compose_layout
from .texts import load_store

__all__ = ["MIXES", "Composed", "compose", "compose_many", "write_composed"]


@dataclass
class Composed:
    name: str  # file name of the source, e.g. 00012-en-jump-out.txt
    mix: str
    data: bytes
    gold: dict
    roles: list[dict]

    @property
    def texts(self) -> list[str]:
        return self.gold["composed"]["texts"]


def pick_texts(conv, rng: random.Random, store) -> list[dict]:
    pool = store.by_lang(conv.lang)
    wanted = 1 if conv.layout == "single" else count(conv.stories, rng) + (1 if conv.layout == "pages" else 0)
    return rng.sample(pool, min(wanted, len(pool)))


def compose(mix: str, seed: int, index: int = 0) -> Composed:
    """One composed file: the same (mix, seed, index) gives the same bytes, gold and roles."""
    if mix not in MIXES:
        raise KeyError(f"unknown mix {mix!r}; known: {', '.join(sorted(MIXES))}")
    rng = random.Random(f"{seed}/{index}/{mix}")
    store = load_store()
    conv = MIXES[mix].drawn(rng, PAGE_FIELDS)
    if conv.markdown != "none":  # each PDF→Markdown tool writes its own page separator
        conv = replace(conv, page_marker=TOOLS[conv.markdown].page_marker)
    layout = compose_layout(conv, rng, store, pick_texts(conv, rng, store))
    lines = layout.lines
    if layout.conv.markdown != "none":  # printed by a PDF→Markdown tool
        tool = TOOLS[layout.conv.markdown]
        lines, placeholders = dress(top_marker(tool) + lines, tool, bool(layout.conv.boxed_captions), rng)
        layout.forbidden += placeholders
    lines = strip_blank_runs(lines)
    if conv.run_on != "none":
        body, lines = run_on(lines, conv.run_on)
        text = body + NEWLINES[conv.newline]
    else:
        text = NEWLINES[conv.newline].join(line.text for line in lines) + NEWLINES[conv.newline]
    data, encoding = encode(text, conv.encoding, rng)
    name = f"{index:05d}-{mix}.txt"
    composed = {"mix": mix, "seed": seed, "index": index, "encoding": encoding,
                "texts": [s.text_id for s in layout.stories], "conventions": described(conv)}
    kind = "article" if conv.layout == "single" else "ocr-page"
    if layout.conv.markdown != "none":
        kind = "pdf-markdown"
    gold = file_gold(name, kind, layout.stories, layout, composed)
    if conv.run_on == "spaces":  # blocks joined like lines: no paragraph end is left to find
        for article in gold["articles"]:
            article.pop("paragraphs", None)
    return Composed(name, mix, data, gold, roles_of(lines, one_line=conv.run_on != "none"))


def compose_many(count_: int, seed: int, mixes: list[str] | None = None) -> list[Composed]:
    names = list(mixes or sorted(MIXES))
    return [compose(names[i % len(names)], seed, i) for i in range(count_)]


def write_composed(page: Composed, folder: Path) -> Path:
    """Write NAME.txt (the source bytes), NAME.json (its gold) and NAME.roles.jsonl beside each other."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / page.name
    source.write_bytes(page.data)
    stem = page.name[: -len(".txt")]
    gold = json.dumps(page.gold, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (folder / f"{stem}.json").write_text(gold, encoding="utf-8")
    roles = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in page.roles)
    (folder / f"{stem}.roles.jsonl").write_text(roles, encoding="utf-8")
    return source
