"""Train the line-role labeller: compose pages (fixed seed), align the real documents' gold, fit one CRF per level.

    python -m converter.labeller.train                    # writes converter/labeller/models/{zone,role}.crfsuite
    python -m converter.labeller.train --out /tmp/m --per-mix 6
    BROADSHEET_EXCLUDE=ocr_chronam_1 python -m converter.labeller.train --out /tmp/m   # leave documents out
    BROADSHEET_LABELLER_MODELS=/tmp/lofo python bench/bench_generalise.py \
        --retrain '.venv/bin/python -m converter.labeller.train --out /tmp/lofo'   # leave one family out

Composed pages come from every mix except HELD_BACK_MIXES, `--per-mix` pages each from `--seed`; real
documents from tests/data/gold-extra, never the hold-out list nor the stems in BROADSHEET_EXCLUDE /
`--exclude`. A real document's roles are partial, so it trains as its runs of labelled lines (features
still read the unlabelled neighbours). Training is L-BFGS over a fixed order of pages: the same
arguments give the same model bytes. The rule chain's roles are features, so retrain after a rule
change (the model learns how far to trust each rule).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .examples import FURNITURE_ONLY, HELD_BACK_MIXES, Page, composed_pages, excluded_stems, real_pages
from .features import page_features
from .levels import LEVELS, label_for
from ..compose import MIXES

MODEL_DIR = Path(__file__).resolve().parent / "models"
SEED = 20261123
PER_MIX = 12
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": False,
          "feature.minfreq": 2}


def labelled_runs(page: Page, level: str) -> list[tuple[list[dict], list[str]]]:
    """The page's maximal runs of lines labelled at this level, as (features, labels) sequences."""
    items = page_features(page.lines, page.rule_roles)
    runs: list[tuple[list[dict], list[str]]] = []
    current: tuple[list[dict], list[str]] = ([], [])
    for line, item in zip(page.lines, items):
        role = page.roles.get(line.number)
        label = None if role is None else ("furniture" if role == FURNITURE_ONLY and level == "zone" else
                                           None if role == FURNITURE_ONLY else label_for(level, role))
        if label is None:
            if current[0]:
                runs.append(current)
            current = ([], [])
            continue
        current[0].append(item)
        current[1].append(label)
    if current[0]:
        runs.append(current)
    return runs


def train_level(pages: list[Page], level: str, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(PARAMS)
    for page in pages:
        for items, labels in labelled_runs(page, level):
            trainer.append(pycrfsuite.ItemSequence(items), labels)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def training_pages(seed: int, per_mix: int, exclude: set[str], real: bool = True) -> list[Page]:
    mixes = [m for m in sorted(MIXES) if m not in HELD_BACK_MIXES]
    return composed_pages(seed, per_mix, mixes) + (real_pages(exclude) if real else [])


def train(out: Path, seed: int = SEED, per_mix: int = PER_MIX, exclude: set[str] | None = None,
          real: bool = True, pages: list[Page] | None = None) -> dict:
    """Write one model per level into `out`; returns what went in and how long it took."""
    start = time.perf_counter()
    pages = pages if pages is not None else training_pages(seed, per_mix, exclude or excluded_stems(), real)
    made = time.perf_counter()
    for level in LEVELS:
        train_level(pages, level, out / f"{level}.crfsuite")
    return {"pages": len(pages), "real": sorted({p.name for p in pages if p.family not in MIXES}),
            "lines": sum(len(p.lines) for p in pages), "compose_seconds": made - start,
            "train_seconds": time.perf_counter() - made,
            "bytes": {level: (out / f"{level}.crfsuite").stat().st_size for level in LEVELS}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for zone.crfsuite and role.crfsuite")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--per-mix", type=int, default=PER_MIX, help="composed pages per mix")
    ap.add_argument("--exclude", default="", help="comma-separated source stems to leave out (adds to BROADSHEET_EXCLUDE)")
    ap.add_argument("--no-real", action="store_true", help="composed pages only")
    args = ap.parse_args(argv)
    info = train(args.out, args.seed, args.per_mix, excluded_stems(args.exclude), not args.no_real)
    sizes = ", ".join(f"{level} {size / 1024:.0f} KB" for level, size in info["bytes"].items())
    print(f"trained on {info['pages']} pages ({len(info['real'])} real), {info['lines']} lines; "
          f"pages {info['compose_seconds']:.1f} s, training {info['train_seconds']:.1f} s; {sizes} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
