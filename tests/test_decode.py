"""Reading bytes: a few bad bytes never change how the rest of a file is read."""

from __future__ import annotations

import codecs

from converter.decode import decode_bytes

STORY = "Markets Rally\n\nShares rose on Tuesday as traders bet on lower rates, dealers said.\n" * 20


def test_one_stray_byte_in_english_text_is_read_as_cp1252_not_a_cjk_codec() -> None:
    data = STORY.encode("ascii").replace(b"dealers said", b"dealer\x92s said", 1)
    text, encoding, warnings = decode_bytes(data)
    assert text == STORY.replace("dealers said", "dealer’s said", 1)
    assert "cp1252" in encoding and warnings


def test_utf8_with_a_few_bad_bytes_keeps_every_other_character() -> None:
    good = "Zürich — «déjà vu» 北京消息。\n" * 10
    data = good.encode() + b"Caf\xe9 and \x93quotes\x94\n"
    text, encoding, warnings = decode_bytes(data)
    assert text == good + "Café and “quotes”\n"
    assert encoding.startswith("utf-8") and any("3 bytes" in w for w in warnings)


def test_latin1_wire_copy_with_control_characters_reads_right() -> None:
    wire = "\x7f\x01abc123 3 ec 121\r\n\x02Situation\r\nParis (ats afp) Une «catastrophe» pour l'économie.\r\n\x03\r\n"
    text, encoding, warnings = decode_bytes(wire.encode("latin-1"))
    assert "«catastrophe»" in text and "économie" in text and "\r" not in text
    assert "\x01" in text and "\x02" in text and "\x03" in text  # kept for the wire readers
    assert encoding == "cp1252" and warnings


def test_cp1252_apostrophe_in_crlf_wire_item() -> None:
    data = b"TI#UGL\x92s new contract\r\nTX#\r\nUGL\x92s shares rose.\r\n"
    text, _, _ = decode_bytes(data)
    assert text == "TI#UGL’s new contract\nTX#\nUGL’s shares rose.\n"


def test_gb18030_and_cp1251_are_still_read_by_their_codec() -> None:
    chinese = "国家统计局周一发布数据显示，今年上半年经济增长保持稳定。\n" * 3
    assert decode_bytes(chinese.encode("gb18030"))[:2] == (chinese, "gb18030")
    russian = "Новости дня: правительство объявило о новых мерах поддержки.\n" * 3
    assert decode_bytes(russian.encode("cp1251"))[0] == russian


def test_mixed_line_ends_and_byte_order_marks_anywhere() -> None:
    data = codecs.BOM_UTF8 + b"one\r\ntwo\rthree\nfour" + codecs.BOM_UTF8 + b"five\r\n"
    text, encoding, warnings = decode_bytes(data)
    assert text == "one\ntwo\nthree\nfourfive\n" and not warnings


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\ufeff"),
                min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECE, min_size=2, max_size=6), st.lists(st.integers(0x80, 0xFF), min_size=1, max_size=5))
def test_stray_bytes_never_change_the_rest_of_the_text(pieces: list[str], strays: list[int]) -> None:
    """Single bad bytes between characters: every stretch reads as it reads alone, each bad byte as cp1252."""
    data, expected = b"", ""
    for i, piece in enumerate(pieces):
        data += piece.encode("utf-8")
        expected += decode_bytes(piece.encode("utf-8"))[0]
        if i < len(pieces) - 1:
            stray = strays[i % len(strays)]
            data += bytes([stray])
            expected += bytes([stray]).decode("cp1252", errors="ignore") or chr(stray)
    assert decode_bytes(data)[0] == expected
