"""Bytes → text: BOMs, UTF-16, legacy encodings, mojibake and line ends.

The decision, in order:

1. a byte-order mark names the encoding;
2. valid UTF-8 is UTF-8;
3. *mostly* UTF-8 stays UTF-8: when its valid multi-byte characters at least match
   the bad bytes, or when the bad bytes stand alone between ASCII characters (a
   stray `0x92` apostrophe in an English wire story). Each bad byte is read as
   cp1252 (Latin-1 for the five bytes cp1252 leaves undefined) and a warning
   says how many were repaired; every other line keeps its characters;
4. only text that is not mostly UTF-8 — runs of high bytes, as legacy CJK and
   Cyrillic encodings write — goes to charset-normalizer, Windows-1252 winning
   among equally good guesses.

ftfy then repairs mojibake (UTF-8 once read as cp1252: `Chinaâ€™s` → `China’s`).
Line ends become `\\n` (CRLF, lone CR, mixed in one file), byte-order marks met
inside the text (concatenated files) are removed, and NUL bytes make a file binary.
Control characters (SOH, STX, ETX, EOT, DEL …) stay in the text: wire readers
read transmissions by them; the writer keeps them out of titles and bodies.
"""

from __future__ import annotations

import codecs
import re

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
WESTERN = ("cp1252", "latin_1")
ESCAPED_BYTE = re.compile("[\udc80-\udcff]+")  # bytes UTF-8 could not read, kept by surrogateescape
LONE_BYTE_SHARE = 0.8  # share of bad bytes standing alone that marks a single-byte (Western) encoding


class SourceError(Exception):
    """A file that cannot be read as a news source; the message says why."""


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding used, warnings)."""
    warnings: list[str] = []
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:65536]:
        raise SourceError("looks like binary data (NUL bytes), not text")
    if encoding is None:
        try:
            text, encoding = _fix_mojibake(data.decode("utf-8"), warnings), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _mostly_utf8(data, warnings) or _guess(data, warnings)
    else:
        text = data.decode(encoding, errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
            warnings.append(f"{encoding} with undecodable bytes: they are replaced with U+FFFD")
        text = _fix_mojibake(text, warnings)
    return normalise_line_ends(text), encoding, warnings


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR (mixed in one file too) → LF; byte-order marks inside the text go."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def _mostly_utf8(data: bytes, warnings: list[str]) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes stays UTF-8, the broken bytes read as cp1252 (None: not mostly UTF-8)."""
    text = data.decode("utf-8", errors="surrogateescape")
    runs = ESCAPED_BYTE.findall(text)
    bad = sum(len(r) for r in runs)
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # characters beyond ASCII, read as UTF-8
    lone = sum(1 for r in runs if len(r) == 1)
    if valid < bad and lone < LONE_BYTE_SHARE * bad:
        return None
    if valid:
        warnings.append(f"not UTF-8 in {bad} byte{'s' if bad > 1 else ''}: read as cp1252, the rest as UTF-8")
        # Mojibake is repaired in the UTF-8 stretches only: a repaired byte never combines with its neighbours.
        parts = re.split(f"({ESCAPED_BYTE.pattern})", text)
        return "".join(cp1252_bytes(part) if i % 2 else _fix_mojibake(part, warnings)
                       for i, part in enumerate(parts)), "utf-8 (cp1252 repairs)"
    warnings.append("not UTF-8: read as cp1252")
    text = data.decode("cp1252", errors="surrogateescape")  # the five bytes cp1252 leaves undefined: Latin-1
    return ESCAPED_BYTE.sub(lambda m: "".join(chr(ord(c) - 0xDC00) for c in m.group(0)), text), "cp1252"


def cp1252_bytes(escaped: str) -> str:
    """Surrogate-escaped bytes read as cp1252; the five bytes cp1252 leaves undefined as Latin-1."""
    raw = bytes(ord(c) - 0xDC00 for c in escaped)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


def _guess(data: bytes, warnings: list[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        warnings.append("not valid UTF-8 and no encoding fits: undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    match, encoding = _prefer_western(results, best)
    warnings.append(f"not UTF-8: read as {encoding}")
    return _fix_mojibake(str(match), warnings), encoding


def _prefer_western(results, best) -> tuple:  # type: ignore[no-untyped-def]
    """Among guesses as good as the best one, Windows-1252 (then Latin-1) wins: the usual legacy Western text."""
    close = [m for m in results if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    for preferred in WESTERN:
        for match in close:
            if preferred in match.could_be_from_charset:
                return match, preferred
    return best, best.encoding


def _fix_mojibake(text: str, warnings: list[str]) -> str:
    if not any(marker in text for marker in ("â€", "Ã", "Â", "å¤", "ä¸")):
        return text
    import ftfy

    # Only the mojibake: control characters (wire framing) and terminal escapes stay for the readers.
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                          fix_character_width=False, fix_line_breaks=False, unescape_html=False,
                          remove_control_chars=False, remove_terminal_escapes=False)
    if fixed != text:
        warnings.append("mojibake repaired (UTF-8 that had been read as cp1252/latin-1)")
    return fixed
