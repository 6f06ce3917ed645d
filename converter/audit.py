"""Word conservation: every word of every source is in an article or in the report.

The audit reads a converted output folder the way a reader would: the
article files (front matter and body, Markdown escapes and entities undone)
and the report's dropped lines. For each source it counts the casefolded
words of the decoded source text (entities undone the same way) and checks
that each occurrence is accounted for by an article of that source (by its
provenance) or by a dropped line of that source. Counting is by occurrence,
not by set, so a lost paragraph whose words appear elsewhere is still found.

Words are runs of letters and digits; CJK characters count one by one (a
wrapped Chinese line is joined without a space). A word the converter
rejoined across a hyphenated line break (`inter-` / `national`) is found
as the two halves written together.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .sources import SourceError, discover, read_source
from .writer import ARTICLES_DIR

TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\d+|[^\W\d_]+", re.UNICODE)
MD_ESCAPE = re.compile(r"\\(?=[^\w\s])")
JOIN_WINDOW = 64  # how many words apart the halves of a rejoined word may be (a caption between them)
NOT_TEXT_KEYS = {"provenance", "locked"}  # bookkeeping, not source text


def surface_words(text: str) -> list[str]:
    """The words of a piece of text as written, entities and Markdown escapes undone."""
    if "\\" in text:  # MD_ESCAPE needs a backslash
        text = MD_ESCAPE.sub("", text)
    return TOKEN.findall(html.unescape(text))


def surface_keys(text: str) -> list[str]:
    """`[word_key(w) for w in surface_words(text)]`, made at once for ASCII text (lower case leaves
    its tokens where they were)."""
    if "\\" in text:
        text = MD_ESCAPE.sub("", text)
    text = html.unescape(text)
    if text.isascii():
        return TOKEN.findall(text.lower())
    return [word_key(w) for w in TOKEN.findall(text)]


def word_key(word: str) -> str:
    if word.isascii():
        return word.lower()  # NFKC leaves ASCII alone, and casefold is lower there
    return unicodedata.normalize("NFKC", word).casefold()


def audit_words(text: str) -> list[str]:
    """The casefolded words of a piece of text, entities and Markdown escapes undone."""
    return TOKEN.findall(unicodedata.normalize("NFKC", html.unescape(MD_ESCAPE.sub("", text))).casefold())


@dataclass
class SourceAudit:
    file: str
    total: int
    missing: Counter = field(default_factory=Counter)
    problem: str | None = None  # the source could not be read: nothing to audit

    @property
    def kept(self) -> int:
        return self.total - sum(self.missing.values())

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.kept / self.total

    def line(self) -> str:
        if self.problem:
            return f"{self.file}: not audited ({self.problem})"
        summary = f"{self.file}: {self.percent:.2f}% of {self.total} words accounted for"
        if self.missing:
            shown = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in self.missing.most_common(12))
            summary += f"; missing: {shown}"
        return summary


def _strings(value: object, skip: set[str]) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in skip for s in _strings(v, skip)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, skip)]
    return [] if value is None or isinstance(value, bool) else [str(value)]


def read_article(path: Path) -> tuple[dict, str]:
    """(front matter, body) of a written article file."""
    return parse_article(path.read_text(encoding="utf-8"))


def article_words(text: str) -> Counter:
    """Words of an article file's text: its body and every front matter value but bookkeeping."""
    meta, body = parse_article(text)
    words = Counter(audit_words(body))
    for value in _strings(meta, NOT_TEXT_KEYS):
        words.update(audit_words(value))
    return words


