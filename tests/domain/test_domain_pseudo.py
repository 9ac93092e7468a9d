"""The domain's sentences in the pseudo-language: schedules, targets, progress, the
messages of an impossible schedule, target, reminder or day; none left in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time

import pytest

from selftrust.domain.commitment import Pause, Rules, Target, TargetError, format_amount
from selftrust.domain.days import Period, day_of, parse_day
from selftrust.domain.reminder import Reminder, ReminderError, parse_time
from selftrust.domain.schedule import WEEKEND, WORKDAYS, Schedule, ScheduleError, parse_schedule
from selftrust.domain.summary import Progress, span_words
from tests.i18n_helpers import untranslated

# What is typed on a command line stays as typed in every language (the examples a
# message gives of it), and a unit is the person's own word.
TYPED = ("daily", "mon,wed,fri", "week", "month", "days", "once", "HH", "MM", "YYYY", "DD",
         "mon", "tue", "wed", "thu", "fri", "sat", "sun", "pages", "km")


@pytest.fixture(autouse=True)
def pseudo(language: Callable[[str], str]) -> Iterator[None]:
    language("en_XA")
    yield


def _problems(make: Callable[[], object]) -> str:
    try:
        make()
    except ValueError as exc:
        return str(exc)
    raise AssertionError("no problem raised")


def test_schedules_in_words() -> None:
    for schedule in (
        Schedule.daily(), Schedule.on_weekdays(WORKDAYS), Schedule.on_weekdays(WEEKEND),
        Schedule.on_weekdays(0b0010101), Schedule.per_week(1), Schedule.per_week(3),
        Schedule.per_month(1), Schedule.per_month(2), Schedule.in_days(1, 3),
        Schedule.in_days(2, 5), Schedule.once(date(2026, 12, 1)),
    ):
        assert untranslated(schedule.describe()) == [], schedule


def test_targets_and_progress_in_words() -> None:
    for at_most in (False, True):
        for per in Period:
            for unit in ("", "pages"):
                words = Target(20.0, unit, per, at_most).describe()
                assert untranslated(words, TYPED) == [], words
    spans = ("today", "this week", "this month", "that week", "that month",
             "in the last 5 days", "in the last 1 days")
    for span in spans:
        assert untranslated(span_words(span)) == [], span
        for done, needed, at_most in ((1, 3, False), (4, 3, False), (4, 3, True)):
            for unit in ("", "km"):
                words = Progress(done, needed, span, at_most).describe(unit)
                assert untranslated(words, TYPED) == [], words
    assert format_amount(1234.5) == "1,234.5"  # a number has no words, only the locale's marks


@pytest.mark.parametrize(
    "make",
    [
        lambda: parse_schedule("9/week"), lambda: parse_schedule("0/week"),
        lambda: parse_schedule("0/month"), lambda: parse_schedule("32/month"),
        lambda: parse_schedule("6/5days"), lambda: parse_schedule("0/5days"),
        lambda: parse_schedule("1/0days"), lambda: parse_schedule("once:2026-02-30"),
        lambda: parse_schedule("nonsense"), lambda: parse_schedule("monkey"),
        lambda: parse_schedule("mon,funday"), lambda: Schedule.on_weekdays(0),
        lambda: Schedule(once_kind(), on=None),
        lambda: Target(0.0), lambda: Target(1e12), lambda: Target(1.0, "x" * 30),
        lambda: Pause(date(2026, 1, 2), date(2026, 1, 1)),
        lambda: Rules(Schedule.per_week(3), Target(1.0)),
        lambda: Rules(Schedule.on_weekdays(WORKDAYS), Target(1.0, per=Period.WEEK)),
        lambda: parse_time("25:00"), lambda: Reminder(time(7, 30), 0),
        lambda: Reminder(time(7, 30, 5)),
        lambda: parse_day("2026-02-30"), lambda: parse_day("2026-13-01"),
        lambda: parse_day("0000-01-01"), lambda: parse_day("2026-01-00"),
        lambda: parse_day("soon"), lambda: day_of(datetime(2026, 1, 1), 24),
    ],
)
def test_every_problem_in_words(make: Callable[[], object]) -> None:
    said = _problems(make)
    # What the person typed comes back as typed ("monkey", "funday", "soon", "nonsense").
    assert untranslated(said, (*TYPED, "monkey", "funday", "soon", "nonsense")) == [], said


def once_kind():  # type: ignore[no-untyped-def]
    from selftrust.domain.schedule import ScheduleKind

    return ScheduleKind.ONCE


def test_errors_are_still_their_kinds() -> None:
    with pytest.raises(ScheduleError):
        parse_schedule("9/week")
    with pytest.raises(TargetError):
        Target(0.0)
    with pytest.raises(ReminderError):
        parse_time("7")
