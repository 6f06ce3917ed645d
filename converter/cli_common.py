"""What the commands share: one-line, escaped terminal messages and the source size option."""

from __future__ import annotations

import click

from .escaping import terminal
from .sources import DEFAULT_MAX_BYTES

SIZE_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024 ** 2, "MB": 1024 ** 2, "G": 1024 ** 3, "GB": 1024 ** 3}


class ByteSize(click.ParamType):
    """`64MB`, `500k`, `1048576`: a number of bytes."""

    name = "size"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().replace(" ", "")
        number = text.rstrip("KMGB")
        unit = text[len(number):]
        try:
            size = int(float(number) * SIZE_UNITS[unit])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size such as 64MB, 500KB or 1048576", param, ctx)
        if size <= 0:
            self.fail("the size limit must be above 0", param, ctx)
        return size


MAX_SOURCE_SIZE = click.option(
    "--max-source-size", "max_bytes", type=ByteSize(), default=DEFAULT_MAX_BYTES, show_default="64MB",
    help="Refuse a source file larger than this (one error line; the rest converts).")


def say(line: object, err: bool = False) -> None:
    """One message, one line: control characters and terminal escapes in names are shown escaped."""
    click.echo(terminal(line), err=err)

