"""Reading Loop's backup databases: versions 22 to 25, read-only, and refusing the rest."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from loop_db_builder import PALETTE, DbHabit, build_loop_db, timestamp, v231_as_db_habits
from make_loop_scores import V231

from selftrust.interchange import loop_records
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_db import read_loop_db
from selftrust.interchange.loop_files import read_loop_export
from selftrust.interchange.loop_records import (
    NO,
    SKIP,
    UNKNOWN,
    YES_MANUAL,
    LoopEntry,
)

D = date.fromisoformat


def problem_of(path: Path) -> ImportProblem:
    with pytest.raises(ImportProblem) as info:
        read_loop_db(path)
    return info.value


def test_palette_is_loops() -> None:
    assert loop_records.PALETTE == PALETTE
    assert PALETTE[8] == "#00897B" and PALETTE[19] == "#AAAAAA"


def test_version_25_backup(tmp_path: Path) -> None:
    path = build_loop_db(tmp_path / "Loop Habits Backup 2025-03-16.db", 25, v231_as_db_habits())
    export = read_loop_db(path)
    assert export.format_version == "db-25"
    assert export.export_day is None and export.without_data == ()
    assert [h.name for h in export.habits] == [h.name for h in V231]
    for i, (got, spec) in enumerate(zip(export.habits, V231, strict=True)):
        assert got.position == i + 1
        assert (got.question, got.description) == (spec.question, spec.description)
        assert (got.numerator, got.denominator) == (spec.num, spec.den)
        assert got.is_numerical == spec.numerical
        assert (got.unit, got.target_value, got.at_most) == (spec.unit, spec.target, spec.at_most)
        assert got.color_hex == spec.color
        assert got.archived == spec.archived
        assert got.uuid == f"{i:032x}"
        assert got.scores is None
        assert got.entries == tuple(
            LoopEntry(day, value, notes) for day, (value, notes) in sorted(spec.original.items())
        )
    stretch = export.habits[0]
    assert {e.day: e.notes for e in stretch.entries}[D("2025-02-25")] == (
        'Knee felt "tight", eased off\nStill did 10 min'
    )


def test_version_22_backup_moves_the_question(tmp_path: Path) -> None:
    habits = [
        DbHabit("Floss", question="Did you floss?", color=7, position=1,
                reps=[(D("2020-01-02"), YES_MANUAL, None), (D("2020-01-01"), NO, None)]),
        DbHabit("Read", freq_num=3, freq_den=7, question="Did you read?", color=19, position=0,
                reps=[(D("2020-01-03"), SKIP, None)]),
    ]  # fmt: skip
    path = build_loop_db(tmp_path / "old.db", 22, habits)
    export = read_loop_db(path)
    assert export.format_version == "db-22"
    read, floss = export.habits  # ordered by Loop's position
    assert (read.name, read.question, read.description) == ("Read", "Did you read?", "")
    assert (read.color_hex, read.uuid) == ("#AAAAAA", None)
    assert floss.entries == (
        LoopEntry(D("2020-01-01"), NO),
        LoopEntry(D("2020-01-02"), YES_MANUAL),
    )
    assert read.entries == (LoopEntry(D("2020-01-03"), SKIP),)


@pytest.mark.parametrize("version", [23, 24])
def test_versions_23_and_24(tmp_path: Path, version: int) -> None:
    habit = DbHabit("Walk", question="Walked?", description="For my back",
                    uuid="abc", reps=[(D("2021-05-01"), YES_MANUAL, None)])  # fmt: skip
    export = read_loop_db(build_loop_db(tmp_path / "b.db", version, [habit]))
    (got,) = export.habits
    assert (got.question, got.description) == ("Walked?", "For my back")
    assert got.uuid == ("abc" if version >= 24 else None)
    assert got.entries == (LoopEntry(D("2021-05-01"), YES_MANUAL),)


def test_read_loop_export_recognises_a_database(tmp_path: Path) -> None:
    path = build_loop_db(tmp_path / "backup.db", 25, v231_as_db_habits())
    assert read_loop_export(path).format_version == "db-25"


def test_file_is_never_modified(tmp_path: Path) -> None:
    # Read-only modes do not stop root (CI runs as root): the listing and the bytes are
    # the real check that nothing was written or created beside the file.
    folder = tmp_path / "ro"
    folder.mkdir()
    path = build_loop_db(folder / "backup.db", 25, v231_as_db_habits())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        read_loop_db(path)
        assert sorted(p.name for p in folder.iterdir()) == ["backup.db"]
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_backup_left_in_wal_mode(tmp_path: Path) -> None:
    folder = tmp_path / "wal"
    folder.mkdir()
    path = build_loop_db(folder / "backup.db", 25, v231_as_db_habits(), wal=True)
    for side in ("backup.db-wal", "backup.db-shm"):
        (folder / side).unlink(missing_ok=True)
    before = path.read_bytes()
    os.chmod(folder, 0o555)
    try:
        export = read_loop_db(path)
        assert sorted(p.name for p in folder.iterdir()) == ["backup.db"]
    finally:
        os.chmod(folder, 0o755)
    assert len(export.habits) == len(V231)
    assert path.read_bytes() == before


def test_later_row_of_a_day_wins_and_times_are_cut_to_the_day(tmp_path: Path) -> None:
    midday = timestamp(D("2022-02-02")) + 12 * 3600 * 1000
    habit = DbHabit("Walk", reps=[(D("2022-02-02"), NO, "first"), (midday, YES_MANUAL, "later")])
    (got,) = read_loop_db(build_loop_db(tmp_path / "b.db", 25, [habit])).habits
    assert got.entries == (LoopEntry(D("2022-02-02"), YES_MANUAL, "later"),)


def test_repetitions_of_deleted_habits_are_ignored(tmp_path: Path) -> None:
    path = build_loop_db(tmp_path / "b.db", 25, [DbHabit("Walk")])
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO Repetitions (habit, timestamp, value) VALUES (99, ?, 2)",
            (timestamp(D("2022-01-01")),),
        )
    conn.close()
    (got,) = read_loop_db(path).habits
    assert got.entries == ()


def test_null_notes_and_unknown_values(tmp_path: Path) -> None:
    habit = DbHabit("Walk", reps=[(D("2022-01-01"), UNKNOWN, "just a note"),
                                  (D("2022-01-02"), YES_MANUAL, None)])  # fmt: skip
    (got,) = read_loop_db(build_loop_db(tmp_path / "b.db", 25, [habit])).habits
    assert got.entries == (
        LoopEntry(D("2022-01-01"), UNKNOWN, "just a note"),
        LoopEntry(D("2022-01-02"), YES_MANUAL, ""),
    )


# --- refusals ---------------------------------------------------------------------------


def test_newer_version_is_refused(tmp_path: Path) -> None:
    path = build_loop_db(tmp_path / "new.db", 25, [DbHabit("Walk")])
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 26")
    conn.close()
    assert str(problem_of(path)) == (
        "new.db: this backup comes from a newer Loop (database version 26); Self-Trust reads "
        "Loop backups of database versions 22 to 25"
    )


def test_very_old_version_is_refused(tmp_path: Path) -> None:
    path = build_loop_db(tmp_path / "old.db", 22, [DbHabit("Walk")])
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 18")
    conn.close()
    assert "very old Loop (database version 18)" in str(problem_of(path))


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id integer primary key, text text)")
    conn.close()
    assert str(problem_of(path)) == (
        "other.db: is not a Loop Habit Tracker backup (it has no Habits and Repetitions tables)"
    )


def test_tables_without_loops_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "CREATE TABLE Habits (id integer, name text);"
            "CREATE TABLE Repetitions (id integer, habit integer, timestamp integer,"
            " value integer);"
            "PRAGMA user_version = 25;"
        )
    conn.close()
    assert "its Habits table has no archived, color" in str(problem_of(path))


def test_not_sqlite_at_all(tmp_path: Path) -> None:
    path = tmp_path / "photo.db"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert str(problem_of(path)) == (
        "photo.db: is not a Loop Habit Tracker backup (it is not an SQLite database)"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    assert str(problem_of(path)) == (
        "empty.db: the file is empty (0 bytes), so it is not a Loop backup"
    )


def test_truncated_database(tmp_path: Path) -> None:
    full = build_loop_db(tmp_path / "full.db", 25, v231_as_db_habits())
    cut = tmp_path / "cut.db"
    cut.write_bytes(full.read_bytes()[:5000])
    problem = problem_of(cut)
    assert problem.file == "cut.db"
    assert "damaged" in problem.detail


@pytest.mark.parametrize(
    ("habit", "message"),
    [
        (DbHabit("Walk", color=25), "habit id 1: the colour 25 is not one of Loop's 20 colours"),
        (DbHabit("Walk", freq_num=0, freq_den=7),
         "habit id 1: the frequency 0/7 is not a number of times per days"),
        (DbHabit("Walk", type=1, target_type=4), "habit id 1: the target type 4 is not 0"),
    ],  # fmt: skip
)
def test_bad_habit_records(tmp_path: Path, habit: DbHabit, message: str) -> None:
    problem = problem_of(build_loop_db(tmp_path / "b.db", 25, [habit]))
    assert problem.file == "Habits table"
    assert problem.detail.startswith(message)


def test_yes_no_habit_with_an_amount(tmp_path: Path) -> None:
    habit = DbHabit("Walk", reps=[(D("2022-01-01"), 5000, None)])
    assert str(problem_of(build_loop_db(tmp_path / "b.db", 25, [habit]))) == (
        "Repetitions table: habit “Walk” is a yes/no habit but has the value 5000 on 1 Jan 2022"
    )


def test_negative_time_stamp(tmp_path: Path) -> None:
    habit = DbHabit("Walk", reps=[(-86_400_000, YES_MANUAL, None)])
    assert "the time stamp -86400000 is not a day" in str(
        problem_of(build_loop_db(tmp_path / "b.db", 25, [habit]))
    )
