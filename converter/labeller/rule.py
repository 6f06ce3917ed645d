"""`drop_model_furniture`: the labeller as evidence at one decision the rules find hard — is a paragraph left
in an article's body page furniture (an advert, a running head, a masthead line, speckle)?

It runs after the articles are made and asks only about short body paragraphs (CANDIDATE_CHARS,
CANDIDATE_LINES), each tagged in a window of its neighbours with the roles the rules gave them so far
(the roles `--explain` shows, which the model was trained with as features). It drops a body paragraph only when
the zone model puts every one of its lines in the furniture zone with probability >= MIN_PROBABILITY
and the role model gives each a furniture role (advert, noise, running head …), the paragraph is not
quoted matter, and the article keeps other text. The report names the rule,
the role and the probability. Off by default (`presets.OFF_BY_DEFAULT`; FEATURES.md has why).
"""

from __future__ import annotations

from ..explain import LineIndex, heading_roles, role_of
from ..model import PARA, Block
from ..state import State
from .features import page_lines
from .levels import FURNITURE
from .model import LineLabel, load_labeller

MIN_PROBABILITY = 0.9  # the zone model's marginal probability a line must reach to be furniture
# How the report words each furniture role (so `--explain` maps the drop back to the role: explain.ROLE_OF_DROP).
REASONS = {"advert": "advert", "noise": "noise", "running_head": "running head", "masthead": "masthead",
           "edition_date": "masthead date", "page_label": "section label", "index_box": "page furniture (index box)",
           "wire_header": "wire header", "page_marker": "page marker", "digest_header": "digest header",
           "toc": "table of contents"}


CANDIDATE_CHARS = 100  # a paragraph longer than this is running text, never asked about (furniture is short)
CANDIDATE_LINES = 2  # ... and one spanning more source lines than this


def roles_now(state: State, numbers: set[int]) -> dict[int, str]:
    """These lines' roles as the rules have decided them so far (explain.role_of over the current blocks)."""
    seen = {id(b) for b in state.blocks}
    blocks = state.blocks + [b for a in state.articles for b in a.body if id(b) not in seen]
    near = [b for b in blocks if any(n in numbers for n in range(b.lines[0], b.lines[1] + 1))]
    index, headings = LineIndex(near), heading_roles(state.articles)
    return {n: role_of(block, headings) for n in numbers if (block := index.at(n)) is not None}


def _candidates(state: State) -> list[Block]:
    return [b for a in state.articles for b in a.body
            if b.kind == PARA and not b.meta.get("quote") and len(b.text) <= CANDIDATE_CHARS
            and b.lines[1] - b.lines[0] < CANDIDATE_LINES]


def _furniture(label: LineLabel | None) -> bool:
    """Both levels agree: the zone model is sure the line is furniture, and the role model names a furniture role."""
    return (label is not None and label.zone == "furniture" and label.zone_p >= MIN_PROBABILITY
            and label.role in FURNITURE)


def _is_furniture(block: Block, labels: dict[int, LineLabel]) -> bool:
    numbers = [n for n in range(block.lines[0], block.lines[1] + 1) if n in labels]
    return bool(numbers) and all(_furniture(labels[n]) for n in numbers)


def drop_model_furniture(state: State) -> None:
    labeller = load_labeller()
    candidates = _candidates(state) if labeller is not None else []
    if not candidates:
        return
    lines = page_lines(state.source.text)
    where = {line.number: i for i, line in enumerate(lines)}
    centres = sorted({where[n] for b in candidates for n in range(b.lines[0], b.lines[1] + 1) if n in where})
    wanted = {lines[j].number for i in centres for j in range(max(0, i - 4), min(len(lines), i + 5))}
    labels = labeller.label_around(lines, roles_now(state, wanted), centres)
    doomed_ids = {id(b) for b in candidates if _is_furniture(b, labels)}
    for article in state.articles:
        doomed = [b for b in article.body if id(b) in doomed_ids]
        if not doomed or len(doomed) == sum(b.kind == PARA for b in article.body):
            continue
        for block in doomed:
            number = next(n for n in range(block.lines[0], block.lines[1] + 1) if n in labels)
            reason = REASONS.get(labels[number].role, "page furniture")
            state.drop(block, f"{reason} (line-role model: furniture, p={labels[number].zone_p:.2f})")
        article.body = [b for b in article.body if id(b) not in {id(d) for d in doomed}]
