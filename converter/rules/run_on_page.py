"""Rule: the top of a page delivered as one line, above its first headline, is the masthead; the
speckle the cutter found between its parts is OCR noise, and a bracketed line it cut from under a
headline (`(De notre correspondant)`) a credit. All go to the report.

Convention: a front page opens with its nameplate, folio line (volume, number,
price, date) and ear boxes (telephone numbers, subscription rates, the address),
above the first headline. When an OCR export joined the page into one line
(run_on_lines.py), those boxes arrive as one run of text before the first headline
cut. If that run shows the folio's cues (a volume or number, a price, a telephone
number; or the cutter ended it at the edition date, see run_on_lines.folio_end), every
piece of it leaves the text, reported, and the edition date it
names dates the issue (a sidecar date still wins). A run without those cues (the
end of a story continued from another page) is left to the other rules.
"""

from __future__ import annotations

from ..model import DROP
from ..state import State
from .adverts import PHONE
from .page_furniture import PRICE, VOLUME, edition_date

FOLIO_CUES = (VOLUME, PRICE, PHONE)
MASTHEAD_CUES_MIN = 2  # cues of two kinds at least: a sentence naming a price is no folio
EAR_BOX_WORDS = 30  # an ear box under the folio line runs to at most this many words (a story runs longer)


REASONS = {"speckle": "OCR noise (stray letters and punctuation)",
           "credit": "credit line under the headline (bracketed)"}


def drop_run_on_furniture(state: State) -> None:
    for block in state.blocks:
        reason = REASONS.get(block.meta.get("run_on", ""))
        if reason and block.kind != DROP:
            state.drop(block, reason)
    folio = _folio_and_ears(state.blocks)
    if folio:  # the top the cutter ended at the edition date (run_on_lines.folio_end): furniture by that cue
        _drop_top(state, folio, " ".join(b.text for b in folio))
        return
    top = []
    for block in state.blocks:
        run_on = block.meta.get("run_on")
        if run_on == "head" or (not run_on and block.kind != DROP):
            break
        if run_on:
            top.append(block)
    text = " ".join(b.text for b in top)
    if top and sum(1 for cue in FOLIO_CUES if cue.search(text)) >= MASTHEAD_CUES_MIN:
        _drop_top(state, top, text)


def _folio_and_ears(blocks: list) -> list:
    """The masthead piece cut at the edition date, and the short pieces after it before the first
    headline (ear boxes: telephone, subscription rates), which hold no story's text."""
    at = next((i for i, b in enumerate(blocks) if b.meta.get("run_on") == "masthead"), None)
    if at is None:
        return []
    top = [blocks[at]]
    for block in blocks[at + 1:]:
        if block.meta.get("run_on") not in ("text", "speckle") or len(block.text.split()) > EAR_BOX_WORDS:
            break
        top.append(block)
    return top


def _drop_top(state: State, top: list, text: str) -> None:
    day = edition_date(text)
    if day and not (state.sidecar.get("date") or state.issue.get("date")):
        state.issue["date"] = day
    for block in top:
        if block.kind != DROP:
            state.drop(block, "masthead (nameplate, folio and ear boxes above the first headline of a page set on one line)")
    state.note("drop_run_on_furniture", f"{len(top)} pieces above the first headline; edition date {day or 'none'}")
