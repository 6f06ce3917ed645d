"""Reader: news markup (NITF, NewsML, SGML collections, crawler XML/HTML).

The file is parsed with BeautifulSoup's html.parser (no network, no DTD, no
entity expansion beyond the HTML set; unclosed `<P>` and stray tags are fine).
The first family in `families.FAMILIES` whose story element occurs names the
stories; each story's headline, deck, date, byline, dateline, address and
section come from its elements and its paragraphs from the body element, with
figures (`<figure>`/`<figcaption>`, NITF `<media>`) as captions. Tags never
become text: the markup is reported as dropped, and so is every element's text
that no article took (a `<DOCNO>`, a `<head>` of scripts), naming the element.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from ..model import CAPTION, CROSSHEAD, PARA, Block, Dropped
from ..state import State
from ..urls import clean_url
from .common import Line, Story, block, dropped, metadata, paragraphs, publish
from .families import CRAWLED, FAMILIES, SGML, Family
from .markup_meta import feed_title, page_meta
from .markup_fields import CREDIT_LABEL, local, credit_split, label_left, markup_date, names_of
from .markup_records import (
    control_names, control_references, index_element, opening_line_starts_a_paragraph, read_sign_off, record_id_date,
    record_names, signs_off, starts_a_collection,
)
from ..rules.cues import agency_name
from .wire_codes import dateline_match

KIND = "news-markup"
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "blockquote", "table", "tr", "td", "section", "pre", "hr", "block",
              "dd", "dt", "dl", "body.content", "text", "content", "center", "header"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "hl2", "subhead"}
FIGURES = {"figure", "media"}
INVISIBLE = {"script", "style", "noscript", "template", "iframe", "svg", "head",
             "nav", "footer", "aside", "form", "button", "menu", "select"}  # not shown, or site furniture
ROOT_HINT = re.compile(
    r"<(?:\?xml|!doctype html|html|nitf|newsmessage|newsitem|newsml|doc|rss|feed|article|record|item)[\s>]",
    re.IGNORECASE)
MAX_SIZE = 20_000_000
TAG_TEXT = re.compile(r"</?(?:p|div|br|span|a|b|i|em|strong|img|figure|h[1-6]|ul|ol|li|blockquote)\b[^<>]*>",
                      re.IGNORECASE)
FIELD_MARKS = {"byline", "author", "dateline", "standfirst", "deck", "subtitle", "kicker", "section", "headline"}
CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
DATELINE_AGENCY = re.compile(r"\((?P<agency>[A-Za-z][\w .&/-]{1,24})\)$")  # the agency a dateline names last


def recognise(text: str) -> bool:
    """Markup through and through: the first thing in the file is a known root element or declaration."""
    head = text.lstrip("\ufeff \t\n")[:2000]
    if not head.startswith("<") or not (ROOT_HINT.match(head) or starts_a_collection(head)):
        return False
    lines = [ln.strip() for ln in text[:20000].split("\n") if ln.strip()]
    tagged = sum(1 for ln in lines if ln.startswith("<") or ln.endswith(">"))
    return tagged >= max(2, len(lines) // 4)


def _named(tag: Tag, names: tuple[str, ...]) -> bool:
    return tag.name.lower() in names or local(tag) in names


class Reading:
    """One file being read: the soup, the line of every text node, and what has been used."""

    def __init__(self, state: State, text: str):
        self.state = state
        with warnings.catch_warnings():  # XML read by the HTML parser on purpose: lenient, no entity expansion
            warnings.simplefilter("ignore")
            self.soup = BeautifulSoup(text, "html.parser")
        self.controls = control_references(self.soup)
        self.used: set[int] = set()  # ids of text nodes that went into an article or its metadata
        self.line_of: dict[int, tuple[int, int]] = {}
        self._tags: dict[int, list[Tag]] = {}
        line = 1
        for node in self.soup.descendants:
            if isinstance(node, Tag):
                line = node.sourceline or line
            else:
                end = line + node.count("\n")
                self.line_of[id(node)] = (line, end)
                line = end

    def tags_of(self, scope: Tag) -> list[Tag]:
        """The elements inside a story (found once: every field looks through them)."""
        if id(scope) not in self._tags:
            self._tags[id(scope)] = scope.find_all(True)
        return self._tags[id(scope)]

    def lines(self, node) -> tuple[int, int]:
        if isinstance(node, Tag):
            spans = [self.line_of[id(s)] for s in node.find_all(string=True) if id(s) in self.line_of]
            start = node.sourceline or (spans[0][0] if spans else 1)
            return start, max([start] + [b for _, b in spans])
        return self.line_of.get(id(node), (1, 1))

    def text(self, node: Tag, mark: bool = True) -> str:
        """An element's text, spaces collapsed; its text nodes are marked as used."""
        strings = [s for s in node.find_all(string=True) if _is_text(s)]
        if mark:
            self.used.update(id(s) for s in strings)
            self.used.add(id(node))
        return " ".join("".join(strings).split())


