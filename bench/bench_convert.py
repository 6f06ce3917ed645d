"""Time and peak memory of `broadsheet convert` on large inputs; prints figures, asserts nothing.

    .venv/bin/python bench/bench_convert.py            # all cases
    .venv/bin/python bench/bench_convert.py corpus     # one case

Cases: a 50 MB OCR-page file (the corpus's old pages repeated), a 50 MB file
of long paragraphs, a single 5 MB line, a folder of 10,000 small files, and
the test corpus. Each runs in a fresh process, so peak memory is its own.

`ocr-pages` is a CPU-time figure (time.process_time, so load from other
processes on a shared machine does not count): `read_source` + `convert_source`
on OCR pages, one page per source, as a scanned archive holds them: the real
OCR pages of the corpus (not the held-out ones; /work/shared/corpus/extra when
present, else tests/data/extra) several rounds over, and composed pages of
every multi-story mix (distinct texts). Target: >= 2 MB/s of raw text per core.
Line caches (text.per_source_cache) are emptied when each source starts, so a
page converted again in a later round gains nothing from the round before.

Measured on the shared 2-core machine (CPU time, two runs each), 2.15 MB:
  before the speed work (98f1543)  1.00-1.08 MB/s  (real pages 1.15-1.22, composed 0.83-0.91)
  after  (branch `speed`)          1.37-1.43 MB/s  (real pages 1.45-1.50, composed 1.26-1.33)
Second round (2a32505 -> branch `speed`, same input, CPU seconds of the child, five runs each,
old and new tree in turn on a machine under load average 20-28, so compare ratios, not absolutes):
  before 1.84-2.01 s (median 1.97, 1.09 MB/s)   after 1.68-1.80 s (median 1.77, 1.22 MB/s)
  per-pair ratio new/old 0.89-0.93 (about 10% less CPU); on the quiet machine that is ~1.40 -> ~1.55 MB/s.
Third round (57f7f44 -> branch `speed`, 23 Nov 2026, load 8-17): instructions counted with valgrind
(cachegrind, import subtracted), since CPU seconds moved +-25% with the load:
  before 17,258M  after 13,726M  (-20.5%; ~1.31 -> ~1.65 MB/s on a quiet machine; bench/README.md).
Where the time goes now (share of CPU): join_wrapped_lines 25%, kind detection 13%,
drop_page_furniture 9%, keep_part_lines_apart, segment_page, find_captions, record_label_words ~3%
each, the rest spread over ~40 rules, about half of all CPU in regular-expression calls of 1-3 us each.
`python bench/check_same_output.py` shows the output did not change.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "extra"]
MB = 1024 * 1024


def make_ocr_50mb(folder: Path) -> list[Path]:
    pages = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "extra").glob("ocr_*.txt")))
    path = folder / "ocr50.txt"
    with path.open("w", encoding="utf-8") as out:
        for _ in range(50 * MB // len(pages.encode("utf-8")) + 1):
            out.write(pages + "\n\n")
    return [path]


def make_prose_50mb(folder: Path) -> list[Path]:
    paragraph = ("The committee heard evidence from residents about the state of the roads and the cost of "
                 "repairs, and agreed to publish its findings before the end of the month. ") * 8
    story = "Roads Committee Reports\n\n" + "\n\n".join([paragraph] * 12) + "\n\n"
    path = folder / "prose50.txt"
    path.write_text(story * (50 * MB // len(story) + 1), encoding="utf-8")
    return [path]


def make_long_line(folder: Path) -> list[Path]:
    path = folder / "line.txt"
    path.write_text("One Long Line\n\n" + " ".join(f"word{i % 977}" for i in range(600_000)) + "\n", encoding="utf-8")
    return [path]


def make_10k_files(folder: Path) -> list[Path]:
    many = folder / "many"
    many.mkdir()
    towns = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Galway", "Hexham"]
    for i in range(10_000):
        town, other = towns[i % 8], towns[(i // 8) % 8]
        (many / f"{i:05d}.txt").write_text(
            f"{town} Notes {i}\n\nResidents of {town} met {other} officials about item {i} on the agenda.\n",
            encoding="utf-8")
    return [many]


HELD_OUT = {"ocr_stanforddaily_2.txt", "ocr_chronam_2.txt"}
PAGE_MIXES = ("en-column-ocr", "en-oneline-ocr", "en-ocr-front-page", "en-multipage", "en-indent-page",
              "en-inside-page", "en-labelled-page", "en-kitchen-sink", "en-jump-page", "en-wrap-blank",
              "de-wrap-hyphen", "zh-indent-page", "zh-jump-page")


def ocr_page_files() -> list[Path]:
    shared = Path("/work/shared/corpus/extra")
    folder = shared if shared.is_dir() else ROOT / "tests" / "data" / "extra"
    return [p for p in sorted(folder.glob("ocr_*.txt")) if p.name not in HELD_OUT]


def make_ocr_pages(folder: Path) -> list[Path]:
    """Composed multi-story pages (distinct texts, one file each) beside the corpus's real OCR pages."""
    from converter.compose import compose_many, write_composed

    composed = folder / "composed"
    for page in compose_many(240, seed=11, mixes=list(PAGE_MIXES)):
        write_composed(page, composed)
    return sorted(composed.glob("*.txt"))


