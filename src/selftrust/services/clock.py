"""Where "now" comes from, so every time rule can be tested with a fake clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from selftrust.domain.days import day_of


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to (tests, screenshots, benchmarks)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.astimezone()
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


def today(clock: Clock, day_start_hour: int) -> date:
    return day_of(clock.now(), day_start_hour)


def utc_now(clock: Clock) -> datetime:
    """A naive UTC timestamp, as stored in the database."""
    return clock.now().astimezone(UTC).replace(tzinfo=None)