def _is_text(node) -> bool:
    return isinstance(node, NavigableString) and not isinstance(
        node, (Comment, ProcessingInstruction, Declaration, Doctype, CData))


def find_stories(soup: BeautifulSoup) -> tuple[Family | None, list[Tag]]:
    """The first family whose story element occurs; a collection's records (`<REUTERS>`, `<story>`: repeated
    elements holding a headline and a text) are read as SGML collection stories whatever their name, and a
    file of one such record that no family names is read as that one story."""
    for family in FAMILIES:
        stories = family.stories
        if family is SGML:
            stories += record_names(soup, 2, CRAWLED.stories)
        elif family is CRAWLED and not _stories_in(soup, stories):
            family, stories = SGML, record_names(soup, 1, ())
        innermost = _stories_in(soup, stories)
        if innermost:
            return family, innermost
    return None, []


def _stories_in(soup: BeautifulSoup, names: tuple[str, ...]) -> list[Tag]:
    found = [t for t in soup.find_all(True) if _named(t, names)]
    return [t for t in found if not any(_named(d, names) for d in t.find_all(True))]


def read_news_markup(state: State) -> None:
    state.blocks = []
    text = state.source.text
    if len(text) > MAX_SIZE:
        dropped(state, text, (1, text.count("\n") + 1), "markup file too large to parse")
        state.refused = f"news markup of {len(text):,} characters is more than the {MAX_SIZE:,} the reader parses"
        return
    reading = Reading(state, _expand_cdata(state, text))
    family, containers = find_stories(reading.soup)
    stories = [_read_story(reading, family, c, len(containers) == 1) for c in containers] if family else []
    if len(stories) == 1:
        page_meta(reading, stories[0])
    for story in stories:
        story.fields.pop("_head_title", None)
    if family:
        state.note("read_news_markup", f"{family.name}: {len(containers)} stories")
        feed_title(reading, containers)
    publish(state, [s for s in stories if s.title or s.body])
    _account_for_markup(reading)


def _expand_cdata(state: State, text: str) -> str:
    """`<![CDATA[<p>…</p>]]>` in feeds holds markup: it is read as markup, the wrapper reported."""
    for match in CDATA.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        dropped(state, "<![CDATA[ ]]>", (line, line), "CDATA wrapper (its content is read as markup)")
    return CDATA.sub(lambda m: m.group(1), text)


def _first(reading: Reading, container: Tag, names: tuple[str, ...], whole: bool) -> Tag | None:
    for scope in (container, reading.soup) if whole else (container,):
        tags = reading.tags_of(scope)
        for name in names:
            found = next((t for t in tags if (_named(t, (name,)) or _marked(t, name))
                          and id(t) not in reading.used), None)
            if found is not None and (found.get_text(strip=True) or _date_attribute(found) or _link_url(found)):
                return found
    return None


def _marked(tag: Tag, name: str) -> bool:
    """An HTML element marked as the field by its class or rel (`<p class="byline">`, `<a rel="author">`)."""
    if name not in FIELD_MARKS or not tag.attrs:
        return False
    marks = [*(tag.get("class") or []), *(tag.get("rel") or []), tag.get("itemprop") or ""]
    return any(m.lower() == name for m in marks)


def _link_url(tag: Tag) -> bool:
    after = tag.next_sibling
    return local(tag) == "link" and (bool(tag.get("href")) or isinstance(after, NavigableString)
                                     and bool(re.match(r"\s*https?://", after)))


def _date_attribute(tag: Tag) -> str | None:
    for name in ("norm", "datetime", "value", "content"):
        if tag.get(name):
            return str(tag.get(name))
    return None


