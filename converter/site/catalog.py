"""The article files under a docs folder, read once: metadata, issue, source order, links."""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..safe_yaml import MetadataLoader
from ..writer import slugify

ARTICLES_DIR = "articles"
_Loader = MetadataLoader  # safe YAML; a date stays text (a hand edit's `2026-13-45` is no crash)


ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?)?)?")


def iso_date(value: object) -> str:
    """A front-matter date as ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally `THH:MM[:SS]`) when it is a real date, else ''
    (a hand-edited or hostile file may hold anything; pages and the feed show only real dates)."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()
    text = str(value or "").replace(" ", "T", 1)
    match = ISO_DATE.match(text)
    if match is None:
        return ""
    found = match.group(0)
    try:
        datetime.datetime.fromisoformat(found + "-01-01"[len(found) - 4:] if len(found) < 10 else found)
    except ValueError:
        return ""
    return found


@dataclass
class Entry:
    """One article file: its path under the docs folder (posix) and its front matter."""

    src: str
    meta: dict
    lede: str = ""  # the first sentence or two of the body, plain text

    @property
    def people(self) -> list[str]:
        """The authors that are people (not `Staff Reporters`, not an agency): they get author pages."""
        from .people import people

        return people(self.authors)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "Untitled")

    @property
    def issue(self) -> str:
        return str(self.meta.get("issue") or posixpath.basename(posixpath.dirname(self.src)))

    @property
    def date(self) -> str:
        return iso_date(self.meta.get("date"))

    @property
    def authors(self) -> list[str]:
        return [str(a) for a in self.meta.get("authors") or []]

    def order_key(self) -> tuple:
        return order_key(self.meta, self.src)


@dataclass
class Issue:
    """The articles of one issue (edition), in source order."""

    id: str
    entries: list[Entry] = field(default_factory=list)
    fallback: str = ""  # the name when the source and sidecar state none (set by group_issues)

    @property
    def slug(self) -> str:
        return slugify(self.id)

    @property
    def title(self) -> str:
        for entry in self.entries:
            if entry.meta.get("issue_title"):
                return str(entry.meta["issue_title"])
        return self.fallback or self.id

    @property
    def publication(self) -> str:
        """The digest that collected every article, else the paper every article names; '' when they
        differ."""
        names = {str(e.meta.get("collected_in") or e.meta.get("publication") or "") for e in self.entries}
        return names.pop() if len(names) == 1 else ""

    @property
    def date(self) -> str:
        """The edition's day (ISO `YYYY-MM-DD`) as the source or sidecar states it, else the latest
        article date, or ''."""
        stated = [iso_date(e.meta["issue_date"])[:10] for e in self.entries if e.meta.get("issue_date")]
        if any(stated):
            return next(day for day in stated if day)
        days = [e.date[:10] for e in self.entries if len(e.date) >= 10]
        return max(days) if days else ""

HASHLIKE = re.compile(r"(?=.*\d)[0-9a-f]{6,}|\d+", re.IGNORECASE)


def name_from_file(issue_id: str) -> str:
    """Readable words of a file name (`daily-digest_2025` → `Daily digest 2025`); '' when it has none
    (`000_d7c7b0b25b6929d9`: a counter and a hash)."""
    words = [w for w in re.split(r"[\W_]+", issue_id) if w]
    if not any(not HASHLIKE.fullmatch(w) for w in words):
        return ""
    kept = [w for w in words if not re.fullmatch(r"(?=.*\d)[0-9a-f]{12,}", w, re.IGNORECASE)]
    text = " ".join(kept)
    return text[:1].upper() + text[1:]


def fallback_names(issues: list["Issue"]) -> None:
    """Name the issues no source or sidecar named: the publication and day, the file name's words,
    else `Undated issue N` (numbered in archive order), never a hash."""
    from .listing import human_date

    undated: dict[str, int] = {}
    for issue in issues:
        pub, words = issue.publication, name_from_file(issue.id)
        if issue.date:
            issue.fallback = f"{pub or words or 'Issue'}, {human_date(issue.date)}"
        elif words:
            issue.fallback = f"{pub}: {words}" if pub and pub.casefold() not in words.casefold() else words
        else:
            undated[pub] = undated.get(pub, 0) + 1
            n = undated[pub]
            issue.fallback = f"{pub}, undated issue {n}" if pub else f"Undated issue {n}"


def order_key(meta: dict, src: str) -> tuple:
    """Source order within an issue: the first line in the issue's own source, then the path."""
    issue = str(meta.get("issue") or "")
    firsts = []
    for n, prov in enumerate(meta.get("provenance") or []):
        if not isinstance(prov, dict):
            continue
        lines = prov.get("lines") or [0]
        file = Path(str(prov.get("file", "")))
        own = issue in (file.stem, file.with_suffix("").as_posix())  # its own source (keyed by relative path)
        try:
            first = int(lines[0] or 0)
        except (TypeError, ValueError, IndexError, KeyError):
            first = 0
        firsts.append((0 if own else 1, n, first))
    best = min(firsts) if firsts else (2, 0, 0)
    return (best[0], best[2], src)


