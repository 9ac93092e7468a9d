"""Schedules: every CLI spelling, every impossible schedule, and what each one asks for."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.domain.days import Period
from selftrust.domain.schedule import (
    ALL_WEEKDAYS,
    WEEKEND,
    WORKDAYS,
    Schedule,
    ScheduleError,
    ScheduleKind,
    parse_schedule,
)

MON_WED_FRI = 0b0010101


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", Schedule.daily()),
        ("Daily", Schedule.daily()),
        ("  daily  ", Schedule.daily()),
        ("every day", Schedule.daily()),
        ("everyday", Schedule.daily()),
        ("1/day", Schedule.daily()),
        ("weekdays", Schedule.on_weekdays(WORKDAYS)),
        ("weekends", Schedule.on_weekdays(WEEKEND)),
        ("weekend", Schedule.on_weekdays(WEEKEND)),
        ("mon,wed,fri", Schedule.on_weekdays(MON_WED_FRI)),
        ("Mon, Wed, Fri", Schedule.on_weekdays(MON_WED_FRI)),
        ("fri,mon,wed", Schedule.on_weekdays(MON_WED_FRI)),
        ("monday,wednesday,friday", Schedule.on_weekdays(MON_WED_FRI)),
        ("mon,mon", Schedule.on_weekdays(1)),
        ("sun", Schedule.on_weekdays(0b1000000)),
        ("sat,sun", Schedule.on_weekdays(WEEKEND)),
        ("mon,tue,wed,thu,fri,sat,sun", Schedule.daily()),  # every weekday is every day
        ("3/week", Schedule.per_week(3)),
        ("3 / week", Schedule.per_week(3)),
        ("7/week", Schedule.per_week(7)),
        ("1/week", Schedule.per_week(1)),
        ("2/month", Schedule.per_month(2)),
        ("31/month", Schedule.per_month(31)),
        ("2/5days", Schedule.in_days(2, 5)),
        ("2/5 days", Schedule.in_days(2, 5)),
        ("1/2day", Schedule.in_days(1, 2)),
        ("1/365days", Schedule.in_days(1, 365)),
        ("1/1days", Schedule.daily()),
        ("5/5days", Schedule.daily()),  # every day of every window is every day
        ("every 3 days", Schedule.in_days(1, 3)),
        ("every3days", Schedule.in_days(1, 3)),
        ("every 1 day", Schedule.daily()),
        ("once:2026-12-01", Schedule.once(date(2026, 12, 1))),
        ("Once: 2026-12-01", Schedule.once(date(2026, 12, 1))),
        ("once:2028-02-29", Schedule.once(date(2028, 2, 29))),
    ],
)
def test_parse_schedule_reads_every_spelling(text: str, expected: Schedule) -> None:
    assert parse_schedule(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9/week", "A week has 7 days, so 9 times a week cannot be kept; choose 1 to 7."),
        ("8/week", "A week has 7 days, so 8 times a week cannot be kept; choose 1 to 7."),
        ("0/week", "0 times a week is no promise at all; choose 1 to 7."),
        ("0/month", "0 times a month is no promise at all; choose 1 to 31."),
        ("32/month", "A month has at most 31 days, so 32 times a month cannot be kept; "
                     "choose 1 to 31."),
        ("6/5days", "6 times in 5 days is not possible; choose 1 to 5 times."),
        ("0/5days", "0 times in 5 days is no promise at all; choose 1 to 5 times."),
        ("0/0days", "Choose a window of 1 to 365 days."),
        ("1/0days", "Choose a window of 1 to 365 days."),
        ("1/366days", "Choose a window of 1 to 365 days."),
        ("every 0 days", "Choose a window of 1 to 365 days."),
        ("once:2026-02-30", "“once:2026-02-30”: the day after once: must be a date like "
                            "2026-12-01."),
        ("once:", "the day after once: must be a date like 2026-12-01."),
        ("once:tomorrow", "the day after once: must be a date like 2026-12-01."),
        ("nonsense", "“nonsense” is not a schedule I know. Try daily, mon,wed,fri, 3/week, "
                     "2/month, 2/5days or once:2026-12-01."),
        ("", "is not a schedule I know"),
        (",", "is not a schedule I know"),
        ("3/fortnight", "is not a schedule I know"),
        ("-1/week", "is not a schedule I know"),
        ("monkey", "“monkey” is not a weekday; use mon, tue, wed, thu, fri, sat, sun."),
        ("mon,funday", "“funday” is not a weekday; use mon, tue, wed, thu, fri, sat, sun."),
        ("monkey,wedding", "“monkey” is not a weekday"),
    ],
)
def test_parse_schedule_explains_every_error(text: str, message: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(text)
    assert message in str(caught.value)


def test_schedule_errors_are_value_errors() -> None:
    # The CLI catches ValueError for every bad input; a schedule error is one of them.
    with pytest.raises(ValueError, match="choose 1 to 7"):
        parse_schedule("9/week")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": ScheduleKind.WEEKDAYS, "weekdays": 0},
        {"kind": ScheduleKind.WEEKDAYS, "weekdays": ALL_WEEKDAYS + 1},
        {"kind": ScheduleKind.PER_WEEK, "times": 0},
        {"kind": ScheduleKind.PER_MONTH, "times": 32},
        {"kind": ScheduleKind.IN_DAYS, "times": 1, "days": 0},
        {"kind": ScheduleKind.IN_DAYS, "times": 3, "days": 2},
        {"kind": ScheduleKind.ONCE},
    ],
)
def test_impossible_schedules_cannot_be_built(kwargs: dict[str, object]) -> None:
    with pytest.raises(ScheduleError):
        Schedule(**kwargs)  # type: ignore[arg-type]


def test_on_weekdays_without_a_day_is_refused() -> None:
    with pytest.raises(ScheduleError, match="at least one weekday"):
        Schedule.on_weekdays(0)


@pytest.mark.parametrize(
    ("schedule", "frequency", "period", "flexible"),
    [
        (Schedule.daily(), (1, 1), None, False),
        (Schedule.on_weekdays(MON_WED_FRI), (3, 7), None, False),
        (Schedule.on_weekdays(WORKDAYS), (5, 7), None, False),
        (Schedule.per_week(3), (3, 7), Period.WEEK, True),
        (Schedule.per_month(2), (2, 30), Period.MONTH, True),
        (Schedule.per_week(7), (1, 1), Period.WEEK, True),  # N in N days is every day
        (Schedule.per_month(30), (1, 1), Period.MONTH, True),
        (Schedule.per_month(31), (1, 1), Period.MONTH, True),
        (Schedule.in_days(2, 5), (2, 5), None, True),
        (Schedule.in_days(1, 3), (1, 3), None, True),
        (Schedule.once(date(2026, 12, 1)), (1, 1), None, False),
    ],
)
def test_what_each_schedule_asks_for(
    schedule: Schedule, frequency: tuple[int, int], period: Period | None, flexible: bool
) -> None:
    assert schedule.frequency == frequency
    assert schedule.period is period
    assert schedule.is_flexible is flexible


def test_occasions_of_each_schedule() -> None:
    monday, tuesday, sunday = date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 11)
    mwf = Schedule.on_weekdays(MON_WED_FRI)
    assert mwf.is_occasion(monday) and not mwf.is_occasion(tuesday)
    assert not mwf.is_occasion(sunday)
    once = Schedule.once(tuesday)
    assert once.is_occasion(tuesday) and not once.is_occasion(monday)
    for every_day in (Schedule.daily(), Schedule.per_week(3), Schedule.per_month(1),
                      Schedule.in_days(2, 5)):
        assert all(every_day.is_occasion(d) for d in (monday, tuesday, sunday))


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule.daily(),
        Schedule.on_weekdays(MON_WED_FRI),
        Schedule.on_weekdays(WORKDAYS),
        Schedule.on_weekdays(WEEKEND),
        Schedule.on_weekdays(0b1000000),
        Schedule.per_week(3),
        Schedule.per_month(12),
        Schedule.in_days(2, 5),
        Schedule.in_days(1, 3),
        Schedule.once(date(2026, 12, 1)),
    ],
)
def test_to_text_reads_back_as_the_same_schedule(schedule: Schedule) -> None:
    assert parse_schedule(schedule.to_text()) == schedule


@pytest.mark.parametrize(
    ("schedule", "words"),
    [
        (Schedule.daily(), "Every day"),
        (Schedule.on_weekdays(WORKDAYS), "Weekdays"),
        (Schedule.on_weekdays(WEEKEND), "Weekends"),
        (Schedule.on_weekdays(MON_WED_FRI), "Mon, Wed, Fri"),
        (Schedule.per_week(1), "Once a week"),
        (Schedule.per_week(3), "3 times a week"),
        (Schedule.per_month(1), "Once a month"),
        (Schedule.per_month(2), "2 times a month"),
        (Schedule.in_days(1, 3), "Every 3 days"),
        (Schedule.in_days(2, 5), "2 times in 5 days"),
        (Schedule.once(date(2026, 12, 1)), "Once, on Tue, 1 Dec 2026"),
    ],
)
def test_describe_in_words_for_people(schedule: Schedule, words: str) -> None:
    assert schedule.describe() == words


def test_occasion_flags_agree_with_is_occasion() -> None:
    start = date(2026, 1, 7)  # a Wednesday
    for schedule in (
        Schedule.daily(),
        Schedule.on_weekdays(MON_WED_FRI),
        Schedule.on_weekdays(WEEKEND),
        Schedule.per_week(2),
        Schedule.in_days(2, 5),
        Schedule.once(date(2026, 1, 9)),
        Schedule.once(date(2025, 1, 9)),
    ):
        for size in (0, 1, 6, 7, 8, 30):
            expected = [schedule.is_occasion(date.fromordinal(start.toordinal() + i))
                        for i in range(size)]
            assert schedule.occasion_flags(start, size) == expected, (schedule, size)
