"""Same output before and after a change: convert fixed input sets, then compare two output folders byte for byte.

    python bench/check_same_output.py make OUT_DIR        # convert every input set into OUT_DIR/<set>/
    python bench/check_same_output.py compare OLD NEW     # every file under OLD and NEW identical?

Typical use for a pure-speed change: `make /tmp/old` on the old commit (a git worktree of it),
`make /tmp/new` on the new one, then `compare /tmp/old /tmp/new`. The input sets: the seeds,
tests/data/extra/*.txt, tests/fixtures/readers/*.txt, 200 composed pages (seed 3, every mix; once as one run, once each page on
its own) and
the OCR extras again with --explain (so the per-line trace is compared too). Each set is one
`broadsheet convert` run; the written Markdown and conversion-report.json are compared, and the
first differing line of each differing file is printed (the conversion cache, `.broadsheet-cache/`, is
left out: its keys hold a hash of the converter's code, so they change with any code change). Exit
status 1 when anything differs.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
EXTRA = ROOT / "tests" / "data" / "extra"
READERS = ROOT / "tests" / "fixtures" / "readers"


def _broadsheet() -> list[str]:
    exe = shutil.which("broadsheet", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-c", "from converter.cli import main; main()"]


def _input_sets(work: Path) -> dict[str, tuple[list[Path], list[str]]]:
    composed = work / "_composed"
    if not composed.exists():
        subprocess.run(_broadsheet() + ["compose", "--out", str(composed), "--count", "200", "--seed", "3"],
                       check=True, capture_output=True, cwd=ROOT)
    return {
        "seeds": (sorted(SEEDS.glob("*.txt")), []),
        "extra": (sorted(EXTRA.glob("*.txt")), []),
        "readers": (sorted(READERS.glob("*.txt")), []),
        "composed": (sorted(composed.glob("*.txt")), []),
        "composed-each": (sorted(composed.glob("*.txt")), ["EACH"]),
        "ocr-explain": (sorted(EXTRA.glob("ocr_*.txt")), ["--explain", "-v"]),
    }


EACH = """
import sys
from pathlib import Path
from converter.api import convert_to
for path in sys.argv[2:]:
    convert_to([Path(path)], Path(sys.argv[1]) / Path(path).stem)
"""


def make(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, (paths, options) in _input_sets(out).items():
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        if options == ["EACH"]:  # every source converted on its own: no cross-file de-duplication
            command = [sys.executable, "-c", EACH, str(target), *map(str, paths)]
        else:
            command = _broadsheet() + ["convert", *map(str, paths), "--out", str(target), *options]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        printed = (done.stdout + done.stderr).replace(str(out), "OUT")  # what the command printed, too
        (out / f"{name}.stdout").write_text(printed + f"\n[exit {done.returncode}]\n", encoding="utf-8")
        files = sum(1 for p in target.rglob("*") if p.is_file())
        print(f"{name:12} {len(paths):4} sources -> {files:5} files written (exit {done.returncode})")


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*")
            if p.is_file() and not p.relative_to(folder).as_posix().startswith("_composed/")
            and ".broadsheet-cache" not in p.parts}  # the conversion cache is keyed by the converter's own code


def compare(old: Path, new: Path) -> int:
    before, after = _files(old), _files(new)
    differ = 0
    for key in sorted(set(before) | set(after)):
        if key not in before or key not in after:
            print(f"ONLY IN {'OLD' if key in before else 'NEW'}: {key}")
            differ += 1
        elif before[key].read_bytes() != after[key].read_bytes():
            differ += 1
            a = before[key].read_text(encoding="utf-8", errors="replace").splitlines()
            b = after[key].read_text(encoding="utf-8", errors="replace").splitlines()
            first = next(iter(difflib.unified_diff(a, b, lineterm="", n=0)), None)
            diff = [line for line in difflib.unified_diff(a, b, lineterm="", n=0)][2:6]
            print(f"DIFFERS: {key}" + ("" if first is None else "\n    " + "\n    ".join(diff)))
    markdown = sum(1 for k in before if k.endswith(".md"))
    reports = sum(1 for k in before if k.endswith("conversion-report.json"))
    print(f"compared {len(set(before) | set(after))} files ({markdown} Markdown, {reports} conversion reports): "
          f"{'ALL IDENTICAL' if not differ else f'{differ} DIFFER'}")
    return 1 if differ else 0


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "make":
        make(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
