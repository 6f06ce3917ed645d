"""One article under the story conventions: headline group, byline, dateline, captions, cuts, jumps.

Everything the gold says about the story is decided here, while it is built.
"""

from __future__ import annotations

import random
import re

from . import furniture as F
from .conventions import Conventions, count
from .model import Line, Piece, Story
from .noise import confuse


def headline_group(title: str, conv: Conventions, idx: int, rng: random.Random) -> tuple[list[Line], dict]:
    printed = title.upper() if conv.caps and conv.lang != "zh" else title
    lines = [Line(printed, "headline", idx)]
    short = rng.choice(F.SHORT_HEADS[conv.lang][idx % 8::8]) if conv.short_heads and conv.lang in F.SHORT_HEADS else ""
    if short and len(title.split()) >= len(short.split()) + 3:  # (no draw unless the mix asks: other mixes' pages stay)
        printed = short  # a short head over a longer deck: the story's title is set as the deck
        lines = [Line(printed, "headline", idx), Line(title, "deck", idx)]
    section = None
    if conv.kicker != "none":
        section = rng.choice(F.KICKERS[conv.lang])
        kicker = Line(section, "kicker", idx)
        lines = [kicker] + lines if conv.kicker == "above" else lines + [kicker]
    for deck in rng.sample(F.DECKS[conv.lang], min(conv.decks, len(F.DECKS[conv.lang]))):
        lines.append(Line(deck, "deck", idx))
    if conv.stack and conv.lang in F.STACK_DECKS and len(title.split()) >= 4:
        printed, lines = stacked_group(title, conv, idx, rng)
    return lines, {"title": printed, "section": section}


def stacked_group(title: str, conv: Conventions, idx: int, rng: random.Random) -> tuple[str, list[Line]]:
    """The headline in capitals wrapped over two lines (the gold title is the whole of it), and one or two
    decks, each a short sentence, with a rule over each (some papers print none)."""
    words = title.upper().split()
    cut = len(words) // 2
    lines = [Line(" ".join(words[:cut]), "headline", idx), Line(" ".join(words[cut:]), "headline", idx)]
    rule = rng.choice(F.STACK_RULES + [""])
    for deck in rng.sample(F.STACK_DECKS[conv.lang], rng.randint(1, 2)):
        lines += ([Line(rule, "noise")] if rule else []) + [Line(deck, "deck", idx)]
    return " ".join(words), lines


def byline(conv: Conventions, idx: int, rng: random.Random) -> tuple[list[Line], list[str]]:
    style, lang = conv.byline, conv.lang
    people = rng.sample(F.PEOPLE[lang], 3)
    roles = F.ROLES.get(lang, ["Staff Writer"])
    if conv.dateline not in ("none", "ap"):  # a Reuters or dpa dateline is not filed by an AP staffer
        roles = [r for r in roles if r != "Associated Press"]
    role = rng.choice(roles)
    if style == "by_role_next":
        return [Line(f"By {people[0]}", "byline", idx), Line(role, "byline_role", idx)], people[:1]
    if style == "by_role_same":
        return [Line(f"By {people[0]}, {role}", "byline", idx)], people[:1]
    if style == "caps":
        return [Line(f"By {people[0].upper()}", "byline", idx), Line(role.upper(), "byline_role", idx)], people[:1]
    if style == "several":
        n = rng.randint(2, 3)
        names = people[:n]
        text = " and ".join(names) if n == 2 else f"{names[0]}, {names[1]} and {names[2]}"
        return [Line(f"By {text}", "byline", idx)], names
    if style == "zh_reporter":
        names = people[: rng.randint(1, 2)]
        return [Line("本报记者 " + " ".join(names), "byline", idx)], names
    if style in ("name_role_next", "name_role_same"):
        role = rng.choice(F.ROLE_LINES.get(lang, F.ROLE_LINES["en"]))
        if style == "name_role_same":
            return [Line(f"{people[0].upper()} {role}", "byline", idx)], people[:1]
        return [Line(people[0].upper(), "byline", idx), Line(role, "byline_role", idx)], people[:1]
    if style == "de_von":
        return [Line(f"Von {people[0]}", "byline", idx)], people[:1]
    return [], []


