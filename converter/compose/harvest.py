"""How `data/texts.json` was made: real article texts whose licence lets them live in the repo.

Run from the repository root (needs the seeds, tests/data/extra and the AGPL wire samples):

    python -m converter.compose.harvest --wire DIR_WITH_wire_*.txt --out converter/compose/data/texts.json

Sources and licences (see tests/data/extra/SOURCES.md):
- the project's own sample (site_src/, MIT): English articles, Chinese titles and summaries;
- The American Sentinel 1889/1897 (tests/data/extra/pdfmd_amsentinel_1/2.txt, public domain);
- Deutsche Kolonialzeitung 1894 (tests/data/extra/ocr_hathitrust_dkz_1.txt, CC0 / public domain);
- Kyodo and AAP wire samples from superdesk (AGPL-3.0).
The held-out files (SOURCES.md) are never read. Texts keep their words; only page furniture,
markup and OCR hyphenation are removed, and `ſ` is written `s`.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

MARKUP = re.compile(r"[*_#<>|\[\]\\{}`~^]|&\w+;|https?:|\ufffd")
PROJECT = "project sample (site_src/, MIT)"


def clean_paragraphs(paragraphs: list[str], lo: int = 12, hi: int = 220) -> list[str]:
    out = []
    for p in paragraphs:
        p = re.sub(r"\s+", " ", p.replace("&amp;", "&").replace("ſ", "s")).strip()
        if not MARKUP.search(p) and lo <= len(p.split()) <= hi:
            out.append(p)
    return out


def text(tid: str, lang: str, origin: str, licence: str, title: str, paragraphs: list[str]) -> dict:
    return {"id": tid, "lang": lang, "origin": origin, "licence": licence,
            "title": printed_title(title), "paragraphs": whole_sentences(paragraphs)}


def printed_title(title: str) -> str:
    """A headline as papers print it: a Chinese headline has no closing full stop (`…僧侣生活。` in a
    translated digest title is the translator's sentence, not the paper's headline)."""
    return re.sub(r"\s+", " ", title).strip().rstrip("。")


SENTENCE_END = re.compile(r"[.!?。！？][”’\"']?(?=\s|$)")


def whole_sentences(paragraphs: list[str]) -> list[str]:
    """A paragraph the source's page break cut mid-sentence (`… the rich people who have time`) is
    cut back to its last full sentence: a printed paragraph ends a sentence (or announces a quotation
    with a colon), and the composer's gold counts it as one."""
    out = []
    for p in paragraphs:
        if p[-1:].isalnum() or p[-1:] in ",;-+":
            ends = [m.end() for m in SENTENCE_END.finditer(p)]
            p = p[: ends[-1]].strip() if ends else ""
        if len(p.split()) >= 8 or (p and re.search(r"[\u4e00-\u9fff]", p)):
            out.append(p)
    return out


def seed_articles(converted: Path) -> list[dict]:
    """English articles of the seeds, as the (1.000-scoring) converter reads them: raw material only."""
    import frontmatter

    out = []
    for path in sorted(converted.rglob("*.md")):
        post = frontmatter.load(path)
        blocks = [b.strip() for b in post.content.split("\n\n") if b.strip()]
        paras = clean_paragraphs([b for b in blocks if not b.startswith(("#", "<", ">", "!"))])
        title = str(post.metadata.get("title", ""))
        if len(paras) >= 3 and not MARKUP.search(title):
            out.append(text(f"seed-{path.stem[:40]}", "en", f"site_src/{path.parent.name}.txt", PROJECT,
                            title, paras[:12]))
    return out


def seed_figures(converted: Path) -> list[dict]:
    import frontmatter

    figures = []
    for path in sorted(converted.rglob("*.md")):
        for fig in frontmatter.load(path).metadata.get("figures") or []:
            cap, credit = str(fig.get("caption", "")), str(fig.get("credit", ""))
            if cap and credit and not MARKUP.search(cap) and len(cap.split()) >= 4:
                figures.append({"caption": cap, "credit": credit})
    return figures


CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+|\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def chinese_summaries(digest: Path) -> list[dict]:
    raw = digest.read_text(encoding="utf-8")
    out = []
    pattern = re.compile(r"^(\d+)\. .+\n\n中文标题:(.+)\n\n内容摘要:(.+)$", re.M)
    for m in pattern.finditer(raw):
        body = m.group(3).replace("\ufffd", "")
        body = body[: body.rfind("。") + 1]
        sentences = [s + "。" for s in body.split("。") if s.strip()]
        if len(sentences) < 4 or "失败" in m.group(2):
            continue
        third = max(1, len(sentences) // 3)
        paras = ["".join(sentences[:third]).strip(), "".join(sentences[third:2 * third]).strip(),
                 "".join(sentences[2 * third:]).strip()]
        out.append(text(f"zh-digest-{m.group(1)}", "zh", f"site_src/{digest.name}", PROJECT,
                        m.group(2), [CJK_SPACE.sub("", p) for p in paras]))
    return out


NOT_ARTICLES = {"The American Sentinel", "Fine Paper, Neat Binding, Clear and Beautiful Type", "Agents Wanted",
                "Notice to Subscribers", "Give it a trial and your success is certain", "“I am surprised,”",
                "BY CITIZENS OF THE COMMONWEALTH OF CONNECTICUT", "THE GRAND TRUNK RAILWAY",
                "“LAW OF GOD AS CHANGED BY THE PAPACY.”", "An Up-to-Date Pamphlet on the Principles of Religious Liberty"}


def sentinel_articles(path: Path) -> list[dict]:
    out, title, paras = [], None, []
    for block in path.read_text(encoding="utf-8").split("\n\n") + ["# end"]:
        block = block.strip()
        if block.startswith("#") or block.startswith("====="):
            paras = clean_paragraphs(paras, 15, 160)
            if title and len(paras) >= 3 and not MARKUP.search(title) and title not in NOT_ARTICLES:
                out.append(text(f"sentinel-{path.stem[-1]}-{len(out)}", "en", path.name, "public domain",
                                title, paras[:8]))
            title = block.lstrip("#").strip().rstrip(".") if block.startswith("#") else None
            paras = []
        else:
            paras.append(block)
    return out


def wire_texts(folder: Path) -> list[dict]:
    out = []
    kyodo = (folder / "wire_kyodo_1.txt").read_bytes().decode("utf-8", "replace").replace("\r", "")
    lines = kyodo.split("\n")
    title = next(l for l in lines if l.startswith("Soccer:")).rstrip("+").split(": ", 1)[1]
    body = "\n".join(l for l in lines if l.startswith(" ") or (l and l[0].isalnum() and "BC-" not in l))
    paras = [re.sub(r"\s+", " ", p) for p in re.split(r"\n(?= {5})", body) if p.strip()]
    # the dateline is the wire's, not the story's text (the composer prints its own dateline conventions)
    paras = [re.sub(r"^\s*SAITAMA, Japan, Dec\. 9 Kyodo - ", "", p) for p in paras]
    paras = [p for p in clean_paragraphs(paras, 8) if not p.startswith("==")]
    out.append(text("wire-kyodo-1", "en", "superdesk-belga kyodo.txt", "AGPL-3.0", title, paras))
    medianet = (folder / "wire_aapmedianet_1.txt").read_text(encoding="utf-8").replace("\r", "")
    mlines = [l.strip() for l in medianet.split("\n")]
    start = mlines.index(":Master Builders Australia") + 2
    end = mlines.index("For more information contact:")
    out.append(text("wire-aap-medianet-1", "en", "superdesk-aap ED_867485_4_2.tst", "AGPL-3.0",
                    mlines[start], clean_paragraphs(mlines[start + 1:end], 8)))
    bites = (folder / "wire_aapnewsbites_1.txt").read_bytes().decode("cp1252").replace("\r", "")
    blines = bites.split("\n")
    btitle = next(l[3:] for l in blines if l.startswith("TI#"))
    bparas = blines[blines.index("TX#") + 1:]
    out.append(text("wire-aap-newsbites-1", "en", "superdesk-aap AAP201606060716291.tst", "AGPL-3.0",
                     btitle, clean_paragraphs(bparas, 8)))
    return out


GERMAN = [  # (title, first words, last words) of readable paragraphs of the 1894 page
    ("Zur Jahreswende", [("Vor zehn Jahren", "besigen würden."), ("Vor die neue Aufgabe", "worden sind.")]),
    ("Koloniale Rundschau", [("Die große Ausdehnung", "zu machen."),
                             ("In Ostafrika haben", "werden mußte.")]),
]


def split_long(paragraph: str, most: int = 150) -> list[str]:
    """A very long paragraph becomes two at the sentence end nearest its middle."""
    words = paragraph.split()
    if len(words) <= most:
        return [paragraph]
    ends = [i + 1 for i, w in enumerate(words[:-1]) if w.endswith(".") and words[i + 1][:1].isupper()
            and not re.fullmatch(r"\w{1,2}\.|\d+\.", w)]
    if not ends:
        return [paragraph]
    cut = min(ends, key=lambda i: abs(i - len(words) / 2))
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def german_texts(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8").replace("ſ", "s")
    flat = re.sub(r"(\w)-\n(\w)", r"\1\2", raw).replace("\n", " ")
    out = []
    for i, (title, spans) in enumerate(GERMAN):
        paras = []
        for first, last in spans:
            start = flat.index(first)
            paras += split_long(flat[start:flat.index(last, start) + len(last)])
        out.append(text(f"de-dkz-{i}", "de", path.name, "CC0 / public domain", title, clean_paragraphs(paras)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--converted", type=Path, required=True, help="`broadsheet convert site_src --out X` output")
    ap.add_argument("--wire", type=Path, required=True, help="folder holding wire_kyodo_1.txt, wire_aap*_1.txt")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    extra = Path("tests/data/extra")
    texts = seed_articles(args.converted) + wire_texts(args.wire)
    for name in ("pdfmd_amsentinel_1.txt", "pdfmd_amsentinel_2.txt"):
        texts += sentinel_articles(extra / name)
    texts += chinese_summaries(Path("site_src/003_ddf4aecfeb3f92f8.txt"))
    texts += german_texts(extra / "ocr_hathitrust_dkz_1.txt")
    store = {"texts": texts, "figures": seed_figures(args.converted)}
    args.out.write_text(json.dumps(store, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(texts)} texts, {len(store['figures'])} figures, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
