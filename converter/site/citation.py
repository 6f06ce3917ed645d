""""Cite this article": one citation record per article, written as plain text, BibTeX and CSL-JSON.

The record comes from the front matter (publication, date, page, title, authors), the archive's name,
the snapshot's label and date (`extra.broadsheet_snapshot`, written by `broadsheet snapshot` into the
configuration it builds with) and the article's permalink. Each format escapes for itself: BibTeX's
special characters (`\\ { } $ & % # _ ^ ~`) as commands, CSL-JSON by a real JSON writer; the block
that shows them escapes the result again as HTML text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..escaping import html_attr, html_text, one_line
from .listing import is_chinese

SNAPSHOT_KEY = "broadsheet_snapshot"  # extra.broadsheet_snapshot: {label, date}
_BIBTEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%", "#": r"\#",
           "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
_BIBTEX_RE = re.compile("[" + re.escape("".join(_BIBTEX)) + "]")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Citation:
    id: str
    title: str
    permalink: str
    archive: str
    authors: list[str] = field(default_factory=list)
    publication: str = ""
    date: str = ""
    page: str = ""
    snapshot_label: str = ""
    snapshot_date: str = ""


def snapshot_of(extra: object) -> tuple[str, str]:
    """(label, date) of the snapshot being built, or ('', '') for an ordinary build."""
    value = extra.get(SNAPSHOT_KEY) if isinstance(extra, Mapping) else None  # MkDocs' extra is a Mapping
    if not isinstance(value, Mapping):
        return "", ""
    return one_line(value.get("label") or ""), one_line(value.get("date") or "")


def citation_of(meta: dict, article_id: str, permalink: str, archive: str, extra: object = None) -> Citation:
    label, when = snapshot_of(extra)
    authors = meta.get("authors") if isinstance(meta.get("authors"), list) else []
    return Citation(id=article_id, title=one_line(meta.get("title") or "Untitled"), permalink=permalink,
                    archive=one_line(archive), authors=[one_line(a) for a in authors],
                    publication=one_line(meta.get("publication") or ""), date=one_line(meta.get("date") or ""),
                    page=one_line(meta.get("page") or ""), snapshot_label=label, snapshot_date=when)


def _names(authors: list[str]) -> str:
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + " and " + authors[-1]


def plain_text(cite: Citation) -> str:
    """`Liang Yilian. "Title." Publication, 2025-08-18, page INSIGHTS. Archive, snapshot "Nov" (2026-11-23). URL`"""
    parts = [f"{_names(cite.authors)}. " if cite.authors else "", f"\u201c{cite.title}.\u201d"]
    where = ", ".join(x for x in (cite.publication, cite.date, f"page {cite.page}" if cite.page else "") if x)
    if where:
        parts.append(f" {where}.")
    archive = cite.archive
    if cite.snapshot_label or cite.snapshot_date:
        label = f"\u201c{cite.snapshot_label}\u201d" if cite.snapshot_label else ""
        archive += ", snapshot " + " ".join(x for x in (label, f"({cite.snapshot_date})" if cite.snapshot_date
                                                         else "") if x)
    parts.append(f" {archive}. {cite.permalink}")
    return "".join(parts)


def bibtex_text(value: str) -> str:
    """Text inside a braced BibTeX field: every special character written as a command or escape."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX[m.group(0)], one_line(value))


def bibtex(cite: Citation) -> str:
    fields = [("title", f"{{{bibtex_text(cite.title)}}}"),  # double braces keep its capitals
              ("author", " and ".join(f"{{{bibtex_text(a)}}}" for a in cite.authors)),
              ("journal", bibtex_text(cite.publication)), ("date", bibtex_text(cite.date)),
              ("pages", bibtex_text(cite.page)), ("url", bibtex_text(cite.permalink)),
              ("organization", bibtex_text(cite.archive)),
              ("note", bibtex_text(_snapshot_note(cite)))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{bs-{cite.id},\n{body}\n}}"


def _snapshot_note(cite: Citation) -> str:
    if not (cite.snapshot_label or cite.snapshot_date):
        return f"Archived in {cite.archive}"
    return f"Archived in {cite.archive}, snapshot {cite.snapshot_label} {cite.snapshot_date}".strip()


def _date_parts(value: str) -> list[int] | None:
    match = _ISO_DATE.match(value)
    return [int(p) for p in match.groups() if p] if match else None


def csl_json(cite: Citation) -> dict:
    data: dict = {"id": f"bs-{cite.id}", "type": "article-newspaper", "title": cite.title}
    if cite.authors:
        data["author"] = [{"literal": a} for a in cite.authors]
    if cite.publication:
        data["container-title"] = cite.publication
    parts = _date_parts(cite.date)
    if parts:
        data["issued"] = {"date-parts": [parts]}
    if cite.page:
        data["page"] = cite.page
    data.update({"URL": cite.permalink, "archive": cite.archive})
    if cite.snapshot_label:
        data["archive_location"] = cite.snapshot_label
    snapshot = _date_parts(cite.snapshot_date)
    if snapshot:
        data["accessed"] = {"date-parts": [snapshot]}
    return data


def json_ld_fields(cite: Citation) -> dict:
    """What the article's schema.org JSON-LD gains: the archive (and snapshot) it is part of, where it is
    archived, its printed page and its date."""
    part_of: dict = {"@type": "Collection", "name": cite.archive}
    if cite.snapshot_label:
        part_of["version"] = cite.snapshot_label
    if cite.snapshot_date:
        part_of["dateCreated"] = cite.snapshot_date
    data: dict = {"isPartOf": part_of, "archivedAt": cite.permalink}
    if cite.date:
        data["datePublished"] = cite.date
    if cite.page:
        data["pageStart"] = cite.page
    return data


def cite_html(cite: Citation, permalink_href: str) -> str:
    """The "Cite this article" block: the permalink, the citation, BibTeX and CSL-JSON to copy."""
    csl = json.dumps([csl_json(cite)], ensure_ascii=False, indent=2)
    lang = ' lang="zh"' if is_chinese(cite.title) else ""  # a Chinese article's citation reads as Chinese
    return (
        f'<section class="bs-cite" id="cite-this-article" data-search-exclude{lang}><p class="bs-cite-heading"><strong>Cite this article</strong></p>'
        f'<p class="bs-permalink">Permalink: <a class="bs-permalink-link" href="{html_attr(permalink_href)}">'
        f"{html_text(cite.permalink)}</a></p>"
        f'<p class="bs-citation">{html_text(plain_text(cite))}</p>'
        '<details class="bs-cite-formats"><summary>BibTeX and CSL-JSON</summary>'
        f'<pre class="bs-bibtex"><code>{html_text(bibtex(cite))}</code></pre>'
        f'<pre class="bs-csl-json"><code>{html_text(csl)}</code></pre></details></section>'
    )