def dateline(conv: Conventions, rng: random.Random) -> tuple[str, dict, list[str]]:
    """The printed prefix of the first paragraph, its gold fields, and authors it names."""
    style = conv.dateline
    city = rng.choice(F.CITIES[conv.lang])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if style == "ap":
        return f"{city} (AP) — ", {"source_agency": "AP", "dateline": f"{city} (AP)"}, []
    if style == "reuters":
        name = f"{city.title()}, {F.MONTHS['en'][month - 1]} {day}"
        return f"{name} (Reuters) - ", {"source_agency": "Reuters", "dateline": f"{name} (Reuters)"}, []
    if style == "dpa":
        return f"{city} (dpa) – ", {"source_agency": "dpa", "dateline": f"{city} (dpa)"}, []
    if style == "xinhua":
        names = rng.sample(F.PEOPLE["zh"], rng.randint(1, 2))
        head = f"新华社{city}{month}月{day}日电"
        return f"{head}（记者 {' '.join(names)}）", {"source_agency": "新华社", "dateline": head}, names
    return "", {}, []


def figure(conv: Conventions, idx: int, rng: random.Random, store) -> tuple[list[Line], dict]:
    style, person = conv.caption, rng.choice(F.CREDITS["photographers"])
    if style in ("zh", "zh_numbered", "de"):
        caption = rng.choice(F.CAPTIONS[style[:2]])
    else:
        fig = rng.choice(store.figures)
        caption, credit = fig["caption"], fig["credit"].replace(" PHOTO", "").strip()
    cap = lambda text: Line(text, "caption", idx)  # noqa: E731
    cred = lambda text: Line(text, "credit", idx)  # noqa: E731
    if style == "glued":
        return [cap(f"{caption} (PHOTO: {credit})")], {"caption": caption, "credit": credit}
    if style == "photo_colon":
        return [cap(f"{caption} Photo: {credit}")], {"caption": caption, "credit": credit}
    if style == "caption_credit":
        return [cap(caption), cred(f"STAFF PHOTO/{person.upper()}")], {"caption": caption, "credit": person.upper()}
    if style == "credit_caption":
        return [cred(f"Photo by {person}"), cap(caption)], {"caption": caption, "credit": person}
    if style == "slash":
        return [cap(f"{caption} / Staff photo by {person}")], {"caption": caption, "credit": person}
    if style == "name_paper":
        paper = rng.choice(F.PAPERS["en"]).title()
        return [cap(f"{caption} {person.upper()}/{paper}")], {"caption": caption, "credit": person.upper()}
    if style == "zh_numbered":
        name = rng.choice(F.PEOPLE["zh"])
        credit = rng.choice((f"{name} 摄", f"{name}供图"))
        return [cap(f"图{rng.choice('①②③')}：{caption}"), cred(credit)], {"caption": caption, "credit": name}
    if style == "zh":
        name = rng.choice(F.PEOPLE["zh"])
        if rng.random() < 0.5:
            return [cap(caption), cred(f"新华社记者 {name} 摄")], {"caption": caption, "credit": name}
        return [cap(f"{caption}（{name} 摄）")], {"caption": caption, "credit": name}
    name = rng.choice(F.PEOPLE["de"])
    return [cap(caption), cred(f"Foto: {name}")], {"caption": caption, "credit": name}


def advert(lang: str, rng: random.Random) -> tuple[list[Line], list[str]]:
    texts = rng.choice(F.ADVERTS[lang])
    return [Line(t, "advert") for t in texts], [t for t in texts if len(t) >= 12]


