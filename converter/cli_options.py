"""Options shared by `broadsheet convert` and `broadsheet build`."""

from __future__ import annotations

import click

jobs_option = click.option(
    "-j", "--jobs", "jobs", type=click.IntRange(min=1), default=None,
    help="Convert in this many processes  [default: one per core]; the output is the same for any number.")
scheduler_option = click.option(
    "--scheduler", "scheduler", metavar="tcp://HOST:PORT", default=None,
    help="Convert on the Dask cluster whose scheduler is at this address instead of in local processes "
         "(--jobs is then unused; needs pip install 'broadsheet[cluster]'). The sources are read here, with "
         "the usual checks, and their bytes sent: workers need no shared folder, but must run the same "
         "broadsheet version. The output is the same as a local run's.")
no_cache_option = click.option(
    "--no-cache", is_flag=True,
    help="Convert every source again instead of reading unchanged ones from the output folder's .broadsheet-cache/ "
         "(`build`: and render every page, not only those whose inputs changed).")
