"""The trained labeller at run time: load the models shipped in converter/labeller/models, label a page's
lines, and say which features weighed most for each line's role (for `--explain`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .features import PageLine, items_at, page_features, page_lines
from .levels import LEVELS

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_ENV = "BROADSHEET_LABELLER_MODELS"  # another folder of models (a leave-one-family-out run), else MODEL_DIR
TOP_FEATURES = 3


@dataclass
class LineLabel:
    number: int
    zone: str
    zone_p: float  # the model's marginal probability of that zone
    role: str
    role_p: float
    features: list[str]  # the features that weighed most for the role, strongest first: "cue_byline=1 +2.31"

    def as_text(self) -> str:
        return f"{self.role} {self.role_p:.2f} ({', '.join(self.features)})"


class Labeller:
    """One CRF tagger per level, loaded from a folder of `<level>.crfsuite` files."""

    def __init__(self, folder: Path) -> None:
        import pycrfsuite

        self.taggers = {}
        for level in LEVELS:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(folder / f"{level}.crfsuite"))
            self.taggers[level] = tagger
        self._weights: dict[str, dict[tuple[str, str], float]] = {}

    def weights(self, level: str) -> dict[tuple[str, str], float]:
        if level not in self._weights:
            self._weights[level] = dict(self.taggers[level].info().state_features)
        return self._weights[level]

    def tag(self, level: str, items: list[dict]) -> list[tuple[str, float]]:
        import pycrfsuite

        tagger = self.taggers[level]
        labels = tagger.tag(pycrfsuite.ItemSequence(items))
        return [(label, tagger.marginal(label, i)) for i, label in enumerate(labels)]

    def label_lines(self, lines: list[PageLine], rule_roles: dict[int, str] | None = None,
                    reasons: bool = False) -> list[LineLabel]:
        if not lines:
            return []
        items = page_features(lines, rule_roles)
        zones, roles = self.tag("zone", items), self.tag("role", items)
        out = []
        for line, item, (zone, zp), (role, rp) in zip(lines, items, zones, roles):
            out.append(LineLabel(line.number, zone, zp, role, rp, self.reasons(item, role) if reasons else []))
        return out

    def label_around(self, lines: list[PageLine], rule_roles: dict[int, str] | None, centres: list[int],
                     radius: int = 2, levels: tuple[str, ...] = LEVELS) -> dict[int, LineLabel]:
        """Labels of the lines at these indices only, tagged in stretches that reach `radius` lines past the
        first and last of each run of nearby centres (a rule that asks about a few lines of a long page pays
        for those stretches, not the page). Levels not asked for are labelled "" with probability 0."""
        out: dict[int, LineLabel] = {}
        own: dict[int, dict[str, str]] = {}
        for first, last in _runs(sorted(centres), 2 * radius):
            low, high = max(0, first - radius), min(len(lines), last + radius + 1)
            items = items_at(lines, rule_roles, range(low, high), own)
            tags = {level: self.tag(level, items) for level in levels}
            zones, roles = tags.get("zone"), tags.get("role")
            for i in range(first, last + 1):
                zone, zp = zones[i - low] if zones else ("", 0.0)
                role, rp = roles[i - low] if roles else ("", 0.0)
                out[lines[i].number] = LineLabel(lines[i].number, zone, zp, role, rp, [])
        return out

    def label_text(self, text: str, rule_roles: dict[int, str] | None = None, reasons: bool = False) -> list[LineLabel]:
        return self.label_lines(page_lines(text), rule_roles, reasons)

    def reasons(self, item: dict, role: str) -> list[str]:
        weights = self.weights("role")
        scored = sorted(((weights.get((name, role), 0.0) * value, name) for name, value in item.items()),
                        key=lambda pair: (-pair[0], pair[1]))
        return [f"{name} {weight:+.2f}" for weight, name in scored[:TOP_FEATURES] if weight > 0]


def load_labeller(folder: Path | None = None) -> Labeller | None:
    """The labeller, or None when python-crfsuite or the model files are missing (the converter runs without it).
    The folder: `folder`, else $BROADSHEET_LABELLER_MODELS, else the models shipped in the package."""
    return _load(folder or Path(os.environ.get(MODEL_ENV) or MODEL_DIR))


def _runs(centres: list[int], gap: int) -> list[tuple[int, int]]:
    """Sorted indices grouped into (first, last) runs whose neighbours are at most `gap` apart."""
    runs: list[list[int]] = []
    for centre in centres:
        if runs and centre - runs[-1][1] <= gap:
            runs[-1][1] = centre
        else:
            runs.append([centre, centre])
    return [(a, b) for a, b in runs]


@lru_cache(maxsize=4)
def _load(folder: Path) -> Labeller | None:
    try:
        return Labeller(folder)
    except (ImportError, OSError, ValueError):
        return None
