"""Speed of the structured readers (wire transmissions, news markup); prints figures, asserts nothing.

    .venv/bin/python bench/bench_structured.py

Each case repeats a reader fixture (tests/fixtures/readers/) to about 2 MB and
converts it in this process, best of three. Markup is parsed with
BeautifulSoup's html.parser, which sets the pace for the markup cases.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.model import Source  # noqa: E402
from converter.pipeline import convert_source  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "readers"
CASES = ["wire_iptc7901.txt", "wire_anpa_fr.txt", "sgml_collection.txt", "crawler.txt", "rss_feed.txt"]
SIZE = 2 * 1024 * 1024


def bench(name: str) -> str:
    unit = (FIXTURES / name).read_text(encoding="utf-8", errors="replace")
    if unit.lstrip().startswith("<?xml"):  # a feed or wrapper: repeat its stories inside one document
        head, _, rest = unit.partition("\n")
        unit = rest
        text = head + "\n<all>\n" + unit * (SIZE // len(unit) + 1) + "</all>\n"
    else:
        text = unit * (SIZE // len(unit) + 1)
    best, result = float("inf"), None
    for _ in range(3):
        source = Source(path=Path(name), name=name, sha256="0" * 64, text=text)
        started = time.perf_counter()
        result = convert_source(source)
        best = min(best, time.perf_counter() - started)
    size = len(text.encode("utf-8")) / 1e6
    return f"{name:<22} {result.kind:<12} {len(result.articles):>6} stories  {size:5.1f} MB  {size / best:5.2f} MB/s"


if __name__ == "__main__":
    for case in CASES:
        print(bench(case), flush=True)
