"""Which search a built archive gets: Material's built-in search or Pagefind.

Material's search sends the reader its whole index before the first result; Pagefind sends a fixed
part (its code, ~120 kB, and metadata of ~8 bytes per article) and then only the index chunks and
result fragments a query needs, and it has the filters readers ask for. Measured with
`bench/bench_search.py --build N` (generated articles of ~2.5 kB of text):

| articles | Material's index | Pagefind, a first query |
|---|---|---|
| 100 | 255 kB (92 kB gzipped) | 174 kB (141 kB gzipped) |
| 300 | 763 kB (271 kB gzipped) | 179-184 kB (147-151 kB gzipped) |

so Material costs ~0.9 kB gzipped per article and Pagefind ~140 kB whatever the size up to a few
thousand: they cross near 150 articles, `PAGEFIND_OVER`. `auto` keeps Material's search up to it.

At scale (`bench/bench_search.py 1000 10000 100000`, article pages generated as HTML, one in five
Chinese), a reader's first query fetches 190-209 kB at 1,000 articles, 259-305 kB at 10,000 and
980-1,090 kB at 100,000: past ~10,000 articles in one bundle Pagefind's page metadata (~8 bytes per
article, 802 kB at 100,000, loaded whole) dominates. The site build therefore writes a bundle per period
(`search_periods.py`) and the search page loads the newest periods' bundles (1,000 articles, up to 2,000
while a page of results is not full), the year a filter names, or older ones when the reader asks:
`bench_search.py --periods --daily 10000` measured 192-196 kB for a common word and 312-387 kB for a rare
one (each loaded index costs a ~25 kB chunk of its word index per query), the same at any archive size
but for the bundle list (~100 bytes a bundle).

A snapshot is read from file://, where Pagefind cannot load (browsers refuse module scripts, fetch()
and workers on file:// pages: tests/test_browser_search.py checks it in Chromium): a snapshot always
keeps Material's offline search, which embeds its index in a script (see `OFFLINE_SEARCH_UP_TO`).
"""

from __future__ import annotations

from typing import Literal

Engine = Literal["material", "pagefind"]
ENGINES = ("auto", "material", "pagefind")
PAGEFIND_OVER = 150  # articles; measured crossing of the two, gzipped (table above)
# Material's offline search from file:// (`bench/bench_search.py --snapshot 1000`): at 1,000 articles a
# 2.5 MB index script, search ready 11.0 s and first result 11.8 s after opening the box, measured on
# this 2-core machine under a load average of 19 (other builds running). It grows linearly: past this
# many articles a snapshot build says that its offline search is slow to start.
OFFLINE_SEARCH_UP_TO = 1000


def choose_engine(setting: str, articles: int, threshold: int = PAGEFIND_OVER, offline: bool = False) -> Engine:
    """The engine for an archive of `articles` articles: `setting` is `auto`, `material` or `pagefind`;
    `offline` (a snapshot read from file://) always gets Material's search."""
    if setting not in ENGINES:
        raise ValueError(f"search_engine must be one of {', '.join(ENGINES)}, not {setting!r}")
    if offline:
        return "material"
    if setting != "auto":
        return setting  # type: ignore[return-value]
    return "pagefind" if articles > threshold else "material"


def offline_note(articles: int, limit: int = OFFLINE_SEARCH_UP_TO) -> str | None:
    """What a snapshot build says when its offline search will be slow to start, else None."""
    if articles <= limit:
        return None
    return (f"this snapshot's offline search holds {articles:,} articles: Material loads its whole index "
            f"(~2.5 MB per 1,000 articles) before the first result; served over http(s), the archive "
            f"itself searches with Pagefind")