def _read_story(reading: Reading, family: Family, container: Tag, only: bool) -> Story:
    story = Story(lines=reading.lines(container))
    title = _first(reading, container, family.title, only)
    if title is not None and title.parent is not None and local(title.parent) == "head":
        # a page's <title> carries the site's name: the page's own <h1> (or og:title, later) is the headline
        heading = next((t for t in reading.tags_of(container) if t.name == "h1" and t.get_text(strip=True)), None)
        story.fields["_head_title"] = heading is None
        title = heading or title
    if title is not None:
        story.title = reading.text(title)
        story.title_blocks.append(Block(PARA, story.title, reading.lines(title)))
    _read_fields(reading, family, container, story, only)
    if "date" not in story.fields and (day := record_id_date(container)):
        story.fields["date"] = day
    body = next((t for name in family.body for t in container.find_all(True) if _named(t, (name,))), container)
    story.body = _paragraphs(reading, body)
    read_sign_off(reading.state, story)
    if story.body and not story.fields.get("dateline"):
        _read_dateline(story, story.body[0])
    return story


def _read_fields(reading: Reading, family: Family, container: Tag, story: Story, only: bool) -> None:
    readers = ((family.deck, "deck", _plain), (family.date, "date", _date), (family.byline, "authors", _names),
               (family.dateline, "dateline", _plain), (family.url, "url", _url), (family.section, "section", _plain),
               (family.agency, "source_agency", _plain))
    for names, name, read in readers:
        found = _first(reading, container, names, only and name == "date")
        if found is None:
            continue
        value = read(reading, found)
        if name == "dateline" and value:
            value = value.rstrip(" -–—:")  # `SALVADOR, Feb 26 - `: the dash that led into the text
            if agency := DATELINE_AGENCY.search(value):  # `SKERRY ISLE, March 4 (HBN)`, as Gigaword datelines
                story.fields.setdefault("source_agency", agency_name(agency["agency"]) or agency["agency"])
        if value:
            story.fields[name] = value
            metadata(reading.state, story, reading.text(found, mark=False) or str(value), reading.lines(found))
            reading.used.update(id(s) for s in found.find_all(string=True))
            reading.used.add(id(found))


def _plain(reading: Reading, tag: Tag) -> str:
    return reading.text(tag, mark=False)


def _date(reading: Reading, tag: Tag) -> str | None:
    return markup_date(_date_attribute(tag) or "") or markup_date(reading.text(tag, mark=False))


def _names(reading: Reading, tag: Tag) -> list[str]:
    people = [t for t in tag.find_all(True) if local(t) in ("person", "name")]
    if people:
        return [reading.text(p, mark=False) for p in people]
    return names_of(reading.text(tag, mark=False))


def _url(reading: Reading, tag: Tag) -> str | None:
    value = (tag.get("href") or reading.text(tag, mark=False) or "").strip()
    if not value and local(tag) == "link" and isinstance(tag.next_sibling, NavigableString):
        value = tag.next_sibling.strip()  # RSS <link>url</link>: the HTML parser ends <link> at once
        if re.match(r"https?://\S+$", value):
            reading.used.add(id(tag.next_sibling))
    if not re.match(r"https?://\S+$", value):
        return None
    cleaned, removed = clean_url(value)
    if removed:
        reading.state.dropped.append(Dropped(reading.state.source.name, reading.lines(tag), "&".join(removed),
                                             "tracking parameters removed from the address"))
    return cleaned


def _paragraphs(reading: Reading, body: Tag) -> list[Block]:
    """Paragraphs from the body: block elements end one; raw text with line breaks is read by its marking.
    A body that holds escaped markup (an RSS `<description>` of `&lt;p&gt;…`) is read as the markup it holds."""
    escaped = _escaped_markup(reading, body)
    if escaped is not None:
        return escaped
    found: list[Block] = []
    buffer: list[NavigableString] = []

    def flush(explicit: bool) -> None:
        strings = [s for s in buffer if s.strip()]
        buffer.clear()
        if not strings:
            return
        reading.used.update(id(s) for s in strings)
        if explicit or not any("\n" in s.strip() for s in strings):
            text = " ".join("".join(strings).split())
            first, last = reading.lines(strings[0])[0], reading.lines(strings[-1])[1]
            found.append(block(PARA, text, first, last))
            return
        lines = [Line(reading.lines(s)[0] + i, raw) for s in strings for i, raw in enumerate(s.split("\n"))]
        opening_line_starts_a_paragraph(lines)
        tail: list[Line] = []
        while lines and (lines[-1].blank or signs_off(lines[-1].text)):
            line = lines.pop()
            tail[:0] = [] if line.blank else [line]
        found.extend(paragraphs(lines))
        found.extend(block(PARA, line.text, line.number) for line in tail)

    def walk(node: Tag, explicit: bool) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                name = local(child)
                if id(child) in reading.used or name in INVISIBLE:
                    continue
                if name in FIGURES:
                    flush(explicit)
                    found.extend(_figure(reading, child))
                elif name in HEADINGS:
                    flush(explicit)
                    text = reading.text(child)
                    if text:
                        found.append(Block(CROSSHEAD, text, reading.lines(child)))
                elif name in BLOCK_TAGS:
                    flush(explicit)
                    walk(child, explicit or name not in ("text", "content", "body.content", "div", "section"))
                    flush(explicit or name not in ("text", "content", "body.content", "div", "section"))
                else:
                    walk(child, explicit)
            elif _is_text(child) and id(child) not in reading.used:
                buffer.append(child)
        return None

    walk(body, False)
    flush(False)
    return found


