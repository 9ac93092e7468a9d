"""Replacing a small file so a reader (or a file-sync tool) sees the old or the new whole."""

from __future__ import annotations

import os
from pathlib import Path

from selftrust.base.durable import fsync_dir


def write_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` beside ``path``, push it to the disk, rename it into place.

    ``durable`` False skips the fsyncs, for caches that a lost write only makes slower.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    if durable:
        fsync_dir(path.parent)
