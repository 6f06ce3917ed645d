"""One escaping helper per target language, for every string that came from a source.

Sources are untrusted: a file name, a headline or a dropped line may hold HTML,
Markdown structure, an attribute list (`{: onclick=… }`), control characters or
terminal escapes. Each output format escapes at the point of output, by
construction (every character that could start structure is written so it
cannot), never by looking for known-bad words:

- `markdown_text`: inline Markdown that renders as exactly this text (one line);
- `html_text` / `html_attr`: HTML element content / a quoted attribute value;
- `json_script`: JSON safe inside `<script type="application/ld+json">`;
- `xml_text`: text XML 1.0 allows (forbidden characters replaced), for a real XML writer;
- `terminal`: one printable line for the terminal (control characters shown as `\\xNN`).
"""

from __future__ import annotations

import html
import json
import re

from .render import escape_text

# Line breaks and other whitespace controls become a space: a value is one line of text.
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Characters that open inline structure anywhere in a line (emphasis, code, strike, links, tables).
_MARKDOWN_INLINE = {"]": "&#93;", "|": "&#124;", "*": "&#42;", "_": "&#95;", "`": "&#96;", "~": "&#126;",
                    "}": "&#125;", "=": "&#61;", "^": "&#94;", "$": "&#36;"}
_MARKDOWN_INLINE_RE = re.compile("[" + re.escape("".join(_MARKDOWN_INLINE)) + "]")
# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def one_line(value: object) -> str:
    """The value as one line: line breaks and tabs as spaces, other control characters as U+FFFD."""
    return _CONTROLS.sub("\ufffd", _BREAKS.sub(" ", str(value)))


def markdown_text(value: object) -> str:
    """Inline Markdown that shows exactly this text and can never become structure, a tag or an attribute."""
    text = escape_text(one_line(value))
    return _MARKDOWN_INLINE_RE.sub(lambda m: _MARKDOWN_INLINE[m.group(0)], text)


def html_text(value: object) -> str:
    return html.escape(str(value), quote=False)


def html_attr(value: object) -> str:
    """For a double- or single-quoted attribute value."""
    return html.escape(str(value), quote=True)


def json_script(data: object) -> str:
    """JSON for a `<script>` element: `<`, `>`, `&` and the JS line separators written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def xml_text(value: object) -> str:
    """Text XML 1.0 can hold: forbidden characters (C0 controls, U+FFFE/U+FFFF, lone surrogates) → U+FFFD.
    The XML writer escapes `&`, `<`, `>` and quotes."""
    return _NOT_XML.sub("\ufffd", str(value))


def terminal(value: object) -> str:
    """One printable line: control characters, terminal escapes, bidi overrides shown as `\\xNN`/`\\uNNNN`."""
    def show(match: re.Match) -> str:
        if match.group(0) in _SHORT:
            return _SHORT[match.group(0)]
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return _TERMINAL_UNSAFE.sub(show, str(value))
