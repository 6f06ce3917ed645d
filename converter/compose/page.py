"""Pages: furniture (masthead, edition date, running head, page label, index box), stories, adverts,
noise, page markers and jumps between pages, laid out as lines with their roles."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from . import furniture as F
from .columns import misplace_column
from .conventions import PAGE_FIELDS, STORY_FIELDS, Conventions
from .marking import MARKINGS, BodyWriter
from .model import Line, Story, blank
from .noise import garble, speckle_lines
from .story import advert, build_story, split_for_jump


@dataclass
class Layout:
    """What a composed file holds: its lines, its stories, and what the gold needs about each."""

    conv: Conventions
    rng: random.Random
    store: object
    lines: list[Line] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    placed: dict = field(default_factory=dict)  # story index -> {"page": label, "date": iso}
    joins: dict = field(default_factory=dict)  # story index -> join texts made by line breaks
    forbidden: list[str] = field(default_factory=list)
    edition: date | None = None
    used: frozenset = frozenset()  # ids of the texts on this page (an index box never teases them)

    def gap(self, n: int = 1) -> None:
        if MARKINGS[self.conv.marking].around_blocks or self.conv.marking == "indent_wrap":
            self.lines.extend(blank() for _ in range(n))

    def add_block(self, lines: list[Line], forbid: bool = True) -> None:
        self.gap()
        self.lines.extend(lines)
        if forbid:
            self.forbidden += [ln.text for ln in lines if len(ln.text.strip()) >= 6]


def long_date(day: date, lang: str, caps: bool = True) -> str:
    weekday = F.WEEKDAYS[lang][day.weekday()]
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日 {weekday}"
    if lang == "de":
        return f"{weekday}, {day.day}. {F.MONTHS['de'][day.month - 1]} {day.year}"
    text = f"{weekday}, {F.MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    return text.upper() if caps else text


def page_top(layout: Layout, number: int, label: str | None) -> None:
    conv, rng, lang = layout.conv, layout.rng, layout.conv.lang
    if number == 1 and conv.masthead:
        paper = rng.choice(F.PAPERS[lang])
        volume = {"en": "Vol. XII, No. 88    Price 10 Cents", "zh": "第12345号  今日8版",
                  "de": "Nr. 88 — 12. Jahrgang — Preis 10 Pf."}[lang]
        layout.add_block([Line(garble(paper, rng), "masthead"), Line(garble(volume, rng), "masthead")])
    if number == 1 and conv.edition_date:
        place = rng.choice(F.PLACES[lang])
        layout.add_block([Line(f"{place}, {long_date(layout.edition, lang)}", "edition_date")])
    if (number > 1 or not conv.masthead) and conv.running_head:  # inside pages carry the running head
        text = {"en": f"{number + 4}  {long_date(layout.edition, lang)}", "zh": f"{long_date(layout.edition, lang)}  第{number + 4}版",
                "de": f"{number + 4}   {long_date(layout.edition, lang)}"}[lang]
        layout.add_block([Line(text, "running_head")])
    if label:
        layout.add_block([Line(label, "page_label")], forbid=False)
    if number == 1 and conv.index_box:
        others = [t["title"] for t in layout.store.by_lang(lang) if t["id"] not in layout.used][:40]
        teasers = [Line(F.INDEX_HEADS[lang], "index_box")]
        for title in rng.sample(others, 3):
            short = title[:8] if lang == "zh" else " ".join(title.split()[:4])
            teasers.append(Line(f"{short} / Page {rng.randint(2, 12)}", "index_box"))
        layout.add_block(teasers)
    if conv.speckle:
        layout.add_block(speckle_lines(rng))


def page_marker(layout: Layout, number: int) -> None:
    style = layout.conv.page_marker
    if style == "hash":
        lines = [f"## p. {number} (#{number + 8}) " + "#" * 48]
    elif style == "dashes":
        lines = [f"--- Page {number} ---"]
    elif style == "md_rule":  # pymupdf4llm, docling
        lines = ["-----"]
    elif style == "marker":  # marker's paginated output: `{1}------…`, numbered from 0
        lines = [f"{{{number - 1}}}" + "-" * 48]
    elif style == "form_feed":  # pdftotext: a form feed, no visible line (its role is blank)
        layout.lines += [blank(), Line("\f", "blank")]
        return
    else:
        lines = ["=" * 60, f"PAGE {number}", "=" * 60]
    layout.lines += [blank(), blank()]
    layout.lines += [Line(text, "page_marker") for text in lines]


def write_head(layout: Layout, head: list[Line]) -> None:
    if head:
        head[0].extra["starts_article"] = True
    for n, line in enumerate(head):
        if n:
            layout.gap()
        layout.lines.append(line)
    if head:
        layout.gap()


def write_pieces(layout: Layout, story: Story, pieces) -> None:
    conv = layout.conv
    writer = BodyWriter(MARKINGS[conv.marking], conv.lang, story.index, layout.rng, story.gold.pop("_hyph", False))
    lines, joins = writer.write(pieces)
    layout.lines.extend(lines)
    layout.joins.setdefault(story.index, []).extend(joins)
    for piece in pieces:
        layout.forbidden += piece.forbidden


def jump_lines(story: Story, lang: str, to_page: int, rng: random.Random) -> list[Line]:
    key = story.jump_key
    text = {"zh": f"（转第{to_page}版）", "de": f"(Fortsetzung auf Seite {to_page})"}.get(lang) or rng.choice(
        [f"See {key}, page {to_page}", f"Continued on page {to_page}", f"Please see {key}, A{to_page}"])
    return [Line(text, "jump_out", story.index)]


def jump_head(story: Story, lang: str, rng: random.Random) -> tuple[list[Line], dict]:
    """The lines that open a continuation, and the titles a converter may give it."""
    if lang == "zh":
        return [Line(story.title, "jump_head", story.index), Line("（上接第1版）", "jump_in", story.index)], {}
    if lang == "de":
        return [Line(story.title, "jump_head", story.index),
                Line("(Fortsetzung von Seite 1)", "jump_in", story.index)], {}
    style = rng.choice(("full", "slug", "slug_title"))
    if style == "full":
        return [Line(story.title, "jump_head", story.index), Line("From page 1", "jump_in", story.index)], {}
    if style == "slug":
        return [Line(story.jump_key, "jump_head", story.index),
                Line("Continued from page 1", "jump_in", story.index)], {"title": story.jump_key,
                                                                          "also_titles": [story.title]}
    printed = f"{story.jump_key}: {story.title}"
    return [Line(printed, "jump_head", story.index), Line("From page 1", "jump_in", story.index)], {
        "title": printed, "also_titles": [story.title]}


def new_story(layout: Layout, text: dict) -> Story:
    conv = layout.conv.drawn(layout.rng, STORY_FIELDS)
    story = build_story(text, len(layout.stories), conv, layout.rng, layout.store)
    story.gold["_hyph"] = bool(conv.hyphenate)
    layout.stories.append(story)
    return story


def place(layout: Layout, story: Story, label: str | None) -> None:
    where = {"page": label} if label else {}
    if layout.edition:
        where["date"] = layout.edition.isoformat()
    layout.placed[story.index] = where


def compose_layout(conv: Conventions, rng: random.Random, store, texts: list[dict]) -> Layout:
    conv = conv.drawn(rng, PAGE_FIELDS)
    layout = Layout(conv, rng, store, used=frozenset(t["id"] for t in texts))
    if conv.edition_date or conv.running_head:
        layout.edition = date(rng.randint(1950, 2024), rng.randint(1, 12), rng.randint(1, 28))
    if conv.layout == "single":
        story = new_story(layout, texts[0])
        place(layout, story, None)
        if conv.wire_frame:
            layout.add_block(wire_header(story, rng))
        write_head(layout, story.head)
        write_pieces(layout, story, story.pieces)
        if conv.wire_frame:
            layout.add_block(wire_trailer(story, rng))
    else:
        compose_pages(layout, texts)
        if conv.misplaced_column and layout.stories:
            misplace_column(layout.lines, layout.joins.setdefault(0, []), rng)
    return layout


def wire_header(story: Story, rng: random.Random) -> list[Line]:
    """A transmission's opening: start code, slug line (keyword, date, word count), a version flag."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines = [Line(f"ZCZC {rng.choice(('AP', 'RTR', 'AAP'))}{rng.randint(100, 999):04d}", "wire_header"),
             Line(f"BC-{story.jump_key.title()}-{rng.choice(('Report', 'Talks', 'Vote', 'Plan'))} "
                  f"{month:02d}-{day:02d} {rng.randint(300, 1200):04d}", "wire_header")]
    flag = rng.choice(("", "REFILE", "2ND LEAD", "URGENT"))
    return lines + ([Line(flag, "wire_header")] if flag else [])


