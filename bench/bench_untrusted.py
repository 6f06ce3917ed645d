"""Time and peak memory of `broadsheet convert` on hostile folders; prints figures, asserts nothing.

    .venv/bin/python bench/bench_untrusted.py

Cases: an alias bomb (400 bytes, 387 million strings expanded) as a sidecar; a folder with a FIFO, a link to
/dev/zero and a 100 MB file over a 64 MB limit. Each runs in a fresh process, so peak memory is its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Harbour Bridge Reopens\n\nThe harbour bridge reopened on Monday after repairs, officials said.\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)) + "sections: *i\n"
RUN = """
import resource, sys, time
from pathlib import Path
from converter.api import convert_to
start = time.perf_counter()
report = convert_to([Path(sys.argv[1])], Path(sys.argv[2]))
print(f"{time.perf_counter() - start:.2f}s, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
      f"{len(report['errors'])} errors: " + " | ".join(report['errors']))
"""


def alias_bomb(folder: Path) -> None:
    (folder / "page.txt").write_text(GOOD, encoding="utf-8")
    (folder / "page.yml").write_text(BOMB, encoding="utf-8")


def special_files(folder: Path) -> None:
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with (folder / "huge.txt").open("wb") as out:
        out.truncate(100 * 1024 * 1024)


def main() -> None:
    for name, make in (("alias bomb sidecar", alias_bomb), ("FIFO, /dev/zero link, 100 MB file", special_files)):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src"
            src.mkdir()
            make(src)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", RUN, str(src), str(Path(tmp) / "out")], cwd=ROOT,
                                  capture_output=True, text=True, timeout=300)
            print(f"{name}: {done.stdout.strip() or done.stderr.strip()[-300:]} "
                  f"(process {time.perf_counter() - started:.2f}s)")


if __name__ == "__main__":
    main()
