"""The charts read each commitment's jar counts straight from the ledger's jar track
(a speed-up): they equal the counts added up from the jar's events, day by day."""

from __future__ import annotations

from datetime import date

import numpy as np

from selftrust.services import demo
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.workspace import Workspace


def test_jar_counts_equal_the_events_added_up(ws: Workspace) -> None:
    demo.generate(ws, years=2, commitments=8, seed=11)
    data = ChartData(ws)
    data.growth(ChartRange.parse("all"))
    end = ws.today()
    for c in ws.commitments.all(include_archived=True):
        derived = data._derived(c, end)
        expected = np.zeros((3, derived.history.size), dtype=np.int64)
        for e in ws.ledger.events(c.id, end):
            i = (e.day - derived.start).days
            expected[:, i] += (e.kept, e.missed, e.repaired)
        assert np.array_equal(derived.jar_counts, expected), c.title
    assert end == date(2026, 11, 24)
