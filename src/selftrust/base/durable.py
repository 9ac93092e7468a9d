"""Pushing files and renames to the disk, for everything that must survive a power cut.

The data folder (``store``) and exported files (``interchange``) both write a complete
file beside its final name and rename it into place; a rename only lasts once the
folder holding it is synced too. One copy of that here, below both layers.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Push a file's bytes, or a folder's entries, to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` survive a power cut (POSIX only; a no-op elsewhere)."""
    if os.name == "posix":
        fsync_path(folder)
