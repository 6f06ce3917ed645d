"""The browse pages, written as Markdown into the docs folder (any MkDocs-compatible engine builds them).

Home, one page per issue (articles in source order under their page header and
kicker), the archive by year and month, and pages per section, author and
publication. Every value that came from a source is escaped (`listing.text`).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from pathlib import Path

from ..writer import write_atomic
from .catalog import Entry, Issue, group_issues, load_entries, relative_link
from .feed import FEED_FACETS, feed_src
from .listing import (GENERATOR_KEY, article_item, lang_span, human_date, link, month_name, page, page_slug, plural, table,
                      text, weekday)
from .periods import LIST_LIMIT, by_month_or_day, by_period, month_of, period_index, period_name, period_src, year_of

HOME = "index.md"
BROWSE = "browse"
ISSUES = f"{BROWSE}/issues/index.md"
ARCHIVE = f"{BROWSE}/archive/index.md"
CALENDAR = f"{BROWSE}/calendar/index.md"
FACETS = {  # folder: (index title, singular, values of an entry)
    "sections": ("Sections", "Section", lambda e: [e.meta["section"]] if e.meta.get("section") else []),
    "authors": ("Authors", "Author", lambda e: e.people),
    "publications": ("Publications", "Publication",
                     lambda e: [e.meta[k] for k in ("publication", "collected_in") if e.meta.get(k)]),
}
LATEST_ISSUES = 10


def issue_slug(issue_id: str) -> str:
    """An issue page's name, distinct for every issue id: the slug itself when the id already is one
    (`000_d7c7…`, `std-2026-01-30`), else the slug and a short hash of the id, so ids that slug alike
    (`front page`/`front-page`, `Report`/`report`, NFC/NFD `café`) never share or overwrite a page."""
    slug = page_slug(issue_id)
    if slug == issue_id:
        return slug
    return f"{slug}-{hashlib.sha256(issue_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def issue_src(issue_id: str) -> str:
    return f"{BROWSE}/issues/{issue_slug(issue_id)}.md"


def facet_src(folder: str, name: str) -> str:
    return f"{BROWSE}/{folder}/{page_slug(str(name))}.md"


def issue_row(issue: Issue, from_src: str) -> list[str]:
    return [link(issue.title, from_src, issue_src(issue.id)), lang_span(issue.publication),
            text(human_date(issue.date)) if issue.date else "undated", str(len(issue.entries))]


def home_page(issues: list[Issue], entries: list[Entry], name: str) -> str:
    publications = {e.meta[k] for e in entries for k in ("publication", "collected_in") if e.meta.get(k)}
    authors = {a for e in entries for a in e.people}
    body = [f"# {text(name)}", "", f"{plural(len(entries), 'article')} in {plural(len(issues), 'issue')} from "
            f"{plural(len(publications), 'publication')}, by {plural(len(authors), 'author')}.", "",
            "## Latest issues", ""]
    body += table(["Issue", "Publication", "Date", "Articles"], [issue_row(i, HOME) for i in issues[:LATEST_ISSUES]])
    body += ["", "## Browse", "",
             f"- [All issues]({ISSUES}) ({len(issues)})",
             f"- [Calendar: the days with issues]({CALENDAR})",
             f"- [Archive by year and month]({ARCHIVE})"]
    body += [f"- [{title}]({BROWSE}/{folder}/index.md)" for folder, (title, _, _) in FACETS.items()]
    body += ["- [Conversion report](conversion-report.md)", "- [Atom feed of the newest articles](feed.xml)"]
    return page(name, body)


def issues_index(issues: list[Issue]) -> str:
    """Every issue newest first; past `LIST_LIMIT` the newest ones and the archive's years for the rest."""
    shown = issues[:LIST_LIMIT]
    rows = [issue_row(i, ISSUES) for i in shown]
    lead = f"{plural(len(issues), 'issue')}, newest first."
    if len(shown) < len(issues):
        years = by_period(issues, lambda i: i.date, year_of)
        lead = (f"{plural(len(issues), 'issue')}: the newest {len(shown)} below; every issue by year: "
                + ", ".join(link(period_name(y), ISSUES, period_src(ARCHIVE, y)) for y in years) + ".")
    return page("Issues", [lead, ""] + table(["Issue", "Publication", "Date", "Articles"], rows))


