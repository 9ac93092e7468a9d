"""Days as the user lives them: day start, time zones, DST, weeks and months."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from selftrust.domain.days import (
    SUNDAY,
    Period,
    day_of,
    days_between,
    month_end_of,
    next_day_start,
    parse_day,
    period_bounds,
    period_numbers,
    period_spans,
    week_start_of,
)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the test as if the machine's local zone were Europe/Berlin."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# --- day_of with the default 04:00 day start ------------------------------------------


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        (datetime(2026, 3, 10, 0, 0), date(2026, 3, 9)),  # midnight still belongs to yesterday
        (datetime(2026, 3, 10, 1, 0), date(2026, 3, 9)),  # the night owl's check-in
        (datetime(2026, 3, 10, 3, 59, 59), date(2026, 3, 9)),
        (datetime(2026, 3, 10, 4, 0), date(2026, 3, 10)),  # the new day begins
        (datetime(2026, 3, 10, 23, 59), date(2026, 3, 10)),
        (datetime(2026, 1, 1, 2, 0), date(2025, 12, 31)),  # across a year boundary
        (datetime(2028, 3, 1, 3, 0), date(2028, 2, 29)),  # into a leap day
    ],
)
def test_day_of_moves_the_boundary_to_four_in_the_morning(wall: datetime, expected: date) -> None:
    assert day_of(wall) == expected


def test_day_of_with_a_midnight_day_start_is_the_calendar_date() -> None:
    assert day_of(datetime(2026, 3, 10, 0, 0), 0) == date(2026, 3, 10)
    assert day_of(datetime(2026, 3, 9, 23, 59), 0) == date(2026, 3, 9)


def test_day_of_with_a_late_day_start() -> None:
    assert day_of(datetime(2026, 3, 10, 22, 59), 23) == date(2026, 3, 9)
    assert day_of(datetime(2026, 3, 10, 23, 0), 23) == date(2026, 3, 10)


@pytest.mark.parametrize("hour", [-1, 24, 99])
def test_day_of_refuses_an_impossible_day_start(hour: int) -> None:
    with pytest.raises(ValueError, match="0–23"):
        day_of(datetime(2026, 3, 10, 12, 0), hour)


# --- aware moments and DST in Europe/Berlin ---------------------------------------------


@pytest.mark.usefixtures("local_zone")
def test_an_aware_utc_moment_is_read_in_local_time() -> None:
    # 00:30 UTC is 01:30 in Berlin (winter): still the previous day.
    assert day_of(datetime(2026, 3, 10, 0, 30, tzinfo=UTC)) == date(2026, 3, 9)
    # 03:00 UTC is 04:00 in Berlin: the new day.
    assert day_of(datetime(2026, 3, 10, 3, 0, tzinfo=UTC)) == date(2026, 3, 10)


@pytest.mark.usefixtures("local_zone")
def test_an_aware_berlin_moment_gives_its_wall_clock_day() -> None:
    assert day_of(datetime(2026, 7, 1, 3, 30, tzinfo=BERLIN)) == date(2026, 6, 30)
    assert day_of(datetime(2026, 7, 1, 4, 0, tzinfo=BERLIN)) == date(2026, 7, 1)


@pytest.mark.usefixtures("local_zone")
@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Spring forward, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST.
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), date(2026, 3, 28)),  # 01:30 CET
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), date(2026, 3, 28)),  # 03:30 CEST
        (datetime(2026, 3, 29, 1, 59, tzinfo=UTC), date(2026, 3, 28)),  # 03:59 CEST
        (datetime(2026, 3, 29, 2, 0, tzinfo=UTC), date(2026, 3, 29)),  # 04:00 CEST
        # Fall back, Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET;
        # 02:30 happens twice and both belong to Saturday.
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), date(2026, 10, 24)),  # 02:30 CEST
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), date(2026, 10, 24)),  # 02:30 CET
        (datetime(2026, 10, 25, 2, 59, tzinfo=UTC), date(2026, 10, 24)),  # 03:59 CET
        (datetime(2026, 10, 25, 3, 0, tzinfo=UTC), date(2026, 10, 25)),  # 04:00 CET
    ],
)
def test_the_day_start_is_a_wall_clock_hour_on_dst_days(utc: datetime, expected: date) -> None:
    assert day_of(utc) == expected
    assert day_of(utc.astimezone(BERLIN)) == expected


@pytest.mark.usefixtures("local_zone")
def test_next_day_start_on_the_spring_forward_day() -> None:
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST, still Saturday's day
    assert next_day_start(moment) == datetime(2026, 3, 29, 4, 0)


def test_next_day_start_of_a_naive_moment() -> None:
    assert next_day_start(datetime(2026, 3, 10, 1, 0)) == datetime(2026, 3, 10, 4, 0)
    assert next_day_start(datetime(2026, 3, 10, 4, 0)) == datetime(2026, 3, 11, 4, 0)
    assert next_day_start(datetime(2026, 3, 10, 23, 0), 0) == datetime(2026, 3, 11, 0, 0)


# --- weeks, months, periods --------------------------------------------------------------


def test_weeks_start_on_monday_unless_told_otherwise() -> None:
    wednesday = date(2026, 1, 7)
    assert week_start_of(wednesday) == date(2026, 1, 5)
    assert week_start_of(date(2026, 1, 5)) == date(2026, 1, 5)
    assert week_start_of(date(2026, 1, 11)) == date(2026, 1, 5)  # Sunday ends the week
    assert week_start_of(wednesday, SUNDAY) == date(2026, 1, 4)
    assert week_start_of(date(2026, 1, 4), SUNDAY) == date(2026, 1, 4)


@pytest.mark.parametrize(
    ("day", "last"),
    [
        (date(2026, 1, 15), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2028, 2, 10), date(2028, 2, 29)),
        (date(2026, 4, 30), date(2026, 4, 30)),
        (date(2026, 12, 31), date(2026, 12, 31)),
    ],
)
def test_month_end(day: date, last: date) -> None:
    assert month_end_of(day) == last


def test_period_bounds() -> None:
    d = date(2026, 1, 7)
    assert period_bounds(d, Period.DAY) == (d, d)
    assert period_bounds(d, Period.WEEK) == (date(2026, 1, 5), date(2026, 1, 11))
    assert period_bounds(d, Period.WEEK, SUNDAY) == (date(2026, 1, 4), date(2026, 1, 10))
    assert period_bounds(d, Period.MONTH) == (date(2026, 1, 1), date(2026, 1, 31))
    # A week can straddle two months and two years.
    assert period_bounds(date(2026, 1, 1), Period.WEEK) == (date(2025, 12, 29), date(2026, 1, 4))


# --- parsing days ----------------------------------------------------------------------


def test_parse_day_reads_iso_and_words() -> None:
    today = date(2026, 11, 24)
    assert parse_day("2026-02-28") == date(2026, 2, 28)
    assert parse_day(" 2026-02-28 ") == date(2026, 2, 28)
    assert parse_day("today", today) == today
    assert parse_day("Yesterday", today) == date(2026, 11, 23)
    assert parse_day("TOMORROW", today) == date(2026, 11, 25)


@pytest.mark.parametrize("text", ["yesterday", "next week", ""])
def test_parse_day_explains_what_a_date_looks_like(text: str) -> None:
    """(2026-02-30 is a date's shape the calendar lacks: it is named as such, below.)"""
    with pytest.raises(ValueError, match="is not a date; use YYYY-MM-DD"):
        parse_day(text)


def test_days_between_counts_both_ends() -> None:
    assert days_between(date(2026, 1, 1), date(2026, 1, 1)) == 1
    assert days_between(date(2026, 1, 1), date(2026, 12, 31)) == 365
    assert days_between(date(2026, 1, 2), date(2026, 1, 1)) == 0


# --- periods in bulk -------------------------------------------------------------------


def test_period_spans_cover_the_days_asked_for() -> None:
    weeks = period_spans(date(2026, 1, 1), date(2026, 1, 12), Period.WEEK)
    assert weeks == [
        (date(2025, 12, 29), date(2026, 1, 4)),
        (date(2026, 1, 5), date(2026, 1, 11)),
        (date(2026, 1, 12), date(2026, 1, 18)),
    ]
    assert period_spans(date(2026, 1, 1), date(2026, 1, 1), Period.WEEK, SUNDAY) == [
        (date(2025, 12, 28), date(2026, 1, 3)),
    ]
    months = period_spans(date(2027, 12, 31), date(2028, 3, 1), Period.MONTH)
    assert months == [
        (date(2027, 12, 1), date(2027, 12, 31)),
        (date(2028, 1, 1), date(2028, 1, 31)),
        (date(2028, 2, 1), date(2028, 2, 29)),
        (date(2028, 3, 1), date(2028, 3, 31)),
    ]
    assert period_spans(date(2026, 1, 1), date(2026, 1, 2), Period.DAY) == [
        (date(2026, 1, 1), date(2026, 1, 1)),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ]


def test_period_numbers_number_each_day() -> None:
    saturday = date(2026, 1, 10)
    assert period_numbers(saturday, 10, Period.WEEK) == [0, 0, 1, 1, 1, 1, 1, 1, 1, 2]
    assert period_numbers(date(2026, 1, 30), 4, Period.MONTH) == [0, 0, 1, 1]
    assert period_numbers(saturday, 3, Period.DAY) == [0, 1, 2]


def test_an_impossible_day_is_named_with_the_reason() -> None:
    from selftrust.domain.days import NoSuchDay, parse_day

    with pytest.raises(NoSuchDay, match="“2025-02-29” is no day: February 2025 has 28 days"):
        parse_day("2025-02-29")
    assert parse_day("2024-02-29").day == 29
    with pytest.raises(ValueError, match="is not a date; use YYYY-MM-DD"):
        parse_day("soon")
