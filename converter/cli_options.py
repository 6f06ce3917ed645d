"""Options shared by `broadsheet convert` and `broadsheet build`."""

from __future__ import annotations

import click

jobs_option = click.option(
    "-j", "--jobs", "jobs", type=click.IntRange(min=1), default=None,
    help="Convert in this many processes  [default: one per core]; the output is the same for any number.")
no_cache_option = click.option(
    "--no-cache", is_flag=True,
    help="Convert every source again instead of reading unchanged ones from the output folder's .broadsheet-cache/.")
