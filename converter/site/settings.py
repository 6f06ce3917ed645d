"""The few settings broadsheet reads from mkdocs.yml: the archive's name, site_url, URL style."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_NAME = "Broadsheet archive"


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads unknown tags (`!ENV`, `!!python/name:…`) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _any_tag)
TolerantLoader = _TolerantLoader  # shared with the snapshot's reading of the same file


@dataclass
class SiteSettings:
    name: str = DEFAULT_NAME
    site_url: str = ""
    use_directory_urls: bool = True


def read_settings(config_file: Path) -> SiteSettings:
    """`extra.archive_name` (else `site_name`), `site_url` and `use_directory_urls` from the config."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    extra = data.get("extra") or {}
    return SiteSettings(name=str(extra.get("archive_name") or data.get("site_name") or DEFAULT_NAME),
                        site_url=str(data.get("site_url") or ""),
                        use_directory_urls=bool(data.get("use_directory_urls", True)))
