"""The charts and figures wait for today (issue 17, item 4): until the day is over, an
unrecorded or half-done today is pending, never a dip, a miss or a day owed."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.history import Status
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)
MONTH = ChartRange("4w")


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def add(ws: Workspace, title: str, target: Target | None = None) -> int:
    draft = CommitmentDraft(title, Rules(target=target), created_on=ago(40))
    return ws.commitments.create(draft).id


def keep_every_day_until_yesterday(ws: Workspace, cid: int, value: float | None = None) -> None:
    for n in range(40, 0, -1):
        ws.checkins.record(cid, ago(n), CheckinState(Status.KEPT, value))


def test_the_growth_chart_does_not_dip_on_its_last_day_in_the_morning(ws: Workspace) -> None:
    for title in ("Walk", "Stretch"):
        keep_every_day_until_yesterday(ws, add(ws, title))
    growth = ChartData(ws).growth(MONTH)
    assert growth.strength[-1] == growth.strength[-2]
    [walk, stretch] = ChartData(ws).strength(MONTH)
    assert walk.values[-1] == walk.values[-2] and stretch.values[-1] == stretch.values[-2]


def test_a_kept_today_lifts_the_growth_chart(ws: Workspace) -> None:
    walk = add(ws, "Walk")
    keep_every_day_until_yesterday(ws, walk)
    ws.checkins.record(walk, TODAY, CheckinState(Status.KEPT))
    growth = ChartData(ws).growth(MONTH)
    assert growth.strength[-1] > growth.strength[-2]


def test_an_unrecorded_day_counts_once_it_is_over(ws: Workspace, clock: FixedClock) -> None:
    walk = add(ws, "Walk")
    keep_every_day_until_yesterday(ws, walk)
    morning = ws.stats.summary(walk).strength
    assert morning == ws.stats.summary(walk, ago(1)).strength  # yesterday's figure
    clock.advance(days=1)
    assert ws.stats.summary(walk).strength < morning  # 24 November went unmarked


def test_pages_read_so_far_today_are_not_owed_in_the_heat_map(ws: Workspace) -> None:
    read = add(ws, "Read", Target(20, "pages"))
    keep_every_day_until_yesterday(ws, read, 20)
    ws.checkins.record(read, TODAY, CheckinState(Status.KEPT, 5))
    data = ChartData(ws)
    heat = data.calendar(MONTH)
    assert (heat.kept[-1], heat.due[-1]) == (0, 0)
    assert heat.due[-2] == 1
    assert "(100%)" in " ".join(data.insights(MONTH, limit=10))
    summary = ws.stats.summary(read)
    assert (summary.counts.kept, summary.counts.partly) == (40, 0)
    assert np.isclose(summary.strength, ws.stats.summary(read, ago(1)).strength)
