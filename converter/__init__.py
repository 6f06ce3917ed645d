"""Broadsheet's converter: raw news text → one Markdown article per file.

Public API:
    convert_to(paths, out, kind=None, prune=False, explain=False) -> report dict
    convert_source(Source) / read_source(path) for one file
    Article, Block: the typed records
"""

from .api import convert_to
from .model import Article, Block
from .pipeline import convert_paths, convert_source
from .sources import read_source

__all__ = ["Article", "Block", "convert_paths", "convert_source", "convert_to", "read_source"]
