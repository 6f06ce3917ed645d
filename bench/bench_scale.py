"""Conversion at archive scale: time, memory, --jobs and the cache; prints a table, asserts nothing.

    .venv/bin/python bench/bench_scale.py                 # 1,000 and 10,000 articles
    .venv/bin/python bench/bench_scale.py 1000            # one size
    .venv/bin/python bench/bench_scale.py --full          # also 100,000 (long: ~30 min, ~GBs of disk)
    .venv/bin/python bench/bench_scale.py --code /tmp/old # the converter of another checkout ("before")
    .venv/bin/python bench/bench_scale.py --articles 100000   # one size, the archive's daily path only
                                                          # (~10 min at 100k: first run, reruns, peak memory)
    .venv/bin/python bench/bench_scale.py --articles 10000 --compare  # first -j1 and -j2 without the cache
    .venv/bin/python bench/bench_scale.py --site          # whole site builds: full, no-change, +1 issue
    .venv/bin/python bench/bench_scale.py --site --full   # ... and at 100,000 articles (an hour or more)

Articles are generated plain-text stories of corpus words (the vocabulary of bench_site.py),
~4.3 KB each, one file per article with a sidecar, 50 a day on consecutive days; one in fifty is
reprinted with OCR-like noise in the next day's file of another source, so merging has work.

Each figure comes from a fresh process converting into a fresh folder:
- convert -j1 / -j2: full conversion without the cache in one and two processes (MB/s of source text);
- merge: seconds of the duplicate search in the -j1 run, and its peak traced memory (tracemalloc,
  a separate run, merging only) per article;
- sources only: the per-source conversion alone (what --jobs spreads over processes);
- peak: the converting process's peak resident set (VmHWM; the -j1 run, so no worker memory hides);
- no-change: a second run with the cache (default jobs) after a first run with it;
- +1 source: the same after adding one new article file.

With `--site`, each size is a whole `broadsheet build` (conversion, browse pages, feeds, MkDocs with
Material and search) in a fresh process, with the cache and the incremental site build as a user runs
it: a full build into fresh folders, a rebuild with nothing changed, and a rebuild after a new day's
issue of 50 articles was added, each with its peak resident memory and how many pages MkDocs rendered.
At 100,000 articles (`--site 100000`, or `--site --full` for all three sizes) it needs ~1 GB of
generated sources and ~3 GB for the docs and site folders, and the full build takes over an hour on
two cores; its no-change and one-issue rows are the figures issue 13's targets speak of.
The load average of the (shared) machine is printed next to each size: timings on a loaded
machine are slower and the -j2 speed-up smaller than on an idle one. Each run also gives the CPU
seconds it used (this process and its workers), which a busy machine inflates far less than wall time.

`--articles N` measures what an archive of N articles lives with day to day, without the -j1/-j2
comparison (too long at 100,000): the first conversion with the cache (default jobs), its peak
memory (the converting process's VmHWM, and the largest worker's), a rerun with nothing changed,
and a rerun after one new issue of 50 articles. With `--compare`, full conversions without the cache
in one and then two processes come first. Every row is printed as soon as it is measured.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import vocabulary  # noqa: E402  (the same word spread as the site benchmark)

MB = 1024 * 1024
PER_DAY = 50
REPRINT_EVERY = 50

CHILD = r"""
import inspect, json, sys, time, tracemalloc
from pathlib import Path
from converter import merge, pipeline
from converter.api import convert_to
mode, out, jobs, cache, paths = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5:]
# the duplicate search: merge_groups since the merge decisions are cached, merge_duplicates before
target = (merge, "merge_groups") if hasattr(merge, "merge_groups") else (pipeline, "merge_duplicates")
real_merge, figures = getattr(*target), {"merge_seconds": 0.0}
def timed_merge(articles, *rest):
    if mode == "merge-memory":
        tracemalloc.start()
    started = time.perf_counter()
    try:
        return real_merge(articles, *rest)
    finally:
        figures["merge_seconds"] = time.perf_counter() - started
        if mode == "merge-memory":
            figures["merge_peak"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
setattr(*target, timed_merge)
if hasattr(pipeline, "convert_all"):  # the per-source conversion alone (the part --jobs spreads)
    real_convert_all = pipeline.convert_all
    def timed_convert_all(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_convert_all(*args, **kwargs)
        finally:
            figures["sources_seconds"] = time.perf_counter() - started
    pipeline.convert_all = timed_convert_all
started = time.perf_counter()
if "jobs" in inspect.signature(convert_to).parameters:
    report = convert_to([Path(p) for p in paths], out, jobs=jobs, cache=cache)
else:  # a converter from before --jobs and the cache: every run converts everything in one process
    report = convert_to([Path(p) for p in paths], out)
figures["seconds"] = time.perf_counter() - started
import resource
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
figures["cpu_seconds"] = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
figures["main_cpu_seconds"] = own.ru_utime + own.ru_stime  # the part no worker can take
figures["workers_peak_mb"] = workers.ru_maxrss / 1024
status = Path("/proc/self/status").read_text().splitlines()
figures["peak_mb"] = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
figures["articles"] = report["totals"]["articles"]
figures["errors"] = len(report["errors"])
figures["code"] = pipeline.__file__
print(json.dumps(figures))
"""


def story(rng: random.Random, words: list[str], label: str) -> tuple[str, list[str]]:
    title = " ".join(rng.choice(words).capitalize() for _ in range(6)) + f" {label}"
    return title, [" ".join(rng.choice(words) for _ in range(72)) + "." for _ in range(11)]


def noisy(text: str, rng: random.Random) -> str:
    return " ".join(w[::-1] if rng.random() < 0.05 else w for w in text.split(" "))


def write_article(path: Path, title: str, paragraphs: list[str], publication: str, day: date) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    path.with_suffix(".yml").write_text(f"publication: {publication}\ndate: {day.isoformat()}\n"
                                        f"issue: {path.parent.name}\n", encoding="utf-8")


def generate(folder: Path, count: int, seed: int = 1) -> Path:
    rng, words, start = random.Random(seed), vocabulary(), date(1990, 1, 1)
    for n in range(count):
        day = start + timedelta(days=n // PER_DAY)
        title, paragraphs = story(rng, words, str(n))
        write_article(folder / f"gazette-{day.isoformat()}" / f"story-{n:06d}.txt", title, paragraphs,
                      "Generated Gazette", day)
        if n % REPRINT_EVERY == 7:  # the next day's Courier reprints it, OCR-noisy
            later = day + timedelta(days=1)
            write_article(folder / f"courier-{later.isoformat()}" / f"reprint-{n:06d}.txt", title,
                          [noisy(p, rng) for p in paragraphs], "Generated Courier", later)
    return folder


def source_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.txt"))


def child(code: Path, mode: str, out: Path, jobs: int, cache: bool, sources: Path) -> dict:
    import json

    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, "-c", CHILD, mode, str(out), str(jobs), "1" if cache else "0", str(sources)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=code, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(code: Path, count: int, work: Path) -> dict:
    sources = generate(work / "src", count)
    size = source_bytes(sources)
    row: dict = {"count": count, "size_mb": size / MB, "load": os.getloadavg()[0]}
    one = child(code, "convert", work / "j1", 1, False, sources)
    row.update(articles=one["articles"], j1=one["seconds"], merge=one["merge_seconds"], peak=one["peak_mb"],
               phase1=one.get("sources_seconds"), cpu1=one.get("cpu_seconds"))
    two = child(code, "convert", work / "j2", 2, False, sources)
    row.update(j2=two["seconds"], phase2=two.get("sources_seconds"), cpu2=two.get("cpu_seconds"))
    row["merge_peak"] = child(code, "merge-memory", work / "mm", 1, False, sources).get("merge_peak", 0)
    child(code, "convert", work / "cached", 0, True, sources)  # fills the cache
    row["no_change"] = child(code, "convert", work / "cached", 0, True, sources)["seconds"]
    title, paragraphs = story(random.Random(99), vocabulary(), "new")
    write_article(sources / "late-news" / "story-new.txt", title, paragraphs, "Generated Gazette", date(1990, 1, 1))
    row["one_new"] = child(code, "convert", work / "cached", 0, True, sources)["seconds"]
    row["load_after"] = os.getloadavg()[0]
    return row


HEADER = ("articles | source MB | convert -j1 | ms/article | MB/s -j1 | convert -j2 | MB/s -j2 | speed-up | "
          "CPU s -j1/-j2 | sources only -j1/-j2 | merge s (-j1) | merge peak KB/article | peak RSS -j1 | no-change rerun | +1 source rerun | load avg")


def line(row: dict) -> str:
    per_mb = row["size_mb"]
    return " | ".join([
        f"{row['articles']:,}", f"{per_mb:.1f}", f"{row['j1']:.1f} s", f"{1000 * row['j1'] / row['articles']:.2f}",
        f"{per_mb / row['j1']:.2f}", f"{row['j2']:.1f} s", f"{per_mb / row['j2']:.2f}", f"{row['j1'] / row['j2']:.2f}x",
        f"{row['cpu1']:.1f}/{row['cpu2']:.1f}" if row.get("cpu1") else "n/a",
        f"{row['phase1']:.1f}/{row['phase2']:.1f} s ({row['phase1'] / row['phase2']:.2f}x)" if row["phase1"] else "n/a",
        f"{row['merge']:.1f}", f"{row['merge_peak'] / 1024 / row['articles']:.1f}", f"{row['peak']:.0f} MB",
        f"{row['no_change']:.1f} s", f"{row['one_new']:.1f} s", f"{row['load']:.1f}→{row['load_after']:.1f}"])


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_speedup() -> float:
    """What two processes gain over one on a pure CPU loop right now: the ceiling for -j2 on this machine."""
    from concurrent.futures import ProcessPoolExecutor

    work = [1_500_000] * 8
    started = time.perf_counter()
    for n in work:
        _burn(n)
    one = time.perf_counter() - started
    with ProcessPoolExecutor(2) as pool:
        started = time.perf_counter()
        list(pool.map(_burn, work))
        two = time.perf_counter() - started
    return one / two


def new_issue(sources: Path, count: int = PER_DAY) -> None:
    """One more day's issue of the Gazette, after the last generated day."""
    rng, words = random.Random(7), vocabulary()
    day = date(2100, 1, 1)
    for n in range(count):
        title, paragraphs = story(rng, words, f"late {n}")
        write_article(sources / f"gazette-{day.isoformat()}" / f"late-{n:03d}.txt", title, paragraphs,
                      "Generated Gazette", day)


def daily(code: Path, count: int, work: Path, compare: bool = False) -> None:
    """The --articles path: first run with the cache, its memory, no-change and one-new-issue reruns."""
    started = time.perf_counter()
    sources = generate(work / "src", count)
    size = source_bytes(sources)
    print(f"{count:,} articles generated ({size / MB:.0f} MB of text) in {time.perf_counter() - started:.0f} s; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    runs = [(f"-j{jobs}, no cache", jobs) for jobs in ((1, 2) if compare else ())]
    runs += [("first run (cache empty)", None)]
    runs += [("no-change rerun", None), ("+1 issue (50 articles) rerun", lambda: new_issue(sources))]
    print(f"two processes vs one on a pure CPU loop right now: {machine_speedup():.2f}x", flush=True)
    print("| run | articles | wall s | CPU s | of which main process | ms/article | MB/s | MB per CPU-s "
          "| of which sources s | merge s | peak RSS main | peak RSS worker | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, before in runs:
        jobs = before if isinstance(before, int) else 0
        if callable(before):
            before()
        load = os.getloadavg()[0]
        if jobs:
            row = child(code, "convert", work / f"j{jobs}", jobs, False, sources)
        else:
            row = child(code, "convert", work / "out", 0, True, sources)
        print(f"| {name} | {row['articles']:,} | {row['seconds']:.1f} | {row['cpu_seconds']:.1f} | "
              f"{row.get('main_cpu_seconds', 0):.1f} | "
              f"{1000 * row['seconds'] / row['articles']:.2f} | {size / MB / row['seconds']:.2f} | "
              f"{size / MB / row['cpu_seconds']:.2f} | {row.get('sources_seconds', 0):.1f} | "
              f"{row['merge_seconds']:.1f} | "
              f"{row['peak_mb']:.0f} MB | {row['workers_peak_mb']:.0f} MB | {load:.1f} |", flush=True)


SITE_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from converter.site.commands import build_site, quiet_libraries
quiet_libraries(False)
src, work, jobs, cache, config = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", Path(sys.argv[5])
started = time.perf_counter()
stats = build_site([src], work / "docs", work / "site", config, jobs=jobs, cache=cache)
status = Path("/proc/self/status").read_text().splitlines()
print(json.dumps({"seconds": time.perf_counter() - started, "convert": stats["convert_seconds"],
                  "mkdocs": stats["mkdocs_seconds"], "articles": stats["articles"],
                  "rendered": stats.get("pages_rendered"), "search_seconds": stats.get("search_seconds"),
                  "cpu": sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                             for f in ("ru_utime", "ru_stime")),
                  "peak_mb": next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024}))
"""


def site_child(code: Path, sources: Path, work: Path, jobs: int = 0, cache: bool = True) -> dict:
    """One `broadsheet build` (conversion, browse pages, MkDocs) in a fresh process."""
    import json

    env = {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-c", SITE_CHILD, str(sources), str(work), str(jobs), "1" if cache else "0",
               str(code / "mkdocs.yml")]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=code, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def add_issue(sources: Path, count: int, first: int) -> None:
    """One more day's issue of `PER_DAY` new articles, the day after the last."""
    rng, words = random.Random(first), vocabulary()
    day = date(1990, 1, 1) + timedelta(days=count // PER_DAY + 1)
    for n in range(first, first + PER_DAY):
        title, paragraphs = story(rng, words, str(n))
        write_article(sources / f"gazette-{day.isoformat()}" / f"story-{n:06d}.txt", title, paragraphs,
                      "Generated Gazette", day)


def measure_site(code: Path, count: int, work: Path) -> dict:
    """Full `broadsheet build`, then a rebuild with nothing changed, then one with a new day's issue."""
    sources = generate(work / "src", count)
    row: dict = {"count": count, "load": os.getloadavg()[0]}
    first = site_child(code, sources, work / "out")
    row.update(articles=first["articles"], full=first["seconds"], convert=first["convert"], mkdocs=first["mkdocs"],
               peak=first["peak_mb"], full_cpu=first["cpu"], full_search=first.get("search_seconds"))
    again = site_child(code, sources, work / "out")
    row.update(no_change=again["seconds"], no_change_rendered=again["rendered"], no_change_peak=again["peak_mb"],
               no_change_cpu=again["cpu"])
    add_issue(sources, count, 10 * count)
    issue = site_child(code, sources, work / "out")
    row.update(one_issue=issue["seconds"], one_issue_rendered=issue["rendered"], one_issue_peak=issue["peak_mb"],
               one_issue_cpu=issue["cpu"], one_issue_search=issue.get("search_seconds"))
    row["load_after"] = os.getloadavg()[0]
    return row


SITE_HEADER = ("articles | full build (CPU s) | of which convert / MkDocs (Pagefind) | ms/article | peak RSS | "
               "no-change rebuild (CPU s; pages rendered) | +1 issue of 50 rebuild (CPU s; pages rendered; Pagefind) | "
               "rebuild peak RSS | load avg")


def rendered(value) -> str:
    return f"{value[0]:,} of {value[1]:,}" if value else "all"


def site_line(row: dict) -> str:
    return " | ".join([
        f"{row['articles']:,}", f"{row['full']:.1f} s ({row['full_cpu']:.1f})",
        f"{row['convert']:.1f} / {row['mkdocs']:.1f} s ({row['full_search'] or 0:.1f} s)",
        f"{1000 * row['full'] / row['articles']:.2f}", f"{row['peak']:.0f} MB",
        f"{row['no_change']:.1f} s ({row['no_change_cpu']:.1f}; {rendered(row['no_change_rendered'])})",
        f"{row['one_issue']:.1f} s ({row['one_issue_cpu']:.1f}; {rendered(row['one_issue_rendered'])}; "
        f"{row['one_issue_search'] or 0:.1f} s)",
        f"{max(row['no_change_peak'], row['one_issue_peak']):.0f} MB", f"{row['load']:.1f}→{row['load_after']:.1f}"])


def main() -> None:
    args = sys.argv[1:]
    code = ROOT
    if "--code" in args:
        code = Path(args.pop(args.index("--code") + 1)).resolve()
        args.remove("--code")
    if "--articles" in args:
        count = int(args[args.index("--articles") + 1])
        with tempfile.TemporaryDirectory(prefix="bench-scale-", dir=os.environ.get("BENCH_TMP")) as temp:
            print(f"converter: {code}  cores: {os.cpu_count()}")
            daily(code, count, Path(temp), compare="--compare" in args)
        return
    full = "--full" in args
    sizes = [int(a) for a in args if a.isdigit()] or ([1_000, 10_000] + ([100_000] if full else []))
    if "--site" in args:
        print(f"site builds ({code}); cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}")
        print("| " + SITE_HEADER + " |")
        print("|" + "---|" * (SITE_HEADER.count("|") + 1))
        for count in sizes:
            with tempfile.TemporaryDirectory(prefix="bench-site-") as temp:
                print("| " + site_line(measure_site(code, count, Path(temp))) + " |", flush=True)
        return
    print(f"converter: {code}  cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}  "
          f"two processes vs one on a pure CPU loop: {machine_speedup():.2f}x")
    print("| " + HEADER + " |")
    print("|" + "---|" * HEADER.count("|") + "---|")
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
            started = time.perf_counter()
            row = measure(code, count, Path(temp))
            print("| " + line(row) + " |", flush=True)
            print(f"  ({count:,} articles measured in {time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
