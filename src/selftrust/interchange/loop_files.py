"""Read any file Loop Habit Tracker gives its users: a CSV export or a backup database.

``selftrust import PATH`` hands us whatever the user picked; the first bytes tell a
backup database (SQLite) from a CSV export (a zip, or the folder it unpacks to).
"""

from __future__ import annotations

import os
from pathlib import Path

from selftrust.interchange.loop_csv import read_loop_csv
from selftrust.interchange.loop_db import SQLITE_MAGIC, read_loop_db
from selftrust.interchange.loop_records import LoopExport


def read_loop_export(path: str | os.PathLike[str]) -> LoopExport:
    """Read a Loop CSV export (zip or folder) or backup (.db); ImportProblem if neither."""
    source = Path(path)
    if source.is_file():
        try:
            with source.open("rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError:
            head = b""
        if head == SQLITE_MAGIC:
            return read_loop_db(source)
    return read_loop_csv(source)
