"""Write a Loop Habit Tracker backup database that Loop's "Import data" merges.

Loop's importer (``LoopDBImporter``) accepts an SQLite file holding ``Habits`` and
``Repetitions`` whose ``user_version`` is not newer than its own, brings the file up to
its schema with its own migrations, matches each habit by ``uuid`` (a new uuid makes a
new habit, a known one is edited to match the file) and writes every entry that differs
from the phone's. So the file carries each habit whole, with all its entries. We write
Loop's schema of version 25 (Loop 2.3.1) as its migrations leave it.

A table Loop never reads, ``SelfTrustPush``, marks the file as written here, so a pull
that scans a folder skips the desktop's own pushes. The file is written beside its final
name, checked (it opens, ``integrity_check`` is ok, and our own reader gives back every
habit's entries) and only then renamed into place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from selftrust.base.i18n import _
from selftrust.interchange.atomic import discard, finish, temporary_beside
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_db import DAY_MS, read_loop_db
from selftrust.interchange.loop_records import PALETTE, LoopHabit

SCHEMA_VERSION = 25
PUSH_MARKER = "SelfTrustPush"
_EPOCH = date(1970, 1, 1)

_SCHEMA = f"""
CREATE TABLE android_metadata (locale TEXT);
CREATE TABLE Habits (
    id integer primary key autoincrement, archived integer, color integer,
    description text, freq_den integer, freq_num integer, highlight integer,
    name text, position integer, reminder_hour integer, reminder_min integer,
    reminder_days integer not null default 127, type integer not null default 0,
    target_type integer not null default 0, target_value real not null default 0,
    unit text not null default "", question text, uuid text);
CREATE TABLE Events (
    id integer primary key autoincrement, timestamp integer, message text,
    server_id integer);
CREATE TABLE Repetitions (
    id integer primary key autoincrement, habit integer not null references habits(id),
    timestamp integer not null, value integer not null, notes text);
CREATE UNIQUE INDEX idx_repetitions_habit_timestamp ON Repetitions(habit, timestamp);
CREATE TABLE {PUSH_MARKER} (written_at text not null);
"""


class PushProblem(Exception):
    """The written file did not check out; nothing was offered (the message is for people)."""


def backup_name(now: datetime) -> str:
    """Loop's own name for a backup made at ``now``."""
    return f"Loop Habits Backup {now:%Y-%m-%d %H%M%S}.db"


def write_loop_db(path: Path, habits: Sequence[LoopHabit], now: datetime) -> Path:
    """Write ``habits`` to ``path`` (replacing it whole, atomically) and check it."""
    handle, temporary = temporary_beside(path)
    try:
        handle.close()
        _write(temporary, habits, now)
        check_written(temporary, habits)
        finish(temporary.open("r+b"), temporary, path)
    except BaseException:
        discard(handle, temporary)
        raise
    return path


def _write(path: Path, habits: Sequence[LoopHabit], now: datetime) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(_SCHEMA)
        conn.execute(f"INSERT INTO {PUSH_MARKER} VALUES (?)", (now.isoformat(),))
        conn.execute("INSERT INTO android_metadata VALUES ('en_US')")
        for position, h in enumerate(habits):
            reminder = h.reminder
            cursor = conn.execute(
                "INSERT INTO Habits (archived, color, description, freq_den, freq_num, "
                "highlight, name, position, reminder_hour, reminder_min, reminder_days, type, "
                "target_type, target_value, unit, question, uuid) "
                "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (int(h.archived), PALETTE.index(h.color_hex.upper()), h.description,
                 h.denominator, h.numerator, h.name, position,
                 None if reminder is None else reminder.hour,
                 None if reminder is None else reminder.minute,
                 127 if reminder is None else reminder.days,
                 int(h.is_numerical), int(h.at_most), h.target_value, h.unit, h.question,
                 h.uuid))
            habit_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)",
                [(habit_id, (e.day - _EPOCH).days * DAY_MS, e.value, e.notes)
                 for e in h.entries])
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
    finally:
        conn.close()


def check_written(path: Path, habits: Sequence[LoopHabit]) -> None:
    """The file opens, passes ``integrity_check`` and reads back as written."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            (result,) = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # TRANSLATORS: {reason} is SQLite's own words.
        raise PushProblem(_("the written Loop backup does not open ({reason})").format(
            reason=exc)) from None
    if result != "ok":
        raise PushProblem(
            _("the written Loop backup fails SQLite's integrity check ({reason})").format(
                reason=result))
    try:
        back = read_loop_db(path)
    except ImportProblem as problem:
        raise PushProblem(_("the written Loop backup does not read back ({reason})").format(
            reason=problem)) from None
    wrote = {h.uuid: [(e.day, e.value, e.notes) for e in h.entries] for h in habits}
    read = {h.uuid: [(e.day, e.value, e.notes) for e in h.entries] for h in back.habits}
    if wrote != read:
        raise PushProblem(
            _("the written Loop backup does not read back with the same check-ins"))


def is_own_push(path: Path) -> bool:
    """Whether a backup file was written by ``loop push`` (it carries our marker table)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.DatabaseError:
        return False
    try:
        row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (PUSH_MARKER,)).fetchone()
        return row is not None
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