def wire_trailer(story: Story, rng: random.Random) -> list[Line]:
    agency = story.gold.get("source_agency") or "AP"
    return [Line(f"=={agency}", "wire_header"),
            Line(f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d} GMT", "wire_header"), Line("NNNN", "wire_header")]


def compose_pages(layout: Layout, texts: list[dict]) -> None:
    conv, rng = layout.conv, layout.rng
    labels = rng.sample(F.PAGE_LABELS[conv.lang], 2) if conv.page_label else [None, None]
    two_pages = conv.layout == "pages"
    first = texts[: max(1, len(texts) - 1)] if two_pages else texts
    page_top(layout, 1, labels[0])
    jumped = None
    for n, text in enumerate(first):
        story = new_story(layout, text)
        place(layout, story, labels[0])
        if conv.layout == "jump_page" and n < max(1, len(first) - 1):
            split_for_jump(story, "continuations", rng)
            write_continuation(layout, story)
            continue
        wants_jump = conv.jump in ("out", "within") and n == len(first) - 1 and (conv.jump == "out" or two_pages)
        if wants_jump:
            split_for_jump(story, "out" if not two_pages else "within", rng)
        layout.gap(2 if n else 1)
        write_head(layout, story.head)
        write_pieces(layout, story, story.pieces)
        if story.jump != "none":
            layout.add_block(jump_lines(story, conv.lang, 2 if two_pages else 6, rng))
            jumped = story
        between(layout)
    if conv.advert_section:
        advert_section(layout)
    if two_pages:
        second_page(layout, texts[len(first):], labels[1], jumped)
    if conv.contents_box:
        contents_box(layout)


def contents_box(layout: Layout) -> None:
    """The issue's contents over the first story: the label with the first title on its line, then the
    other titles one a line, then other items of the issue; all furniture (forbidden in any body)."""
    lang, rng = layout.conv.lang, layout.rng
    titles = [line.text for story in layout.stories for line in story.head if line.role == "headline"]
    others = [t["title"] for t in layout.store.by_lang(lang) if t["id"] not in layout.used]
    items = [f"{rng.choice(F.CONTENTS_LABELS[lang])} {titles[0]}"] + titles[1:] + rng.sample(others, min(2, len(others)))
    at = next(i for i, line in enumerate(layout.lines) if line.extra.get("starts_article"))
    box = [Line(text, "index_box") for text in items]
    layout.lines[at:at] = box + [blank()]
    layout.forbidden += [text for text in items[1:] if text not in titles]


def advert_section(layout: Layout) -> None:
    """Paid notices gathered at the page's foot under the section's label (`Advertisements.`,
    `CLASSIFIED ADVERTISING`, `Anzeigen`): the label, then boxes whose first line is set large (a
    PDF→Markdown tool marks it as a heading). All of it is furniture no body may hold."""
    lang, rng = layout.conv.lang, layout.rng
    layout.gap(2)
    layout.add_block([Line(rng.choice(F.ADVERT_SECTION_LABELS[lang]), "advert", extra={"set_large": True})])
    for texts in rng.sample(F.ADVERT_BOXES[lang], 1) + rng.sample(F.ADVERTS[lang], 1):
        layout.add_block([Line(texts[0], "advert", extra={"set_large": True})] + [Line(t, "advert") for t in texts[1:]])


def between(layout: Layout) -> None:
    conv, rng = layout.conv, layout.rng
    if conv.adverts and rng.random() < 0.6:
        lines, bad = advert(conv.lang, rng)
        layout.add_block(lines, forbid=False)
        layout.forbidden += bad
    if conv.speckle and rng.random() < 0.5:
        layout.add_block(speckle_lines(rng))


def write_continuation(layout: Layout, story: Story) -> None:
    head, titles = jump_head(story, layout.conv.lang, layout.rng)
    story.gold.update(titles)
    story.gold.update(authors=[], section=None, continued_from="1")
    story.gold.pop("source_agency", None)
    story.pieces, story.rest = story.rest, []
    if story.pieces and story.pieces[0].resume:
        story.pieces[0].resume = False
        story.pieces[0].joins = []
        story.pieces[0].lead = {"continues_from_page": 1}
    layout.gap(2)
    write_head(layout, head)
    layout.forbidden += [ln.text for ln in head if ln.role == "jump_in"]
    write_pieces(layout, story, story.pieces)
    between(layout)


def second_page(layout: Layout, texts: list[dict], label: str | None, jumped: Story | None) -> None:
    page_marker(layout, 2)
    page_top(layout, 2, label)
    for n, text in enumerate(texts):
        story = new_story(layout, text)
        place(layout, story, label)
        layout.gap(2 if n else 1)
        write_head(layout, story.head)
        write_pieces(layout, story, story.pieces)
        between(layout)
    if jumped is not None:
        head, _ = jump_head(jumped, layout.conv.lang, layout.rng)
        layout.gap(2)
        write_head(layout, head)
        layout.forbidden += [ln.text for ln in head if ln.role == "jump_in"]
        write_pieces(layout, jumped, jumped.rest)
