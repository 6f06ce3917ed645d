"""Markdown building blocks for browse pages: every value from an article is escaped text."""

from __future__ import annotations

from ..escaping import markdown_text
from ..render import dump_front_matter
from ..wording import plural  # noqa: F401  (browse pages import it from here)
from ..writer import slugify
from .catalog import Entry, Issue, relative_link

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
RESERVED = {"index"}
GENERATOR_KEY = "generator"
# search finds articles (browse pages only list them); the mark tells broadsheet's pages from the user's
BROWSE_META = {"search": {"exclude": True}, GENERATOR_KEY: "broadsheet"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def text(value: object) -> str:
    """Source text as inline Markdown that can never become structure (`escaping.markdown_text`)."""
    return markdown_text(value)


def link(label: object, from_src: str, to_src: str) -> str:
    return f"[{lang_span(label)}]({relative_link(from_src, to_src)})"


def page_slug(name: str) -> str:
    """The file name of a browse page named after a value: `slugify`, never a reserved name."""
    slug = slugify(name)
    return f"{slug}-1" if slug in RESERVED else slug


def page(title: str, body: list[str], extra: dict | None = None, heading: str | None = None) -> str:
    """A whole browse page: front matter (title as data, escaped by the site hook) and Markdown;
    `heading` (safe Markdown, e.g. with a `lang` span) replaces the heading made from the title."""
    meta = {"title": title, **BROWSE_META, **(extra or {})}
    if heading is not None:
        body = [f"# {heading}", ""] + body
    return "---\n" + dump_front_matter(meta) + "---\n\n" + "\n".join(body).rstrip() + "\n"


def human_date(iso: str) -> str:
    """`2025-08-18T13:20` → `18 August 2025, 13:20`; partial dates as far as they go."""
    try:
        year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    except ValueError:
        return iso
    when = f"{day} {MONTHS[month - 1]} {year}" if 1 <= month <= 12 else iso[:10]
    return when + (f", {iso[11:16]}" if len(iso) >= 16 else "")


def weekday(iso_day: str) -> str:
    import datetime

    try:
        return WEEKDAYS[datetime.date.fromisoformat(iso_day[:10]).weekday()]
    except ValueError:
        return ""


def month_name(year_month: str) -> str:
    try:
        month = int(year_month[5:7])
    except ValueError:
        return year_month
    return f"{MONTHS[month - 1]} {year_month[:4]}" if 1 <= month <= 12 else year_month


def byline(entry: Entry) -> str:
    return ", ".join(text(a) for a in entry.authors)


def article_item(entry: Entry, from_src: str, issue_src: str | None = None, issue: Issue | None = None,
                 kicker: bool = True, with_lede: bool = False) -> str:
    """One list item: headline link, kicker (unless a heading above says it), byline, date, (outside
    the issue page) the issue, and optionally the lede on a line of its own."""
    parts = [link(entry.title, from_src, entry.src)]
    if entry.meta.get("stub"):
        parts[0] += " *(summary only)*"
    details = [text(entry.meta["section"])] if kicker and entry.meta.get("section") else []
    if entry.authors:
        details.append("by " + byline(entry))
    if entry.date:
        details.append(text(human_date(entry.date)))
    if issue_src and issue is not None:
        details.append("in " + link(issue.title, from_src, issue_src))
    zh = (entry.meta.get("translations") or {}).get("zh") or {}
    line = "- " + " — ".join([parts[0], " · ".join(details)] if details else parts)
    if zh.get("title"):
        line += f'  \n  <span lang="zh">{text(zh["title"])}</span>'
    if with_lede and entry.lede:
        line += f"  \n  {lang_span(entry.lede)}"
    return line


def is_chinese(value: object) -> bool:
    """Mostly Han characters (a Chinese title or name, not an English one quoting a word)."""
    letters = [ch for ch in str(value) if ch.isalpha()]
    han = sum(1 for ch in letters if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    return bool(letters) and han * 2 >= len(letters)


def lang_span(value: object) -> str:
    """Escaped text, wrapped in `<span lang="zh">` when it is Chinese (screen readers, fonts, search)."""
    escaped = text(value)
    return f'<span lang="zh">{escaped}</span>' if is_chinese(value) else escaped


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table from cells that are already safe inline Markdown."""
    if not rows:
        return ["*None yet.*"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows] + [""]
