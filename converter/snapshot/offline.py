"""The snapshot's site works from file://: a temporary MkDocs configuration that INHERITs the
archive's and turns on `use_directory_urls: false` and Material's `offline` plugin, with the
iframe-worker shim shipped inside the site instead of loaded from a CDN."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..site.citation import SNAPSHOT_KEY
from .archive_info import load_config

SHIM = Path(__file__).parent / "assets" / "iframe-worker-shim.js"
SHIM_LICENSE = SHIM.with_name("iframe-worker-LICENSE.txt")
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"  # the name holds "iframe-worker": no CDN copy added


def _with_offline(plugins) -> list | dict:
    if isinstance(plugins, dict):
        return {**plugins, "offline": (plugins.get("offline") or {})}
    names = [next(iter(p)) if isinstance(p, dict) else str(p) for p in plugins or []]
    listed = list(plugins or []) if plugins is not None else ["search"]
    return listed if "offline" in names else [*listed, "offline"]


def offline_overrides(config_file: Path, snapshot: dict | None = None) -> dict:
    """What the snapshot changes in the archive's configuration (the rest is inherited); `snapshot`
    ({label, date}) goes to `extra.broadsheet_snapshot`, for the citations on article pages."""
    parent = load_config(config_file)
    extra = parent.get("extra") if isinstance(parent.get("extra"), dict) else {}
    polyfills = [p for p in extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
    overrides = {"INHERIT": config_file.name}
    # repeated so that readers of this one file (broadsheet's own settings) see the archive's values
    overrides.update({key: parent[key] for key in ("site_name", "site_url") if parent.get(key)})
    overrides.update({
        "use_directory_urls": False,
        "plugins": _with_offline(parent.get("plugins")),  # lists are replaced, not merged, by INHERIT
        "extra": {**extra, "polyfills": [*polyfills, SHIM_URL],
                  **({SNAPSHOT_KEY: dict(snapshot)} if snapshot else {})},
    })
    return overrides


@contextlib.contextmanager
def offline_config(config_file: Path, snapshot: dict | None = None) -> Iterator[Path]:
    """A temporary config beside the archive's (so its relative paths — hooks, theme — still resolve)."""
    config_file = config_file.resolve()
    text = "# Written by `broadsheet snapshot` for the snapshot's offline site; removed after the build.\n"
    text += yaml.safe_dump(offline_overrides(config_file, snapshot), sort_keys=False, allow_unicode=True)
    handle, name = tempfile.mkstemp(prefix=".broadsheet-snapshot-", suffix=".yml", dir=config_file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def install_shim(site_dir: Path) -> None:
    """Put the iframe-worker shim (and its licence) where the offline config's polyfill points."""
    target = site_dir / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)
    shutil.copyfile(SHIM_LICENSE, target.with_name(SHIM_LICENSE.name))
