"""Collections of news records, whatever the record element is called, and their character references.

Research collections and wire archives store one story per record element and
name the element after the collection: TREC and LDC Gigaword `<DOC>`,
Reuters-21578 `<REUTERS>`, `<ARTICLE>`, `<story>`. What makes an element a
record is what it holds, not its name: a headline element (`<HEADLINE>`,
`<HL>`, `<TITLE>`) and a text element (`<TEXT>`, `<BODY>`), repeated element
after element. SGML of the 1980s and 1990s also carries the wire's control
characters as character references (`&#2;` start of text, `&#3;` end of text,
`&#5;`, `&#22;`, `&#31;` of the transmission): they are framing, never text,
and leave the text with a report line.
"""

from __future__ import annotations

import re
from bs4 import BeautifulSoup, NavigableString, Tag

from ..model import PARA
from ..rules.cues import agency_name
from ..state import State
from .common import Line, Story, dropped
from .markup_fields import local
from .wire_codes import DESK_SIGNATURE, END_MARK

# The headline and text elements of research collections (TREC, Gigaword, Reuters-21578, NewsML 1 text).
RECORD_TITLES = ("headline", "hl", "hl1", "title", "hd")
RECORD_TEXTS = ("text", "body", "leadpara")
# Elements that hold a headline and a text but are a page, a wrapper or a part, never a story record.
NOT_RECORDS = {"html", "head", "body", "text", "channel", "feed", "rss", "collection", "document", "corpus"}
# Index elements of research collections: the record's codes (Reuters-21578 TOPICS … COMPANIES, its UNKNOWN
# transmission block; TREC DOCNO/DOCID/FILEID; Gigaword's id attribute is already an attribute). Never story text.
INDEX_ELEMENTS = {"topics", "places", "people", "orgs", "exchanges", "companies", "unknown", "docno", "docid",
                  "fileid", "first", "second", "mfile", "keywords", "descriptors", "codes", "categories"}
# A file that is markup whatever its root is called: an XML declaration or any document type declaration.
DECLARATION = re.compile(r"<(?:\?xml\b|!doctype\s+[\w:.-]+)", re.IGNORECASE)
FIRST_ELEMENT = re.compile(r"<(?P<name>[A-Za-z][\w:.-]{0,40})(?:\s[^<>]*)?>")
TITLE_ELEMENT = re.compile(rf"<(?:{'|'.join(RECORD_TITLES)})[\s>]", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")  # C0/C1 controls but tab, LF, CR
TEXT_ELEMENT = re.compile(rf"<(?:{'|'.join(RECORD_TEXTS)})[\s>]", re.IGNORECASE)


def starts_a_collection(head: str) -> bool:
    """The file opens with a declaration, or with a record element that closes and holds a headline and a text
    (a slice of a collection cut between records has no declaration and no wrapper)."""
    if DECLARATION.match(head):
        return True
    first = FIRST_ELEMENT.match(head)
    if first is None or first["name"].lower() in NOT_RECORDS:
        return False
    end = re.search(rf"</{re.escape(first['name'])}\s*>", head, re.IGNORECASE)
    record = head[:end.start()] if end else ""
    return bool(TITLE_ELEMENT.search(record) and TEXT_ELEMENT.search(record))


def _is_record(tag: Tag) -> bool:
    names = {local(t) for t in tag.find_all(True)}
    return local(tag) not in NOT_RECORDS and bool(names & set(RECORD_TITLES)) and bool(names & set(RECORD_TEXTS))


def record_names(soup: BeautifulSoup, least: int, taken_elsewhere: tuple[str, ...]) -> tuple[str, ...]:
    """The element names that are records: at least `least` of them, none inside another of its name,
    each with a headline and a text element. Names another family reads as stories are left to it.
    Only elements that hold a headline element are candidates (a page's many `<div>`s are never looked at)."""
    holders: dict[str, dict[int, Tag]] = {}
    for title in soup.find_all(lambda t: local(t) in RECORD_TITLES):
        for parent in title.parents:
            if isinstance(parent, Tag) and parent.name != "[document]":
                name = local(parent)
                if name not in taken_elsewhere and name not in RECORD_TITLES and name not in RECORD_TEXTS:
                    holders.setdefault(name, {})[id(parent)] = parent
    found = []
    for name, tags in holders.items():
        outer = [t for t in tags.values() if not any(isinstance(p, Tag) and local(p) == name for p in t.parents)]
        if len(outer) >= least and all(_is_record(t) for t in outer):
            found.append(name)
    return tuple(found)


def control_references(soup: BeautifulSoup) -> list[tuple[NavigableString, int, str]]:
    """Text nodes holding control characters (decoded from `&#2;`, `&#3;` … or raw): each is replaced by its
    text without them; (new node, line within it, what was removed) is returned for each run, for the report."""
    found = []
    for node in list(soup.find_all(string=CONTROL)):
        if type(node) is not NavigableString:  # comments and declarations are reported whole
            continue
        runs = [(node.count("\n", 0, m.start()), m.group()) for m in CONTROL.finditer(node)]
        clean = NavigableString(CONTROL.sub(" ", node))
        node.replace_with(clean)
        found.extend((clean, offset, removed) for offset, removed in runs)
    return found


# LDC corpora name a record by source, language, date and number: `AFP_ENG_19940512.0001` (Gigaword id, DOCNO).
RECORD_ID_DATE = re.compile(r"_(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)\.\d+$")


def record_id_date(record: Tag) -> str | None:
    """The day an LDC record's id (attribute or `<DOCNO>`) names, for a record with no date element."""
    docno = next((t for t in record.find_all(True) if local(t) in ("docno", "docid")), None)
    for value in (record.get("id"), record.get("docid"), docno.get_text(strip=True) if docno else None):
        if isinstance(value, str) and (match := RECORD_ID_DATE.search(value.strip())):
            return f"{match['y']}-{match['m']}-{match['d']}"
    return None


def index_element(node) -> str | None:
    """The collection index element (`<TOPICS>`, `<DOCNO>`) a text node stands in, if any."""
    return next((local(p) for p in node.parents if isinstance(p, Tag) and local(p) in INDEX_ELEMENTS), None)


def control_names(removed: str) -> str:
    """`\\x02\\x03` → `&#2; &#3;`: the characters as the source wrote their references, for the report."""
    return " ".join(f"&#{ord(c)};" for c in removed)


def opening_line_starts_a_paragraph(lines: list[Line]) -> None:
    """Text right after an element's opening tag (`<BODY>Texas Commerce…`) opens its first paragraph, though
    the tag hid its indent: in an indented text it counts as indented."""
    first = next((k for k, line in enumerate(lines) if not line.blank), None)
    if first is not None and not lines[first].raw[:1].isspace() and any(ln.indented for ln in lines[first + 1:]):
        lines[first] = Line(lines[first].number, "    " + lines[first].raw)


def signs_off(text: str) -> bool:
    """A wire's line after the story: the agency's name alone (`Reuter`, `AP`), a desk signature, an end mark."""
    return bool(agency_name(text) or DESK_SIGNATURE.match(text) or END_MARK.match(text))


def read_sign_off(state: State, story: Story) -> None:
    """Sign-off lines closing a story's text leave it: the agency named alone is its source agency."""
    while story.body and story.body[-1].kind == PARA and signs_off(story.body[-1].text):
        last = story.body.pop()
        if agency := agency_name(last.text):
            story.fields.setdefault("source_agency", agency)
            dropped(state, last.text, last.lines,
                    "wire sign-off: the agency that sent the story (its name is kept as source_agency)")
        else:
            dropped(state, last.text, last.lines, "wire sign-off or end mark after the story")
