"""How well the labeller labels lines it was not trained on; prints figures, asserts nothing.

    python -m converter.labeller.evaluate              # held-back mixes, unseen seeds, real families
    python -m converter.labeller.evaluate --lofo       # also leave-one-family-out on the real families
    python -m converter.labeller.evaluate --models DIR

Composed pages: the HELD_BACK_MIXES (never in training) and the trained mixes at a seed training never
used. Real documents: their aligned partial roles (examples.py), with the shipped model (which saw
them) and, with `--lofo`, with a model retrained without the family scored. Beside each figure, the
rule chain's own roles on the same lines (`rules`), so the model is judged against the rules it reads.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ..compose import MIXES
from .examples import FURNITURE_ONLY, HELD_BACK_MIXES, Page, composed_pages, real_pages
from .levels import FURNITURE, zone_of
from .model import MODEL_DIR, Labeller
from .train import PER_MIX, SEED, train

EVAL_SEED = 7


class Tally:
    """Per-label true positives, predictions and gold counts; accuracy over labelled lines."""

    def __init__(self) -> None:
        self.tp: Counter = Counter()
        self.predicted: Counter = Counter()
        self.gold: Counter = Counter()

    def add(self, gold: str, guess: str) -> None:
        self.gold[gold] += 1
        self.predicted[guess] += 1
        self.tp[gold] += gold == guess

    @property
    def accuracy(self) -> float:
        total = sum(self.gold.values())
        return sum(self.tp.values()) / total if total else float("nan")

    def rows(self) -> list[str]:
        out = []
        for label in sorted(self.gold, key=lambda l: -self.gold[l]):
            p = self.tp[label] / self.predicted[label] if self.predicted[label] else 0.0
            r = self.tp[label] / self.gold[label]
            out.append(f"    {label:<14} P {p:5.1%}  R {r:5.1%}  ({self.gold[label]} lines)")
        return out


def rule_zone(role: str | None) -> str:
    return "furniture" if role in FURNITURE or role == "left_out" else "article"


def score_pages(labeller: Labeller, pages: list[Page]) -> dict[str, Tally]:
    """Tallies for the model's roles and zones and the rule chain's, on the pages' labelled lines."""
    tallies = {name: Tally() for name in ("role", "zone", "rules role", "rules zone")}
    for page in pages:
        labels = labeller.label_lines(page.lines, page.rule_roles)
        for label in labels:
            gold = page.roles.get(label.number)
            if gold is None:
                continue
            rule = page.rule_roles.get(label.number, "none")
            tallies["zone"].add("furniture" if gold == FURNITURE_ONLY else zone_of(gold), label.zone)
            tallies["rules zone"].add("furniture" if gold == FURNITURE_ONLY else zone_of(gold), rule_zone(rule))
            if gold != FURNITURE_ONLY:
                tallies["role"].add(gold, label.role)
                tallies["rules role"].add(gold, rule)
    return tallies


def report(title: str, tallies: dict[str, Tally], detail: bool = True) -> None:
    t = tallies
    print(f"\n{title}: role accuracy {t['role'].accuracy:.3f} (rules {t['rules role'].accuracy:.3f}); "
          f"zone accuracy {t['zone'].accuracy:.3f} (rules {t['rules zone'].accuracy:.3f})")
    if detail:
        print("  role, per label (model):")
        print("\n".join(t["role"].rows()))
        print("  zone, per label (model):")
        print("\n".join(t["zone"].rows()))


def lofo(composed: list[Page], real: list[Page]) -> dict[str, dict[str, Tally]]:
    """Each real family scored by a model trained on the composed pages and the other families only."""
    out = {}
    with tempfile.TemporaryDirectory(prefix="labeller-lofo-") as temp:
        for family in sorted({p.family for p in real}):
            folder = Path(temp) / family
            train(folder, pages=composed + [p for p in real if p.family != family])
            out[family] = score_pages(Labeller(folder), [p for p in real if p.family == family])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=Path, default=MODEL_DIR)
    ap.add_argument("--per-mix", type=int, default=10, help="evaluation pages per held-back mix")
    ap.add_argument("--lofo", action="store_true", help="retrain without each real family and score it")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    labeller = Labeller(args.models)
    held = composed_pages(EVAL_SEED, args.per_mix, list(HELD_BACK_MIXES))
    report(f"held-back mixes ({', '.join(HELD_BACK_MIXES)}; {len(held)} pages, never trained on)",
           score_pages(labeller, held))
    seen = composed_pages(EVAL_SEED, 3, [m for m in sorted(MIXES) if m not in HELD_BACK_MIXES])
    report(f"trained mixes at an unseen seed ({len(seen)} pages)", score_pages(labeller, seen))
    real = real_pages(set())
    report(f"real documents, aligned lines ({len(real)} documents; the model trained on them)",
           score_pages(labeller, real))
    if args.lofo:
        composed = composed_pages(SEED, PER_MIX, [m for m in sorted(MIXES) if m not in HELD_BACK_MIXES])
        scored = lofo(composed, real)
        print("\nleave-one-family-out (model retrained without the family; rules beside):")
        for family, t in scored.items():
            print(f"  {family:<20} role {t['role'].accuracy:.3f} (rules {t['rules role'].accuracy:.3f})  "
                  f"zone {t['zone'].accuracy:.3f} (rules {t['rules zone'].accuracy:.3f})  "
                  f"{sum(t['zone'].gold.values())} lines")
        pooled = {name: Tally() for name in ("role", "zone", "rules role", "rules zone")}
        for t in scored.values():
            for name, tally in t.items():
                pooled[name].tp.update(tally.tp)
                pooled[name].predicted.update(tally.predicted)
                pooled[name].gold.update(tally.gold)
        report("leave-one-family-out, pooled", pooled)
    print(f"\n({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
