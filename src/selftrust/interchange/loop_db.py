"""Read a Loop Habit Tracker backup database (``Loop Habits Backup ….db``).

A Loop backup is a copy of Loop's SQLite file. We open it read-only through an SQLite
URI (``mode=ro``) so the user's file is never changed, check it really is a Loop
database of a schema version we know (``PRAGMA user_version`` 22 to 25), and read the
``Habits`` and ``Repetitions`` tables. Columns that appeared over the versions are
looked up, not assumed: ``question`` (version 23), ``uuid`` (24) and
``Repetitions.notes`` (25), and the reminder's ``reminder_hour``, ``reminder_min`` and
``reminder_days`` too. Before version 23 Loop kept the question in ``description``;
its migration 23 moves it across, and so do we.

Repetitions hold what the user entered (Loop computes YES_AUTO days and scores on the
fly), with each day as the epoch milliseconds of its UTC midnight.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.interchange.errors import ImportProblem, cannot_be_read
from selftrust.interchange.loop_records import (
    PALETTE,
    UNKNOWN,
    LoopEntry,
    LoopExport,
    LoopHabit,
    LoopReminder,
    db_format,
)

OLDEST_VERSION = 22
NEWEST_VERSION = 25
SQLITE_MAGIC = b"SQLite format 3\x00"
DAY_MS = 86_400_000
_EPOCH = date(1970, 1, 1)
_MAX_DAY_MS = (date(9999, 12, 31) - _EPOCH).days * DAY_MS

_HABIT_COLUMNS = (
    "id", "archived", "color", "description", "freq_den", "freq_num", "name", "position",
    "type", "target_type", "target_value", "unit",
)  # fmt: skip
_REPETITION_COLUMNS = ("habit", "timestamp", "value")

# TRANSLATORS: where in a Loop backup a problem is ("Habits table: habit id 3: it has
# no name"); Habits and Repetitions are the names of Loop's tables.
HABITS = N_("Habits table")
REPETITIONS = N_("Repetitions table")


def read_loop_db(path: str | os.PathLike[str]) -> LoopExport:
    """Read a Loop backup database without modifying it.

    Raises :class:`ImportProblem` when the file is not a Loop database, is damaged,
    or comes from a Loop newer (or much older) than we understand.
    """
    source = Path(path)
    label = source.name
    wal = _check_header(source, label)
    conn = _connect(source, label, wal)
    try:
        version = _check_schema(conn, label)
        habit_cols = _columns(conn, "Habits")
        rep_cols = _columns(conn, "Repetitions")
        rows = _read_habits(conn, habit_cols, version)
        entries = _read_repetitions(conn, rep_cols, {r[0] for r in rows})
    except sqlite3.DatabaseError as e:
        raise ImportProblem(
            # TRANSLATORS: {reason} is SQLite's own words.
            _("the database is damaged or unreadable ({reason})").format(reason=e), file=label
        ) from None
    finally:
        conn.close()
    habits = tuple(
        _habit(row, position, tuple(entries.get(row[0], ())))
        for position, row in enumerate(rows, start=1)
    )
    return LoopExport(habits=habits, source=source, format_version=db_format(version))


def _check_header(path: Path, label: str) -> bool:
    """Refuse what is not SQLite; tell whether the file was left in WAL mode."""
    if not path.is_file():
        raise ImportProblem(_("there is no file at {path}").format(path=path))
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as e:
        raise ImportProblem(cannot_be_read(e), file=label) from None
    if not head:
        raise ImportProblem(_("the file is empty (0 bytes), so it is not a Loop backup"),
                            file=label)
    if not head.startswith(SQLITE_MAGIC):
        raise ImportProblem(
            _("is not a Loop Habit Tracker backup (it is not an SQLite database)"), file=label
        )
    # Header bytes 18 and 19 are the read and write format versions: 2 means WAL.
    return len(head) >= 20 and 2 in (head[18], head[19])


def _connect(path: Path, label: str, wal: bool) -> sqlite3.Connection:
    """Open read-only; never create, lock for writing, or roll back anything.

    A database in WAL mode makes even a read-only reader create ``-wal`` and ``-shm``
    files beside it, so such a backup (complete in itself) is opened as immutable.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    attempts = [uri + "&immutable=1"] if wal else [uri, uri + "&immutable=1"]
    error: sqlite3.DatabaseError | None = None
    for attempt in attempts:
        try:
            conn = sqlite3.connect(attempt, uri=True)
        except sqlite3.DatabaseError as e:
            error = e
            continue
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as e:
            conn.close()
            error = e
    raise ImportProblem(
        # TRANSLATORS: {reason} is SQLite's own words.
        _("the database is damaged or cannot be opened ({reason})").format(reason=error),
        file=label
    ) from None


