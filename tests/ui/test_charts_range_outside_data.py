"""A chart range that ends before the data begins draws a calm message, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace

BEFORE = ChartRange("custom", date(2020, 1, 1), date(2020, 3, 1))


@pytest.fixture
def walk(ws: Workspace) -> Workspace:
    cid = ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=date(2026, 9, 1))).id
    ws.checkins.record(cid, date(2026, 9, 2), CheckinState(Status.KEPT))
    return ws


def test_a_range_before_the_data_has_no_span(walk: Workspace) -> None:
    assert ChartData(walk).span(BEFORE) is None


@pytest.mark.parametrize("name", ["growth", "strength", "kept-rate", "calendar", "weekday",
                                  "streaks"])
def test_every_chart_of_a_range_before_the_data_is_drawn(walk: Workspace, tmp_path: Path,
                                                         name: str) -> None:
    from selftrust.ui.charts.render import render_file

    out = render_file(walk, name, tmp_path / f"{name}.png", rng=BEFORE)
    assert out.stat().st_size > 1000
