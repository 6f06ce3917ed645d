"""Bytes → text: BOMs, UTF-16, legacy encodings, mojibake and line ends.

UTF-8 is tried first; otherwise charset-normalizer guesses the encoding. ftfy
repairs mojibake (UTF-8 read as cp1252: `Chinaâ€™s` → `China’s`). Line ends
become `\\n`; NUL bytes make a file binary.
"""

from __future__ import annotations

import codecs

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
WESTERN = ("cp1252", "latin_1")


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding used, warnings)."""
    from .sources import SourceError

    warnings: list[str] = []
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:65536]:
        raise SourceError("looks like binary data (NUL bytes), not text")
    if encoding is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _mostly_utf8(data, warnings) or _guess(data, warnings)
    else:
        text = data.decode(encoding, errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
            warnings.append(f"{encoding} with undecodable bytes: they are replaced with U+FFFD")
    text = _fix_mojibake(text, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, warnings


def _mostly_utf8(data: bytes, warnings: list[str]) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes stays UTF-8: its valid multi-byte characters outnumber the bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if valid <= bad:
        return None
    warnings.append(f"not valid UTF-8: {bad} undecodable bytes replaced with U+FFFD")
    return text, "utf-8 (with replacements)"


def _guess(data: bytes, warnings: list[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        warnings.append("not valid UTF-8 and no encoding fits: undecodable bytes replaced with U+FFFD")
        return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"
    match, encoding = _prefer_western(results, best)
    warnings.append(f"not UTF-8: read as {encoding}")
    return str(match), encoding


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

    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
                          fix_character_width=False, fix_line_breaks=False, unescape_html=False)
    if fixed != text:
        warnings.append("mojibake repaired (UTF-8 that had been read as cp1252/latin-1)")
    return fixed
