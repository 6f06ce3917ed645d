"""Property tests over composed pages: the converter against gold known by construction.

`test_handled_conventions` holds for the conventions the converter meets today. Every other
mix is listed in `NOT_YET` with what goes wrong (measured with bench/bench_composed.py); its
property test is an xfail (strict=False), so the day the rules handle a mix, it shows as XPASS.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from converter.api import convert_to
from converter.compose import MIXES, compose
from tests.gold_scoring import Tally, load_converted, score_gold_file

HANDLED = {  # mix -> the scorer families that hold on every page today
    "en-article-oneline": ("articles found",),
    "en-wire-ap": ("articles found",),
    "zh-xinhua-gb18030": ("articles found", "paragraph count"),
}
ALL = ("articles found", "paragraph count")
NOT_YET = {
    "de-blank": "German byline `Von X` taken for the title; nothing of the article is found",
    "de-wrap-hyphen": "German byline `Von X` taken for the title; hard-wrapped lines not rejoined",
    "en-adverts-classifieds": "adverts and speckle lines become titles or body; an advert cutting a paragraph",
    "en-article-oneline": "paragraphs joined after a line ending in ':' or '—' (no cut there)",
    "en-badbytes-cr": "kicker-less headline groups on a page; byline with the role on the same line",
    "en-blank-captions": "a kicker above the headline becomes its own article; `Photo: X` captions",
    "en-blank-plain": "a kicker above the headline becomes its own article; role line read as an author",
    "en-caption-credit-lines": "caption and credit on their own lines stay in the text",
    "en-column-ocr": "column-width lines with blank column breaks; hyphenation; caps bylines",
    "en-cp1252-crlf": "caption and credit lines stay in the text; byline role read as an author",
    "en-crossheads": "crossheads inside blank-line articles; byline role line",
    "en-indent-page": "first-line indentation marks paragraphs; hard wrap and hyphenation",
    "en-inside-page": "running head and page label; kicker above the headline",
    "en-jump-out": "`See X, page N` jump-outs; a page of several articles",
    "en-jump-page": "jump heads (`KEY`, `KEY: title`) and `Continued from page 1`",
    "en-kicker-below-decks": "deck lines under the headline; caps headlines and bylines",
    "en-kitchen-sink": "mixtures of every English convention",
    "en-labelled-page": "a page label directly above a headline becomes an article",
    "en-multipage": "page markers, running heads, a jump continued on page 2",
    "en-ocr-front-page": "garbled masthead, edition date, index box, speckle, adverts",
    "en-oneline-captions": "one paragraph per line with caption/credit lines between",
    "en-oneline-ocr": "one paragraph per line: headlines and bylines not told from body",
    "en-signoffs": "`Additional reporting by` / `Source: X` lines after the text; `NAME/Paper` credits",
    "en-wire-transmission": "transmission header and trailer (ZCZC, slug, version flag, ==AP, NNNN)",
    "zh-signoffs": "`（X参与采写）`, `（完）` and editor lines; numbered `图①` captions with `供图` credits",
    "en-slash-credit": "`caption / Staff photo by X` credits; several names in a byline",
    "en-wire-ap": "the `CITY (AP) —` dateline stays in the first paragraph; paragraphs joined after ':'",
    "en-wire-reuters-indent": "indented, hard-wrapped wire copy with a Reuters dateline",
    "en-wrap-blank": "hard-wrapped paragraphs with blank lines; caption/credit lines",
    "zh-blank": "`本报记者 X` bylines become titles; `图为…` captions and `摄` credits",
    "zh-indent-page": "full-width indented, hard-wrapped Chinese paragraphs; running head",
    "zh-jump-page": "`（上接第1版）` continuations",
    "zh-oneline-jump-out": "one paragraph per line in Chinese; `（转第N版）` jump-outs",
}


def families_met(mix: str, seed: int) -> dict[str, tuple[int, int]]:
    page = compose(mix, seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        (folder / "src" / page.name).write_bytes(page.data)
        convert_to([folder / "src"], folder / "out")
        tally = Tally()
        score_gold_file(page.gold, load_converted(folder / "out"), tally)
    return {f: (tally.hits[f], tally.trials[f]) for f in tally.trials}, tally.misses


def test_every_mix_is_either_handled_or_listed_with_a_reason() -> None:
    assert set(MIXES) <= set(HANDLED) | set(NOT_YET)
    assert set(NOT_YET) <= set(MIXES)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mix=st.sampled_from(sorted(HANDLED)), seed=st.integers(0, 10**6))
def test_handled_conventions(mix: str, seed: int) -> None:
    met, misses = families_met(mix, seed)
    for family in HANDLED[mix]:
        hits, trials = met[family]
        assert trials and hits == trials, (mix, seed, family, misses)


@pytest.mark.parametrize("mix", [pytest.param(m, marks=pytest.mark.xfail(strict=False, reason=r))
                                 for m, r in sorted(NOT_YET.items())])
@settings(max_examples=8, deadline=None, derandomize=True, phases=[Phase.generate])
@given(seed=st.integers(0, 10**6))
def test_every_article_found_with_its_paragraphs(mix: str, seed: int) -> None:
    met, misses = families_met(mix, seed)
    for family in ALL:
        hits, trials = met[family]
        assert hits == trials, (mix, seed, family, misses)
