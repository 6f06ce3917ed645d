"""How well the converter generalises: gold score per document, per family, held out; prints figures, asserts nothing.

    .venv/bin/python bench/bench_generalise.py             # every extra document that has gold
    .venv/bin/python bench/bench_generalise.py --set extra2   # the second real corpus (families nobody tuned on)
    .venv/bin/python bench/bench_generalise.py --set all      # both corpora, families merged by name
    .venv/bin/python bench/bench_generalise.py -v          # also list every miss
    .venv/bin/python bench/bench_generalise.py --json      # the figures as JSON
    .venv/bin/python bench/bench_generalise.py --only ocr-chronam,wire-aap
    .venv/bin/python bench/bench_generalise.py --gold OTHER_GOLD_DIR
    .venv/bin/python bench/bench_generalise.py --retrain 'make model'   # see "leave one family out"

Sets (--set): `extra` (default) is the first real corpus: gold
tests/data/gold-extra/<source stem>.json (hand-made, the format of
/work/shared/gold/*.json), families tests/data/gold-extra/families.json, sources
/work/shared/corpus/extra, else tests/data/extra. `extra2` is the second real
corpus, gathered from families no converter rule was tuned on: gold
tests/data/gold-extra2, sources tests/data/extra2. `all` scores both. Each document is
converted on its own (`broadsheet convert FILE --out DIR`) for its document score,
and each family's documents together for the family score (so duplicates across a
family's files can merge). Scoring: /work/shared/eval/score.py when present, else
tests/gold_scoring.py (both read the same gold keys).

Held out: the documents on the project's hold-out list (HOLD_OUT below, and the
`held_out` list of a set's families.json) were never opened by anyone writing
converter rules; their score is printed apart ("held-out mean").

Leave one family out: a family's score measured while its documents took no part in
tuning or training. A rule-based converter has no training step, so this equals the
family score, and its honesty rests on the hold-out list. A converter with a trained
model passes `--retrain CMD`: before each family is scored, CMD runs (through the
shell) with BROADSHEET_EXCLUDE set to that family's source stems (comma-separated),
and must rebuild the model without them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLD_EXTRA = DATA / "gold-extra"
FAMILY_MAP = GOLD_EXTRA / "families.json"
SOURCE_DIRS = [Path("/work/shared/corpus/extra"), DATA / "extra"]
SETS = {  # name -> (gold folder, folders its sources may be in)
    "extra": (GOLD_EXTRA, SOURCE_DIRS),
    "extra2": (DATA / "gold-extra2", [DATA / "extra2"]),
}
SEED_DIRS = [Path("/work/shared/corpus/seeds"), ROOT / "tests" / "data" / "seeds"]
SEED_GOLD_DIRS = [Path("/work/shared/gold"), ROOT / "tests" / "data" / "gold"]
SHARED_SCORER = Path("/work/shared/eval/score.py")
HOLD_OUT = {  # the developers' guide: nobody writing converter rules opens these
    "ocr_stanforddaily_2", "ocr_chronam_2", "wire_atsfr_1",
    "article_bbc_3", "digest_italytoday_1", "pdfmd_amsentinel_3",
}


@dataclass
class Result:
    """One scoring: hits and trials per metric family, and the misses."""

    counts: dict = field(default_factory=dict)  # metric family -> [hit, of]
    misses: list = field(default_factory=list)

    @property
    def score(self) -> float:
        rates = [hit / of for hit, of in self.counts.values() if of]
        return sum(rates) / len(rates) if rates else 0.0

    def add(self, other: "Result") -> None:
        for name, (hit, of) in other.counts.items():
            mine = self.counts.setdefault(name, [0, 0])
            mine[0], mine[1] = mine[0] + hit, mine[1] + of
        self.misses += other.misses


class Scorer:
    """The shared scorer when the machine has it, else the project's own copy of the rules."""

    def __init__(self) -> None:
        if SHARED_SCORER.exists():
            spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
            self.module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(self.module)
            self.name = str(SHARED_SCORER)
        else:
            sys.path.insert(0, str(ROOT))
            from tests import gold_scoring

            self.module, self.name = gold_scoring, "tests/gold_scoring.py"

    def score(self, docs: Path, golds: list[dict]) -> Result:
        m = self.module
        if hasattr(m, "score_file"):  # /work/shared/eval/score.py
            articles, tally = m.load_articles(docs), m.Tally()
            for gold in golds:
                m.score_file(gold, articles, tally)
            counts = {f: [tally.hit[f], tally.total[f]] for f in m.FAMILIES if tally.total[f]}
            misses = [f"{f}: {x}" for f in m.FAMILIES for x in tally.misses[f]]
            return Result(counts, misses)
        everything, tally = m.load_converted(docs), m.Tally()
        for gold in golds:
            m.score_gold_file(gold, everything, tally)
        return Result({f: [tally.hits[f], n] for f, n in tally.trials.items()}, list(tally.misses))