def _escaped_markup(reading: Reading, body: Tag) -> list[Block] | None:
    strings = [s for s in body.find_all(string=True) if _is_text(s) and s.strip()]
    if body.find(True) is not None or not strings or not TAG_TEXT.search(strings[0]):
        return None
    inner = Reading(reading.state, "".join(strings))
    lines = reading.lines(strings[0])
    found = _paragraphs(inner, inner.soup)
    for paragraph in found:
        paragraph.lines = lines
    reading.used.update(id(s) for s in strings)
    markup = [f"<{t.name}> </{t.name}>" for t in inner.soup.find_all(True)]
    left = [" ".join(s.split()) for s in inner.soup.find_all(string=True) if id(s) not in inner.used and s.strip()]
    if markup or left:
        reading.state.dropped.append(Dropped(reading.state.source.name, lines, " ".join(markup + left),
                                             "escaped markup inside a field (its text is read)"))
    return found


def _figure(reading: Reading, figure: Tag) -> list[Block]:
    caption = next((t for t in figure.find_all(True) if local(t) in ("figcaption", "media-caption", "caption")), None)
    credit = next((t for t in figure.find_all(True) if local(t) in ("media-producer", "cite", "small")
                   or "credit" in " ".join(t.get("class") or [])), None)
    if caption is None:
        return []
    credit_text = reading.text(credit) if credit is not None else ""
    full = text = reading.text(caption)
    if credit_text:
        full = f"{text} {credit_text}"
        credit_text = CREDIT_LABEL.sub("", credit_text)
    else:
        text, credit_text = credit_split(text)
    lines = reading.lines(figure)
    if label := label_left(full, text, credit_text):
        reading.state.dropped.append(Dropped(reading.state.source.name, lines, label,
                                             "caption label (caption and credit are kept as a figure)"))
    return [Block(CAPTION, full, lines, meta={"caption": text, "credit": credit_text})]


def _read_dateline(story: Story, first: Block) -> None:
    match = dateline_match(first.text)
    if match and len(first.text) > match.end() + 20:
        story.fields["dateline"] = match["dateline"].strip()
        if agency := (match["agency"] or match["agency2"]):
            story.fields.setdefault("source_agency", agency.strip())
        first.text = first.text[match.end():]


def _account_for_markup(reading: Reading) -> None:
    """Tags, comments and declarations leave the text; unread element text is dropped, naming the element."""
    state = reading.state
    for node, offset, removed in reading.controls:
        line = reading.lines(node)[0] + offset
        dropped(state, control_names(removed), (line, line),
                "control characters (transmission framing, written as character references): not text")
    tags: dict[int, list[str]] = {}
    for node in reading.soup.descendants:
        if isinstance(node, Tag):
            attrs = " ".join(f'{k}="{" ".join(v) if isinstance(v, list) else v}"' for k, v in node.attrs.items())
            tags.setdefault(node.sourceline or 1, []).append(f"<{node.name}{' ' + attrs if attrs else ''}> </{node.name}>")
        elif not _is_text(node):
            if node.strip():
                name = type(node).__name__.lower()
                dropped(state, f"{name} {node.strip()}", reading.lines(node), f"markup {name} (not text)")
        elif node.strip() and id(node) not in reading.used and (index := index_element(node)):
            dropped(state, " ".join(node.split()), reading.lines(node),
                    f"text of a <{index}> element: the collection's index codes for the record, not story text")
        elif node.strip() and id(node) not in reading.used:
            parent = node.parent.name if node.parent is not None and node.parent.name != "[document]" else "document"
            dropped(state, " ".join(node.split()), reading.lines(node),
                    f"text of a <{parent}> element that is no part of a story")
    for line, found in sorted(tags.items()):
        dropped(state, " ".join(found), (line, line), "news markup tags (the structure is read, tags are not text)")
