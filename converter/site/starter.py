"""`broadsheet init`: a starter archive in a folder (mkdocs.yml, site_src/, docs/)."""

from __future__ import annotations

import shutil
import sys
from importlib import resources
from pathlib import Path

import click

STARTER = "starter"
SAMPLE = "sample"
SOURCES = "site_src"
DOCS = "docs"


def _package_dir(name: str):
    return resources.files("converter.site") / name


def write_starter(target: Path, sample: bool) -> list[Path]:
    """Write mkdocs.yml, docs/ and site_src/ (the README on sidecars, or the sample) into `target`.
    A site_src/ that already holds sources is kept as it is (the sample is then refused).
    Raises FileExistsError naming the first file that is already there: nothing is overwritten."""
    config, sources = target / "mkdocs.yml", target / SOURCES
    if config.exists():
        raise FileExistsError(config)
    has_sources = sources.is_dir() and any(sources.iterdir())
    if has_sources and sample:
        raise FileExistsError(sources)
    target.mkdir(parents=True, exist_ok=True)
    (target / DOCS).mkdir(exist_ok=True)
    sources.mkdir(exist_ok=True)
    config.write_text((_package_dir(STARTER) / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    written = [config]
    if sample:
        for item in sorted(_package_dir(SAMPLE).iterdir(), key=lambda i: i.name):
            if item.is_file() and not item.name.startswith("."):
                with resources.as_file(item) as path:
                    shutil.copyfile(path, sources / item.name)
                written.append(sources / item.name)
    elif not has_sources:
        readme = sources / "README.md"
        readme.write_text((_package_dir(STARTER) / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
        written.append(readme)
    return written


@click.command()
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option("--sample", is_flag=True, help="Fill site_src/ with the built-in sample (three issues, 33 articles).")
def init(directory: Path, sample: bool) -> None:
    """Write a starter archive: mkdocs.yml using the broadsheet plugin, site_src/ and docs/.

    \b
    Examples:
      broadsheet init                 # here; then put news text in site_src/
      broadsheet init my-archive --sample && cd my-archive && broadsheet build
    """
    try:
        written = write_starter(directory, sample)
    except FileExistsError as err:
        click.echo(f"error: {err}: already exists; nothing written (init writes only into a new archive)", err=True)
        sys.exit(2)
    sources = directory / SOURCES
    what = f"the sample in {sources}" if sample else f"an empty {sources}/ (see its README.md on sidecars)"
    if not sample and len(written) == 1:
        what = f"kept the sources already in {sources}"
    click.echo(f"wrote {written[0]} and {what}")
    click.echo("next: broadsheet build   (or broadsheet serve to preview)"
               + ("" if sample else ", after putting news text in site_src/"))
