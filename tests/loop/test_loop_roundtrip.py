"""Push to a Loop backup, pull it into a fresh folder: the same commitments (those Loop can
represent), check-ins and notes; and Loop's own score, recomputed straight from the
written file, equals our strength of the pulled commitments on every day."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from loop_checks import (
    LOOP_FIXTURES,
    TODAY,
    Day,
    Kept,
    data_of,
    loop_file,
    loop_score,
    our_strength,
)
from loop_db_builder import DbHabit, build_loop_db

from selftrust.domain.days import Period
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.interchange.loop_outbound import nearest_color
from tests.e2e.helpers import Run

PER_DAYS = {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 30}


def _loop_db(folder: Path) -> Path:
    """A Loop backup with every kind Loop has: daily, weekly, monthly, N in M days,
    measurable at least and at most per day, week and month, skips, notes, archive."""
    start = TODAY - timedelta(days=200)

    def days(step: int, value: int, note: str | None = None) -> list[tuple[date | int, int,
                                                                          str | None]]:
        return [(start + timedelta(days=i), value, note if i % 10 == 0 else None)
                for i in range(0, 199, step)]

    habits = [
        DbHabit("Daily", uuid="a" * 32, reps=days(1, 2, "felt good, “really”")
                + [(TODAY - timedelta(days=1), 3, "ill")]),
        DbHabit("Weekly", 3, 7, uuid="b" * 32, color=3, reps=days(3, 2)),
        DbHabit("Monthly", 4, 30, uuid="c" * 32, reps=days(8, 2)),
        DbHabit("Two in five", 2, 5, uuid="d" * 32, reps=days(2, 2) + [(TODAY, 0, None)]),
        DbHabit("Pages", type=1, target_value=10, unit="pages", uuid="e" * 32,
                reps=days(1, 12_500)),
        DbHabit("Coffee", type=1, target_type=1, target_value=2, unit="cups", uuid="f" * 32,
                reps=days(1, 3000, "too much")),
        DbHabit("Km", 1, 7, type=1, target_value=30, unit="km", uuid="1" * 32,
                reps=days(2, 9000)),
        DbHabit("Sweets", 1, 30, type=1, target_type=1, target_value=8, unit="bars",
                uuid="2" * 32, archived=1, reps=days(5, 1000)),
    ]
    return build_loop_db(folder / "Loop Habits Backup 2026-11-20 080000.db", 25, habits)


def _fill(run: Run, source: str, tmp_path: Path) -> None:
    if source == "demo":
        run("demo", "--years", "1", "--commitments", "8", "--seed", "3")
    elif source == "loop_db":
        tmp_path.joinpath("phone").mkdir()
        run("import", str(_loop_db(tmp_path / "phone")))
    else:
        run("import", str(LOOP_FIXTURES / source))


def _expected(k: Kept) -> dict[date, Day]:
    """What Loop can keep of a commitment's days (loop_outbound's rules)."""
    target = k.rules.target
    out = dict(k.days)
    for day, (status, value, note) in k.days.items():
        if target is not None and status == "missed":
            broken = 2 * target.amount / PER_DAYS[target.per] if target.at_most else 0.0
            out[day] = ("kept", round(max(value or 0.0, broken) * 1000) / 1000, note)
        elif target is not None and status == "kept":
            out[day] = ("kept", round((value or 0.0) * 1000) / 1000, note)
    for pause in k.rules.pauses:
        day = pause.start
        while day <= min(pause.end, TODAY):
            out.setdefault(day, ("skipped", None, None))
            day += timedelta(days=1)
    return out


def _expected_schedule(k: Kept) -> Schedule:
    s = k.rules.schedule
    if s.kind is ScheduleKind.WEEKDAYS or k.rules.target is not None:
        n, m = s.frequency if k.rules.target is None else (1, 1)
        return Schedule.in_days(n, m) if m != 7 or n == m else Schedule.per_week(n)
    return s


@pytest.mark.parametrize("source", ["demo", "loop_db", "loop_v231_export", "loop_v20_export",
                                    "loop_public_csv_export"])
def test_push_then_pull_into_a_fresh_folder_keeps_what_loop_can_hold(
        run: Run, tmp_path: Path, source: str) -> None:
    _fill(run, source, tmp_path)
    out = tmp_path / "to-phone"
    out.mkdir()
    run("loop", "push", str(out))
    (written,) = out.iterdir()
    assert written.name == "Loop Habits Backup 2026-11-24 120000.db"
    run("loop", "pull", str(written), data_dir=tmp_path / "fresh")

    desktop, fresh = data_of(tmp_path / "desktop"), data_of(tmp_path / "fresh")
    representable = {t: k for t, k in desktop.items()
                     if k.rules.schedule.kind is not ScheduleKind.ONCE}
    assert representable, "the source gave nothing Loop can hold: the test would prove nothing"
    assert set(fresh) == set(representable)
    for title, k in representable.items():
        got = fresh[title]
        assert got.days == _expected(k), title
        assert got.rules.target == k.rules.target, title
        assert got.rules.schedule == _expected_schedule(k), title
        assert got.archived == k.archived, title
        assert got.color == nearest_color(k.color).lower(), title

    habits_scored = days_scored = 0
    for name, habit in loop_file(written).items():
        if not habit.reps:
            continue
        start, loop_says = loop_score(habit, TODAY)
        ours = our_strength(fresh[name], start, TODAY)
        assert len(ours) == len(loop_says)
        worst = max(abs(a - b) for a, b in zip(ours, loop_says, strict=True))
        assert worst < 0.001, (name, worst)
        habits_scored += 1
        days_scored += len(ours)
    assert habits_scored > 0 and days_scored > 0
