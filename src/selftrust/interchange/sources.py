"""Tell what a file is by its content, and read it as import records.

People pick files by name and names lie ("export (1).zip", a .db renamed .bak), so the
first bytes decide: SQLite, a zip (ours has commitments.csv, Loop's Habits.csv), or
JSON. Whatever it is, a file we cannot import gets one message that says what we
expected, never a traceback.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_import import read_loop_items
from selftrust.interchange.native_csv import COMMITMENTS_FILE, read_csv
from selftrust.interchange.native_json import read_json
from selftrust.interchange.native_records import Item

SQLITE_MAGIC = b"SQLite format 3\x00"
HABITS_FILE = "Habits.csv"

NATIVE_JSON = "Self-Trust JSON export"
NATIVE_CSV = "Self-Trust CSV export"
LOOP_CSV = "Loop Habit Tracker CSV export"
LOOP_DB = "Loop Habit Tracker backup"

WHAT_WE_READ = (
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
        return _folder(path)
    if not path.exists():
        raise ImportProblem(f"there is no file or folder at {path}")
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(64)
    except OSError as exc:
        raise ImportProblem(f"cannot be read ({exc.strerror or exc})", file=name) from None
    if size == 0:
        raise ImportProblem(f"the file is empty (0 bytes); {WHAT_WE_READ}", file=name)
    if head.startswith(SQLITE_MAGIC):
        if _is_selftrust_database(path):
            raise ImportProblem(
                "is a Self-Trust database or backup, not an export; to go back to it, "
                "restore it under File → Backups (or `selftrust restore`)",
                file=name,
            )
        return Source(path, LOOP_DB, lambda: read_loop_items(path))
    if head.startswith(b"PK"):
        return _zip(path)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"{", b"[")):
        return Source(path, NATIVE_JSON, lambda: read_json(path))
    if start == b"" and size > len(head):
        return Source(path, NATIVE_JSON, lambda: read_json(path))
    raise ImportProblem(f"is not a file Self-Trust can import; {WHAT_WE_READ}", file=name)


def _folder(path: Path) -> Source:
    def has(name: str) -> bool:
        if (path / name).is_file():
            return True
        try:
            return any((d / name).is_file() for d in path.iterdir() if d.is_dir())
        except OSError:
            return False

    if has(COMMITMENTS_FILE):
        return Source(path, NATIVE_CSV, lambda: read_csv(path))
    if has(HABITS_FILE):
        return Source(path, LOOP_CSV, lambda: read_loop_items(path))
    raise ImportProblem(
        f"the folder {path} holds neither a Self-Trust CSV export (commitments.csv) nor "
        "a Loop Habit Tracker export (Habits.csv)"
    )


def _zip(path: Path) -> Source:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n.rsplit("/", 1)[-1] for n in archive.namelist() if n.count("/") <= 1]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportProblem(
            "the zip file is damaged or incomplete (was the download or copy cut short?)",
            file=path.name,
        ) from None
    if COMMITMENTS_FILE in names:
        return Source(path, NATIVE_CSV, lambda: read_csv(path))
    if HABITS_FILE in names:
        return Source(path, LOOP_CSV, lambda: read_loop_items(path))
    raise ImportProblem(
        f"this zip holds neither a Self-Trust CSV export nor a Loop export; {WHAT_WE_READ}",
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
