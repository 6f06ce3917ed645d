"""Composed-page benchmark: compose pages under every convention mix, convert them, score them.

    python bench/bench_composed.py                      # 2,100 pages over all mixes, seed 1
    python bench/bench_composed.py --count 300 --mix en-jump-out --mix zh-blank -v

Pages are composed into a temporary folder (`--keep DIR` keeps it) and converted with
`broadsheet convert` in batches: no two files of a batch share an article text, so the
converter's cross-file de-duplication never merges two composed pages. Gold is scored with
/work/shared/eval/score.py when present (else tests/gold_scoring.py) and printed overall, per
metric family and per mix, with the time each step took. The gold comes from the composer's
construction, never from the converter.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.compose import MIXES, compose_many  # noqa: E402

SHARED_SCORER = Path("/work/shared/eval/score.py")


def batches(pages, most: int = 80) -> list[list]:
    """Group pages so that no two in a group share an article text."""
    groups: list[tuple[set, list]] = []
    for page in pages:
        ids = set(page.texts)
        home = next((g for g in groups if len(g[1]) < most and not (g[0] & ids)), None)
        if home is None:
            home = (set(), [])
            groups.append(home)
        home[0].update(ids)
        home[1].append(page)
    return [g[1] for g in groups]


def write_batches(groups, root: Path) -> tuple[list[Path], Path, int]:
    gold = root / "gold"
    gold.mkdir(parents=True)
    folders, size = [], 0
    for n, group in enumerate(groups):
        folder = root / "src" / f"batch{n:03d}"
        folder.mkdir(parents=True)
        for page in group:
            (folder / page.name).write_bytes(page.data)
            (gold / (page.name[:-4] + ".json")).write_text(json.dumps(page.gold, ensure_ascii=False), "utf-8")
            size += len(page.data)
        folders.append(folder)
    return folders, gold, size


def convert_all(folders: list[Path], out: Path) -> list[str]:
    exe = shutil.which("broadsheet", path=str(Path(sys.executable).parent)) or shutil.which("broadsheet")
    command = [exe] if exe else [sys.executable, "-c", "from converter.cli import main; main()"]
    failures = []
    for folder in folders:
        done = subprocess.run(command + ["convert", str(folder), "--out", str(out / folder.name)],
                              capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            failures.append(f"{folder.name}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    return failures


def convert_speed(folders: list[Path], size: int) -> float:
    """MB/s of the converter itself (read, detect, rules; no writing, no process start), in this process."""
    from converter.pipeline import convert_paths

    start = time.perf_counter()
    for folder in folders:
        convert_paths([folder])
    return size / 1e6 / (time.perf_counter() - start)


class Scorer:
    """The shared scorer when present, else the project's own copy (tests/gold_scoring.py)."""

    def __init__(self, docs: Path):
        if SHARED_SCORER.is_file():
            spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
            self.mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(self.mod)
            self.name = str(SHARED_SCORER)
            self.articles = self.mod.load_articles(docs)
        else:
            from tests import gold_scoring as mod

            self.mod, self.name = mod, "tests/gold_scoring.py"
            self.articles = mod.load_converted(docs)

    def tally(self, golds: list[dict]):
        """(hits, trials) per family."""
        if hasattr(self.mod, "score_file"):
            t = self.mod.Tally()
            for g in golds:
                self.mod.score_file(g, self.articles, t)
            return dict(t.hit), dict(t.total), t.misses
        t = self.mod.Tally()
        for g in golds:
            self.mod.score_gold_file(g, self.articles, t)
        return dict(t.hits), dict(t.trials), {"all": t.misses}


def score_of(hits: dict, totals: dict) -> float:
    rates = [hits.get(f, 0) / n for f, n in totals.items() if n]
    return sum(rates) / len(rates) if rates else 0.0


def report(scorer: Scorer, pages, verbose: bool) -> dict:
    golds = [p.gold for p in pages]
    hits, totals, misses = scorer.tally(golds)
    overall = score_of(hits, totals)
    print(f"\nscorer: {scorer.name}")
    print(f"{'family':<20} {'rate':>7}  hits/trials")
    for family, n in totals.items():
        print(f"{family:<20} {hits.get(family, 0) / n:7.1%}  {int(hits.get(family, 0))}/{int(n)}")
    by_mix = defaultdict(list)
    for p in pages:
        by_mix[p.mix].append(p.gold)
    print(f"\n{'mix':<26} {'pages':>5} {'score':>6} {'found':>6} {'paras':>6} {'bounds':>6} {'meta':>6}")
    per_mix = {}
    for mix in sorted(by_mix):
        h, t, m = scorer.tally(by_mix[mix])
        rate = lambda f: h.get(f, 0) / t[f] if t.get(f) else float("nan")  # noqa: E731
        per_mix[mix] = {"pages": len(by_mix[mix]), "score": score_of(h, t),
                        **{f: rate(f) for f in t}}
        print(f"{mix:<26} {len(by_mix[mix]):>5} {score_of(h, t):6.3f} {rate('articles found'):6.1%} "
              f"{rate('paragraph count'):6.1%} {rate('boundaries'):6.1%} {rate('metadata'):6.1%}")
        if verbose:
            for family, items in m.items():
                for miss in items[:3]:
                    print(f"      - {family}: {miss}")
    print(f"\ncomposed-page score: {overall:.3f}")
    return {"score": overall, "families": {f: hits.get(f, 0) / n for f, n in totals.items()}, "mixes": per_mix}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=70 * len(MIXES), help="pages to compose (default 70 per mix)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mix", action="append", help="only these mixes (repeatable)")
    ap.add_argument("--keep", type=Path, help="compose and convert into this folder and keep it")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--speed", action="store_true", help="also time the converter in-process (no writing)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show a few misses per mix")
    args = ap.parse_args(argv)

    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-composed-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    t0 = time.perf_counter()
    pages = compose_many(args.count, args.seed, args.mix)
    groups = batches(pages)
    folders, _, size = write_batches(groups, root)
    t1 = time.perf_counter()
    failures = convert_all(folders, root / "out")
    t2 = time.perf_counter()
    scorer = Scorer(root / "out")
    figures = report(scorer, pages, args.verbose)
    t3 = time.perf_counter()
    mixes = len({p.mix for p in pages})
    print(f"{len(pages)} pages, {mixes} mixes, {size / 1e6:.2f} MB in {len(folders)} batches")
    print(f"time: compose {t1 - t0:.1f}s, convert {t2 - t1:.1f}s ({size / 1e6 / (t2 - t1):.2f} MB/s incl. "
          f"process start per batch), score {t3 - t2:.1f}s")
    if args.speed:
        print(f"converter in-process: {convert_speed(folders, size):.2f} MB/s on composed pages")
    for failure in failures:
        print(f"convert failed: {failure}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
