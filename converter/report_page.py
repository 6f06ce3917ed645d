"""The conversion report as a Markdown page (`conversion-report.md`).

Per source, a summary first: the kind and how sure the detection was, the articles it produced (each
linked to its article file), the source lines left out by reason, the warnings. Then the long lists:
the dropped lines in one collapsed `<details>` block per reason (its count in the summary; the site's
`md_in_html` renders the table inside), the joins and the captions moved into figures.

Every value from a source (file names, titles, dropped text, messages) passes `markdown_text`: it shows
as typed and can never become a tag, an attribute or structure. Chinese, Japanese and Korean text is
wrapped in a `lang` span so screen readers and fonts treat it right.
"""

from __future__ import annotations

from urllib.parse import quote

from .escaping import markdown_text
from .languages import detect_language
from .wording import plural

CJK_LANGUAGES = ("zh", "ja", "ko")
TEXT_SHOWN = 120  # characters of a dropped line shown in its row (the JSON report has it all)
HOUSEKEEPING = (("Hand-corrected articles kept (locked: true)", "hand_corrected_kept"),
                ("Stale articles kept (source gone, not converted this run, or locked; remove with --prune)",
                 "stale_not_removed"),
                ("Pruned articles (source gone)", "pruned"),
                ("Superseded articles removed (their source was converted again)", "superseded_removed"))


def text(value: object) -> str:
    """Escaped inline Markdown; in a `lang` span when the text is Chinese, Japanese or Korean."""
    escaped = markdown_text(value)
    language = detect_language(str(value))
    return f'<span lang="{language}">{escaped}</span>' if language in CJK_LANGUAGES else escaped


def report_markdown(report: dict) -> str:
    """The whole report page."""
    totals = report["totals"]
    lines = ["---", "title: Conversion report", "---", "", "# Conversion report", "",
             f"{plural(totals['sources'], 'source')}, {plural(totals['articles'], 'article')}, "
             f"{plural(totals['dropped_lines'], 'source line')} left out, {plural(totals['errors'], 'error')}."]
    lines += [f"\n- error: {markdown_text(error)}" for error in report["errors"]]
    lines += [f"\n- warning: {markdown_text(warning)}" for warning in report.get("warnings", [])]
    if report["skipped_files"]:
        lines += ["", "## Files not read as sources", ""]
        lines += [f"- {markdown_text(entry)}" for entry in report["skipped_files"]]
    for title, key in HOUSEKEEPING:
        if report.get(key):
            lines += ["", f"## {title}", ""] + [f"- {markdown_text(p)}" for p in report[key]]
    for source in getattr(report["sources"], "entries", report["sources"]):  # as kept (see report.ReportSources)
        lines += source_section(source)
    return "\n".join(lines) + "\n"


def source_section(source: dict) -> list[str]:
    """One source: its summary, then the collapsed lists (its kind line and the lines after its list of
    articles come ready-made when a worker prepared them, see `prepared.py`)."""
    prepared = getattr(source, "prepared", None)
    kind, rest = (prepared.kind_markdown, [prepared.rest_markdown]) if prepared else \
        (kind_markdown(source), rest_of_summary(source))
    return ["", f"## {markdown_text(source['file'])}", "", kind] + articles_markdown(source["articles"]) + rest


def kind_markdown(source: dict) -> str:
    return f"- **Kind:** {markdown_text(kind_line(source))}"


def articles_markdown(articles: list[dict]) -> list[str]:
    """How many articles the source produced, each linked to its file."""
    return [f"- **Articles produced:** {len(articles)}"] + [
        f"    - {article_link(a)} (source lines {a['lines'][0]}–{a['lines'][1]})" for a in articles]


