"""The charts' measured layout places every chart where constrained layout did (the same
picture), measures again when the window's size or the chart changes, and keeps its
place when only the data changes (a check-in)."""

from __future__ import annotations

from datetime import date

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from selftrust.domain.history import Status
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.workspace import Workspace
from selftrust.ui.charts import render
from selftrust.ui.charts.catalog import NAMES
from selftrust.ui.charts.layout import MeasuredLayout
from selftrust.ui.charts.style import ChartStyle

TODAY = date(2026, 11, 24)


def _drawn(ws: Workspace, name: str, rng: str, size: tuple[float, float], *,
           constrained: bool = False) -> tuple[Figure, np.ndarray]:
    style = ChartStyle.for_theme(False, font_size=10.0, dpi=100.0)
    fig = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(fig)
    render.draw_chart(fig, ChartData(ws), render.Request(name, ChartRange.parse(rng)), style)
    w_pad, h_pad = style.layout_pads()
    if constrained:  # the layout the charts had before: the picture to match
        fig.set_layout_engine("constrained", w_pad=w_pad, h_pad=h_pad)
    with matplotlib.rc_context(style.rc()):
        canvas.draw()
    return fig, np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.demo_data(years=2, commitments=4, seed=5)
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("rng", ["3m", "all"])
def test_each_chart_sits_where_constrained_layout_put_it(ws: Workspace, name: str,
                                                         rng: str) -> None:
    for size in [(11.0, 7.2), (6.4, 4.2)]:
        fig, pixels = _drawn(ws, name, rng, size)
        old, old_pixels = _drawn(ws, name, rng, size, constrained=True)
        assert isinstance(fig.get_layout_engine(), MeasuredLayout)
        for ax, before in zip(fig.axes, old.axes, strict=True):
            mine = ax.get_position(original=True).bounds
            theirs = before.get_position(original=True).bounds
            # Within half a pixel of where constrained layout put the plot area.
            assert np.allclose(mine, theirs, atol=0.5 / (size[0] * 100)), (mine, theirs)
        differing = (np.abs(pixels.astype(int) - old_pixels.astype(int)).max(axis=2) > 80)
        assert differing.mean() < 0.005, f"{name} {rng} {size}: {differing.mean():.2%} changed"


@pytest.mark.demo_data(years=2, commitments=4, seed=5)
def test_a_check_in_keeps_the_place_and_a_resize_measures_again(ws: Workspace) -> None:
    style = ChartStyle.for_theme(False, font_size=10.0, dpi=100.0)
    fig = Figure(figsize=(11, 7.2), dpi=100)
    canvas = FigureCanvasAgg(fig)
    data = ChartData.shared(ws)
    request = render.Request("strength", ChartRange.parse("3m"))

    def draw() -> tuple[float, ...]:
        render.draw_chart(fig, data, request, style)
        with matplotlib.rc_context(style.rc()):
            canvas.draw()
        return tuple(fig.axes[0].get_position().bounds)

    first = draw()
    engine = fig.get_layout_engine()
    assert isinstance(engine, MeasuredLayout)
    measured = engine.measured
    walk = data.commitments()[0].id
    ws.checkins.record(walk, TODAY, CheckinState(Status.MISSED))
    assert draw() == first
    assert engine.measured == measured  # nothing measured for a check-in
    fig.set_size_inches(6.4, 4.2)  # the window made smaller: only drawn again, as Qt does
    with matplotlib.rc_context(style.rc()):
        canvas.draw()
    smaller = tuple(fig.axes[0].get_position().bounds)
    assert engine.measured == measured + 1
    assert smaller != first  # the legend takes a larger share of a smaller figure
    old = Figure(figsize=(6.4, 4.2), dpi=100, layout="constrained")
    FigureCanvasAgg(old)
    render.draw_chart(old, data, request, style)
    old.set_layout_engine("constrained", w_pad=style.layout_pads()[0],
                          h_pad=style.layout_pads()[1])
    with matplotlib.rc_context(style.rc()):
        old.canvas.draw()
    assert np.allclose(smaller, old.axes[0].get_position().bounds, atol=0.5 / 640)
    request = render.Request("growth", ChartRange.parse("3m"))
    draw()
    assert engine.measured == measured + 2
