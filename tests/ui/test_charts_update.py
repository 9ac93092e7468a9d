"""After a check-in a chart whose axes stay the same changes its values in place and
paints them over its kept background: the picture equals a chart drawn afresh, pixel
for pixel, and the hover tells the new values."""

from __future__ import annotations

from datetime import date

import matplotlib
import numpy as np
import pytest
from charts_helpers import open_charts
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.workspace import Workspace
from selftrust.ui.charts import render
from selftrust.ui.charts.catalog import NAMES
from selftrust.ui.charts.layers import Background
from selftrust.ui.charts.style import ChartStyle
from selftrust.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 24)
STYLE = ChartStyle.for_theme(False, font_size=10.0, dpi=100.0)
UPDATED_IN_PLACE = {"growth", "strength", "calendar", "weekday", "kept-rate"}
"""Charts whose axes a kept/not-kept flip of a recorded day leaves alone on this data
(the first check-in may record a day that was open, which can change a scale)."""


class _Chart:
    """A chart on an Agg canvas, painted as the app's canvas paints it."""

    def __init__(self, data: ChartData, request: render.Request) -> None:
        self.fig = Figure(figsize=(11, 7.2), dpi=100)
        self.canvas = FigureCanvasAgg(self.fig)
        self.data, self.request = data, request
        self.background = Background()
        self.shown: render.Drawn | None = None

    def redraw(self) -> render.Drawn:
        drawn = render.redraw_chart(self.fig, self.data, self.request, STYLE, self.shown)
        if not drawn.updated:
            self.background.forget()
        self.shown = drawn
        return drawn

    def pixels(self) -> np.ndarray:
        assert self.shown is not None
        layers = self.shown.hover.layers
        with matplotlib.rc_context(STYLE.rc()):
            if layers is None:
                self.canvas.draw()
            else:
                renderer = self.canvas.get_renderer()
                self.canvas.renderer = renderer
                self.background.draw(self.fig, renderer, layers)
        return np.asarray(self.canvas.buffer_rgba()).copy()


@pytest.mark.demo_data(years=2, commitments=4, seed=5)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("rng", ["3m", "all"])
def test_a_check_in_gives_the_picture_of_a_fresh_draw(ws: Workspace, name: str,
                                                      rng: str) -> None:
    data = ChartData.shared(ws)
    request = render.Request(name, ChartRange.parse(rng))
    chart = _Chart(data, request)
    chart.redraw()
    chart.pixels()
    walk = data.commitments()[0].id
    for flip, status in enumerate((Status.MISSED, Status.KEPT, Status.MISSED)):
        ws.checkins.record(walk, TODAY, CheckinState(status))
        drawn = chart.redraw()
        if name in UPDATED_IN_PLACE and flip > 0:
            assert drawn.updated, f"{name} {rng} was drawn again"
        mine = chart.pixels()
        fresh = _Chart(data, request)
        again = fresh.redraw()
        theirs = fresh.pixels()
        differing = np.argwhere((mine != theirs).any(axis=2))
        assert differing.size == 0, f"{name} {rng} {status}: {len(differing)} pixels differ"
        assert drawn.notice == again.notice
        # The hover reads the new values: the same words at the same places.
        for x, y in [(300, 300), (500, 250), (700, 400), (900, 320)]:
            assert drawn.hover.find(x, y) == again.hover.find(x, y)


@pytest.mark.demo_data(years=2, commitments=4, seed=5)
def test_a_streak_that_changes_in_place_looks_as_drawn_afresh(ws: Workspace) -> None:
    """A check-in that leaves the longest streaks' order alone moves their bars and
    lengths in place; one that reorders them draws the chart again."""
    data = ChartData.shared(ws)
    request = render.Request("streaks", ChartRange.parse("all"))
    chart = _Chart(data, request)
    chart.redraw()
    chart.pixels()
    ways = []
    for c in data.commitments():
        if ws.commitments.get(c.id).measurable:
            continue  # a measured one takes an amount: the others say enough
        for status in (Status.KEPT, Status.MISSED, Status.KEPT):
            ws.checkins.record(c.id, TODAY, CheckinState(status))
            ways.append(chart.redraw().updated)
            fresh = _Chart(data, request)
            fresh.redraw()
            assert (chart.pixels() == fresh.pixels()).all(), f"{c.title} {status}"
    assert any(ways)


@pytest.mark.demo_data(years=2, commitments=4, seed=5)
def test_the_window_shows_a_check_in_as_a_fresh_chart_would(qtbot: QtBot, ws: Workspace,
                                                            window: MainWindow) -> None:
    view = open_charts(qtbot, window)
    view.show_chart("strength")
    canvas = view.canvas
    assert canvas is not None
    canvas.draw()
    walk = view.data.commitments()[0].id
    for status in (Status.MISSED, Status.KEPT):
        ws.checkins.record(walk, TODAY, CheckinState(status))
        view.refresh()
        assert canvas.shown is not None and canvas.shown.updated
        canvas.draw()
    mine = np.asarray(canvas.buffer_rgba()).copy()
    hit = canvas.hit_at(canvas.width() - 200, canvas.height() / 2)
    canvas.shown = None  # forget what is shown: the next refresh draws it all again
    view.refresh()
    assert canvas.shown is not None and not canvas.shown.updated
    canvas.draw()
    assert (np.asarray(canvas.buffer_rgba()) == mine).all()
    assert canvas.hit_at(canvas.width() - 200, canvas.height() / 2) == hit
