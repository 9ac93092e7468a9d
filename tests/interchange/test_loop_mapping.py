"""Mapping Loop habits to commitments: schedules, targets, check-ins, texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, Status
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv import read_loop_csv
from selftrust.interchange.loop_mapping import loop_rules, map_export, map_habit
from selftrust.interchange.loop_records import (
    CSV_V18,
    NO,
    SKIP,
    UNKNOWN,
    YES_AUTO,
    YES_MANUAL,
    LoopEntry,
    LoopExport,
    LoopHabit,
)

D = date.fromisoformat


def habit(
    num: int = 1,
    den: int = 1,
    *,
    numerical: bool = False,
    target: float = 0.0,
    at_most: bool = False,
    entries: tuple[LoopEntry, ...] = (),
    name: str = "Walk",
    question: str = "Did you walk?",
    description: str = "",
    unit: str = "",
) -> LoopHabit:
    return LoopHabit(
        position=3,
        name=name,
        question=question,
        description=description,
        numerator=num,
        denominator=den,
        is_numerical=numerical,
        unit=unit,
        target_value=target,
        at_most=at_most,
        color_hex="#aaaaaa",
        archived=True,
        entries=entries,
        uuid="u-1",
    )


@pytest.mark.parametrize(
    ("num", "den", "schedule"),
    [
        (1, 1, Schedule.daily()),
        (7, 7, Schedule.daily()),
        (3, 7, Schedule.per_week(3)),
        (1, 7, Schedule.per_week(1)),
        (6, 7, Schedule.per_week(6)),
        (4, 30, Schedule.per_month(4)),
        (2, 31, Schedule.per_month(2)),
        (2, 5, Schedule.in_days(2, 5)),
        (1, 3, Schedule.in_days(1, 3)),
        (2, 3, Schedule.in_days(2, 3)),
        (5, 14, Schedule.in_days(5, 14)),
        (3, 365, Schedule.in_days(3, 365)),
    ],
)
def test_frequency_to_schedule(num: int, den: int, schedule: Schedule) -> None:
    rules = loop_rules(habit(num, den))
    assert rules.schedule == schedule
    assert rules.target is None
    if schedule.kind is not ScheduleKind.DAILY:
        expected = (num, 30) if den == 31 else (num, den)
        assert rules.schedule.frequency == expected


def test_31_days_warns() -> None:
    warnings: list[str] = []
    loop_rules(habit(2, 31), warnings)
    assert len(warnings) == 1 and "31 days" in warnings[0]


def test_window_longer_than_a_year_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="spans more than 365 days"):
        loop_rules(habit(1, 400))


@pytest.mark.parametrize(
    ("den", "per"), [(1, Period.DAY), (7, Period.WEEK), (30, Period.MONTH), (31, Period.MONTH)]
)
@pytest.mark.parametrize("at_most", [False, True])
def test_measurable_targets(den: int, per: Period, at_most: bool) -> None:
    rules = loop_rules(habit(1, den, numerical=True, target=12.5, at_most=at_most, unit=" km "))
    assert rules.schedule == Schedule.daily()
    assert rules.target is not None
    assert (rules.target.amount, rules.target.unit) == (12.5, "km")
    assert (rules.target.per, rules.target.at_most) == (per, at_most)


def test_measurable_with_an_unusual_frequency_is_a_problem() -> None:
    with pytest.raises(ImportProblem) as info:
        loop_rules(habit(2, 7, numerical=True, target=5.0))
    assert str(info.value) == (
        "the Loop habit “Walk” cannot be imported: it is measurable with the frequency 2/7; "
        "Self-Trust measures a target per day, week or month"
    )


def test_measurable_without_a_target_is_a_problem() -> None:
    with pytest.raises(ImportProblem, match="has no target above 0"):
        loop_rules(habit(numerical=True, target=0.0))


def test_yes_no_checkmarks() -> None:
    entries = (
        LoopEntry(D("2024-01-01"), YES_AUTO, "auto, with a note"),
        LoopEntry(D("2024-01-02"), YES_MANUAL, "done"),
        LoopEntry(D("2024-01-03"), NO, "sick"),
        LoopEntry(D("2024-01-04"), SKIP),
        LoopEntry(D("2024-01-05"), UNKNOWN, "can't remember"),
        LoopEntry(D("2024-01-06"), YES_AUTO),
    )
    mapped = map_habit(habit(2, 5, entries=entries))
    assert mapped.entries == (
        Entry(D("2024-01-02"), Status.KEPT),
        Entry(D("2024-01-03"), Status.MISSED),
        Entry(D("2024-01-04"), Status.SKIPPED),
    )
    assert [c.note for c in mapped.checkins] == ["done", "sick", ""]
    assert mapped.loose_notes == (
        (D("2024-01-01"), "auto, with a note"),
        (D("2024-01-05"), "can't remember"),
    )
    assert mapped.start == D("2024-01-01")  # Loop scores from its oldest entry


def test_loop_1x_zero_is_unchecked() -> None:
    entries = (LoopEntry(D("2017-01-01"), NO), LoopEntry(D("2017-01-02"), YES_MANUAL))
    mapped = map_habit(habit(entries=entries), zero_is_unchecked=True)
    assert mapped.entries == (Entry(D("2017-01-02"), Status.KEPT),)
    assert mapped.start == D("2017-01-01")
    export = LoopExport((habit(entries=entries),), Path("x"), CSV_V18)
    assert map_export(export)[0].entries == mapped.entries


def test_measurable_values() -> None:
    entries = (
        LoopEntry(D("2024-01-01"), 0, "nothing"),
        LoopEntry(D("2024-01-02"), YES_MANUAL),
        LoopEntry(D("2024-01-03"), SKIP),
        LoopEntry(D("2024-01-04"), UNKNOWN, "?"),
        LoopEntry(D("2024-01-05"), 12_345),
        LoopEntry(D("2024-01-06"), YES_AUTO),
    )
    mapped = map_habit(habit(numerical=True, target=10.0, entries=entries))
    assert mapped.entries == (
        Entry(D("2024-01-01"), Status.KEPT, 0.0),
        Entry(D("2024-01-02"), Status.KEPT, 0.002),
        Entry(D("2024-01-03"), Status.SKIPPED),
        Entry(D("2024-01-05"), Status.KEPT, 12.345),
        Entry(D("2024-01-06"), Status.KEPT, 0.001),
    )
    assert mapped.loose_notes == ((D("2024-01-04"), "?"),)


def test_texts_colour_and_flags() -> None:
    mapped = map_habit(habit(description="  For my back, mostly  "))
    assert mapped.title == "Walk"
    assert mapped.why == "For my back, mostly"
    assert mapped.question == "Did you walk?"
    assert mapped.color == "#AAAAAA"
    assert (mapped.archived, mapped.position, mapped.uuid) == (True, 3, "u-1")
    assert mapped.start is None and mapped.checkins == () and mapped.warnings == ()
    assert map_habit(habit(description=" ")).why is None


def test_awkward_names() -> None:
    nameless = map_habit(habit(name="  "))
    assert nameless.title == "Loop habit 003"
    assert nameless.warnings
    spaced = map_habit(habit(name="Walk\n the  dog"))
    assert spaced.title == "Walk the dog"
    long = map_habit(habit(name="x" * 300))
    assert len(long.title) == 120 and long.title.endswith("…") and long.warnings


def test_v231_fixture_maps(fixtures_dir: Path) -> None:
    export = read_loop_csv(fixtures_dir / "loop_v231_export")
    mapped = {m.title: m for m in map_export(export)}
    stretch = mapped["Stretch"]
    assert stretch.why == "Back pain, keep it at bay"
    statuses = [c.entry.status for c in stretch.checkins]
    assert statuses.count(Status.KEPT) == 12
    assert statuses.count(Status.MISSED) == 3
    assert statuses.count(Status.SKIPPED) == 2
    assert stretch.loose_notes == ((D("2025-03-10"), "Can't remember"),)
    gym = mapped["Gym"]
    assert gym.rules.schedule == Schedule.per_week(3)
    assert len(gym.checkins) == 16  # 14 kept + 2 missed; YES_AUTO days are not check-ins
    assert gym.start == D("2025-02-01")
    assert mapped["Call mum"].rules.schedule == Schedule.in_days(2, 5)
    read = mapped["Read"]
    assert read.rules.target is not None and read.rules.target.per is Period.DAY
    assert [c.entry.value for c in read.checkins][:3] == [25.0, 0.0, 12.5]
    coffee = mapped["Coffee"].rules.target
    assert coffee is not None and coffee.at_most and coffee.amount == 2.0
    run = mapped["🏃 Run"]
    assert run.rules.target is not None and run.rules.target.per is Period.WEEK
    assert run.checkins[3].note == "Long run, 10 km"
    sweets = mapped["Sweets"]
    assert sweets.archived and sweets.rules.target is not None and sweets.rules.target.at_most
    assert mapped["日本語の勉強"].rules.schedule == Schedule.per_month(4)
    assert mapped["日本語の勉強"].why == "Pour le voyage à Tokyo — très important"
    assert mapped["Méditation"].start is None
    assert all(not m.warnings for m in mapped.values())


def test_old_measurable_habit_without_target_names_the_habit(tmp_path: Path) -> None:
    water = habit(numerical=True, target=0.0, name="Water")
    with pytest.raises(ImportProblem, match="“Water” cannot be imported"):
        map_habit(water)


def test_once_in_31_days_is_said_in_the_singular() -> None:
    warnings: list[str] = []
    assert loop_rules(habit(1, 31), warnings) == Rules(Schedule.per_month(1))
    [said] = warnings
    assert "Loop's 1 time in 31 days becomes once a month" in said
    assert "1 times" not in said
