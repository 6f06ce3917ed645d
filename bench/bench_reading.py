"""Cost of the reading layer: decoding, kind detection, and the rule runner with and without --explain.

    .venv/bin/python bench/bench_reading.py

Prints figures, asserts nothing. The input is the OCR pages of tests/data/extra repeated to about 4 MB,
read as `ocr-page`; "runner" is the whole conversion with the plain rule runner, "explain" the same with
every rule's changes traced.
"""

from __future__ import annotations

import time
from pathlib import Path

from converter.decode import decode_bytes
from converter.detect import choose_kind
from converter.model import Source
from converter.pipeline import convert_source

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def timed(label: str, size: int, step) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    step()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {size / MB:6.1f} MB  {seconds:7.2f} s  ({size / MB / seconds:6.1f} MB/s)")
    return seconds


def main() -> None:
    pages = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/extra").glob("ocr_*.txt")))
    text = (pages + "\n\n") * (4 * MB // len(pages.encode()) + 1)
    data = text.encode("utf-8")
    latin = text.encode("ascii", errors="replace").replace(b"the ", b"th\xe9 ")  # a Western legacy file
    mostly = data + b"\x92"  # UTF-8 with one bad byte
    source = Source(path=Path("bench.txt"), name="bench.txt", sha256="0" * 64, text=text)
    timed("decode UTF-8", len(data), lambda: decode_bytes(data))
    timed("decode UTF-8 with one bad byte", len(mostly), lambda: decode_bytes(mostly))
    timed("decode cp1252", len(latin), lambda: decode_bytes(latin))
    timed("detect kind (sampled)", len(data), lambda: choose_kind(text))
    plain = timed("convert as ocr-page (runner)", len(data), lambda: convert_source(source, kind="ocr-page"))
    traced = timed("convert as ocr-page (--explain)", len(data),
                   lambda: convert_source(source, kind="ocr-page", explain=True))
    print(f"--explain costs {traced / plain:.1f}x the plain run")


if __name__ == "__main__":
    main()