def _check_schema(conn: sqlite3.Connection, label: str) -> int:
    tables = {
        str(name).lower()
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not {"habits", "repetitions"} <= tables:
        raise ImportProblem(
            _("is not a Loop Habit Tracker backup (it has no Habits and Repetitions tables)"),
            file=label,
        )
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > NEWEST_VERSION:
        raise ImportProblem(
            _("this backup comes from a newer Loop (database version {version}); Self-Trust "
              "reads Loop backups of database versions {oldest} to {newest}").format(
                version=version, oldest=OLDEST_VERSION, newest=NEWEST_VERSION),
            file=label,
        )
    if version < OLDEST_VERSION:
        raise ImportProblem(
            _("this backup comes from a very old Loop (database version {version}); open it "
              "in a current Loop, make a new backup and import that (Self-Trust reads "
              "database versions {oldest} to {newest})").format(
                version=version, oldest=OLDEST_VERSION, newest=NEWEST_VERSION),
            file=label,
        )
    for table, needed in (("Habits", _HABIT_COLUMNS), ("Repetitions", _REPETITION_COLUMNS)):
        have = _columns(conn, table)
        missing = [c for c in needed if c not in have]
        if missing:
            raise ImportProblem(
                # TRANSLATORS: {table} is Habits or Repetitions, {columns} the names of the
                # columns missing (as Loop names them), one or more.
                ngettext("is not a Loop Habit Tracker backup (its {table} table has no "
                         "{columns} column)",
                         "is not a Loop Habit Tracker backup (its {table} table has no "
                         "{columns} columns)", len(missing)).format(
                    table=table, columns=", ".join(missing)),
                file=label,
            )
    return int(version)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]).lower() for row in conn.execute(f"PRAGMA table_info({table})")}


_HabitRow = tuple[int, str, str, str, int, int, bool, str, float, bool, str, bool, str | None,
                  LoopReminder | None]


def _read_habits(conn: sqlite3.Connection, cols: set[str], version: int) -> list[_HabitRow]:
    def column(name: str) -> str:
        return name if name in cols else "NULL"

    query = (
        "SELECT id, name, description, " + column("question") + ", freq_num, freq_den, type, "
        "unit, target_value, target_type, color, archived, " + column("uuid") + ", "
        + column("reminder_hour") + ", " + column("reminder_min") + ", "
        + column("reminder_days") + " FROM Habits ORDER BY position, id"
    )
    out: list[_HabitRow] = []
    for raw in conn.execute(query):
        (hid, name, description, quest, num, den, kind, unit, target, ttype, color, arch, uid,
         hour, minute, days) = raw  # fmt: skip
        def problem(detail: str, hid: object = hid) -> ImportProblem:
            # TRANSLATORS: a problem of one habit in a Loop backup; {id} is its number
            # there.
            return ImportProblem(_("habit id {id}: {problem}").format(id=hid, problem=detail),
                                 file=_(HABITS))

        if not isinstance(hid, int):
            raise problem(_("its id is not a number"))
        if not isinstance(name, str):
            raise problem(_("it has no name"))
        description = description if isinstance(description, str) else ""
        quest = quest if isinstance(quest, str) else ""
        if version < 23:
            quest, description = description, ""  # Loop's migration 23
        if not (isinstance(num, int) and isinstance(den, int)) or not 1 <= num <= den:
            raise problem(_("the frequency {value} is not a number of times per days").format(
                value=f"{num}/{den}"))
        if kind not in (0, 1):
            raise problem(_("the type {value} is not 0 (yes/no) or 1 (measurable)").format(
                value=repr(kind)))
        is_numerical = kind == 1
        if is_numerical:
            if ttype not in (0, 1):
                raise problem(
                    _("the target type {value} is not 0 (at least) or 1 (at most)").format(
                        value=repr(ttype)))
            if not isinstance(target, int | float) or not math.isfinite(target) or target < 0:
                raise problem(_("the target value {value} is not a number of 0 or more").format(
                    value=repr(target)))
        if not isinstance(color, int) or not 0 <= color < len(PALETTE):
            raise problem(
                _("the colour {value} is not one of Loop's 20 colours (0 to 19)").format(
                    value=repr(color)))
        out.append(
            (
                hid,
                name,
                quest,
                description,
                num,
                den,
                is_numerical,
                unit if is_numerical and isinstance(unit, str) else "",
                float(target) if is_numerical else 0.0,
                is_numerical and ttype == 1,
                PALETTE[color],
                bool(arch),
                uid if isinstance(uid, str) and uid else None,
                None if hour is None else LoopReminder(hour, minute, days),
            )
        )
    return out


