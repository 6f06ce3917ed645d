"""Why each source line went where it went: its line role and the rules that decided it.

The pipeline runs a preset's named rules through `run_rules`. Every rule runs
with its name in `CURRENT_RULE`, so a drop (`State.drop`) and a join
(`Block.extend`) record the rule that made them at no cost. With `--explain`
a `Tracer` also snapshots the blocks around each rule and attributes every
change — a block made, its kind or text changed, dropped, joined into another
block, taken as a headline or metadata, moved into a figure — to the rule that
made it. No rule knows it is being watched.

Roles use the vocabulary of the line-roles spec (masthead, running_head,
page_label, kicker, headline, deck, byline, dateline, body, crosshead, caption,
credit, jump_out, jump_in, advert, noise, wire_header, digest_header, toc …);
`ROLE_OF_KIND` and `ROLE_OF_DROP` are the one table from block kinds and drop
reasons to roles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import (BYLINE, CAPTION, CREDIT, CROSSHEAD, CURRENT_RULE, DROP, HEADING, ITEM, JUMP, PARA, TABLE,
                    TIMESTAMP, URL, Article, Block)
from .state import Rule, State

ROLE_OF_KIND = {PARA: "body", ITEM: "body", TABLE: "body", CROSSHEAD: "crosshead", HEADING: "headline",
                CAPTION: "caption", BYLINE: "byline", JUMP: "jump_in", CREDIT: "signoff", URL: "link",
                TIMESTAMP: "timestamp"}
# Drop reasons (their first words) → role, first match wins; anything else left out is `left_out`.
ROLE_OF_DROP = (("running head", "running_head"), ("masthead date", "edition_date"), ("masthead", "masthead"),
                ("summary list: moved", "translation"), ("byline", "byline"), ("jump", "jump_out"), ("page marker", "page_label"),
                ("page furniture", "page_label"), ("section label", "page_label"), ("advert", "advert"),
                ("feed advert", "advert"), ("table of contents", "toc"), ("digest", "digest_header"),
                ("summary list", "digest_header"), ("colophon", "digest_header"), ("yaml front matter", "front_matter"),
                ("wire", "wire_header"), ("transmission", "wire_header"), ("image placeholder", "noise"),
                ("html", "noise"), ("markdown attribute", "noise"), ("empty", "noise"), ("noise", "noise"),
                ("heading underline", "noise"), ("speckle", "noise"))
# The changes that decide a line's role (a text edit or a use as metadata does not).
DECIDING = ("made", "kind ", "dropped", "joined into", "used as headline", "used as joined", "taken out",
            "moved into a figure")
USED_AS_ROLE = {"headline": "headline", "signature": "signoff", "joined": "body"}
JUMP_ROLE = {"from": "jump_in", "to": "jump_out"}
CREDIT_ROLE = {"source_agency": "source_credit", "contributors": "signoff", "note": "signoff"}


def run_rules(state: State, rules: Iterable[Rule], tracer: Tracer | None = None) -> None:
    """Run the rules in order, each under its name; a tracer (with --explain) records what each one changed."""
    for rule in rules:
        token = CURRENT_RULE.set(rule.__name__)
        try:
            if tracer is None:
                rule(state)
            else:
                tracer.run(rule)
        finally:
            CURRENT_RULE.reset(token)


def named(name: str, step, *args) -> None:  # type: ignore[no-untyped-def]
    """Run a pipeline step outside the presets (leftovers, merging) under a rule name."""
    token = CURRENT_RULE.set(name)
    try:
        step(*args)
    finally:
        CURRENT_RULE.reset(token)


@dataclass
class Event:
    rule: str
    what: str  # "made", "kind heading→para", "text", "dropped: reason", "joined into 12–14", "headline" …


@dataclass
class Tracer:
    """Snapshots of the blocks around every rule; the differences are each block's history."""

    state: State
    history: dict[int, list[Event]] = field(default_factory=dict)
    blocks: dict[int, Block] = field(default_factory=dict)  # every block ever seen, by id

    def run(self, rule: Rule) -> None:
        before = {id(b): (b, b.kind, b.text, b.lines, b.meta.get("used_as")) for b in self._all_blocks()}
        figures = {(id(a), f.lines) for a in self.state.articles for f in a.figures}
        rule(self.state)
        name = rule.__name__
        after = self._all_blocks()
        self._figures_made(name, figures, after)
        now = {id(b) for b in after}
        for block in after:
            self.blocks.setdefault(id(block), block)
            old = before.get(id(block))
            if old is None:
                self._add(block, name, "made")
                continue
            _, kind, text, lines, used_as = old
            if block.kind != kind:
                detail = f"dropped: {block.reason}" if block.kind == DROP else f"kind {kind}→{block.kind}"
                self._add(block, name, detail)
            elif block.text != text:
                self._add(block, name, "text changed" if block.lines == lines else f"took in lines {_span(block.lines)}")
            if block.meta.get("used_as") != used_as:
                self._add(block, name, f"used as {block.meta.get('used_as')}")
        gone = [block for key, (block, *_rest) in before.items() if key not in now]
        if gone:
            holders = LineIndex(after)
            for block in gone:
                into = holders.at(block.lines[0])
                self._add(block, name, f"joined into lines {_span(into.lines)}" if into else "taken out")

    def _figures_made(self, name: str, figures: set, blocks: list[Block]) -> None:
        by_lines = {b.lines: b for b in blocks if b.kind == CAPTION}
        for article in self.state.articles:
            for figure in article.figures:
                if (id(article), figure.lines) not in figures and figure.lines in by_lines:
                    self._add(by_lines[figure.lines], name, f"moved into a figure of {article.title[:40]!r}")

    def _all_blocks(self) -> list[Block]:
        seen = {id(b) for b in self.state.blocks}
        extra = [b for a in self.state.articles for b in a.body if id(b) not in seen]
        return self.state.blocks + extra

    def _add(self, block: Block, rule: str, what: str) -> None:
        self.history.setdefault(id(block), []).append(Event(rule, what))