def signoff(conv: Conventions, idx: int, rng: random.Random) -> Piece | None:
    """Closing lines after the text: contributors, a wire credit, an end mark and editor line."""
    style = conv.signoff
    if style == "additional":
        names = rng.sample(F.PEOPLE["en"], rng.randint(1, 2))
        line = Line("Additional reporting by " + " and ".join(names), "signoff", idx)
        return Piece("block", lines=[line], meta={"contributors": names}, forbidden=[line.text])
    if style == "source":
        agency = rng.choice(("Xinhua", "AP", "Reuters"))
        line = Line(f"Source: {agency}", "source_credit", idx)
        return Piece("block", lines=[line], meta={"source_agency": agency}, forbidden=[line.text])
    if style == "zh_contrib":
        names = rng.sample(F.PEOPLE["zh"], rng.randint(1, 2))
        line = Line(f"（{'、'.join(names)}参与采写）", "signoff", idx)
        return Piece("block", lines=[line], meta={"contributors": names}, forbidden=[line.text])
    if style == "zh_end":
        editor = rng.choice(F.PEOPLE["zh"])
        lines = [Line("（完）", "signoff", idx), Line(rng.choice((f"【编辑：{editor}】", f"（责任编辑：{editor}）")),
                                                       "signoff", idx)]
        return Piece("block", lines=lines, forbidden=[lines[1].text])
    return None


