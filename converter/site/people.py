"""Which bylines name people: an author page is for a person, not a desk, a role or an agency.

`Staff Reporters`, `Staff Writer`, `Our Correspondent`, `Xinhua`, `Redaktion` are credits, not
people: their articles are still listed (by section, issue, publication), but no author page is
made for them and the byline does not link. The words are here, in one place, by language.
"""

from __future__ import annotations

import re

DESK_WORDS = frozenset({
    # English
    "staff", "reporter", "reporters", "writer", "writers", "correspondent", "correspondents", "desk",
    "editor", "editors", "editorial", "bureau", "newsroom", "agencies", "agency", "contributor", "contributors",
    # German
    "redaktion", "agenturen", "korrespondent", "korrespondentin", "mitarbeiter",
    # French
    "rédaction", "correspondant", "correspondante", "envoyé", "envoyée", "agences",
    # Spanish
    "redacción", "corresponsal", "agencias", "enviado", "enviada",
})
AGENCIES = frozenset({
    "xinhua", "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg", "dpa",
    "kyodo", "yonhap", "tass", "ria novosti", "efe", "ansa", "pa media", "press association", "upi",
    "united press international", "cna", "bernama", "aap", "anadolu", "apa", "sda", "ats", "keystone-sda",
    "europa press", "notimex", "telam", "xinhua news agency", "china news service", "cns",
})
CHINESE_DESK = ("记者", "本报", "评论员", "编辑", "通讯员", "新华社", "中新社", "综合报道")
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def is_person(name: str) -> bool:
    """False for desks, roles and agencies (`Staff Reporters`, `Reuters`, `本报记者`), True otherwise."""
    text = " ".join(str(name).split()).casefold()
    if not text or text in AGENCIES:
        return False
    if any(word in text for word in CHINESE_DESK):
        return False
    return not any(word in DESK_WORDS for word in WORD.findall(text))


def people(names: list[str]) -> list[str]:
    return [n for n in names if is_person(n)]