def _span(lines: tuple[int, int]) -> str:
    return f"{lines[0]}" if lines[0] == lines[1] else f"{lines[0]}–{lines[1]}"


class LineIndex:
    """For each source line, the narrowest block whose line range holds it (one pass over the blocks)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.holder: dict[int, Block] = {}
        for block in sorted(blocks, key=lambda b: b.lines[0] - b.lines[1]):  # widest first, narrower overwrite
            for line in range(block.lines[0], block.lines[1] + 1):
                self.holder[line] = block

    def at(self, line: int) -> Block | None:
        return self.holder.get(line)


@dataclass
class LineRole:
    line: int
    role: str
    rule: str  # the rule that last decided this line's role
    history: list[str]
    text: str
    model: str = ""  # the line-role labeller's role, probability and top features (converter/labeller)

    def as_dict(self) -> dict:
        return {"line": self.line, "role": self.role, "rule": self.rule, "history": self.history, "text": self.text,
                "model": self.model}


def heading_roles(articles: list[Article]) -> dict[str, str]:
    """What a heading's text is in the articles: their titles, decks, kickers (sections) and page labels."""
    roles: dict[str, str] = {}
    for article in articles:
        for value, role in ((article.page, "page_label"), (article.section, "kicker"), (article.deck, "deck"),
                            (article.title, "headline")):
            if value:
                roles[_key(str(value))] = role
    return roles


def _key(text: str) -> str:
    return " ".join(text.strip("#*_ ").casefold().split())


def role_of(block: Block, headings: dict[str, str]) -> str:
    """A block's line role, from its kind, what it was used as, and the article fields it filled."""
    if block.kind == DROP:
        reason = block.reason.casefold()
        return next((role for start, role in ROLE_OF_DROP if reason.startswith(start) or start in reason), "left_out")
    used_as = block.meta.get("used_as")
    if block.kind == JUMP:
        return JUMP_ROLE.get(block.meta.get("direction", ""), "jump_in")
    if block.kind == CREDIT:
        return CREDIT_ROLE.get(str(block.meta.get("field", "")), "credit")
    if block.kind in (BYLINE, URL, TIMESTAMP, CAPTION):
        return ROLE_OF_KIND[block.kind]
    if block.kind == HEADING or used_as in ("headline", "metadata"):
        return headings.get(_key(block.text)) or ("kicker" if used_as == "metadata" else "headline")
    return USED_AS_ROLE.get(used_as or "", ROLE_OF_KIND.get(block.kind, block.kind))


def explain_lines(tracer: Tracer, source_text: str) -> list[LineRole]:
    """Every non-blank source line with its role, the rule that decided it, and what each rule did to it."""
    state = tracer.state
    headings = heading_roles(state.articles)
    final = {id(b) for b in tracer._all_blocks()}
    by_line: dict[int, Block] = {}
    for block in tracer.blocks.values():  # the block first made for a line: its own history starts there
        if block.lines[0] == block.lines[1]:
            by_line.setdefault(block.lines[0], block)
    alive = LineIndex([b for b in tracer.blocks.values() if id(b) in final])
    result = []
    for number, raw in enumerate(source_text.split("\n"), start=1):
        if not raw.strip():
            continue
        origin = by_line.get(number)
        holder = origin if origin is not None and id(origin) in final else alive.at(number)
        own = list(tracer.history.get(id(origin), [])) if origin is not None else []
        held = tracer.history.get(id(holder), []) if holder is not None and holder is not origin else []
        role = role_of(holder, headings) if holder is not None else "left_out"
        # A line joined into another block: the join decided where it went; else its own last deciding change.
        deciding = next((e.rule for e in reversed(own) if e.what.startswith(DECIDING)), "") or next(
            (e.rule for e in reversed(held) if e.what.startswith(DECIDING)), "")
        events = own + held
        result.append(LineRole(number, role, deciding, [f"{e.rule}: {e.what}" for e in events], raw))
    return result


def printable(text: str, width: int = 70) -> str:
    """Source text for a terminal: control characters shown as escapes, long lines cut."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
                    for c in text.strip())
    return shown if len(shown) <= width else shown[:width - 1] + "…"


def format_explanation(name: str, choice_summary: str, evidence: list[dict], lines: list[LineRole],
                       verbose: bool = False) -> list[str]:
    out = [f"{printable(name, 200)}: {choice_summary}"]
    for ev in sorted(evidence, key=lambda e: -e["points"])[:12]:
        out.append(f"  evidence {ev['kind']:<12} +{ev['points']:.2f}  {ev['convention']} ({ev['value']:g})")
    for line in lines:
        history = "; ".join(line.history) if verbose else line.rule
        model = line.model.split(" ", 1)[0] if line.model else "-"
        out.append(f"{line.line:>6} {line.role:<14} {history:<28} model {model:<14} | {printable(line.text)}")
        if line.model and (verbose or model != line.role):
            out.append(f"{'':>6} model: {printable(line.model, 200)}")
    return out
