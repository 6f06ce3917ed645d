"""The labeller's word in `broadsheet convert --explain`: each line's model role, its probability and the
features that weighed most, beside the role the rules gave it."""

from __future__ import annotations

from ..explain import LineRole
from .model import load_labeller


def add_model_roles(lines: list[LineRole], text: str) -> None:
    """Fill each explained line's `model` (role, probability, top features) from the rules' roles and the text."""
    labeller = load_labeller()
    if labeller is None or not lines:
        return
    rule_roles = {line.line: line.role for line in lines}
    labels = {label.number: label for label in labeller.label_text(text, rule_roles, reasons=True)}
    for line in lines:
        label = labels.get(line.line)
        if label is not None:
            line.model = label.as_text()
