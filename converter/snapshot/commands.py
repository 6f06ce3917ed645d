"""`broadsheet snapshot`, `broadsheet verify` and `broadsheet diff`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..wording import plural

DEFAULT_SOURCES = Path("site_src")
DEFAULT_DOCS = Path("docs")
DEFAULT_CONFIG = Path("mkdocs.yml")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="Folder the bag is written to; must not exist yet (or be empty).")
@click.option("--label", "label", default=None, help="The snapshot's name  [default: archive name and date]")
@click.option("--docs", "docs", type=click.Path(path_type=Path), default=DEFAULT_DOCS, show_default=True,
              help="Folder the articles and browse pages are written to (as for build).")
@click.option("--site-dir", "site_dir", type=click.Path(path_type=Path), default=None,
              help="Also keep the snapshot's offline site here  [default: only inside the bag]")
@click.option("--config-file", "config_file", type=click.Path(path_type=Path), default=DEFAULT_CONFIG,
              show_default=True, help="The archive's MkDocs configuration (extra: organisation, contact, "
              "description go to bag-info.txt).")
@click.option("--previous", "previous", type=click.Path(path_type=Path), default=None,
              help="The snapshot before this one: named and pinned in bag-info.txt, and what changed since it "
              "written to data/changes-since-previous.txt and .json.")
@click.option("--tar", "tar", is_flag=True, help="Also write OUT.tar, normalised for byte-identical copies.")
@click.option("--no-strict", is_flag=True, help="Do not fail on MkDocs warnings.")
@click.option("--prune", is_flag=True, help="Remove articles whose source is gone (never hand-locked ones).")
def snapshot(paths: tuple[Path, ...], out: Path, label: str | None, docs: Path, site_dir: Path | None,
             config_file: Path, previous: Path | None, tar: bool, no_strict: bool,
             prune: bool) -> None:
    """Build the site for offline reading and package a dated BagIt snapshot of the archive.

    The bag holds the sources byte for byte (data/sources/), the converted Markdown and
    conversion report (data/docs/) and the site (data/site/index.html opens from disk),
    with sha256 manifests and bag-info.txt (organisation, contact, date, label, counts).

    \b
    Examples:
      broadsheet snapshot --out snapshots/2026-11 --label "November 2026"
      broadsheet snapshot --out snapshots/2026-12 --previous snapshots/2026-11
      SOURCE_DATE_EPOCH=1700000000 broadsheet snapshot site_src/ --out snap --tar
    """
    from ..site.commands import quiet_libraries
    from .bag import SnapshotError, make_snapshot, snapshot_time
    from .previous import PreviousError
    from .sources import SourcesError
    from .tarball import write_tar
    from .verify import fingerprint

    quiet_libraries(False)
    tar_path = out.with_name(out.name + ".tar")
    if tar and tar_path.exists():
        raise click.ClickException(f"{tar_path}: already exists; a snapshot never overwrites")
    try:
        result = make_snapshot(list(paths) or [DEFAULT_SOURCES], out, docs, config_file, label=label,
                               site_dir=site_dir, strict=not no_strict, previous=previous, prune=prune)
    except (SnapshotError, SourcesError, PreviousError) as err:
        raise click.ClickException(str(err)) from None
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"snapshot {result.label!r}: {plural(result.articles, 'article')} from {plural(result.sources, 'source')} "
               f"({result.source_files} files with sidecars and notes); "
               f"{result.payload_files} files, {result.payload_bytes / 1e6:.1f} MB; built in "
               f"{result.build_seconds:.2f}s, bagged in {result.bag_seconds:.2f}s: {out}")
    click.echo(f"offline site: {out / 'data' / 'site' / 'index.html'}")
    click.echo(f"fingerprint: sha256:{fingerprint(out)} (sha256 of tagmanifest-sha256.txt)")
    if previous is not None:
        click.echo(f"changes since {previous}: {out / 'data' / 'changes-since-previous.txt'}")
    if tar:
        write_tar(out, tar_path, int(snapshot_time().timestamp()))
        click.echo(f"tar: {tar_path}")


@click.command()
@click.argument("bag", type=click.Path(path_type=Path))
def verify(bag: Path) -> None:
    """Check a snapshot's fixity: every checksum, nothing missing, nothing extra.

    Prints one line per problem naming the file, then a verdict; exits with status 1 on any problem.

    \b
    Examples:
      broadsheet verify snapshots/2026-11
    """
    from .verify import verdict, verify_bag

    problems = verify_bag(bag)
    for problem in problems:
        click.echo(click.style(problem.line(), fg="red"))
    click.echo(verdict(bag, problems))
    if problems:
        sys.exit(1)


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old: Path, new: Path, fmt: str) -> None:
    """What changed between two snapshots (or a snapshot and a docs folder).

    Articles added, removed and changed (title, path, which front-matter fields, how many
    paragraphs), matched by their source and lines so a corrected headline is a change;
    sources added, removed and changed (by sha256).

    \b
    Examples:
      broadsheet diff snapshots/2026-10 snapshots/2026-11
      broadsheet diff snapshots/2026-11 docs/ --format json
    """
    from .diff import DiffError, diff_archives, diff_json
    from .diff_text import diff_lines

    try:
        result = diff_archives(old, new)
    except DiffError as err:
        raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(diff_json(result))
    else:
        for line in diff_lines(result):
            click.echo(line)
