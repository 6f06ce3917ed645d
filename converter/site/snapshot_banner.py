"""A snapshot's home page names the snapshot: its label, date and counts, and a link to what changed
since the previous snapshot (`data/changes-since-previous.txt` in the bag, beside the site folder).

`broadsheet snapshot` passes these as `extra.broadsheet_snapshot: {label, date, previous}`; an ordinary
build has none, and its home page is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..escaping import html_text
from .citation import SNAPSHOT_KEY, snapshot_of

CHANGES = "changes-since-previous"  # as converter.snapshot.previous writes it, in the bag's data/


def snapshot_banner(extra: object, articles: int, sources: int) -> str:
    label, when = snapshot_of(extra)
    if not (label or when):
        return ""
    value = extra.get(SNAPSHOT_KEY) if isinstance(extra, Mapping) else None
    previous = isinstance(value, Mapping) and value.get("previous") is True
    dated = f" of {html_text(when)}" if when else ""
    changes = (f' <a class="bs-snapshot-changes" href="../{CHANGES}.txt">Changes since the previous snapshot</a>.'
               if previous else "")
    return (f'<div class="bs-snapshot admonition info"><p class="admonition-title">Snapshot '
            f'\u201c{html_text(label)}\u201d{dated}</p>'
            f"<p>{articles} articles from {sources} sources, as archived in this snapshot.{changes}</p></div>")
