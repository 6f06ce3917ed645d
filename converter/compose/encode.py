"""Bytes of a composed file: encodings (UTF-8, BOM, cp1252, GB18030, UTF-8 with a few bad bytes) and
line endings (LF, CRLF, CR). The gold holds the characters; only the bytes change."""

from __future__ import annotations

import random

NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
DAMAGEABLE = set("’‘“”—–éèàäöüßÉ€")


def encode(text: str, encoding: str, rng: random.Random) -> tuple[bytes, str]:
    """The file's bytes and the encoding they are really in (a fallback is named, never hidden)."""
    if encoding == "utf-8-bad":
        return damaged_utf8(text, rng)
    codec = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252", "gb18030": "gb18030"}[encoding]
    try:
        return text.encode(codec), encoding
    except UnicodeEncodeError:
        return text.encode("utf-8"), "utf-8 (text not encodable in " + encoding + ")"


def damaged_utf8(text: str, rng: random.Random) -> tuple[bytes, str]:
    """UTF-8, except that one to three characters are written as cp1252 bytes (as a pasted fragment is)."""
    spots = [i for i, ch in enumerate(text) if ch in DAMAGEABLE]
    if not spots:
        return text.encode("utf-8"), "utf-8 (no character to damage)"
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))))
    out, last = bytearray(), 0
    for i in chosen:
        out += text[last:i].encode("utf-8") + text[i].encode("cp1252")
        last = i + 1
    out += text[last:].encode("utf-8")
    return bytes(out), f"utf-8-bad ({len(chosen)} cp1252 bytes)"
