"""Years of days are drawn with about one point per pixel (issue 9), yet the chart
looks the same and hovering still gives every day's exact value and date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from charts_helpers import open_charts
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from selftrust.services.chart_range import ChartRange
from selftrust.services.chart_series import Growth, as_date
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.charts.common import short_date, thin
from selftrust.ui.shell.main_window import MainWindow

if TYPE_CHECKING:  # matplotlib is imported only once a chart is shown
    from matplotlib.lines import Line2D

ALL = ChartRange("all")


@pytest.fixture
def years(ws: Workspace) -> Workspace:
    generate(ws, years=6, commitments=2, seed=5)
    return ws


def open_chart(qtbot: QtBot, window: MainWindow, name: str) -> ChartsView:
    window.resize(1000, 700)
    view = open_charts(qtbot, window)
    view.set_range(ALL)
    view.show_chart(name)
    assert view.canvas is not None
    view.canvas.draw()  # layout settled: the transforms are final
    return view


def test_thinning_keeps_every_peak_and_dip_in_order() -> None:
    rng = np.random.default_rng(1)
    x = np.arange(7300, dtype=float)
    y = rng.random(7300)
    tx, ty = thin(x, y, 800)
    assert tx.size <= 800 + 2
    assert np.all(np.diff(tx) > 0), "days stay in order"
    assert (tx[0], tx[-1]) == (x[0], x[-1]), "the first and last day are kept"
    assert ty.max() == y.max() and ty.min() == y.min()
    assert np.array_equal(ty, y[tx.astype(int)]), "kept points are real days, unchanged"
    # every run of days keeps its own highest and lowest day
    width = -(-7300 // 400)  # 400 runs of at most 19 days
    for start in range(0, 7300, width):
        part = np.arange(start, min(start + width, 7300))
        assert part[np.argmax(y[part])] in tx and part[np.argmin(y[part])] in tx


def test_short_series_and_gaps_are_drawn_as_they_are() -> None:
    x = np.arange(300, dtype=float)
    y = np.linspace(0, 1, 300)
    tx, ty = thin(x, y, 800)
    assert tx is x and ty is y
    long_x = np.arange(5000, dtype=float)
    long_y = np.where((long_x > 1000) & (long_x < 2000), np.nan, 0.5)
    _, gy = thin(long_x, long_y, 500)
    assert np.isnan(gy).any(), "a stretch with no active commitment stays a gap"


def _dropped_day(full_x: np.ndarray, drawn_x: np.ndarray, near: float) -> int:
    """A day in the middle of the series that the drawing left out."""
    missing = np.flatnonzero(~np.isin(full_x, drawn_x))
    assert missing.size > full_x.size // 3, "years of days are thinned"
    return int(missing[np.argmin(np.abs(missing - near * full_x.size))])


def test_strength_over_years_is_thinned_but_hover_is_exact(qtbot: QtBot, years: Workspace,
                                                            window: MainWindow) -> None:
    view = open_chart(qtbot, window, "strength")
    canvas = view.canvas
    assert canvas is not None
    series = view.data.strength(ALL)
    first = series[0]
    (ax,) = [a for a in canvas.figure.axes if a.get_lines()]
    line = next(ln for ln in ax.get_lines() if ln.get_label() == first.title)
    drawn = np.asarray(line.get_xdata())
    assert drawn.size <= canvas.figure.bbox.width + 2, "about one point per pixel"
    import matplotlib.dates as mdates

    full_x = mdates.date2num(first.days)
    i = _dropped_day(full_x, drawn, 0.6)
    px, py = ax.transData.transform((full_x[i], first.values[i]))
    hit = canvas.hover.find(px, py, radius=2)
    assert hit is not None
    day = as_date(first.days[i])
    assert hit.text == f"{first.title}\n{short_date(day)}: strength {first.values[i]:.0%}"


def _growth_chart(qtbot: QtBot, window: MainWindow) -> tuple[Any, Growth, Line2D]:
    """The growth chart open: its canvas, the figures it drew, and the jar's line."""
    view = open_chart(qtbot, window, "growth")
    canvas = view.canvas
    assert canvas is not None
    marbles = next(ln for a in canvas.figure.axes for ln in a.get_lines()
                   if ln.get_label() == "Marbles")
    return canvas, view.data.growth(ALL), marbles


def test_growth_over_years_is_thinned_but_hover_is_exact(qtbot: QtBot, years: Workspace,
                                                          window: MainWindow) -> None:
    canvas, growth, marbles = _growth_chart(qtbot, window)
    ax = marbles.axes
    drawn = np.asarray(marbles.get_xdata())
    assert drawn.size <= canvas.figure.bbox.width + 2
    import matplotlib.dates as mdates

    full_x = mdates.date2num(growth.days)
    i = _dropped_day(full_x, drawn, 0.4)
    px, py = ax.transData.transform((full_x[i], growth.marbles[i]))
    hit = canvas.hover.find(px, py + 30)  # above the day: a time series finds the day
    assert hit is not None
    day = as_date(growth.days[i])
    assert hit.text.startswith(short_date(day))
    assert f"{int(growth.marbles[i]):,} marbles in the jar" in hit.text
    assert f"Overall strength {growth.strength[i]:.0%}" in hit.text


def test_the_tooltip_a_person_sees_names_the_exact_day(qtbot: QtBot, years: Workspace,
                                                       window: MainWindow) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    canvas, growth, marbles = _growth_chart(qtbot, window)
    import matplotlib.dates as mdates

    full_x = mdates.date2num(growth.days)
    i = _dropped_day(full_x, np.asarray(marbles.get_xdata()), 0.5)
    px, py = marbles.axes.transData.transform((full_x[i], growth.marbles[i]))
    ratio = canvas.device_pixel_ratio
    pos = QPointF(px / ratio, canvas.height() - (py + 20) / ratio)
    QApplication.sendEvent(canvas, QMouseEvent(
        QMouseEvent.Type.MouseMove, pos, canvas.mapToGlobal(pos), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    text = QToolTip.text().replace("\xa0", " ")
    # the mouse is a pixel wide: the day under it, or its neighbour, told exactly
    shown = [j for j in range(i - 3, i + 4)
             if short_date(as_date(growth.days[j])) in text]
    assert shown, text
    j = shown[0]
    assert f"{int(growth.marbles[j]):,} marbles in the jar" in text
