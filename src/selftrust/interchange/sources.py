"""Tell what a file is by its content, and read it as import records.

People pick files by name and names lie ("export (1).zip", a .db renamed .bak), so the
first bytes decide: SQLite, a zip (ours has commitments.csv, Loop's Habits.csv), or
JSON. Whatever it is, a file we cannot import gets one message that says what we
expected, never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from selftrust.base.i18n import N_, _
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv_habits import HABITS_FILE
from selftrust.interchange.loop_db import SQLITE_MAGIC
from selftrust.interchange.loop_import import read_loop_items
from selftrust.interchange.native_csv import COMMITMENTS_FILE, read_csv
from selftrust.interchange.native_json import read_json
from selftrust.interchange.native_records import Item
from selftrust.interchange.zip_or_folder import first_bytes, holds

# The kinds of file, as the summary's English names them (it words each one whole).
NATIVE_JSON = "Self-Trust JSON export"
NATIVE_CSV = "Self-Trust CSV export"
LOOP_CSV = "Loop Habit Tracker CSV export"
LOOP_DB = "Loop Habit Tracker backup"

# TRANSLATORS: the second half of a sentence about a file that cannot be imported ("the
# file is empty (0 bytes); choose a Self-Trust export…").
WHAT_WE_READ = N_(
    "choose a Self-Trust export (.json or .zip), a Loop Habit Tracker CSV export (.zip) "
    "or a Loop Habit Tracker backup (.db)"
)


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    kind: str
    read: Callable[[], Iterator[Item]]

    @property
    def is_loop(self) -> bool:
        return self.kind in (LOOP_CSV, LOOP_DB)


def identify(path: Path) -> Source:
    """What ``path`` holds; ImportProblem if it is nothing we can import."""
    if path.is_dir():
        return _export_files(path)
    name = path.name
    size, head = first_bytes(path, 64)
    if size == 0:
        raise ImportProblem(_("the file is empty (0 bytes); {choose}").format(
            choose=_(WHAT_WE_READ)), file=name)
    if head.startswith(SQLITE_MAGIC):
        if _is_selftrust_database(path):
            raise ImportProblem(
                _("is a Self-Trust database or backup, not an export; to go back to it, "
                  "restore it under File → Backups (or `selftrust restore`)"),
                file=name,
            )
        return Source(path, LOOP_DB, lambda: read_loop_items(path))
    if head.startswith(b"PK"):
        return _export_files(path)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"{", b"[")):
        return Source(path, NATIVE_JSON, lambda: read_json(path))
    if start == b"" and size > len(head):
        return Source(path, NATIVE_JSON, lambda: read_json(path))
    raise ImportProblem(_("is not a file Self-Trust can import; {choose}").format(
        choose=_(WHAT_WE_READ)), file=name)


def _export_files(path: Path) -> Source:
    """A zip or folder: ours if it has commitments.csv, Loop's if it has Habits.csv."""
    if holds(path, COMMITMENTS_FILE):
        return Source(path, NATIVE_CSV, lambda: read_csv(path))
    if holds(path, HABITS_FILE):
        return Source(path, LOOP_CSV, lambda: read_loop_items(path))
    if path.is_dir():
        raise ImportProblem(
            _("the folder {folder} holds neither a Self-Trust CSV export (commitments.csv) "
              "nor a Loop Habit Tracker export (Habits.csv)").format(folder=path)
        )
    raise ImportProblem(
        _("this zip holds neither a Self-Trust CSV export nor a Loop export; {choose}").format(
            choose=_(WHAT_WE_READ)),
        file=path.name,
    )


def _is_selftrust_database(path: Path) -> bool:
    """True for our own database file (it has our tables), read without changing it."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return {"commitment", "checkin", "alembic_version"} <= tables