def issue_page(issue: Issue) -> str:
    src = issue_src(issue.id)
    facts = [lang_span(issue.publication)] if issue.publication else []
    facts.append(text(human_date(issue.date)) if issue.date else "date not stated in the source")
    body = [" · ".join(facts + [f"{plural(len(issue.entries), 'article')}, in the order the source prints "
                                "them."]), ""]
    paged = any(e.meta.get("page") for e in issue.entries)
    current_page, current_section = None, None
    for entry in issue.entries:
        page_name, section = entry.meta.get("page"), entry.meta.get("section")
        if paged and page_name != current_page:
            body += ["", f"## {text(page_name) if page_name else 'Other pages'}", ""]
            current_page, current_section = page_name, None
        if section != current_section:  # an article with no kicker after some must not look like theirs
            body += ["", f"### {text(section) if section else 'Other articles'}", ""]
        current_section = section
        body.append(article_item(entry, src, kicker=False, with_lede=True))
    return page(issue.title, body, heading=lang_span(issue.title))


def archive_pages(issues: list[Issue]) -> dict[str, str]:
    """The archive (issues by year and month) and the calendar (the days with issues): one page each,
    or past `LIST_LIMIT` issues an index of years and a page per year."""
    if len(issues) <= LIST_LIMIT:
        return {ARCHIVE: archive_page(issues, ARCHIVE, "Archive"), CALENDAR: calendar_page(issues, CALENDAR, "Calendar")}
    years = by_period(issues, lambda i: i.date, year_of)
    pages = {ARCHIVE: page("Archive", ["Issues by year, newest first."] + period_index(ARCHIVE, years, "issue", link)),
             CALENDAR: page("Calendar", ["Every day with an issue, by year."] + period_index(CALENDAR, years, "issue", link))}
    for year, members in years.items():
        pages[period_src(ARCHIVE, year)] = archive_page(members, period_src(ARCHIVE, year), f"Archive: {period_name(year)}")
        pages[period_src(CALENDAR, year)] = calendar_page(members, period_src(CALENDAR, year), f"Calendar: {period_name(year)}")
    return pages


def archive_page(issues: list[Issue], src: str, title: str) -> str:
    body: list[str] = []
    year = month = None
    for issue in issues:
        if issue.date[:4] != year:
            year, month = issue.date[:4], None
            body += ["", f"## {year or 'Undated'}", ""]
        if issue.date and issue.date[:7] != month:
            month = issue.date[:7]
            body += ["", f"### {month_name(month)}", ""]
        when = text(human_date(issue.date)) if issue.date else "undated"
        body.append(f"- {link(issue.title, src, issue_src(issue.id))} — {when} · "
                    f"{lang_span(issue.publication) + ' · ' if issue.publication else ''}"
                    f"{plural(len(issue.entries), 'article')}")
    return page(title, ["Issues by year and month, newest first."] + body)


def calendar_page(issues: list[Issue], src: str, title: str) -> str:
    """Year → month → day: a month's days in a row, the days with issues linked to them."""
    by_day: dict[str, list[Issue]] = {}
    for issue in issues:
        if len(issue.date) >= 10:
            by_day.setdefault(issue.date[:10], []).append(issue)
    body = ["Every day with an issue, by year and month."]
    for year in sorted({d[:4] for d in by_day}, reverse=True):
        body += ["", f"## {year}", ""]
        for month in sorted({d[:7] for d in by_day if d.startswith(year)}, reverse=True):
            body += ["", f"### {month_name(month)}", ""]
            for day in sorted(d for d in by_day if d.startswith(month)):
                links = ", ".join(link(i.title, src, issue_src(i.id)) for i in by_day[day])
                body.append(f"- **{int(day[8:10])}** {text(weekday(day))}: {links}")
    undated = [i for i in issues if len(i.date) < 10]
    if undated:
        body += ["", "## Undated", ""] + [f"- {link(i.title, src, issue_src(i.id))}" for i in undated]
    return page(title, body)


def facet_groups(entries: list[Entry], values) -> dict[str, tuple[str, list[Entry]]]:
    """Entries grouped by the page a value names (spellings that slug alike share a page)."""
    groups: dict[str, list[tuple[str, Entry]]] = {}
    for entry in entries:
        for value in dict.fromkeys(str(v) for v in values(entry)):
            groups.setdefault(facet_src("x", value), []).append((value, entry))
    result = {}
    for key, pairs in groups.items():
        spelling = Counter(v for v, _ in pairs).most_common()
        name = sorted(spelling, key=lambda s: (-s[1], s[0]))[0][0]
        result[key] = (name, [e for _, e in pairs])
    return result


def issue_run(name: str, src: str, issues: list[Issue]) -> list[str]:
    """A publication's run of issues (newest first): the issues it published or collected."""
    own = [i for i in issues if i.publication == name]
    if not own:
        return []
    rows = [[link(i.title, src, issue_src(i.id)), text(human_date(i.date)) if i.date else "undated",
             str(len(i.entries))] for i in own]
    return ["## Issues", "", f"{plural(len(own), 'issue')}, newest first.", ""] + table(
        ["Issue", "Date", "Articles"], rows) + ["## Articles", ""]


