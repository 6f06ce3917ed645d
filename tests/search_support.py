"""A generated archive for the search tests: single-article sources with sidecars, in English and
Chinese, over several publications, sections and years. The words are composed here (no corpus
text), and a few marker words sit in known articles so a test knows what a query must find."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

ENGLISH = ("council harbour budget railway school weather market election hospital river farmers bridge "
           "minister museum festival library workers tenants ferry airport orchestra vaccine drought "
           "harvest court mayor union parliament factory tariff fishing mountain coastal village").split()
CHINESE = "经济 城市 铁路 学校 天气 市场 选举 医院 河流 农民 大桥 部长 博物馆 节日 图书馆 工人 机场 疫苗 干旱 丰收".split()
PUBLICATIONS = ("Harbour Gazette", "Valley Courier", "华南日报")
SECTIONS = ("World", "Business", "Sport", "要闻")
ENGLISH_MARKER = "zeppelin"  # in every 25th English article
CHINESE_MARKER = "电动车"  # in every 25th Chinese article


def article_date(n: int) -> str:
    return f"{2001 + n % 20}-{n % 12 + 1:02d}-{n % 28 + 1:02d}"


def is_chinese_article(n: int) -> bool:
    return n % 4 == 3


def _text(n: int, rng: random.Random) -> str:
    zh = is_chinese_article(n)
    words, join = (CHINESE, "") if zh else (ENGLISH, " ")
    title = join.join(rng.choice(words).title() for _ in range(5)) + f" {n}"
    paragraphs = [join.join(rng.choice(words) for _ in range(40)) + ("。" if zh else ".") for _ in range(3)]
    paragraphs = [p[0].upper() + p[1:] for p in paragraphs]
    if (n // 4) % 25 == 0:
        paragraphs[1] += CHINESE_MARKER + "。" if zh else f" The {ENGLISH_MARKER} landed."
    section = SECTIONS[n % len(SECTIONS)]
    return "\n\n".join([section, title, *paragraphs]) + "\n"


def generate_archive(folder: Path, count: int, seed: int = 13) -> Path:
    """`count` sources (one article each) with sidecars under `folder`, 100 to a sub-folder."""
    rng = random.Random(seed)
    for n in range(count):
        path = folder / f"batch-{n // 100:04d}" / f"story-{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_text(n, rng), encoding="utf-8")
        sidecar = {"publication": PUBLICATIONS[n % len(PUBLICATIONS)], "date": article_date(n),
                   "language": "zh" if is_chinese_article(n) else "en", "sections": list(SECTIONS)}
        path.with_suffix(".yml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
    return folder
