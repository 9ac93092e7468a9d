"""Opening the Charts view on a little demo data, as the charts tests start from."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace
from selftrust.ui.charts.charts_view import ChartsView
from selftrust.ui.shell.main_window import MainWindow


def charts_shown(qtbot: QtBot, ws: Workspace, window: MainWindow, *, years: float,
                 commitments: int, seed: int) -> ChartsView:
    """Demo data, then the Charts view shown and its first chart drawn."""
    generate(ws, years=years, commitments=commitments, seed=seed)
    window.show_view("charts")
    page = window.page("charts")
    assert isinstance(page, ChartsView)
    qtbot.waitUntil(lambda: page.canvas is not None and not page._stale, timeout=10_000)
    return page
