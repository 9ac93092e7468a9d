"""Time that misbehaves: a clock that jumps backwards and forwards, a change of time zone,
and the DST days of Europe/Berlin (29 March 2026, a 23-hour day; 25 October 2026, a
25-hour day). A check-in belongs to a calendar day and never moves to another; a streak
only ends by the rules, never because the clock or the zone changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selftrust.domain.days import day_of
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.workspace import Workspace, open_workspace
from tests.reliability.rel_kill import runner
from tests.reliability.rel_time import at

SPRING = date(2026, 3, 29)  # 02:00 CET → 03:00 CEST
AUTUMN = date(2026, 10, 25)  # 03:00 CEST → 02:00 CET


def stored_days(ws: Workspace) -> dict[date, str]:
    cid = ws.commitments.find("Walk").id
    return {d: e.status.value for d, e in ws.ledger.entries(cid).items()}


def fresh_stats(ws: Workspace, day: date) -> dict[str, Any]:
    """stats as of ``day``, read back through a new workspace on the same folder."""
    other = open_workspace(ws.db.folder.root, ws.clock)
    try:
        return other.stats.report(day).to_json()
    finally:
        other.close()


# --- the day a moment belongs to, over the DST weeks ---------------------------------------


@pytest.mark.parametrize("around", [SPRING, AUTUMN])
@pytest.mark.parametrize("day_start", range(24))
def test_rel_every_day_comes_once_and_in_order_across_dst(
    berlin: None, around: date, day_start: int
) -> None:
    """Walking through real time in 5-minute steps, the day never goes back, never
    skips, and the DST day (23 or 25 hours long) is a day like any other."""
    moment = datetime.combine(around - timedelta(days=3), datetime.min.time(), UTC)
    end = moment + timedelta(days=6)
    seen: list[date] = []
    while moment < end:
        day = day_of(moment, day_start)
        if not seen or day != seen[-1]:
            assert not seen or day == seen[-1] + timedelta(days=1), (moment, day, seen[-1])
            seen.append(day)
        moment += timedelta(minutes=5)
    assert around in seen


def test_rel_the_repeated_autumn_hour_belongs_to_one_day(berlin: None) -> None:
    first = at("2026-10-25T02:30")  # 02:30 CEST
    second = first.replace(fold=1)  # an hour later, 02:30 CET
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    for day_start in (0, 2, 3, 4):
        expected = date(2026, 10, 25) if day_start <= 2 else date(2026, 10, 24)
        assert day_of(first, day_start) == day_of(second, day_start) == expected


# --- a clock that jumps ---------------------------------------------------------------------


@pytest.fixture
def walk(tmp_path: Path) -> Iterator[tuple[Workspace, FixedClock]]:
    clock = FixedClock(datetime(2026, 11, 24, 12).astimezone())
    ws = open_workspace(tmp_path / "data", clock)
    ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1)))
    yield ws, clock
    ws.close()


def test_rel_a_clock_jumping_back_and_forth_moves_nothing(
    walk: tuple[Workspace, FixedClock],
) -> None:
    ws, clock = walk
    cid = ws.commitments.find("Walk").id
    for back in range(5, -1, -1):
        day = ws.today() - timedelta(days=back)
        ws.checkins.record(cid, day, CheckinState(Status.KEPT))
    before = fresh_stats(ws, date(2026, 11, 24))
    assert before["commitments"][0]["current_streak"] == 6
    # The clock is set back three days (a wrong date fixed by hand, a dead CMOS battery).
    clock.advance(days=-3)
    assert ws.today() == date(2026, 11, 21)
    with pytest.raises(Invalid, match="has not come yet"):
        ws.checkins.record(cid, date(2026, 11, 24), CheckinState(Status.MISSED))
    assert [i.status for i in ws.dashboard.day(date(2026, 11, 21))] == [Status.KEPT]
    assert ws.stats.report().to_json()["commitments"][0]["current_streak"] == 3
    # Forward again, then two days further (a laptop that slept).
    clock.advance(days=3)
    assert fresh_stats(ws, date(2026, 11, 24)) == before
    clock.advance(hours=48)
    assert ws.today() == date(2026, 11, 26)
    # The 25th passed unmarked: by the rules the streak ends, yesterday's did not move.
    assert stored_days(ws) == {date(2026, 11, 19) + timedelta(days=n): "kept"
                               for n in range(6)}
    assert fresh_stats(ws, date(2026, 11, 24)) == before


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(st.tuples(st.integers(-72 * 60, 72 * 60),
                                st.sampled_from(["kept", "missed", "skipped", None]),
                                st.integers(-12, 14)),
                      min_size=1, max_size=25))
def test_rel_random_clock_moves_and_zones_never_move_a_check_in(
    tmp_path_factory: pytest.TempPathFactory, moves: list[tuple[int, str | None, int]]
) -> None:
    """The clock jumps by up to three days either way and the zone offset changes
    between steps; each step records today's state. What is stored is exactly what was
    recorded for each day, and stats as of a day depend on the data alone."""
    start = datetime(2026, 11, 24, 12, tzinfo=UTC)
    clock = FixedClock(start)
    ws = open_workspace(tmp_path_factory.mktemp("clock") / "data", clock)
    try:
        cid = ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 10, 1))).id
        expected: dict[date, str] = {}
        for minutes, status, offset in moves:
            zone = ZoneInfo("UTC") if offset == 0 else ZoneInfo(f"Etc/GMT{-offset:+d}")
            clock.moment = (clock.moment + timedelta(minutes=minutes)).astimezone(zone)
            today = ws.today()
            assert today == day_of(clock.moment, ws.settings.day_start_hour)
            state = CheckinState(Status(status)) if status else None
            ws.checkins.record(cid, today, state)
            if status:
                expected[today] = status
            else:
                expected.pop(today, None)
        assert stored_days(ws) == expected
        last = max(expected, default=date(2026, 11, 24))
        clock.moment = start + timedelta(days=30)
        as_of = fresh_stats(ws, last)
        clock.moment = start - timedelta(days=30)
        assert fresh_stats(ws, last) == as_of
    finally:
        ws.close()


# --- DST days, in-process with the zone of the computer set to Europe/Berlin ----------------


@pytest.mark.parametrize("times", [
    # spring: the night of the 28th/29th loses 02:00–03:00; 03:30 there still counts
    # for the 28th (before the 04:00 day start)
    ["2026-03-26T21:00", "2026-03-28T03:30", "2026-03-29T03:30", "2026-03-30T01:30",
     "2026-03-30T21:00", "2026-04-01T03:59"],
    # autumn: 02:00–03:00 comes twice in the night of the 24th/25th
    ["2026-10-23T21:00", "2026-10-25T02:30", "2026-10-25T04:10", "2026-10-26T22:00",
     "2026-10-28T03:59", "2026-10-28T21:00"],
])
def test_rel_dst_nights_keep_streaks_whole(berlin: None, tmp_path: Path,
                                           times: list[str]) -> None:
    """A night owl checks in around the DST switch (day start 04:00): each check-in
    counts for the day it belongs to and the streak runs on without a break."""
    first = at(times[0])
    clock = FixedClock(first)
    ws = open_workspace(tmp_path / "data", clock)
    try:
        cid = ws.commitments.create(
            CommitmentDraft("Walk", created_on=day_of(first, 4))).id
        days = []
        for text in times:
            clock.moment = at(text)
            today = ws.today()
            days.append(today)
            ws.checkins.record(cid, today, CheckinState(Status.KEPT))
        # Every check-in landed on its own day, one after the other.
        assert days == [days[0] + timedelta(days=n) for n in range(len(days))]
        assert stored_days(ws) == dict.fromkeys(days, "kept")
        report = ws.stats.report(days[-1]).to_json()["commitments"][0]
        assert report["current_streak"] == len(days)
        assert report["missed"] == 0
    finally:
        ws.close()


# --- a change of time zone, with the CLI as separate processes ------------------------------


@pytest.mark.e2e
def test_rel_travelling_across_time_zones_moves_no_check_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = runner(data)
    home = open_workspace(data, FixedClock(datetime.fromisoformat("2026-11-24T23:30+01:00")))
    try:
        cid = home.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1))).id
        for n in range(20, 25):
            home.checkins.record(cid, date(2026, 11, n), CheckinState(Status.KEPT))
        at_home = home.stats.report(date(2026, 11, 24)).to_json()
    finally:
        home.close()
    assert at_home["commitments"][0]["current_streak"] == 5

    def cli(zone: str, now: str, *args: str) -> Any:
        result = run(*args, TZ=zone, SELFTRUST_NOW=now)
        return json.loads(result.stdout) if "--json" in args else result.stdout

    berlin_night = "2026-11-24T23:30+01:00"  # the same instant in every zone below
    # Flying west: in Los Angeles it is 14:30 on the 24th, the same day.
    la = cli("America/Los_Angeles", berlin_night, "list", "--json")
    assert la["day"] == "2026-11-24" and la["items"][0]["status"] == "kept"
    # Flying east: in Tokyo it is 07:30 on the 25th, a new day, not yet kept, and the
    # streak still stands (today is open).
    tokyo = cli("Asia/Tokyo", berlin_night, "list", "--json")
    assert tokyo["day"] == "2026-11-25" and tokyo["items"][0]["status"] is None
    assert tokyo["items"][0]["current_streak"] == 5
    # A check-in at 01:00 the next night in Tokyo (before the 04:00 day start) counts
    # for the 25th.
    cli("Asia/Tokyo", "2026-11-26T01:00+09:00", "check", "Walk")
    for zone in ("Europe/Berlin", "America/Los_Angeles", "UTC"):
        assert cli(zone, berlin_night, "stats", "--json", "--day", "2026-11-24") == at_home
    back_home = open_workspace(data, FixedClock(datetime.fromisoformat(berlin_night)))
    try:
        assert stored_days(back_home) == {date(2026, 11, n): "kept" for n in range(20, 26)}
    finally:
        back_home.close()