def rest_of_summary(source: dict) -> list[str]:
    """Everything after the list of articles: lines left out by reason, warnings, then the collapsed lists of
    dropped lines, the joins and the captions moved into figures."""
    reasons = dropped_by_reason(source["dropped"])
    left_out = sum(count for count, _ in reasons.values())
    lines = [f"- **Lines left out:** {left_out}" + (" — " + "; ".join(
        f"{count} {markdown_text(reason)}" for reason, (count, _) in reasons.items()) if reasons else "")]
    warnings = source.get("warnings") or []
    lines.append(f"- **Warnings:** {len(warnings)}")
    lines += [f"    - {markdown_text(w)}" for w in warnings]
    lines.append("")
    for reason, (count, spans) in reasons.items():
        lines += dropped_details(reason, count, spans)
    lines += joins_markdown(source.get("joins", []))
    if source.get("figures"):
        lines += ["", "| caption lines | moved into a figure of | rule |", "|---|---|---|"]
        lines += [f"| {f['lines'][0]}–{f['lines'][1]} | {text(f['article'][:80])} | "
                  f"{markdown_text(f['rule'])} |" for f in source["figures"]]
    return lines


def dropped_by_reason(dropped: list[dict]) -> dict[str, tuple[int, list[dict]]]:
    """Reason → (source lines left out for it, the dropped spans), in the order the reasons first occur."""
    counts: dict[str, int] = {}
    spans: dict[str, list[dict]] = {}
    for d in dropped:
        counts[d["reason"]] = counts.get(d["reason"], 0) + d["lines"][1] - d["lines"][0] + 1
        spans.setdefault(d["reason"], []).append(d)
    return {reason: (counts[reason], spans[reason]) for reason in spans}


def article_link(article: dict) -> str:
    """The article's title linked to its file (the report sits in the output folder, above `articles/`)."""
    if not article.get("path"):
        why = "merged into a copy from another source" if article.get("merged_into_other") else "not written"
        return f"{text(article['title'])} *({why})*"
    return f"[{text(article['title'])}](<{quote(str(article['path']), safe='/')}>)"


def dropped_details(reason: str, count: int, spans: list[dict]) -> list[str]:
    """One collapsed block: the reason and its count in the summary, the dropped lines in a table."""
    rows = [f"| {d['lines'][0]}–{d['lines'][1]} | {markdown_text(d.get('rule', ''))} | "
            f"{text(d['text'][:TEXT_SHOWN])} |" for d in spans]
    return ["", '<details class="bs-dropped" markdown>',
            f"<summary>Left out: {markdown_text(reason)} — {plural(count, 'line')}</summary>", "",
            "| lines | rule | text |", "|---|---|---|", *rows, "", "</details>"]


def kind_line(source: dict) -> str:
    detection = source.get("detection")
    if not detection:
        return source["kind"]
    text = f"{source['kind']} ({detection['decided_by']}; confidence {detection['confidence']:.2f}"
    if detection.get("runner_up"):
        text += f"; runner-up {detection['runner_up']} {detection['runner_up_confidence']:.2f}"
    if detection.get("detected") and detection["detected"] != source["kind"]:
        text += f"; detected {detection['detected']}"
    return text + ")"


def joins_markdown(joins: list[dict]) -> list[str]:
    """Joins of separate blocks listed one by one; joins of wrapped lines counted per rule."""
    if not joins:
        return []
    counts: dict[str, int] = {}
    for join in joins:
        counts[join["rule"]] = counts.get(join["rule"], 0) + 1
    lines = ["", "Joins: " + ", ".join(f"{n} by {markdown_text(rule)}" for rule, n in sorted(counts.items()))
             + " (every one listed in conversion-report.json).", ""]
    listed = [j for j in joins if j["rule"] not in ("join_wrapped_lines", "read_blockquotes")]
    if listed:
        lines += ["| lines | joined into | rule |", "|---|---|---|"]
        lines += [f"| {j['lines'][0]}–{j['lines'][1]} | {j['into'][0]}–{j['into'][1]} | {markdown_text(j['rule'])} |"
                  for j in listed]
    return lines