def read_front_matter(path: Path) -> dict | None:
    return read_article(path)[0]


def read_article(path: Path) -> tuple[dict | None, str]:
    """Front matter and body of an article file ((None, '') when it has no front matter)."""
    return parse_article(path.read_text(encoding="utf-8"))


def parse_article(text: str) -> tuple[dict | None, str]:
    if not text.startswith("---\n"):
        return None, ""
    end = text.find("\n---\n", 3)
    if end < 0:
        return None, ""
    meta = yaml.load(text[4:end + 1], Loader=_Loader)
    return (meta, text[end + 5:]) if isinstance(meta, dict) else (None, "")


SENTENCE_END = re.compile(r"(?<![\s.][A-Z]\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!St\.)(?<!Mrs\.)(?<=[.!?。！？])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9\u4e00-\u9fff])")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def lede(body: str, limit: int = 240) -> str:
    """The first sentence or two of the first plain paragraph (not a heading, quote, figure or list)."""
    for block in body.split("\n\n"):
        block = block.strip()
        if not block or block[0] in "#<>|!-*[" or block.startswith("    "):
            continue
        text = " ".join(MARKDOWN_ESCAPE.sub(r"\1", block).split())
        sentences = SENTENCE_END.split(text)
        out = sentences[0]
        if len(sentences) > 1 and len(out) + len(sentences[1]) < limit * 0.75:
            out += " " + sentences[1]
        return out if len(out) <= limit else out[: limit - 1].rsplit(" ", 1)[0] + "…"
    return ""


def load_entries(docs: Path, problems: list[str] | None = None) -> list[Entry]:
    """Every article file under `docs/articles/`, sorted by path. A file whose front matter cannot be read
    (a hand edit saved in another encoding, broken YAML) is left out of the browse pages and named in
    `problems`."""
    from ..parsed_files import parsed_files

    entries = []
    parsed = parsed_files(docs)  # a file is parsed again only when its bytes changed
    for path in sorted((docs / ARTICLES_DIR).rglob("*.md")):
        try:
            meta, first = parsed.get("catalog", path.read_bytes(), _meta_and_lede)
        except (UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as err:
            reason = "not UTF-8" if isinstance(err, UnicodeDecodeError) else "front matter is not valid YAML"
            if problems is not None:
                problems.append(f"{path.relative_to(docs).as_posix()}: {reason}: not listed in the browse pages")
            continue
        if meta is not None and meta.get("provenance") and isinstance(meta["provenance"], list):
            entries.append(Entry(path.relative_to(docs).as_posix(), meta, first))
    parsed.save()
    return entries


def _meta_and_lede(data: bytes) -> tuple[dict | None, str]:
    meta, body = parse_article(data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n"))  # as read_text
    return meta, lede(body)


def group_issues(entries: list[Entry]) -> list[Issue]:
    """Issues newest first (undated last), each with its articles in source order."""
    issues: dict[str, Issue] = {}
    for entry in entries:
        issues.setdefault(entry.issue, Issue(entry.issue)).entries.append(entry)
    for issue in issues.values():
        issue.entries.sort(key=Entry.order_key)
    ordered = sorted(issues.values(), key=lambda i: (i.date == "", _neg(i.date), i.id))
    fallback_names(ordered)
    return ordered


def _neg(day: str) -> tuple:
    return tuple(-ord(c) for c in day)


def neighbours(issue: Issue) -> dict[str, tuple[str | None, str | None]]:
    """Previous and next article (src paths) of every article in an issue."""
    srcs = [e.src for e in issue.entries]
    return {s: (srcs[i - 1] if i else None, srcs[i + 1] if i + 1 < len(srcs) else None)
            for i, s in enumerate(srcs)}


def relative_link(from_src: str, to_src: str) -> str:
    """A Markdown link from one docs file to another (both posix paths under docs)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
