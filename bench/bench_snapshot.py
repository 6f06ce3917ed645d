"""Time and size of `broadsheet snapshot` (and of verify and --tar); prints figures, asserts nothing.

    .venv/bin/python bench/bench_snapshot.py              # sample and 3,000 generated articles
    .venv/bin/python bench/bench_snapshot.py generated    # one case

Cases come from bench_site.py (imported, not copied): the built-in sample (`site_src/`) and
3,000 generated articles in 60 dated issues. Each case runs in a fresh process into a temporary
folder, with SOURCE_DATE_EPOCH set as for a reproducible snapshot.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import CONFIG, folder_size, generated, sample  # noqa: E402

CASES = {"sample": sample, "generated": generated}


def run_case(name: str) -> None:
    from converter.snapshot.bag import make_snapshot
    from converter.snapshot.tarball import write_tar
    from converter.snapshot.verify import verify_bag

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "src").mkdir()
        paths = CASES[name](tmp_path / "src")
        started = time.perf_counter()
        result = make_snapshot(paths, tmp_path / "bag", tmp_path / "docs", CONFIG, label=f"bench {name}")
        total = time.perf_counter() - started
        started = time.perf_counter()
        problems = verify_bag(result.bag)
        verified = time.perf_counter() - started
        started = time.perf_counter()
        tar = write_tar(result.bag, tmp_path / "bag.tar", int(os.environ["SOURCE_DATE_EPOCH"]))
        tarred = time.perf_counter() - started
        files, size = folder_size(result.bag)
        site_files, site_size = folder_size(result.bag / "data" / "site")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:10} {result.articles:5} articles {result.sources:5} sources ({result.source_files} files)  snapshot {total:6.2f}s "
              f"(build {result.build_seconds:6.2f}s, bag {result.bag_seconds:5.2f}s)  bag {size / 1e6:6.1f} MB in "
              f"{files} files (site {site_size / 1e6:5.1f} MB)  verify {verified:5.2f}s "
              f"({'valid' if not problems else f'{len(problems)} problems'})  tar {tarred:5.2f}s "
              f"{tar.stat().st_size / 1e6:6.1f} MB  peak {peak:5.0f} MB")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
        return
    for name in sys.argv[1:] or list(CASES):
        subprocess.run([sys.executable, __file__, "--case", name], check=True)


if __name__ == "__main__":
    main()
