"""`--tar`: the bag as one tar whose bytes depend on the bag's contents only — members sorted,
owner 0/0 with no names, mtimes SOURCE_DATE_EPOCH (else the snapshot's date), modes 0644/0755."""

from __future__ import annotations

import tarfile
from pathlib import Path


def _info(name: str, mtime: int, size: int | None = None) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = mtime
    if size is None:
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    else:
        info.size, info.mode = size, 0o644
    return info


def write_tar(bag: Path, tar_path: Path, mtime: int) -> Path:
    """Write `bag` as `tar_path` with the bag's folder name as the top member."""
    if tar_path.exists():
        raise FileExistsError(f"{tar_path}: already exists; a snapshot never overwrites")
    top = bag.name
    entries = sorted(p.relative_to(bag).as_posix() for p in bag.rglob("*"))
    partial = tar_path.with_name(f".{tar_path.name}.partial")
    with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_info(top, mtime))
        for name in entries:
            path = bag / name
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                continue  # a snapshot holds plain files only
            if path.is_dir():
                tar.addfile(_info(f"{top}/{name}", mtime))
            else:
                with path.open("rb") as handle:
                    tar.addfile(_info(f"{top}/{name}", mtime, path.stat().st_size), handle)
    partial.rename(tar_path)
    return tar_path