def parse_article(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            meta = yaml.safe_load(text[4:end + 1]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 5:]
    return {}, text


def _article_words_by_source(out: Path) -> dict[tuple[str, str], Counter]:
    """Words of every written article, filed under each (file, sha256) it came from."""
    by_source: dict[tuple[str, str], Counter] = {}
    for path in sorted((out / ARTICLES_DIR).rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
            meta, _ = parse_article(text)
            words = article_words(text)
        except (UnicodeDecodeError, yaml.YAMLError, ValueError):  # a damaged hand edit: convert names it
            continue
        for prov in meta.get("provenance") or []:
            if not isinstance(prov, dict):
                continue
            slot = by_source.setdefault((str(prov.get("file")), str(prov.get("sha256"))), Counter())
            slot.update(words)
    return by_source


def _dropped_words_by_source(report: dict) -> dict[tuple[str, str], Counter]:
    dropped: dict[tuple[str, str], Counter] = {}
    for source in report.get("sources", []):
        words = Counter(w for d in source.get("dropped", []) for w in audit_words(d.get("text", "")))
        dropped.setdefault((source["file"], source["sha256"]), Counter()).update(words)  # shape checked on load
    return dropped


@dataclass
class _Rejoins:
    """Halves of words the converter rejoined across a hyphenated line break (`inter-` / `national`).

    A joined word is one the output holds more often than the source does; its halves are source
    words close together (a caption may sit between them), or two missing words in a row when the
    lines between (a page break) were dropped. Each output word is used once, strongest evidence
    first: both halves missing, then one, then a copy freed from a longer joined word.
    """

    missing: Counter
    source_words: list[str]
    available: Counter
    surplus: Counter = field(init=False)
    in_source: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.surplus = self.available - Counter(self.source_words)
        self.in_source = set(self.source_words)

    def free(self, joined: str) -> None:
        """The output's copy of `joined` was counted against a source word that went into a longer
        rejoined word (`harbour` inside `couharbour`): count it there and free the copy."""
        for word, count in self.surplus.items():
            rest = word[len(joined):] if word.startswith(joined) else word[:-len(joined)] if word.endswith(joined) else ""
            if count and word != joined and rest in self.in_source:
                self.surplus[word] -= 1
                self.surplus[joined] += 1
                return

    def take(self, first: str, second: str, need: int, may_free: bool) -> None:
        """Count `first`+`second` as one output word when at least `need` of the halves are missing."""
        if sum(1 for half in (first, second) if self.missing[half]) < need:
            return
        joined = first + second
        if may_free and not self.surplus[joined] and self.available[joined]:
            self.free(joined)
        if self.surplus[joined]:
            self.surplus[joined] -= 1
            for half in (first, second):
                if self.missing[half]:
                    self.missing[half] -= 1
                else:  # this source word is in the joined one, so the copy of it counted so far is free
                    self.surplus[half] += 1

    def near_pairs(self) -> Iterator[tuple[str, str]]:
        """Each missing word with each source word near it, in source order, while it is missing."""
        words = self.source_words
        for at in [i for i, w in enumerate(words) if self.missing[w]]:
            for near in range(max(0, at - JOIN_WINDOW), min(len(words), at + JOIN_WINDOW + 1)):
                if near != at and self.missing[words[at]]:
                    first, second = sorted((near, at))
                    yield words[first], words[second]

    def resolve(self) -> Counter:
        if not self.surplus:
            return self.missing
        for need, may_free in ((2, False), (1, False), (1, True)):
            for first, second in self.near_pairs():
                self.take(first, second, need, may_free)
            in_order = [w for w in self.source_words if self.missing[w]]
            for first, second in zip(in_order, in_order[1:]):
                self.take(first, second, 1, may_free)
        return +self.missing


def audit_text(name: str, text: str, available: Counter) -> SourceAudit:
    """Which words of one decoded source are not in `available` (its articles' and dropped lines' words)."""
    source_words = audit_words(text)
    missing = Counter(source_words) - available
    if missing:
        missing = _Rejoins(missing, source_words, available).resolve()
    return SourceAudit(name, len(source_words), missing)


class ReportError(Exception):
    """The conversion report is missing or damaged; the message says what is wrong (one line)."""


def load_report(out: Path) -> dict:
    """The conversion report of `out`, checked: `ReportError` says what is wrong with a damaged one."""
    path = out / "conversion-report.json"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"no conversion report in {out}: run broadsheet convert first") from None
    except OSError as err:
        raise ReportError(f"{path}: cannot be read: {err.strerror or err}") from None
    if not data.strip():
        raise ReportError(f"{path}: is empty (a conversion was interrupted?): run broadsheet convert again")
    try:
        report = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReportError(f"{path}: is damaged (not UTF-8): run broadsheet convert again") from None
    except ValueError as err:
        raise ReportError(f"{path}: is damaged (not JSON: {err}): run broadsheet convert again") from None
    problem = _report_shape_problem(report)
    if problem:
        raise ReportError(f"{path}: is damaged ({problem}): run broadsheet convert again")
    return report


def _report_shape_problem(report: object) -> str | None:
    if not isinstance(report, dict):
        return f"a JSON {type(report).__name__}, not the report's object"
    if not isinstance(report.get("sources"), list):
        return "no list of sources"
    for n, source in enumerate(report["sources"]):
        if not isinstance(source, dict) or not isinstance(source.get("file"), str) \
                or not isinstance(source.get("sha256"), str):
            return f"source {n + 1} has no file name and sha256"
        dropped = source.get("dropped", [])
        if not isinstance(dropped, list) or not all(isinstance(d, dict) for d in dropped):
            return f"source {n + 1} has a damaged list of dropped lines"
    return None


def _available(table: dict[tuple[str, str], Counter], key: str, sha: str) -> Counter:
    """Words filed under this source: by its key, else by its file name and bytes (converted from another
    sources root, so keyed differently)."""
    if (key, sha) in table:
        return table[(key, sha)]
    name = Path(key).name
    return sum((c for (file, digest), c in table.items() if digest == sha and Path(file).name == name), Counter())


def audit_output(paths: list[Path], out: Path) -> list[SourceAudit]:
    """Audit every source under `paths` against the converted folder `out`."""
    report = load_report(out)
    articles = _article_words_by_source(out)
    dropped = _dropped_words_by_source(report)
    results = []
    for found in discover([Path(p) for p in paths]):
        if found.skipped:
            continue
        if found.problem:
            results.append(SourceAudit(str(found.path), 0, problem=found.problem))
            continue
        try:
            source = read_source(found.path, found.key)
        except SourceError as err:
            results.append(SourceAudit(str(found.path), 0, problem=str(err)))
            continue
        available = _available(articles, source.name, source.sha256) + _available(dropped, source.name, source.sha256)
        results.append(audit_text(str(found.path), source.text, available))
    return results


def overall_percent(results: list[SourceAudit]) -> float:
    total = sum(r.total for r in results)
    return 100.0 if total == 0 else 100.0 * sum(r.kept for r in results) / total
