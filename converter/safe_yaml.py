"""YAML from untrusted files (sidecars, a source's own front matter): safe types, no anchors or aliases.

An alias bomb ("billion laughs") is a few hundred bytes whose aliases expand into
billions of nodes as soon as anything walks the value. Metadata never needs
anchors, so the events are scanned first (linear in the text, nothing expanded)
and a document holding an alias is refused before it is constructed.
"""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result
MAX_YAML_BYTES = 1024 * 1024  # metadata, not text


class MetadataLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """Safe YAML where a timestamp stays the text it was written as (`2026-13-45` is then one error naming
    its key, not a ValueError from the constructor); the contract checks dates itself."""


MetadataLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class UnsafeYaml(yaml.YAMLError):
    """A YAML document refused before construction; the message says why (one line)."""


def load_metadata_yaml(text: str) -> object:
    """The document's value; raises `UnsafeYaml` for aliases or an oversized text, `yaml.YAMLError` when broken."""
    if len(text) > MAX_YAML_BYTES:
        raise UnsafeYaml(f"metadata larger than {MAX_YAML_BYTES // 1024} KB: not read")
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise UnsafeYaml(f"uses a YAML alias (*{event.anchor}): anchors and aliases are not allowed "
                             "in metadata (refused before expanding)")
    return yaml.load(text, Loader=MetadataLoader)


def first_line(err: Exception) -> str:
    """A YAML error as one line (PyYAML's messages span several)."""
    return " ".join(str(err).split())[:200] or type(err).__name__
