"""Loop's reminders come along from its backups: same time, same weekdays (Loop counts
them from Saturday, we from Monday); its CSV export has none to bring."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from loop_db_builder import DbHabit, build_loop_db
from make_loop_scores import V231

from selftrust.domain.reminder import ALL_DAYS, Reminder
from selftrust.interchange.loop_db import read_loop_db
from selftrust.interchange.loop_mapping import map_habit, weekdays_from_loop
from selftrust.interchange.loop_records import YES_MANUAL, LoopHabit, LoopReminder
from selftrust.services.interchange import import_file
from selftrust.services.workspace import Workspace

D = date.fromisoformat
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Loop's bits: 0 Sat, 1 Sun, 2 Mon, 3 Tue, 4 Wed, 5 Thu, 6 Fri
LOOP_SAT, LOOP_SUN, LOOP_MON, LOOP_WED, LOOP_FRI = 1, 2, 4, 16, 64
# ours: 0 Mon, 1 Tue, 2 Wed, 3 Thu, 4 Fri, 5 Sat, 6 Sun
MON, WED, FRI, SAT, SUN = 1, 4, 16, 32, 64


@pytest.mark.parametrize(
    ("loop", "ours"),
    [
        (LOOP_SAT, SAT),
        (LOOP_SUN, SUN),
        (LOOP_MON, MON),
        (LOOP_FRI, FRI),
        (LOOP_MON | LOOP_WED | LOOP_FRI, MON | WED | FRI),
        (LOOP_SAT | LOOP_SUN, SAT | SUN),
        (127, ALL_DAYS),
    ],
    ids=["sat", "sun", "mon", "fri", "mon-wed-fri", "weekend", "every day"],
)
def test_loop_weekdays_become_ours(loop: int, ours: int) -> None:
    assert weekdays_from_loop(loop) == ours


def habit(**reminder: int | None) -> DbHabit:
    return DbHabit("Stretch", reps=[(D("2025-03-01"), YES_MANUAL, None)], **reminder)


@pytest.mark.parametrize("version", [22, 23, 24, 25])
def test_a_backup_reminder_is_read_in_every_version(tmp_path: Path, version: int) -> None:
    path = build_loop_db(tmp_path / "loop.db", version, [
        habit(reminder_hour=7, reminder_min=5, reminder_days=LOOP_MON | LOOP_WED),
        habit(),  # no reminder: hour and minute NULL
    ])
    with_reminder, without = read_loop_db(path).habits
    assert with_reminder.reminder == LoopReminder(7, 5, LOOP_MON | LOOP_WED)
    assert without.reminder is None
    assert map_habit(with_reminder).reminder == Reminder.parse("07:05", MON | WED)
    assert map_habit(without).reminder is None


def test_a_reminder_on_no_day_is_every_day_and_one_at_no_time_is_left_out() -> None:
    base = LoopHabit(position=1, name="Read", question="", description="", numerator=1,
                     denominator=1, is_numerical=False, unit="", target_value=0, at_most=False,
                     color_hex="#D32F2F", archived=False, entries=())
    no_days = map_habit(replace(base, reminder=LoopReminder(21, 0, 0)))
    assert no_days.reminder == Reminder.parse("21:00")
    assert no_days.warnings == ()
    for hour, minute in ((24, 0), (8, 60), (-1, 0), ("8", 0)):
        mapped = map_habit(replace(base, reminder=LoopReminder(hour, minute, 127)))
        assert mapped.reminder is None
        assert mapped.warnings == (
            f"“Read”: Loop's reminder at {hour}:{minute} is not a time of day, "
            "so it was left out.",)


def test_importing_a_backup_brings_its_reminders(tmp_path: Path, ws: Workspace) -> None:
    path = build_loop_db(tmp_path / "Loop Habits Backup.db", 25, [
        DbHabit("Stretch", uuid="a" * 32, reps=[(D("2025-03-01"), YES_MANUAL, None)],
                reminder_hour=6, reminder_min=45, reminder_days=LOOP_SAT | LOOP_SUN),
        DbHabit("Read", uuid="b" * 32, reps=[(D("2025-03-02"), YES_MANUAL, None)],
                reminder_hour=21, reminder_min=30),
        DbHabit("Floss", uuid="c" * 32, reps=[(D("2025-03-02"), YES_MANUAL, None)]),
    ])
    import_file(ws, path)
    got = {c.title: c.reminder for c in ws.commitments.all()}
    assert got == {
        "Stretch": Reminder.parse("06:45", SAT | SUN),
        "Read": Reminder.parse("21:30"),
        "Floss": None,
    }
    # a habit already here keeps the reminder it has here
    stretch = next(c for c in ws.commitments.all() if c.title == "Stretch")
    ws.commitments.set_reminder(stretch.id, None)
    assert not import_file(ws, path).changed
    assert ws.commitments.get(stretch.id).reminder is None


def test_loops_csv_export_has_no_reminders_to_bring(ws: Workspace) -> None:
    export = FIXTURES / "loop_v231_export"
    header = (export / "Habits.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "remind" not in header.lower()
    import_file(ws, export)
    assert len(ws.commitments.all(include_archived=True)) == len(V231)
    assert {c.reminder for c in ws.commitments.all(include_archived=True)} == {None}
