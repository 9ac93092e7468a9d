"""The longest runs of a range, from each commitment's runs sorted once (issue 9), are
exactly those of building a bar for every run and sorting them all."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.chart_series import StreakBar
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace


def every_bar_sorted(data: ChartData, rng: ChartRange, count: int) -> list[StreakBar]:
    span = data.span(rng)
    assert span is not None
    first, last = span
    bars = [
        StreakBar(d.row.id, d.row.title, d.row.color, s.start, s.end, s.length, d.streak_unit)
        for d in data.selected()
        for s in d.streaks.all
        if s.end >= first and s.start <= last and s.length > 1
    ]
    bars.sort(key=lambda b: (b.span_days, b.length, b.last), reverse=True)
    return bars[:count]


@pytest.mark.parametrize("rng", [ChartRange("all"), ChartRange("1y"), ChartRange("3m"),
                                 ChartRange("4w"),
                                 ChartRange("custom", date(2025, 2, 1), date(2025, 3, 9))])
@pytest.mark.parametrize("count", [1, 3, 10, 50])
def test_the_longest_runs_are_the_same_as_sorting_them_all(
    ws: Workspace, rng: ChartRange, count: int
) -> None:
    generate(ws, years=2, commitments=5, seed=9)
    data = ChartData(ws)
    assert data.streaks(rng, count=count) == every_bar_sorted(data, rng, count)


def test_a_check_in_re_sorts_only_its_commitments_runs(ws: Workspace) -> None:
    from selftrust.domain.history import Status
    from selftrust.services.checkins import CheckinState

    generate(ws, years=2, commitments=3, seed=9)
    data = ChartData.shared(ws)
    data.streaks(ChartRange("all"))
    walk, *others = data.selected()
    ws.checkins.record(walk.row.id, date(2026, 11, 24), CheckinState(Status.KEPT))
    after = data.selected()
    assert after[0] is not walk and after[1:] == others
    assert data.streaks(ChartRange("all")) == every_bar_sorted(data, ChartRange("all"), 10)