def facet_pages(folder: str, entries: list[Entry], by_id: dict[str, Issue]) -> dict[str, str]:
    index_title, singular, values = FACETS[folder]
    index_src = f"{BROWSE}/{folder}/index.md"
    groups = sorted(facet_groups(entries, values).values(), key=lambda g: (g[0].casefold(), g[0]))
    pages, rows = {}, []
    for name, members in groups:
        src = facet_src(folder, name)
        members = sorted(members, key=lambda e: (e.date == "", tuple(-ord(c) for c in e.date), e.src))
        pages.update(facet_value_pages(folder, name, src, members, by_id))
        rows.append([link(name, index_src, src), str(len(members))])
    pages[index_src] = page(index_title, table([singular, "Articles"], rows))
    return pages


def facet_value_pages(folder: str, name: str, src: str, members: list[Entry], by_id: dict[str, Issue]) -> dict[str, str]:
    """The page of one section, author or publication (its articles newest first), split by month (or
    day) past `LIST_LIMIT` articles: the page then lists the periods, each period's page its issues and
    articles."""
    _, singular, _ = FACETS[folder]
    feed = [f"[Feed]({relative_link(src, feed_src(folder, name))}){{ .bs-feed type=\"application/atom+xml\" }}"
            f" (Atom) of this {singular.lower()}'s articles.", ""] if folder in FEED_FACETS else []
    extra = {"bs_feed": feed_src(folder, name)} if feed else None
    heading, title = f"{singular}: {lang_span(name)}", f"{singular}: {name}"
    issues = list(by_id.values()) if folder == "publications" else []

    def listing(at: str, listed: list[Entry], run: list[Issue]) -> list[str]:
        items = [article_item(e, at, issue_src(e.issue), by_id[e.issue]) for e in listed]
        return issue_run(name, at, run) + [f"{plural(len(listed), 'article')}, newest first.", ""] + items

    if len(members) <= LIST_LIMIT:
        return {src: page(title, heading=heading, body=feed + listing(src, members, issues), extra=extra)}
    months = by_month_or_day(members, lambda e: e.date, LIST_LIMIT)
    pages = {src: page(title, heading=heading, extra=extra, body=feed + [
        f"{plural(len(members), 'article')}, by month, newest first."] + period_index(src, months, "article", link))}
    for month, listed in months.items():
        at = period_src(src, month)
        run = [i for i in issues if (i.date[:10] if len(month) == 10 else month_of(i.date)) == month]
        up = f"[All months]({relative_link(at, src)}) of this {singular.lower()}."
        pages[at] = page(f"{title}, {period_name(month)}", heading=f"{heading}, {period_name(month)}",
                         body=[up, ""] + listing(at, listed, run))
    return pages


def build_pages(entries: list[Entry], name: str) -> dict[str, str]:
    """Every browse page: path under the docs folder → Markdown text."""
    issues = group_issues(entries)
    by_id = {i.id: i for i in issues}
    pages = {HOME: home_page(issues, entries, name), ISSUES: issues_index(issues), **archive_pages(issues)}
    pages.update({issue_src(i.id): issue_page(i) for i in issues})
    for folder in FACETS:
        pages.update(facet_pages(folder, entries, by_id))
    return pages


def written_by_broadsheet(path: Path) -> bool:
    """A page broadsheet wrote (its front matter says so; older home pages link the issue list)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    head = text[:text.find("\n---\n", 3) + 1] if text.startswith("---\n") else ""
    return f"\n{GENERATOR_KEY}: broadsheet\n" in head or f"]({ISSUES})" in text


def write_pages(docs: Path, pages: dict[str, str]) -> list[str]:
    """Write pages whose text changed; remove browse pages that are no longer generated. A home page
    the user wrote (docs/index.md without broadsheet's mark) is kept, and said so."""
    changed = []
    for src, content in pages.items():
        target = docs / src
        if src == HOME and target.exists() and not written_by_broadsheet(target):
            logging.getLogger("mkdocs.plugins.broadsheet").warning(
                "broadsheet: %s is not broadsheet's home page: kept (the archive's front page is %s)", target, ISSUES)
            continue
        if not target.exists() or target.read_bytes() != content.encode("utf-8"):
            write_atomic(target, content)
            changed.append(src)
    for old in sorted((docs / BROWSE).rglob("*.md")):
        if old.relative_to(docs).as_posix() not in pages:
            old.unlink()
    return changed


def generate(docs: Path, name: str) -> dict[str, str]:
    pages = build_pages(load_entries(docs), name)
    write_pages(docs, pages)
    return pages
