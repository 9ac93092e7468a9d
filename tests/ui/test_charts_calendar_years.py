"""The Calendar chart with "All" (or a custom range over a year) shows every year."""

from __future__ import annotations

from datetime import date

import pytest
from charts_helpers import open_charts
from pytestqt.qtbot import QtBot

from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.calendar_chart import squares_in
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 24)


@pytest.fixture
def years(ws: Workspace) -> Workspace:
    generate(ws, years=3, commitments=2, seed=11)
    return ws


def open_calendar(qtbot: QtBot, window: MainWindow, rng: ChartRange) -> ChartsView:
    view = open_charts(qtbot, window)
    view.set_range(rng)
    view.show_chart("calendar")
    return view


def test_the_calendar_data_covers_the_whole_range(years: Workspace) -> None:
    data = ChartData(years)
    first, last = data.span(ChartRange("all"))  # type: ignore[misc]
    cal = data.calendar(ChartRange("all"))
    assert cal.range_first == first and cal.last == last == TODAY
    assert (last - first).days > 3 * 365 - 10


def test_all_shows_one_block_per_year_newest_on_top(qtbot: QtBot, years: Workspace,
                                                    window: MainWindow) -> None:
    view = open_calendar(qtbot, window, ChartRange("all"))
    first, last = view.data.span(view.rng)  # type: ignore[misc]
    ax = view.canvas.figure.axes[0]  # type: ignore[union-attr]
    (squares,) = ax.collections
    assert squares_in(squares) == (last - first).days + 1, "a square for every day"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [str(y) for y in range(last.year, first.year - 1, -1)]
    positions = list(ax.get_yticks())
    assert positions == sorted(positions), "the newest year on top (y grows downwards)"
    # hovering the top-left square of the newest block names a day of the newest year
    hit = view.canvas.hover.find(*ax.transData.transform((0, positions[0])), radius=40)  # type: ignore[union-attr]
    assert hit is not None and str(last.year) in hit.text


def test_many_years_make_the_chart_taller_and_scrollable(qtbot: QtBot, ws: Workspace,
                                                         window: MainWindow) -> None:
    generate(ws, years=10, commitments=2, seed=2)
    window.resize(1100, 720)
    view = open_calendar(qtbot, window, ChartRange("all"))
    canvas = view.canvas
    assert canvas is not None
    assert canvas.minimumHeight() > view.chart_scroll.viewport().height()
    qtbot.waitUntil(lambda: view.chart_scroll.verticalScrollBar().maximum() > 0, timeout=2000)
    view.set_range(ChartRange("4w"))
    qtbot.waitUntil(lambda: view.chart_scroll.verticalScrollBar().maximum() == 0, timeout=2000)


def test_a_custom_range_over_a_year_shows_each_year(qtbot: QtBot, years: Workspace,
                                                    window: MainWindow) -> None:
    rng = ChartRange("custom", date(2024, 3, 1), date(2026, 2, 28))
    view = open_calendar(qtbot, window, rng)
    ax = view.canvas.figure.axes[0]  # type: ignore[union-attr]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2026", "2025", "2024"]
    (squares,) = ax.collections
    assert squares_in(squares) == (date(2026, 2, 28) - date(2024, 3, 1)).days + 1


def test_a_year_or_less_keeps_the_weekday_rows(qtbot: QtBot, years: Workspace,
                                               window: MainWindow) -> None:
    view = open_calendar(qtbot, window, ChartRange("1y"))
    ax = view.canvas.figure.axes[0]  # type: ignore[union-attr]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Mon", "Wed", "Fri", "Sun"]


def test_the_chart_command_draws_every_year_at_full_size(years: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    from selftrust.ui.charts.render import render_file

    out = render_file(years, "calendar", tmp_path / "all.png", rng=ChartRange("all"),
                      size=(1100, 500))
    image = QImage(str(out))
    assert image.width() == 1100 and image.height() > 500
