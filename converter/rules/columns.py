"""Rules for two things OCR of multi-column pages gets wrong: contents boxes and interleaved columns.

- `drop_contents_box`: a front page's contents box (`Inhalt:`, `Contents`, `Sommaire`, `目录`;
  cues.CONTENTS_LABELS, read through the letters Fraktur OCR confuses) lists the issue's titles.
  From its label down to the first headline the box names, its short lines are page furniture
  and go to the report; running text found there (wrapped lines that go on from one to the next)
  stays, since it belongs to a column the OCR put in the wrong place. The headline the box names
  is a story's headline, however it is punctuated (`Zur Jahreswende.`).
- `untangle_columns`: when OCR reads two columns into one stream, a run of a column's lines can
  land away from the sentence it continues: it opens in lower case after a headline or a finished
  block, and somewhere in the text a line stops mid-sentence while the next line starts a new one
  (`… zum Etat sich` / `In Südwestafrika …`). When such a run is a front page's first text (right
  under its masthead or contents box) and a cut follows, the run is moved into the first cut (the
  move is noted; the join that follows names its rule). Any other such run is only reported as
  interleaved (a warning), never rearranged on a guess.
"""

from __future__ import annotations

import re

from ..model import DROP, HEADING, PARA, Block
from ..state import State
from ..text import TERMINAL, has_cjk, key, starts_lowercase
from .cues import CONTENTS_LABELS, NAME_LEADERS, SENTENCE_OPENERS

CONTENTS_TOP_LINES = 60  # a contents box stands near the top of a front page
PROSE_RUN = 3  # lines in a row that go on from one to the next: running text, not a list of titles
HEADLINE_WORDS = 6  # a line of this many words or fewer after a column's text may be the next headline
PROSE_OPEN_SHARE = 0.5  # …when at least this share of them stop mid-sentence
ARTICLES = frozenset(("The", "A", "An", "Le", "La", "Les", "L'", "Un", "Une", "Des", "Du", "Der", "Die", "Das", "Ein",
                      "Eine", "Einen", "Dem", "Den", "El", "Los", "Las", "Una", "Unos", "Unas", "Del", "Al"))
FRAKTUR_FOLD = str.maketrans({"J": "I", "u": "n", "ſ": "s"})  # letters Fraktur OCR reads for one another
LABEL = re.compile(r"^\W*(?P<label>[^\W\d_]+(?: [^\W\d_]+){0,3})\s*[:.：]?\s*(?P<rest>.*)$")


def contents_label(text: str) -> str | None:
    """The rest of a line that opens with a contents label (`Juhalt: Zur Jahreswende.` → `Zur Jahreswende.`);
    None when the line opens with none."""
    match = LABEL.match(text)
    if not match:
        return None
    label = match.group("label").split()
    if _folded(label[0]) not in FOLDED_FIRST_WORDS:
        return None  # no label opens with its first word (most lines)
    for size in range(4, 0, -1):
        words = label[:size]
        if len(words) == size and _folded(" ".join(words)) in FOLDED_LABELS:
            after = text[text.find(words[-1]) + len(words[-1]):]
            if after.strip() and after.lstrip()[:1] not in ":.：":
                return None  # `Index funds rose …`: a sentence, not a label
            return after.lstrip(" :.：")
    return None


def _folded(text: str) -> str:
    return text.translate(FRAKTUR_FOLD).casefold()


FOLDED_LABELS = {_folded(label) for label in CONTENTS_LABELS}
FOLDED_FIRST_WORDS = {label.split()[0] for label in FOLDED_LABELS}


def drop_contents_box(state: State) -> None:
    blocks = state.blocks
    live = [i for i, b in enumerate(blocks) if b.kind != DROP]
    for i in range(min(len(blocks), CONTENTS_TOP_LINES)):
        rest = contents_label(blocks[i].text) if blocks[i].kind != DROP or "masthead" in blocks[i].reason else None
        if rest is None:
            continue
        end = _named_headline(blocks, i, rest)
        prose = _prose_lines(blocks, [j for j in live if i < j < end])
        box = [j for j in live if i <= j < end and j not in prose]
        for j in box:
            state.drop(blocks[j], "contents box (the issue's titles listed on the front page)")
        if blocks[i].kind == DROP and blocks[i].reason.startswith("masthead"):
            blocks[i].reason = "contents box (the issue's titles listed on the front page)"
            blocks[i].meta["dropped"].reason = blocks[i].reason
        if end < len(blocks) and blocks[end].kind == PARA and key(blocks[end].text) == key(rest):
            blocks[end].kind, blocks[end].meta["opens_story"] = HEADING, True  # the box names it: a story's headline
        state.note("drop_contents_box", f"line {blocks[i].lines[0]}: contents box, {len(box)} lines to the report")
        return


def _named_headline(blocks: list[Block], label: int, first_item: str) -> int:
    """The index of the first later line that is a headline the box names, else where running text starts."""
    named = {key(first_item)} - {""}
    for j in range(label + 1, len(blocks)):
        if blocks[j].kind != DROP and key(blocks[j].text) in named:
            return j
    return min(len(blocks), CONTENTS_TOP_LINES)


