"""Archivist snapshots: a dated BagIt bag (RFC 8493) of the sources, the converted Markdown, the
built offline site and the conversion report; fixity checks, diffs between snapshots, a normalised tar.

    make_snapshot(...)  -> SnapshotResult      (bag.py)
    verify_bag(path)    -> list[Problem]       (verify.py)
    diff_archives(a, b) -> ArchiveDiff         (diff.py)
    write_tar(bag, tar)                        (tarball.py)
"""
