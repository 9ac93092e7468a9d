"""The rail's Today (and Ctrl+1) shows the current day; a day opened on purpose (from
the Streaks calendar) still opens that day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from today_support import TODAY, YESTERDAY, add, today_view

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow


def test_the_rail_brings_today_back(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    add(ws, "Walk")
    view = today_view(window)
    view.step_day(-1)
    assert view.day == YESTERDAY
    window.show_view("streaks")
    qtbot.mouseClick(window.rail.findChild(type(window.rail._buttons["today"]), "nav-today"),
                     Qt.MouseButton.LeftButton)
    assert window.current_view == "today"
    assert view.day == TODAY


def test_ctrl_1_brings_today_back(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    add(ws, "Walk")
    view = today_view(window)
    view.step_day(-1)
    window.show_view("streaks")
    window.actions_.view_today.trigger()
    assert view.day == TODAY


def test_a_day_opened_on_purpose_stays_open(ws: Workspace, window: MainWindow) -> None:
    add(ws, "Walk")
    window.show_view("streaks")
    window.show_day(YESTERDAY)
    assert window.current_view == "today"
    assert today_view(window).day == YESTERDAY