def _prose_lines(blocks: list[Block], indices: list[int]) -> set[int]:
    """Running text among these lines: from the first chain of PROSE_RUN lines or more that go on from
    one to the next, a sentence running on over a line end into a line in lower case (or of two that
    open in lower case), every line of text up to the next furniture. Titles listed one a line, each
    from a capital and none ending a sentence, are no running text."""
    prose: set[int] = set()
    chain: list[int] = []
    for j in indices:
        if blocks[j].kind != PARA:
            chain = []
            continue
        chain = chain + [j] if chain and chain[-1] == j - 1 and not _closes(blocks[chain[-1]].text) else [j]
        going_on = any(starts_lowercase(blocks[k].text) for k in chain[1:])  # a sentence goes on over a line end
        if (len(chain) >= PROSE_RUN and going_on) or (len(chain) >= 2 and starts_lowercase(blocks[chain[0]].text)):
            prose.update(chain)
            for k in indices[indices.index(j) + 1:]:
                if blocks[k].kind != PARA or k != max(prose) + 1:
                    break
                prose.add(k)
            return prose
    return prose


def _closes(text: str) -> bool:
    return text.rstrip(" \"'”’»)")[-1:] in TERMINAL


def untangle_columns(state: State) -> None:
    blocks = state.blocks
    orphans = _orphan_runs(blocks)
    if not orphans:
        return
    cuts = _sentence_cuts(state, {j for run in orphans for j in run})
    first_live = next(i for i, b in enumerate(blocks) if b.kind != DROP)
    front = any(b.reason.startswith(("masthead", "contents box")) for b in blocks[:first_live])
    # the front page's first text goes on a sentence (a continued story on an inside page does too: left alone)
    leading = orphans[0] if orphans[0][0] == first_live and front else None
    after = [c for c in cuts if leading and c > leading[-1]]
    left = [run for run in orphans if run is not leading or not after]
    if left:
        where = ", ".join(f"line {blocks[run[0]].lines[0]}" for run in left)
        state.source.warnings.append(f"{state.source.name}: columns interleaved by OCR (text out of place at {where}); "
                                     "left where it stands")
    if leading and after:
        _move_after(state, leading, after[0])


def _move_after(state: State, run: list[int], cut: int) -> None:
    """Move the run of lines to stand right after line `cut`, going on its sentence."""
    blocks = state.blocks
    moved = [blocks[j] for j in run]
    moved[0].meta["blank_before"], moved[0].meta["gap_before"] = False, 0
    rest = [b for j, b in enumerate(blocks) if j not in set(run)]
    at = rest.index(blocks[cut]) + 1
    state.blocks = rest[:at] + moved + rest[at:]
    state.note("untangle_columns", f"lines {moved[0].lines[0]}-{moved[-1].lines[1]} moved after line "
                                   f"{blocks[cut].lines[1]}: a column the OCR read out of place")


def _orphan_runs(blocks: list[Block]) -> list[list[int]]:
    """Runs of running text that open in lower case where no sentence can be open above them (the page's
    first text, or text right under furniture the page rules took out), end a sentence, and reach on
    to the next headline-like line or furniture."""
    runs, previous = [], None
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == DROP:
            previous = block
            index += 1
            continue
        # after furniture or a block of another kind, not after a full stop: OCR reads many commas as stops
        if block.kind == PARA and starts_lowercase(block.text) and not has_cjk(block.text) and (
                previous is None or previous.kind != PARA):
            run = [index]
            while run[-1] + 1 < len(blocks) and blocks[run[-1] + 1].kind == PARA and not _closes(blocks[run[-1]].text):
                run.append(run[-1] + 1)
            if len(run) >= PROSE_RUN and _closes(blocks[run[-1]].text):
                while run[-1] + 1 < len(blocks) and _goes_on_text(blocks[run[-1] + 1]):
                    run.append(run[-1] + 1)
                runs.append(run)
                previous, index = blocks[run[-1]], run[-1] + 1
                continue
        previous = block
        index += 1
    return runs


def _goes_on_text(block: Block) -> bool:
    """A line of the same column's text: not furniture, not set apart, not a short line (a headline)."""
    return block.kind == PARA and not block.meta.get("blank_before") and len(block.text.split()) > HEADLINE_WORDS


def _running(blocks: list[Block], j: int) -> bool:
    """Line j is running text: longer than a headline line, or going on from a line of three words or more
    above it that ends no sentence (a narrow column's short line)."""
    if len(blocks[j].text.split()) > HEADLINE_WORDS:
        return True
    above = blocks[j - 1] if j else None
    return above is not None and above.kind == PARA and not _closes(above.text) \
        and len(above.text.split()) >= HEADLINE_WORDS // 2


def _sentence_cuts(state: State, skip: set[int]) -> list[int]:
    """Lines that stop mid-sentence (no full stop, no hyphen, no comma) while the next line opens a new
    paragraph (indented) or a new sentence with a word that only opens one (`sich` / `In Südwestafrika …`)."""
    blocks, raw = state.blocks, state.source.text.split("\n")
    cuts = []
    for j in range(len(blocks) - 1):
        here, after = blocks[j], blocks[j + 1]
        if j in skip or j + 1 in skip or here.kind != PARA or after.kind != PARA or not after.text.split():
            continue
        if here.meta.get("blank_before") and after.meta.get("blank_before"):
            continue  # a line set apart by gaps above and below (a headline): no column's text was cut there
        if not here.text.rstrip()[-1:].isalpha() or not _running(blocks, j):
            continue  # a label, byline or headline line ends no running sentence
        first = after.text.split()[0]
        indented = raw[after.lines[0] - 1][:1] in (" ", "\t", "\u3000") if after.lines[0] <= len(raw) else False
        # `… of` / `The Hague`: a name may follow a small word; but no article stands before `In`, `Er`, `When`
        opener = first in SENTENCE_OPENERS and (here.text.split()[-1].casefold() not in NAME_LEADERS
                                                or first not in ARTICLES)
        if first[:1].isupper() and (opener or indented):
            cuts.append(j)
    return cuts
