"""Time, size and peak memory of `broadsheet build`; prints figures, asserts nothing.

    .venv/bin/python bench/bench_site.py              # all cases
    .venv/bin/python bench/bench_site.py corpus       # one case

Cases: the built-in sample (`site_src/`), the test corpus (seeds and extra
documents, about 750 articles), and 3,000 generated articles in 60 dated
issues, to see that the build stays linear (the nav holds browse pages only).
Each case runs in a fresh process into a temporary folder.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
CORPUS_TEXT = ROOT / "tests" / "data" / "extra"


def vocabulary() -> list[str]:
    """The words of the corpus's English pages, each as often as it occurs there (a news-like spread)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS_TEXT.glob("pdfmd_amsentinel_*.txt")))
    return [w for w in text.split() if w.isalpha()]


def sample(folder: Path) -> list[Path]:
    return [ROOT / "site_src"]


def corpus(folder: Path) -> list[Path]:
    return [ROOT / "tests" / "data" / "seeds", ROOT / "tests" / "data" / "extra"]


def generated(folder: Path, issues: int = 60, per_issue: int = 50) -> list[Path]:
    """Single-article files of random corpus words, one folder per dated issue with a sidecar."""
    rng, words = random.Random(1), vocabulary()
    for n in range(issues):
        issue = folder / f"issue-{n:03d}"
        issue.mkdir()
        for k in range(per_issue):
            title = " ".join(rng.choice(words).capitalize() for _ in range(6)) + f" {n}-{k}"
            paragraphs = [" ".join(rng.choice(words) for _ in range(60)) + "." for _ in range(6)]
            path = issue / f"story-{k:03d}.txt"
            path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            path.with_suffix(".yml").write_text(
                f"publication: Generated Gazette\ndate: 2020-{n % 12 + 1:02d}-{n // 12 + 1:02d}\n"
                f"issue: gazette-{n:03d}\n", encoding="utf-8")
    return [folder]


CASES = {"sample": sample, "corpus": corpus, "generated": generated}


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run_case(name: str) -> None:
    from converter.site.commands import build_site

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "src").mkdir()
        paths = CASES[name](tmp_path / "src")
        started = time.perf_counter()
        stats = build_site(paths, tmp_path / "docs", tmp_path / "site", CONFIG)
        total = time.perf_counter() - started
        pages = len(list((tmp_path / "site").rglob("index.html")))
        files, size = folder_size(tmp_path / "site")
        index = (tmp_path / "site" / "search" / "search_index.json").stat().st_size
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:10} {stats['articles']:5} articles {pages:5} pages  convert {stats['convert_seconds']:6.2f}s  "
              f"mkdocs {stats['mkdocs_seconds']:6.2f}s ({1000 * stats['mkdocs_seconds'] / pages:5.1f} ms/page)  "
              f"total {total:6.2f}s  site {size / 1e6:6.1f} MB in {files} files, search index {index / 1e3:7.0f} kB, "
              f"peak {peak:6.0f} MB")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
        return
    for name in sys.argv[1:] or list(CASES):
        subprocess.run([sys.executable, __file__, "--case", name], check=True)


if __name__ == "__main__":
    main()
