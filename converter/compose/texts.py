"""The store of real article texts the composer draws on (package data: data/texts.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Store:
    texts: tuple
    figures: tuple

    def by_lang(self, lang: str) -> list[dict]:
        return [t for t in self.texts if t["lang"] == lang]


@lru_cache(maxsize=1)
def load_store() -> Store:
    raw = resources.files("converter.compose").joinpath("data/texts.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return Store(tuple(data["texts"]), tuple(data["figures"]))
