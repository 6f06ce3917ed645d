"""Named convention mixes: each is one way real papers (or their OCR/digitising tools) print news.

Tuples are choices drawn per page or per story, so one mix still varies from page to page.
"""

from __future__ import annotations

from .conventions import Conventions as C

EN_BYLINES = ("none", "by_role_next", "by_role_same", "several", "caps")
EN_CAPTIONS = ("none", "glued", "caption_credit", "credit_caption", "slash", "photo_colon", "name_paper")

MIXES: dict[str, C] = {
    "en-labelled-page": C(page_label=True, kicker=("none", "below"), byline=("none", "several"), caption="glued"),
    "en-blank-plain": C(kicker=("none", "above"), byline=("none", "by_role_next", "by_role_same")),
    "en-blank-captions": C(kicker="above", byline=("by_role_next", "several"), caption=("glued", "photo_colon")),
    "en-caption-credit-lines": C(byline="by_role_next", caption=("caption_credit", "credit_caption")),
    "en-slash-credit": C(byline="several", caption="slash"),
    "en-kicker-below-decks": C(kicker="below", decks=(1, 2), caps=(False, True), byline="caps"),
    "en-crossheads": C(crossheads=True, paragraphs=(5, 9), byline="by_role_next"),
    "en-oneline-ocr": C(marking="oneline", byline=("none", "by_role_next"), kicker=("none", "above")),
    "en-oneline-captions": C(marking="oneline", byline="by_role_next", caption=("caption_credit", "glued")),
    "en-article-oneline": C(layout="single", marking="oneline", paragraphs=(4, 10)),
    "en-wire-ap": C(layout="single", byline=("none", "by_role_next"), dateline="ap"),
    "en-wire-reuters-indent": C(layout="single", marking="indent_wrap", dateline="reuters",
                                byline=("none", "by_role_same")),
    "en-indent-page": C(marking="indent_wrap", byline="by_role_next", hyphenate=True),
    "en-wrap-blank": C(marking="wrap_blank", byline=("by_role_next", "several"), caption="caption_credit"),
    "en-column-ocr": C(marking="column", hyphenate=True, byline="caps", ocr=True),
    "en-ocr-front-page": C(marking=("blank", "oneline"), masthead=True, edition_date=True, index_box=True,
                           speckle=True, ocr=True, caption="glued", adverts=True, byline="by_role_next"),
    "en-inside-page": C(running_head=True, page_label=True, kicker="above", byline="by_role_next"),
    "en-jump-out": C(jump="out", byline="by_role_next", kicker=("none", "above")),
    "en-jump-page": C(layout="jump_page", running_head=True, page_label=True, stories=(2, 3)),
    "en-multipage": C(layout="pages", jump="within", masthead=True, edition_date=True, running_head=True,
                      page_label=True, page_marker=("rule", "hash", "dashes"), stories=(3, 4), byline="by_role_next"),
    "en-adverts-classifieds": C(adverts=True, advert_cut=True, speckle=True, byline="by_role_same"),
    "en-cp1252-crlf": C(encoding="cp1252", newline="crlf", byline="by_role_next", caption="caption_credit"),
    "en-badbytes-cr": C(encoding="utf-8-bad", newline=("cr", "crlf"), byline="by_role_same"),
    "en-kitchen-sink": C(marking=("blank", "oneline", "indent_wrap", "wrap_blank", "column"), byline=EN_BYLINES,
                         caption=EN_CAPTIONS, kicker=("none", "above", "below"), decks=(0, 1), caps=(False, True),
                         crossheads=(False, True), adverts=(False, True), hyphenate=(False, True),
                         dateline=("none", "ap", "reuters"), newline=("lf", "crlf"),
                         signoff=("none", "none", "additional")),
    "en-signoffs": C(byline="by_role_next", signoff=("additional", "source"), caption="name_paper"),
    "en-wire-transmission": C(layout="single", marking="indent_wrap", wire_frame=True, dateline=("ap", "reuters"),
                              newline="crlf"),
    "zh-blank": C(lang="zh", byline="zh_reporter", caption="zh", kicker=("none", "above"), decks=(0, 1)),
    "zh-signoffs": C(lang="zh", byline="zh_reporter", signoff=("zh_contrib", "zh_end"), caption="zh_numbered"),
    "zh-xinhua-gb18030": C(lang="zh", layout="single", dateline="xinhua", encoding="gb18030"),
    "zh-oneline-jump-out": C(lang="zh", marking="oneline", byline="zh_reporter", jump="out", page_label=True),
    "zh-indent-page": C(lang="zh", marking="indent_wrap", byline="zh_reporter", running_head=True),
    "zh-jump-page": C(lang="zh", layout="jump_page", page_label=True, running_head=True, stories=(2, 3)),
    "de-blank": C(lang="de", stories=(1, 2), byline="de_von", dateline=("none", "dpa"), caption="de",
                  encoding=("utf-8", "cp1252")),
    "de-wrap-hyphen": C(lang="de", layout="single", marking=("wrap_blank", "indent_wrap"), hyphenate=True,
                        byline="de_von", newline="crlf"),
}
