"""Opening the Charts view on a little demo data, as the charts tests start from."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow


def open_charts(qtbot: QtBot, window: MainWindow) -> ChartsView:
    """The Charts view shown, once its first chart is drawn on fresh data."""
    window.show_view("charts")
    view = window.page("charts")
    assert isinstance(view, ChartsView)
    qtbot.waitUntil(lambda: view.canvas is not None and not view._stale, timeout=10_000)
    return view


def charts_shown(qtbot: QtBot, ws: Workspace, window: MainWindow, *, years: float,
                 commitments: int, seed: int) -> ChartsView:
    """Demo data, then the Charts view shown and its first chart drawn."""
    generate(ws, years=years, commitments=commitments, seed=seed)
    return open_charts(qtbot, window)