CPU_CHILD = """
import sys, time
from pathlib import Path
from converter.pipeline import convert_source
from converter.sources import read_source
rounds = int(sys.argv[1])
groups = {"real OCR pages": [Path(p) for p in sys.argv[2].split("|")] * rounds,
          "composed pages": [Path(p) for p in sys.argv[3].split("|")]}
for label, paths in groups.items():
    size = articles = 0
    start = time.process_time()
    for path in paths:
        source = read_source(path)
        size += len(path.read_bytes())
        articles += len(convert_source(source).articles)
    print(label, len(paths), size, articles, time.process_time() - start, sep="|")
"""


def run_ocr_pages() -> None:
    """CPU time of read + convert_source per page; MB/s of raw page text per core."""
    with tempfile.TemporaryDirectory() as temp:
        real = ocr_page_files()
        composed = make_ocr_pages(Path(temp))
        command = [sys.executable, "-c", CPU_CHILD, "20", "|".join(map(str, real)), "|".join(map(str, composed))]
        lines = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout.splitlines()
        total_size = total_cpu = 0.0
        for line in lines:
            label, files, size, articles, cpu = line.split("|")
            total_size, total_cpu = total_size + int(size), total_cpu + float(cpu)
            print(f"ocr-pages   {label:15} {int(size) / MB:6.2f} MB  {files:>5} sources  {articles:>5} articles  "
                  f"{float(cpu):6.2f} s CPU  ({int(size) / MB / float(cpu):.2f} MB/s per core)")
        print(f"ocr-pages   {'all':15} {total_size / MB:6.2f} MB  {total_cpu:27.2f} s CPU  "
              f"({total_size / MB / total_cpu:.2f} MB/s per core; target >= 2)")


CASES = {"ocr-50mb": make_ocr_50mb, "prose-50mb": make_prose_50mb, "long-line": make_long_line,
         "10k-files": make_10k_files, "corpus": lambda _folder: CORPUS, "ocr-pages": None}

CHILD = """
import resource, sys, time
from pathlib import Path
from converter.api import convert_to
start = time.perf_counter()
report = convert_to([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
seconds = time.perf_counter() - start
status = Path("/proc/self/status")
if status.exists():  # VmHWM: this process's own peak (ru_maxrss can inherit the parent's across fork)
    peak = next(int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM")) / 1024
else:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f} {peak:.0f} {report['totals']['sources']} {report['totals']['articles']}")
"""


def run_case(name: str) -> None:
    if name == "ocr-pages":
        run_ocr_pages()
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        inputs = CASES[name](folder)
        size = sum(p.stat().st_size for i in inputs for p in ([i] if i.is_file() else i.rglob("*")) if p.is_file())
        command = [sys.executable, "-c", CHILD, str(folder / "out"), *map(str, inputs)]
        output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout.split()
        seconds, peak, sources, articles = output
        print(f"{name:11} {size / MB:7.1f} MB  {sources:>6} sources  {articles:>6} articles  "
              f"{float(seconds):7.2f} s  peak {float(peak):7.0f} MB  ({size / MB / float(seconds):.1f} MB/s)")


def main() -> None:
    for name in sys.argv[1:] or list(CASES):
        run_case(name)
    print("(peak = the converting process's peak resident set size)")


if __name__ == "__main__":
    main()