def first_existing(paths: list[Path]) -> Path | None:
    return next((p for p in paths if p.exists()), None)


def broadsheet() -> list[str]:
    beside = Path(sys.executable).with_name("broadsheet")
    found = str(beside) if beside.exists() else shutil.which("broadsheet")
    return [found] if found else [sys.executable, "-c", "from converter.cli import main; main()"]


def convert(files: list[Path], out: Path) -> str:
    """Run `broadsheet convert FILES --out OUT`; returns '' or a one-line error."""
    run = subprocess.run([*broadsheet(), "convert", *map(str, files), "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    if run.returncode == 0:
        return ""
    tail = (run.stderr or run.stdout).strip().splitlines()
    return f"exit {run.returncode}: {tail[-1] if tail else ''}"


@dataclass
class Document:
    stem: str
    family: str
    source: Path
    gold: dict
    held_out: bool = False


def family_of(stem: str, mapping: dict) -> str:
    """families.json decides; a stem it lacks falls back to its kind and collection (ocr_chronam_2 -> ocr-chronam)."""
    return mapping.get(stem) or stem.rsplit("_", 1)[0].replace("_", "-")


def load_documents(gold_dir: Path, only: set[str], source_dirs: list[Path] = SOURCE_DIRS
                   ) -> tuple[list[Document], list[str]]:
    """The gold documents of one folder whose source exists; families.json names families and held-out stems."""
    family_map = next((p for p in (gold_dir / "families.json", FAMILY_MAP) if p.exists()), None)
    mapping = json.loads(family_map.read_text(encoding="utf-8")) if family_map else {}
    held_out = HOLD_OUT | set(mapping.pop("held_out", []))
    docs, skipped = [], []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "file" not in gold:
            continue  # families.json and other non-gold JSON
        stem = Path(gold["file"]).stem
        source = first_existing([d / gold["file"] for d in source_dirs])
        family = family_of(stem, mapping)
        if only and family not in only and stem not in only:
            continue
        if source is None:
            skipped.append(f"{stem}: no source in {', '.join(map(str, source_dirs))}")
            continue
        docs.append(Document(stem, family, source, gold, stem in held_out))
    return docs, skipped


def load_set(args, only: set[str]) -> tuple[list[Document], list[str]]:
    """--gold names one folder (sources searched in every set's folders); else --set picks the corpus."""
    if args.gold is not None:
        everywhere = [d for _, dirs in SETS.values() for d in dirs]
        return load_documents(args.gold, only, everywhere)
    docs, skipped = [], []
    for name in (SETS if args.set == "all" else [args.set]):
        gold_dir, source_dirs = SETS[name]
        more, missing = load_documents(gold_dir, only, source_dirs)
        docs, skipped = docs + more, skipped + missing
    return docs, skipped


def score_run(scorer: Scorer, files: list[Path], golds: list[dict], work: Path, label: str) -> tuple[Result, str]:
    out = work / label
    error = convert(files, out)
    return scorer.score(out, golds), error


def seed_score(scorer: Scorer, work: Path) -> Result | None:
    seeds, gold_dir = first_existing(SEED_DIRS), first_existing(SEED_GOLD_DIRS)
    if seeds is None or gold_dir is None:
        return None
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    return score_run(scorer, sorted(seeds.glob("*.txt")), golds, work, "seeds")[0]


def retrain(command: str, stems: list[str]) -> None:
    env = dict(os.environ, BROADSHEET_EXCLUDE=",".join(stems))
    subprocess.run(command, shell=True, check=True, cwd=ROOT, env=env)


def measure(args, scorer: Scorer, docs: list[Document], work: Path) -> dict:
    by_family: dict[str, list[Document]] = {}
    for doc in docs:
        by_family.setdefault(doc.family, []).append(doc)
    figures = {"documents": {}, "families": {}, "held_out": {}, "tuning": {}, "lofo": {}, "errors": {}}
    for doc in docs:
        result, error = score_run(scorer, [doc.source], [doc.gold], work, f"doc-{doc.stem}")
        figures["documents"][doc.stem] = result
        if error:
            figures["errors"][doc.stem] = error
    for family, members in sorted(by_family.items()):
        if args.retrain:
            retrain(args.retrain, [d.stem for d in members])
        result, _ = score_run(scorer, [d.source for d in members], [d.gold for d in members], work, f"fam-{family}")
        figures["families"][family] = result
        figures["lofo"][family] = result  # rule-based, or retrained without this family just above
        for key, part in (("held_out", [d for d in members if d.held_out]),
                          ("tuning", [d for d in members if not d.held_out])):
            if part:  # a family wholly on one side is its family score; a split one is converted part by part
                figures[key][family] = result if len(part) == len(members) else score_run(
                    scorer, [d.source for d in part], [d.gold for d in part], work, f"{key}-{family}")[0]
    if args.retrain:
        retrain(args.retrain, [])  # leave the model as it was: trained on everything
    return figures


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def overall(results) -> Result:
    total = Result()
    for result in results:
        total.add(result)
    return total


def report_text(args, scorer, docs, figures, seeds, skipped, seconds) -> None:
    families = figures["families"]
    print(f"set: {args.gold or args.set}; scorer: {scorer.name}; {len(docs)} documents with gold "
          f"in {len(families)} families ({seconds:.0f} s)")
    for line in skipped:
        print(f"  skipped {line}")
    print("\nper document                     family               held out  score")
    for doc in docs:
        result = figures["documents"][doc.stem]
        error = figures["errors"].get(doc.stem, "")
        print(f"  {doc.stem:<30} {doc.family:<20} {'yes' if doc.held_out else '':<8} {result.score:6.3f}"
              + (f"  ! {error}" if error else ""))
        if args.verbose:
            for miss in result.misses:
                print(f"      - {miss}")
    print("\nper family (documents converted together)")
    for family, result in families.items():
        members = [d for d in docs if d.family == family]
        held = sum(d.held_out for d in members)
        mark = "" if not held else "  held out (all)" if held == len(members) else f"  held out ({held} of {len(members)})"
        print(f"  {family:<22} {result.score:6.3f}  {len(members)} doc(s){mark}")
    print("\nper metric family (all families pooled)")
    for name, (hit, of) in overall(families.values()).counts.items():
        print(f"  {name:<18} {hit / of:6.1%}  ({int(hit)}/{int(of)})")
    print(f"\nmean over families: {mean(r.score for r in families.values()):.3f}")
    held = figures["held_out"]
    print("held-out families (scored on their held-out documents only; nobody tuned rules on them):")
    for family, result in held.items():
        stems = ", ".join(d.stem for d in docs if d.family == family and d.held_out)
        print(f"  {family:<22} {result.score:6.3f}  ({stems})")
    print(f"HELD-OUT MEAN: {mean(r.score for r in held.values()):.3f} over {len(held)} families")
    pool = figures["tuning"]
    print(f"tuning pool (documents not held out): mean {mean(r.score for r in pool.values()):.3f} over "
          f"{len(pool)} families; " + ", ".join(f"{f} {r.score:.3f}" for f, r in pool.items()))
    how = "retrained without each family" if args.retrain else "rule-based: no training step, so each family's score"
    lofo = figures["lofo"]
    print(f"leave-one-family-out ({how}): mean {mean(r.score for r in lofo.values()):.3f}; "
          + ", ".join(f"{f} {r.score:.3f}" for f, r in lofo.items()))
    if seeds is not None:
        print(f"seed score: {seeds.score:.3f}")


def report_json(scorer, docs, figures, seeds) -> None:
    def one(result: Result) -> dict:
        return {"score": round(result.score, 4), "metrics": {k: {"hit": h, "of": o} for k, (h, o) in result.counts.items()}}

    held = figures["held_out"]
    print(json.dumps({
        "scorer": scorer.name,
        "documents": {d.stem: {"family": d.family, "held_out": d.held_out, **one(figures["documents"][d.stem])}
                      for d in docs},
        "families": {f: one(r) for f, r in figures["families"].items()},
        "metrics": one(overall(figures["families"].values()))["metrics"],
        "mean_over_families": round(mean(r.score for r in figures["families"].values()), 4),
        "held_out": {f: one(r) for f, r in held.items()},
        "held_out_mean": round(mean(r.score for r in held.values()), 4),
        "tuning_pool": {f: one(r) for f, r in figures["tuning"].items()},
        "tuning_pool_mean": round(mean(r.score for r in figures["tuning"].values()), 4),
        "leave_one_family_out": {f: round(r.score, 4) for f, r in figures["lofo"].items()},
        "leave_one_family_out_mean": round(mean(r.score for r in figures["lofo"].values()), 4),
        "seed_score": None if seeds is None else round(seeds.score, 4),
        "errors": figures["errors"],
    }, indent=1, ensure_ascii=False))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss under its document")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--set", choices=[*SETS, "all"], default="extra",
                    help="which real corpus: extra (default), extra2 (families nobody tuned on) or all")
    ap.add_argument("--gold", type=Path, help="folder of gold JSON instead of a --set")
    ap.add_argument("--only", default="", help="comma-separated families or source stems")
    ap.add_argument("--retrain", metavar="CMD", help="shell command that rebuilds a model without $BROADSHEET_EXCLUDE")
    ap.add_argument("--no-seeds", action="store_true", help="skip the seed score")
    args = ap.parse_args(argv)
    scorer = Scorer()
    docs, skipped = load_set(args, {x.strip() for x in args.only.split(",") if x.strip()})
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-generalise-") as temp:
        figures = measure(args, scorer, docs, Path(temp))
        seeds = None if args.no_seeds else seed_score(scorer, Path(temp))
    if args.json:
        report_json(scorer, docs, figures, seeds)
    else:
        report_text(args, scorer, docs, figures, seeds, skipped, time.perf_counter() - start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
