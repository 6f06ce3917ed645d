"""`broadsheet snapshot`: build the archive's offline site and package one dated BagIt bag.

    OUT/
      bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
      data/sources/…   the sources as given, bytes unchanged, by path under the sources root
      data/docs/…      the converted Markdown, browse pages and the conversion report
      data/site/…      the built site; open data/site/index.html from disk
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import bagit

from ..cache import CACHE_DIR
from .archive_info import ArchiveInfo, read_archive_info
from .offline import install_shim, offline_config
from .previous import previous_fields, write_changes
from .sources import collect_sources

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"  # RFC 8493
CHECKSUMS = ["sha256"]


class SnapshotError(Exception):
    """A snapshot that cannot be made; the message says why."""


@dataclass
class SnapshotResult:
    bag: Path
    label: str
    articles: int
    sources: int        # news sources converted (sidecars and notes not counted)
    source_files: int   # every file under data/sources/
    payload_bytes: int
    payload_files: int
    build_seconds: float
    bag_seconds: float
    errors: list[str] = field(default_factory=list)     # sources that could not be converted
    warnings: list[str] = field(default_factory=list)


def software_agent() -> str:
    try:
        return f"broadsheet {version('broadsheet')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "broadsheet"


def snapshot_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible snapshots), else now; UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except ValueError:
            raise SnapshotError(f"SOURCE_DATE_EPOCH={epoch!r}: not a whole number of seconds") from None
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SnapshotError(f"{out}: already exists and is not empty; a snapshot never overwrites, "
                            "choose a new --out")


def bag_info(info: ArchiveInfo, label: str, when: datetime, articles: int, sources: int) -> dict[str, str]:
    fields = {
        "Source-Organization": info.organisation,
        "Contact-Name": info.contact_name,
        "Contact-Email": info.contact_email,
        "External-Description": info.description,
        "External-Identifier": label,
        "Bagging-Date": when.strftime("%Y-%m-%d"),
        "Bag-Software-Agent": software_agent(),
        "Snapshot-Archive": info.name,
        "Snapshot-Label": label,
        "Snapshot-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Snapshot-Articles": str(articles),
        "Snapshot-Sources": str(sources),  # news sources converted
    }
    return {key: value for key, value in fields.items() if value}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sorted_manifest(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(f"{line}\n" for line in sorted(lines, key=lambda l: l.split(" ", 1)[1])),
                    encoding="utf-8")


def normalise_bag(bag: Path) -> None:
    """Declare BagIt 1.0 (bagit.py writes 0.97), sort the manifests by path, redo the tag manifest."""
    (bag / "bagit.txt").write_text(BAGIT_TXT, encoding="utf-8")
    for algorithm in CHECKSUMS:
        _sorted_manifest(bag / f"manifest-{algorithm}.txt")
    tags = sorted(p.relative_to(bag).as_posix() for p in bag.rglob("*")
                  if p.is_file() and not p.relative_to(bag).parts[0] == "data"
                  and not p.name.startswith("tagmanifest-"))
    for algorithm in CHECKSUMS:
        lines = [f"{_sha256(bag / tag)} {tag}\n" for tag in tags]
        (bag / f"tagmanifest-{algorithm}.txt").write_text("".join(lines), encoding="utf-8")


def _build(paths: list[Path], docs: Path, site: Path, config_file: Path, strict: bool, prune: bool,
           snapshot: dict | None = None) -> dict:
    from ..site.commands import build_site

    with offline_config(config_file, snapshot) as config:
        stats = build_site(paths, docs, site, config, strict=strict, prune=prune)
    install_shim(site)
    return stats


def _check_inputs(paths: list[Path], out: Path, config_file: Path) -> None:
    check_out(out)
    for path in paths:
        if not path.exists():
            raise SnapshotError(f"{path}: no such file or folder")
    if not config_file.is_file():
        raise SnapshotError(f"{config_file}: no such MkDocs configuration")


def make_snapshot(paths: list[Path], out: Path, docs: Path, config_file: Path, label: str | None = None,
                  site_dir: Path | None = None, strict: bool = True, previous: Path | None = None,
                  prune: bool = False) -> SnapshotResult:
    """Build the offline site from `paths` and write the bag to `out` (which must not hold anything);
    with `previous` (an earlier snapshot), record what changed since it and pin it by checksum."""
    _check_inputs(paths, out, config_file)
    chained = previous_fields(previous) if previous is not None else {}
    when, info = snapshot_time(), read_archive_info(config_file)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        payload = staging / "bag"
        started = time.perf_counter()
        label = label or f"{info.name} {when:%Y-%m-%d}"
        stats = _build(paths, docs, site_dir or payload / "site", config_file, strict, prune,
                       {"label": label, "date": f"{when:%Y-%m-%d}", "previous": previous is not None})
        built = time.perf_counter()
        if site_dir is not None:
            shutil.copytree(site_dir, payload / "site")
        shutil.copytree(docs, payload / "docs", ignore=shutil.ignore_patterns(CACHE_DIR))  # caches are no archive
        sources = collect_sources(paths, payload / "sources")
        if previous is not None:
            write_changes(payload, previous, label)
        converted = len(stats["report"].get("sources", []))
        bag = bagit.make_bag(str(payload), {**bag_info(info, label, when, stats["articles"], converted), **chained},
                             checksums=CHECKSUMS)
        normalise_bag(payload)
        if out.exists():
            out.rmdir()
        payload.rename(out)
        total_bytes, total_files = (int(n) for n in bag.info["Payload-Oxum"].split("."))
        return SnapshotResult(out, label, stats["articles"], converted, len(sources), total_bytes, total_files,
                              built - started, time.perf_counter() - built,
                              list(stats["report"].get("errors", [])), list(stats["report"].get("warnings", [])))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
