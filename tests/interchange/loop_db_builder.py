"""Build Loop Habit Tracker backup databases for tests, with Loop's real schema.

The tables are those Loop's migrations leave at each ``user_version`` (its
``migrations/NN.sql`` in iSoron/uhabits): ``Habits`` gains ``question`` at 23 (the
question moves out of ``description``), ``uuid`` at 24, and ``Repetitions`` gains
``notes`` at 25. Written here from those facts, not copied.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PALETTE = (
    "#D32F2F", "#E64A19", "#F57C00", "#FF8F00", "#F9A825", "#AFB42B", "#7CB342", "#388E3C",
    "#00897B", "#00ACC1", "#039BE5", "#1976D2", "#303F9F", "#5E35B1", "#8E24AA", "#D81B60",
    "#5D4037", "#303030", "#757575", "#AAAAAA",
)  # fmt: skip
DAY_MS = 86_400_000


@dataclass
class DbHabit:
    name: str
    freq_num: int = 1
    freq_den: int = 1
    color: int = 8
    question: str | None = ""
    description: str | None = ""
    type: int = 0
    target_type: int = 0
    target_value: float = 0.0
    unit: str = ""
    archived: int = 0
    position: int | None = None
    uuid: str | None = None
    # Loop's reminder: hour and minute (None: no reminder), days bit 0 = Saturday
    reminder_hour: int | None = None
    reminder_min: int | None = None
    reminder_days: int = 127
    # (day, value, notes); day may also be a raw millisecond time stamp
    reps: list[tuple[date | int, int, str | None]] = field(default_factory=list)


def timestamp(day: date) -> int:
    return (day - date(1970, 1, 1)).days * DAY_MS


def schema(version: int) -> str:
    habit_extra = ""
    if version >= 23:
        habit_extra += ", question text"
    if version >= 24:
        habit_extra += ", uuid text"
    notes = ", notes text" if version >= 25 else ""
    return f"""
    CREATE TABLE android_metadata (locale TEXT);
    CREATE TABLE Habits (
        id integer primary key autoincrement, archived integer, color integer,
        description text, freq_den integer, freq_num integer, highlight integer,
        name text, position integer, reminder_hour integer, reminder_min integer,
        reminder_days integer not null default 127, type integer not null default 0,
        target_type integer not null default 0, target_value real not null default 0,
        unit text not null default ""{habit_extra});
    CREATE TABLE Events (
        id integer primary key autoincrement, timestamp integer, message text,
        server_id integer);
    CREATE TABLE Repetitions (
        id integer primary key autoincrement, habit integer not null references habits(id),
        timestamp integer not null, value integer not null{notes});
    CREATE UNIQUE INDEX idx_repetitions_habit_timestamp ON Repetitions(habit, timestamp);
    PRAGMA user_version = {version};
    """


def build_loop_db(path: Path, version: int, habits: list[DbHabit], wal: bool = False) -> Path:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(schema(version))
        for i, h in enumerate(habits):
            cols = {
                "archived": h.archived, "color": h.color, "freq_den": h.freq_den,
                "freq_num": h.freq_num, "highlight": 0, "name": h.name,
                "position": i if h.position is None else h.position,
                "reminder_hour": h.reminder_hour, "reminder_min": h.reminder_min,
                "reminder_days": h.reminder_days,
                "type": h.type, "target_type": h.target_type, "target_value": h.target_value,
                "unit": h.unit,
            }  # fmt: skip
            if version >= 23:
                cols["question"] = h.question
                cols["description"] = h.description
            else:  # before version 23 the question lived in "description"
                cols["description"] = h.question
            if version >= 24:
                cols["uuid"] = h.uuid
            names = ", ".join(cols)
            marks = ", ".join("?" for _ in cols)
            cur = conn.execute(
                f"INSERT INTO Habits ({names}) VALUES ({marks})", list(cols.values())
            )
            habit_id = cur.lastrowid
            for day, value, notes in h.reps:
                ts = timestamp(day) if isinstance(day, date) else day
                if version >= 25:
                    conn.execute(
                        "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?,?,?,?)",
                        (habit_id, ts, value, notes),
                    )
                else:
                    conn.execute(
                        "INSERT INTO Repetitions (habit, timestamp, value) VALUES (?,?,?)",
                        (habit_id, ts, value),
                    )
        conn.commit()
        if wal:
            conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    return path


def v231_as_db_habits(with_uuid: bool = True) -> list[DbHabit]:
    """The habits of our hand-made CSV export as Loop stores them (what the user entered)."""
    from make_loop_scores import V231

    out = []
    for i, h in enumerate(V231):
        out.append(
            DbHabit(
                name=h.name,
                freq_num=h.num,
                freq_den=h.den,
                color=PALETTE.index(h.color),
                question=h.question,
                description=h.description,
                type=1 if h.numerical else 0,
                target_type=1 if h.at_most else 0,
                target_value=h.target,
                unit=h.unit,
                archived=int(h.archived),
                position=i,
                uuid=f"{i:032x}" if with_uuid else None,
                reps=[(day, value, notes) for day, (value, notes) in h.original.items()],
            )
        )
    return out
