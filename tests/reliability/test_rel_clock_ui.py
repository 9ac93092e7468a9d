"""The window's day rollover when the clock jumps and on DST nights: the day-start timer
aims at the real moment the day begins, and the views hear about every change of day,
backwards too."""

from __future__ import annotations

from datetime import UTC, date, timedelta

from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.ui.shell.main_window import MainWindow
from tests.reliability.rel_time import at


def test_rel_the_rollover_timer_aims_at_the_real_day_start_on_dst_nights(
    berlin: None, clock: FixedClock, window: MainWindow
) -> None:
    for now, day_start in (("2026-03-28T23:30", "2026-03-29T04:00"),  # a 23-hour night
                           ("2026-10-24T23:30", "2026-10-25T04:00"),  # a 25-hour night
                           ("2026-11-23T23:30", "2026-11-24T04:00")):
        clock.moment = at(now)
        window.check_day()
        # (aware datetimes in one zone subtract as wall-clock times: compare in UTC)
        real = (at(day_start).astimezone(UTC) - clock.moment.astimezone(UTC)).total_seconds()
        aimed = window._boundary.interval() / 1000
        assert real < aimed <= real + 2, f"{now}: aims {aimed:.0f} s ahead, the day starts " \
                                         f"in {real:.0f} s"


def test_rel_views_follow_the_clock_backwards_and_forwards(
    qtbot: QtBot, clock: FixedClock, window: MainWindow
) -> None:
    ws = window.ctx.ws
    cid = ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1))).id
    ws.checkins.record(cid, date(2026, 11, 24), CheckinState(Status.KEPT))
    heard: list[date] = []
    window.ctx.clockwork.day_changed.connect(heard.append)
    for hours, expected in ((-50, date(2026, 11, 22)), (50, date(2026, 11, 24)),
                            (24, date(2026, 11, 25)), (-24, date(2026, 11, 24))):
        clock.advance(hours=hours)
        window.check_day()
        assert heard[-1] == expected
        assert ws.today() == expected
    window.check_day()  # no change of day, no notice
    assert heard == [date(2026, 11, 22), date(2026, 11, 24), date(2026, 11, 25),
                     date(2026, 11, 24)]
    assert ws.checkins.get(cid, date(2026, 11, 24)) is not None
    assert ws.checkins.get(cid, date(2026, 11, 24) + timedelta(days=1)) is None