def cut_point(paragraph: str, lang: str, rng: random.Random) -> int | None:
    """Where a block may cut this paragraph: a token index well inside it (None: too short)."""
    n = len(paragraph) if lang == "zh" else len(paragraph.split())
    least = 24 if lang == "zh" else 10
    if n < least:
        return None
    at = rng.randint(n // 3, 2 * n // 3)
    while lang == "zh" and at < n - 1 and not (is_cjk(paragraph[at - 1]) and is_cjk(paragraph[at])
                                                and paragraph[at - 1] not in "。！？"):
        at += 1  # a Chinese cut never falls inside a run of Latin letters and spaces, nor after a sentence
    words = paragraph.split()
    while lang != "zh" and at < n - 1 and words[at - 1].rstrip("”’\"')").endswith((".", "!", "?")):
        at += 1  # a cut after a full sentence reads as a paragraph end: no reader could tell it was a cut
    return at if at < n - 1 else None


def is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def split_text(paragraph: str, at: int, lang: str) -> tuple[str, str, str]:
    """The two halves of a cut paragraph and the gold join text that spans the cut."""
    if lang == "zh":
        return paragraph[:at], paragraph[at:], paragraph[max(0, at - 6): at + 6]
    words = paragraph.split()
    return " ".join(words[:at]), " ".join(words[at:]), " ".join(words[max(0, at - 3): at + 3])


def keyword(title: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", title) if len(w) >= 4]
    return (max(words, key=len) if words else title.split()[0]).upper()


def build_story(text: dict, idx: int, conv: Conventions, rng: random.Random, store) -> Story:
    lang = conv.lang
    paras = text["paragraphs"][: count(conv.paragraphs, rng)]
    if conv.ocr:
        paras = [confuse(p, rng) for p in paras]
    head, gold = headline_group(text["title"], conv, idx, rng)
    by_lines, authors = byline(conv, idx, rng)
    prefix, wire, named = dateline(conv, rng)
    gold.update(authors=authors or named, **wire)
    story = Story(idx, lang, text["id"], head + by_lines, [], gold, jump_key=keyword(text["title"]),
                  title=gold["title"])
    story.pieces = body_pieces(paras, story, conv, rng, store, prefix)
    closing = signoff(conv, idx, rng)
    if closing is not None:
        story.pieces.append(closing)
    return story


def body_pieces(paras: list[str], story: Story, conv: Conventions, rng, store, prefix: str) -> list[Piece]:
    lang = story.lang
    blocks: dict[int, Piece] = {}
    if conv.caption != "none" and len(paras) > 1:
        lines, fig = figure(conv, story.index, rng, store)
        blocks[rng.randrange(len(paras) - 1)] = Piece("block", lines=lines, figure=fig)
    if conv.advert_cut and len(paras) > 2:
        lines, bad = advert(lang, rng)
        blocks.setdefault(len(paras) - 2, Piece("block", lines=lines, forbidden=bad))
    heads = {}
    if conv.crossheads and len(paras) >= 4:
        for at in sorted(rng.sample(range(2, len(paras)), min(2, len(paras) - 2))):
            heads[at] = F.CROSSHEADS[lang][(at + story.index) % len(F.CROSSHEADS[lang])]
    pieces = []
    for i, para in enumerate(paras):
        if i in heads:
            pieces.append(Piece("crosshead", heads[i]))
        lead = {"dateline": prefix.strip()} if i == 0 and prefix else {}
        first = Piece("text", para, lead=lead, prefix=prefix if i == 0 else "")
        at = cut_point(para, lang, rng) if i in blocks else None
        if at is None:
            pieces += [first] + ([blocks[i]] if i in blocks else [])
            continue
        first.text, second, join = split_text(para, at, lang)
        pieces += [first, blocks[i], Piece("text", second, resume=True, joins=[join])]
    if conv.column_cut:
        pieces = column_cut(pieces, lang, rng)
    return pieces


def column_cut(pieces: list[Piece], lang: str, rng: random.Random) -> list[Piece]:
    """A column end inside one long paragraph: PDF→Markdown tools print the halves as two paragraphs.

    The cut falls between two words (after a letter, not a punctuation mark: a column ends
    wherever the line does) or, in a long word, at a hyphen (`fel-` / `low`); in Chinese
    between two ideographs. The gold paragraph is the whole one; the join text spans the cut.
    """
    whole = [i for i, p in enumerate(pieces) if p.kind == "text" and not p.resume and not p.prefix
             and (i + 1 == len(pieces) or not pieces[i + 1].resume)]
    least = 60 if lang == "zh" else 24
    whole = [i for i in whole if (len(pieces[i].text) if lang == "zh" else len(pieces[i].text.split())) >= least]
    if not whole:
        return pieces
    i = rng.choice(whole)
    piece = pieces[i]
    halves = column_halves(piece.text, lang, rng)
    if halves is None:
        return pieces
    first, second, join = halves
    cut = [Piece("text", first, lead=piece.lead), Piece("text", second, resume=True, column=True, joins=[join])]
    return pieces[:i] + cut + pieces[i + 1:]


def column_halves(text: str, lang: str, rng: random.Random) -> tuple[str, str, str] | None:
    if lang == "zh":
        spots = [k for k in range(len(text) // 3, 2 * len(text) // 3) if is_ideograph(text[k - 1]) and is_ideograph(text[k])]
        return split_text(text, rng.choice(spots), lang) if spots else None
    words = text.split()
    spots = [k for k in range(8, len(words) - 8) if words[k - 1][-1:].isalpha()]
    if not spots:
        return None
    at = rng.choice(spots)
    first, second, join = split_text(text, at, lang)
    word = words[at]
    if len(word) >= 8 and word.isalpha() and word.islower() and rng.random() < 0.3:
        k = rng.randint(3, len(word) - 3)
        first, second = f"{first} {word[:k]}-", f"{word[k:]} {' '.join(words[at + 1:])}".strip()
    return first, second, join


def is_ideograph(ch: str) -> bool:
    return "一" <= ch <= "鿿"


def split_for_jump(story: Story, mode: str, rng: random.Random) -> None:
    """Cut the story for a jump: what follows the cut is printed on another page (or not at all)."""
    starts = [i for i, p in enumerate(story.pieces) if p.kind == "text" and not p.resume][1:]
    if not starts:
        return
    i = rng.choice(starts[: max(1, len(starts) - 1)])
    piece = story.pieces[i]
    at = cut_point(piece.text, story.lang, rng)
    story.jump = mode
    if at is None:
        story.rest, story.pieces = story.pieces[i:], story.pieces[:i]
        return
    first, second, join = split_text(piece.text, at, story.lang)
    story.rest = [Piece("text", second, resume=True, joins=[join])] + story.pieces[i + 1:]
    story.pieces = story.pieces[:i] + [Piece("text", first, lead=piece.lead, prefix=piece.prefix)]
