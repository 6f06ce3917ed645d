"""Training and evaluation pages for the labeller: composed pages (every line's role known by construction)
and real documents whose gold gives some lines' roles by alignment (the rest stay unlabelled).

A real document's gold (tests/data/gold-extra/*.json, the scorer's format) names titles, the first and
last words of bodies, sentences the body must contain, joins, authors, figures, crossheads and forbidden
furniture — not line roles. `real_roles` aligns those strings to source lines: a line that is exactly a
title is a headline, a line holding a body's first/last words or a must-contain sentence is body, and so
on; a line that two alignments disagree on is left unlabelled. The documents of the hold-out list
(guide.md) are never read here.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..compose import MIXES, compose
from ..decode import decode_bytes
from ..model import Source
from .features import PageLine, page_lines

ROOT = Path(__file__).resolve().parent.parent.parent
GOLD_EXTRA = ROOT / "tests" / "data" / "gold-extra"
SOURCE_DIRS = (Path("/work/shared/corpus/extra"), ROOT / "tests" / "data" / "extra")
HOLD_OUT = frozenset({"ocr_stanforddaily_2", "ocr_chronam_2", "wire_atsfr_1", "article_bbc_3", "digest_italytoday_1",
                      "pdfmd_amsentinel_3"})  # the developers' guide: never trained or tuned on
# Mixes the shipped model never sees: its accuracy on them measures how it carries to unseen conventions.
HELD_BACK_MIXES = ("en-slash-credit", "en-wrap-blank", "zh-signoffs", "de-wrap-hyphen")
FURNITURE_ONLY = "furniture?"  # a real line the gold forbids: furniture at the zone level, role unknown
PROBE = 24  # characters of a gold string looked for in a line


@dataclass
class Page:
    name: str
    family: str
    lines: list[PageLine]
    roles: dict[int, str]  # line number → role (partial for real documents)
    rule_roles: dict[int, str] = field(default_factory=dict)  # what the rule chain decided, line number → role


MODEL_RULES = ("drop_model_furniture",)  # the rules that ask the model: off while its evidence is gathered


@contextmanager
def rules_only() -> Iterator[None]:
    """Every preset without the model's own rules, so the model never trains on its own decisions."""
    from ..presets import PRESETS, ruler

    switched = [(r, name) for r in map(ruler, PRESETS) for name in MODEL_RULES
                if name in r.names() and name not in r.disabled]
    for r, name in switched:
        r.disable(name)
    try:
        yield
    finally:
        for r, name in switched:
            r.enable(name)


def rule_roles_of(name: str, text: str) -> dict[int, str]:
    """The rule chain's role for every line (the explain layer's answer), the labeller's evidence."""
    from ..pipeline import convert_source

    with rules_only():
        result = convert_source(Source(path=Path(name), name=name, sha256="", text=text), explain=True)
    return {line.line: line.role for line in result.explanation or []}


def composed_pages(seed: int, per_mix: int, mixes: list[str] | None = None) -> list[Page]:
    """`per_mix` pages of each mix, composed from `seed` (the same arguments give the same pages)."""
    pages = []
    for mix in mixes if mixes is not None else sorted(MIXES):
        for index in range(per_mix):
            made = compose(mix, seed, index)
            text = decode_bytes(made.data)[0]
            roles = {r["line"]: r["role"] for r in made.roles}
            pages.append(Page(made.name, mix, page_lines(text), roles, rule_roles_of(made.name, text)))
    return pages


def _key(text: str) -> str:
    return " ".join(re.sub(r"[#*_>|`]+", " ", text).casefold().split()).strip(" .,:;\"'“”‘’")


def family_map() -> dict[str, str]:
    path = GOLD_EXTRA / "families.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def excluded_stems(extra: str | None = None) -> set[str]:
    """Stems never used: the hold-out list, plus BROADSHEET_EXCLUDE (bench_generalise.py --retrain) and `extra`."""
    named = f"{os.environ.get('BROADSHEET_EXCLUDE', '')},{extra or ''}"
    return set(HOLD_OUT) | {s.strip() for s in named.split(",") if s.strip()}


def real_pages(exclude: set[str]) -> list[Page]:
    """The real documents with gold, less the excluded ones, each with its aligned partial roles."""
    families, pages = family_map(), []
    for gold_path in sorted(GOLD_EXTRA.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "file" not in gold:
            continue
        stem = Path(gold["file"]).stem
        source = next((d / gold["file"] for d in SOURCE_DIRS if (d / gold["file"]).exists()), None)
        if stem in exclude or stem in HOLD_OUT or source is None:
            continue
        text = decode_bytes(source.read_bytes())[0]
        lines = page_lines(text)
        family = families.get(stem) or stem.rsplit("_", 1)[0].replace("_", "-")
        pages.append(Page(gold["file"], family, lines, real_roles(lines, gold), rule_roles_of(gold["file"], text)))
    return pages


def real_roles(lines: list[PageLine], gold: dict) -> dict[int, str]:
    """Partial roles of a real document's lines, aligned from its gold; conflicting lines left out."""
    keys = [_key(line.text) for line in lines]
    found: dict[int, set[str]] = {}

    def mark(index: int, role: str) -> None:
        found.setdefault(lines[index].number, set()).add(role)

    def holding(probe: str, last: bool = False) -> list[int]:
        probe = _key(probe)
        probe = probe[-PROBE:] if last else probe[:PROBE]
        return [i for i, key in enumerate(keys) if len(probe) >= 8 and probe in key] if probe else []

    for article in gold.get("articles", []):
        titles = {_key(t) for t in [article.get("title") or "", *article.get("also_titles", [])] if t}
        for i, key in enumerate(keys):
            if key in titles:
                mark(i, "headline")
        starts = holding(article.get("starts_with") or "")
        ends = holding(article.get("ends_with") or "", last=True)
        for probe in [*article.get("must_contain", []), *article.get("joins", [])]:
            for i in holding(probe):
                mark(i, "body")
        for i in starts + ends:
            mark(i, "body")
        if len(starts) == 1 and len(ends) == 1 and 0 < ends[0] - starts[0] < 400:
            for i in range(starts[0] + 1, ends[0]):
                if len(keys[i]) >= 60 and lines[i].text.strip()[-1:] in ".?!\"”’'。）)":
                    mark(i, "body")  # a long sentence-ending line inside the story's own span
        for author in article.get("authors", []):
            for i, key in enumerate(keys):
                if _key(author) in key and len(key) < 80:
                    mark(i, "byline")
        for figure in article.get("figures", []):
            for i in holding(figure.get("caption") or ""):
                mark(i, "caption")
        for heading in article.get("headings", []):
            for i, key in enumerate(keys):
                if key == _key(heading):
                    mark(i, "crosshead")
    for forbidden in gold.get("forbidden", []):
        probe = _key(forbidden)
        for i, key in enumerate(keys):
            if len(probe) >= 4 and probe in key and len(probe) >= 0.6 * len(key):
                mark(i, FURNITURE_ONLY)
    return {number: next(iter(roles)) for number, roles in found.items() if len(roles) == 1}
