"""Our own comparison of converted articles with hand-made gold annotations.

Reads what the front-matter contract (tests/data/front-matter-spec.md) promises
and checks it against tests/data/gold/*.json, family by family: articles
found, no extra articles, metadata, translations, boundaries, paragraph
count, repaired breaks, crossheads, figures found, no extra figures, clean
bodies, duplicates merged. The score is the mean of the families' hit rates.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import frontmatter

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
MARKUP_BLOCK = re.compile(r"^\s*(#|>|!!!|\?\?\?|<|!\[|\||---|:::|\{|\[\^)")


def plain(text) -> str:
    """Text as a reader sees it: entities decoded, quotes unified, emphasis and escapes gone."""
    text = unicodedata.normalize("NFC", html.unescape(str(text or ""))).translate(QUOTES)
    text = re.sub(r"\*\*|__|\*|(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|\"'])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def fold(text) -> str:
    return plain(text).casefold()


def alike(a, b) -> float:
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


@dataclass
class Converted:
    path: Path
    meta: dict
    body: str

    @property
    def files(self) -> set[str]:
        return {Path(str(p.get("file", ""))).name for p in self.meta.get("provenance") or []}

    @property
    def blocks(self) -> list[str]:
        return [b.strip() for b in re.split(r"\n\s*\n", self.body) if b.strip()]

    @property
    def paragraphs(self) -> list[str]:
        return [plain(b) for b in self.blocks if not MARKUP_BLOCK.match(b)]

    @property
    def headings(self) -> list[str]:
        return [fold(re.sub(r"^#+\s*", "", b)) for b in self.blocks if b.startswith("#")]


@dataclass
class Tally:
    hits: dict = field(default_factory=lambda: defaultdict(int))
    trials: dict = field(default_factory=lambda: defaultdict(int))
    misses: list = field(default_factory=list)

    def check(self, family: str, ok: bool, why: str) -> None:
        self.trials[family] += 1
        self.hits[family] += bool(ok)
        if not ok:
            self.misses.append(f"{family}: {why}")

    def rates(self) -> dict[str, float]:
        return {f: self.hits[f] / n for f, n in self.trials.items()}

    def score(self) -> float:
        rates = self.rates()
        return sum(rates.values()) / len(rates) if rates else 0.0


def load_converted(folder: Path) -> list[Converted]:
    found = []
    for path in sorted(folder.rglob("*.md")):
        post = frontmatter.load(path)
        if post.metadata.get("provenance"):
            found.append(Converted(path, post.metadata, post.content))
    return found


def match_articles(gold: dict, mine: list[Converted]) -> dict[int, Converted]:
    matched = {}
    for i, g in enumerate(gold["articles"]):
        names = [fold(n) for n in [g["title"], *g.get("also_titles", [])]]
        hit = next((a for a in mine if fold(a.meta.get("title")) in names), None)
        if hit is None and mine:
            best = max(mine, key=lambda a: alike(a.meta.get("title"), g["title"]))
            hit = best if alike(best.meta.get("title"), g["title"]) >= 0.9 else None
        if hit is not None:
            matched[i] = hit
    return matched


def check_metadata(g: dict, meta: dict, found: bool, t: Tally, where: str) -> None:
    for name in ("section", "page", "source_agency", "note", "url"):
        if name in g:
            t.check("metadata", found and fold(g[name]) == fold(meta.get(name)), f"{where} {name}")
    for name in ("authors", "contributors"):
        if name in g:
            got = meta.get(name) or []
            t.check("metadata", found and [fold(x) for x in g[name]] == [fold(x) for x in got], f"{where} {name}")
    if "continued_from" in g:
        got = re.sub(r"\D", "", str(meta.get("continued_from") or ""))
        t.check("metadata", found and got == (g["continued_from"] or ""), f"{where} continued_from")
    if "date" in g:
        got = str(meta.get("date") or "").replace(" ", "T")
        t.check("metadata", found and got.startswith(g["date"]), f"{where} date {got!r}")
    zh = (g.get("translations") or {}).get("zh")
    if zh:
        mine = (meta.get("translations") or {}).get("zh") or {}
        t.check("translations", found and fold(zh["title"]) == fold(mine.get("title")), f"{where} zh title")
        summary_ok = fold(mine.get("summary")).startswith(fold(zh["summary_starts_with"]))
        t.check("translations", found and summary_ok, f"{where} zh summary")


def check_body(g: dict, a: Converted, found: bool, t: Tally, where: str) -> None:
    paras = a.paragraphs
    if g.get("stub"):
        t.check("boundaries", found and not paras, f"{where} stub has a body")
    else:
        if "starts_with" in g:
            t.check("boundaries", found and bool(paras) and paras[0].startswith(plain(g["starts_with"])), f"{where} start")
        if "ends_with" in g:
            t.check("boundaries", found and bool(paras) and paras[-1].endswith(plain(g["ends_with"])), f"{where} end")
    if "paragraphs" in g:
        t.check("paragraph count", found and len(paras) == g["paragraphs"], f"{where} {len(paras)} paragraphs")
    for joined in g.get("joins", []):
        t.check("repaired breaks", found and any(plain(joined) in p for p in paras), f"{where} join {joined[:40]!r}")
    for text in g.get("must_contain", []):
        t.check("repaired breaks", found and plain(text) in plain(a.body), f"{where} lacks {text[:40]!r}")
    for heading in g.get("headings", []):
        t.check("crossheads", found and fold(heading) in a.headings, f"{where} heading {heading!r}")


def figure_in(gold_figure: dict, figures: list) -> bool:
    for fig in figures or []:
        caption_ok = (not gold_figure["caption"] and not fig.get("caption")) or alike(
            gold_figure["caption"], fig.get("caption", "")) >= 0.9
        gc, pc = fold(gold_figure.get("credit", "")), fold(fig.get("credit", ""))
        if caption_ok and (gc in pc or (pc and pc in gc)):
            return True
    return False


def check_figures(gold: dict, g: dict, a: Converted, by_title: dict, found: bool, t: Tally, where: str) -> None:
    for gf in g.get("figures", []):
        pools = [a] + [by_title.get(fold(x)) for x in gf.get("also_ok_in", [])]
        ok = any(p is not None and figure_in(gf, p.meta.get("figures")) for p in pools)
        t.check("figures found", found and ok, f"{where} figure {gf['caption'][:40]!r}")
    if "figures" in g:
        shared = sum(1 for o in gold["articles"] for f in o.get("figures", [])
                     if fold(g["title"]) in [fold(x) for x in f.get("also_ok_in", [])])
        t.check("no extra figures", found and len(a.meta.get("figures") or []) <= len(g["figures"]) + shared,
                f"{where} too many figures")


def score_gold_file(gold: dict, everything: list[Converted], t: Tally) -> None:
    name = gold["file"]
    mine = [a for a in everything if name in a.files]
    matched = match_articles(gold, mine)
    for i, g in enumerate(gold["articles"]):
        t.check("articles found", i in matched, f"{name}: no article {g['title']!r}")
    if gold.get("articles_exhaustive"):
        used = {id(a) for a in matched.values()}
        for a in mine:
            t.check("no extra articles", id(a) in used, f"{name}: extra {a.meta.get('title')!r}")
    by_title = {fold(g["title"]): matched.get(i) for i, g in enumerate(gold["articles"])}
    for i, g in enumerate(gold["articles"]):
        a, found = matched.get(i) or Converted(Path("-"), {}, ""), i in matched
        where = f"{name} / {g['title'][:40]}"
        check_metadata(g, a.meta, found, t, where)
        check_body(g, a, found, t, where)
        check_figures(gold, g, a, by_title, found, t, where)
        for other in g.get("same_as", []):
            copies = [x for x in everything if fold(x.meta.get("title")) == fold(g["title"])]
            ok = len(copies) == 1 and {name, other} <= copies[0].files
            t.check("duplicates merged", ok, f"{where}: {len(copies)} copies")
    for bad in gold.get("forbidden", []):
        dirty = [a.path.name for a in mine if bad in a.body]
        t.check("clean bodies", not dirty, f"{name}: {bad!r} in {dirty[:3]}")


def score_folder(docs: Path, gold_folder: Path) -> Tally:
    tally = Tally()
    everything = load_converted(docs)
    for gold_path in sorted(gold_folder.glob("*.json")):
        score_gold_file(json.loads(gold_path.read_text(encoding="utf-8")), everything, tally)
    return tally
