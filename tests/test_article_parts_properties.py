"""Property tests: article parts composed by construction are always read back as written.

Each example builds a small story from invented names, places, agencies and captions in the
conventions the rules claim to handle, and checks the front matter and body the converter
gives against what was composed.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.model import Source
from converter.pipeline import convert_source
from converter.render import front_matter, render_body
from converter.rules.cues import AGENCIES

GIVEN = ["Mary", "John", "Ann", "Wei", "Hans", "Marie", "Juan", "Olu", "Sara", "Ken"]
FAMILY = ["Jones", "Smith", "Lee", "Zhang", "Müller", "Dupont", "Pérez", "Okafor", "Berg", "Ito"]
PLACES = ["GENEVA", "LONDON", "NEW YORK", "SAITAMA", "BERLIN", "MADRID", "NAIROBI", "ST. LOUIS"]
ROLES = ["Staff Writer", "Associated Press", "Special to The Herald", "Herald Correspondent", "Senior Staff Writer"]
LABELS = {"en": ("By", "and"), "de": ("Von", "und"), "fr": ("Par", "et"), "es": ("Por", "y")}
ZH_NAMES = ["张三", "李四", "王小明", "赵六", "孙七", "周八"]

name = st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)).map(" ".join)
names = st.lists(name, min_size=1, max_size=3, unique=True)
agency = st.sampled_from(sorted({v for k, v in AGENCIES.items() if k.isascii() and " " not in v and len(v) > 2}))

BODY = "The council approved the budget on Tuesday after a long debate.\n\nThe vote was close.\n"


def convert(text: str):
    source = Source(path=None, name="story.txt", sha256="0" * 64, text=text)
    result = convert_source(source, kind="article")
    assert len(result.articles) == 1
    return front_matter(result.articles[0]), render_body(result.articles[0])


def joined(people: list[str], joiner: str) -> str:
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + f" {joiner} " + people[-1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=names, language=st.sampled_from(sorted(LABELS)), role=st.one_of(st.none(), st.sampled_from(ROLES)))
def test_bylines_give_their_names_in_order(people, language, role) -> None:
    label, joiner = LABELS[language]
    byline = f"{label} {joined(people, joiner)}" + (f"\n{role}" if role else "")
    meta, body = convert(f"Council Approves New Budget\n\n{byline}\n\n{BODY}")
    assert meta["authors"] == people
    assert body.startswith("The council approved")


@settings(max_examples=100, deadline=None)
@given(people=st.lists(st.sampled_from(ZH_NAMES), min_size=1, max_size=3, unique=True),
       label=st.sampled_from(["本报记者", "记者"]))
def test_chinese_bylines_give_every_name(people, label) -> None:
    meta, body = convert(f"山里的图书馆\n\n{label} {' '.join(people)}\n\n清晨六点，村里的图书馆已经亮起了灯。\n")
    assert meta["authors"] == people and meta["title"] == "山里的图书馆"


@settings(max_examples=150, deadline=None)
@given(place=st.sampled_from(PLACES), agency=agency, dash=st.sampled_from(["—", "-", "–", "--"]),
       date=st.sampled_from(["", ", March 3", ", Dec. 9"]))
def test_datelines_leave_the_first_sentence_whole(place, agency, dash, date) -> None:
    meta, body = convert(f"Council Approves New Budget\n\n{place}{date} ({agency}) {dash} {BODY}")
    assert meta["dateline"] == f"{place}{date} ({agency})"
    assert meta["source_agency"] == agency
    assert body.startswith("The council approved the budget on Tuesday after a long debate.")


@settings(max_examples=100, deadline=None)
@given(caption=st.sampled_from(["Passengers board the first ferry at North Pier.", "The mayor at the vote."]),
       credit=name, form=st.sampled_from(["Staff photo by {c}", "Photo: {c}", "Foto: {c}", "{c}/The Herald"]),
       above=st.booleans())
def test_a_caption_and_its_credit_line_make_one_figure(caption, credit, form, above) -> None:
    credit_line = form.format(c=credit)
    pair = f"{caption}\n{credit_line}" if above else f"{credit_line}\n{caption}"
    meta, body = convert(f"Harbour Reopens\n\nShips returned to the harbour on Monday morning.\n\n{pair}\n\n"
                         "Crews worked through the night.\n")
    assert len(meta["figures"]) == 1 and meta["figures"][0]["caption"] == caption
    assert credit in meta["figures"][0]["credit"]
    assert caption not in body.replace(f"<figcaption>{caption}", "")