def _read_repetitions(
    conn: sqlite3.Connection, cols: set[str], habit_ids: set[int]
) -> dict[int, list[LoopEntry]]:
    """Every habit's entries, oldest first; a later row for the same day wins, as in Loop."""
    notes = "notes" if "notes" in cols else "NULL"
    query = f"SELECT id, habit, timestamp, value, {notes} FROM Repetitions ORDER BY habit, id"
    out: dict[int, list[LoopEntry]] = {}
    for habit, entries in _grouped(conn.execute(query), habit_ids):
        by_day: dict[date, LoopEntry] = {}
        for rid, timestamp, value, note in entries:
            if not isinstance(timestamp, int) or not 0 <= timestamp <= _MAX_DAY_MS:
                raise ImportProblem(
                    # TRANSLATORS: {id} and {habit} are the numbers of a row and its habit
                    # in a Loop backup.
                    _("repetition id {id} of habit id {habit}: the time stamp {value} is not "
                      "a day").format(id=rid, habit=habit, value=repr(timestamp)),
                    file=_(REPETITIONS)
                )
            if not isinstance(value, int) or not UNKNOWN <= value < 2**31:
                raise ImportProblem(
                    _("repetition id {id} of habit id {habit}: the value {value} is not one "
                      "Loop stores").format(id=rid, habit=habit, value=repr(value)),
                    file=_(REPETITIONS)
                )
            # Loop truncates a time stamp to the start of its UTC day (Timestamp.kt).
            day = _EPOCH + timedelta(days=timestamp // DAY_MS)
            by_day[day] = LoopEntry(day, value, note if isinstance(note, str) else "")
        out[habit] = sorted(by_day.values(), key=lambda e: e.day)
    return out


def _grouped(
    rows: Iterator[tuple[object, ...]], habit_ids: set[int]
) -> Iterator[tuple[int, list[tuple[object, object, object, object]]]]:
    """Stream rows sorted by habit into one list per known habit (others are skipped)."""
    current: int | None = None
    bucket: list[tuple[object, object, object, object]] = []
    for rid, habit, timestamp, value, note in rows:
        if habit != current:
            if current is not None and bucket:
                yield current, bucket
            current = habit if isinstance(habit, int) else None
            bucket = []
        if current is not None and current in habit_ids:
            bucket.append((rid, timestamp, value, note))
    if current is not None and bucket:
        yield current, bucket


def _habit(row: _HabitRow, position: int, entries: tuple[LoopEntry, ...]) -> LoopHabit:
    (_hid, name, question, description, num, den, is_numerical, unit, target, at_most,
     color, archived, uuid, reminder) = row  # fmt: skip
    if not is_numerical:
        for e in entries:
            if not UNKNOWN <= e.value <= 3:
                raise ImportProblem(
                    _("habit “{name}” is a yes/no habit but has the value {value} on "
                      "{day}").format(name=name, value=e.value,
                                      day=formats.short_date(e.day)),
                    file=_(REPETITIONS),
                )
    return LoopHabit(
        position=position,
        name=name,
        question=question,
        description=description,
        numerator=num,
        denominator=den,
        is_numerical=is_numerical,
        unit=unit,
        target_value=target,
        at_most=at_most,
        color_hex=color,
        archived=archived,
        entries=entries,
        uuid=uuid,
        reminder=reminder,
    )
