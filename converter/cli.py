"""The `broadsheet` command."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import MAX_SOURCE_SIZE, say
from .cli_options import jobs_option, no_cache_option, scheduler_option
from .detect import KINDS

DEFAULT_SOURCES = Path("site_src")
DEFAULT_DOCS = Path("docs")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="broadsheet")
def main() -> None:
    """Broadsheet: raw news text → one Markdown article per file → a static archive site.

    \b
    Examples:
      broadsheet init --sample                # a starter archive here, with the sample
      broadsheet convert                      # site_src/ → docs/
      broadsheet convert page.txt --out out/  # one file
      broadsheet build                        # convert, write browse pages, mkdocs build
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=DEFAULT_DOCS, show_default=True,
              help="Folder the articles and the report are written to.")
@click.option("--format", "kind", type=click.Choice(KINDS), default=None,
              help="Treat every input as this kind instead of detecting it.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file could not be converted.")
@click.option("--prune", is_flag=True, help="Remove articles whose source is gone (never hand-locked ones).")
@MAX_SOURCE_SIZE
@click.option("--explain", is_flag=True,
              help="Print, for every source line, its role and the rule that decided it (with -v: every rule's "
                   "change), after the kind chosen and the evidence for it; also kept in the report's JSON.")
@click.option("-v", "--verbose", is_flag=True, help="With --explain: the whole history of each line.")
@jobs_option
@scheduler_option
@no_cache_option
def convert(paths: tuple[Path, ...], out: Path, kind: str | None, strict: bool, prune: bool, max_bytes: int,
            explain: bool, verbose: bool, jobs: int | None, scheduler: str | None, no_cache: bool) -> None:
    """Convert news text files (or folders of them) into Markdown articles.

    \b
    Examples:
      broadsheet convert site_src/ --out docs/
      broadsheet convert scans/*.txt --format ocr-page --out docs/
      broadsheet convert feed.txt --strict
      broadsheet convert page.txt --explain --out /tmp/out   # why each line went where it went
      broadsheet convert site_src/ --jobs 4 --no-cache
      broadsheet convert site_src/ --scheduler tcp://10.0.0.5:8786   # on a Dask cluster
    """
    from .api import convert_to
    from .parallel import SchedulerError
    from .writer import why_not_written

    try:
        report = convert_to(list(paths) or [DEFAULT_SOURCES], out, kind=kind, prune=prune, max_bytes=max_bytes,
                            explain=explain, jobs=jobs or 0, cache=not no_cache, scheduler=scheduler)
    except SchedulerError as err:
        say(f"error: {err}", err=True)
        sys.exit(2)
    except OSError as err:
        say(f"error: {out}: the conversion report was not written: {why_not_written(err)}", err=True)
        sys.exit(1)
    if explain:
        _print_explanations(report, verbose)
    for error in report["errors"]:
        say(f"error: {error}", err=True)
    for warning in report["warnings"]:
        say(f"warning: {warning}", err=True)
    from .report import summary_lines

    for line in summary_lines(report):
        say(line)
    say(f"report: {out / 'conversion-report.md'}")
    if strict and report["errors"]:
        sys.exit(1)


def _print_explanations(report: dict, verbose: bool) -> None:
    from .explain import LineRole, format_explanation

    for source in report["sources"]:
        detection = source.get("detection") or {}
        summary = f"{source['kind']} ({detection.get('decided_by', '')}; confidence {detection.get('confidence', 0):.2f}" \
                  f"; runner-up {detection.get('runner_up')} {detection.get('runner_up_confidence', 0):.2f})"
        lines = [LineRole(**line) for line in source.get("explain", [])]
        for text in format_explanation(source["file"], summary, detection.get("evidence", []), lines, verbose):
            say(text)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default=DEFAULT_DOCS, show_default=True,
              help="The folder `broadsheet convert` wrote the articles and the report to.")
def audit(paths: tuple[Path, ...], out: Path) -> None:
    """Check that every word of every source is in an article or in the report's dropped lines.

    Prints the share of words accounted for per source and any missing words;
    exits with status 1 when a word is missing.

    \b
    Examples:
      broadsheet convert site_src/ --out docs/ && broadsheet audit site_src/ --out docs/
    """
    from .audit import ReportError, audit_output, overall_percent

    if not (out / "conversion-report.json").is_file():
        raise click.UsageError(f"no conversion report in {out}: run broadsheet convert first")
    try:
        results = audit_output(list(paths) or [DEFAULT_SOURCES], out)
    except ReportError as err:
        say(f"error: {err}", err=True)
        sys.exit(2)
    for result in results:
        say(result.line())
    click.echo(f"{overall_percent(results):.2f}% of {sum(r.total for r in results)} words accounted for")
    if any(r.missing for r in results):
        sys.exit(1)


@main.command()
@click.option("--out", "out", type=click.Path(path_type=Path), help="Folder the composed files are written to.")
@click.option("--count", "count_", type=click.IntRange(min=1), default=30, show_default=True,
              help="How many files to compose (mixes are taken in turn).")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--mix", "mixes", multiple=True, metavar="NAME", help="Only these convention mixes (repeatable).")
@click.option("--list-mixes", is_flag=True, help="Name the convention mixes and exit.")
def compose(out: Path | None, count_: int, seed: int, mixes: tuple[str, ...], list_mixes: bool) -> None:
    """Compose synthetic news pages from real article texts, with their gold and line roles.

    Each file NAME.txt comes with NAME.json (gold in the scorer's format) and
    NAME.roles.jsonl (one line role per source line).

    \b
    Examples:
      broadsheet compose --list-mixes
      broadsheet compose --out composed/ --count 60 --seed 1
      broadsheet compose --out zh/ --count 10 --mix zh-blank --mix zh-jump-page
    """
    from .compose import MIXES, compose_many, write_composed

    if list_mixes:
        for name in sorted(MIXES):
            click.echo(name)
        return
    if out is None:
        raise click.UsageError("--out is required (or --list-mixes)")
    unknown = [m for m in mixes if m not in MIXES]
    if unknown:
        raise click.UsageError(f"unknown mix {unknown[0]!r}: see broadsheet compose --list-mixes")
    pages = compose_many(count_, seed, list(mixes) or None)
    for page in pages:
        write_composed(page, out)
    click.echo(f"{len(pages)} composed files ({len(set(p.mix for p in pages))} mixes) written to {out}")


def _register_site_commands() -> None:
    try:
        from .site.commands import build, serve
        from .site.starter import init
    except ImportError:  # pragma: no cover - the site layer is optional while it is being built
        return
    main.add_command(init)
    main.add_command(build)
    main.add_command(serve)


_register_site_commands()


def _register_snapshot_commands() -> None:
    from .snapshot.commands import diff, snapshot, verify

    main.add_command(snapshot)
    main.add_command(verify)
    main.add_command(diff)


_register_snapshot_commands()
