"""A run says what it counts: days for a daily promise, times for a weekday one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from streaks_helpers import KEPT, add, ago, streaks

from selftrust.base.bidi import without_isolates
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.list_model import Role


def test_a_weekday_promise_counts_times_not_days(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.ctx.ws
    journal = add(ws, "Journal", "mon,wed,fri")
    for n in (22, 20, 18, 15, 13, 11, 8, 6, 4, 1):  # ten Mondays, Wednesdays, Fridays
        ws.checkins.record(journal, ago(n), KEPT)
    view = streaks(window)
    index = view.model.index(view.model.row_of(journal), 0)
    assert index.data(Role.LINE) == "10 times · best 10"
    view.list.setCurrentIndex(index)
    assert view.header.current_number.text() == "10"
    assert view.header.current_caption.text() == "times in a row"
    assert view.header.best_caption.text() == "times"
    assert "10 times in a row" in view.header.current_tile.accessibleDescription()
    best = view.best.model.index(0, 0)
    assert best.data(Qt.ItemDataRole.DisplayRole) == "10 times"
    assert "Journal: 10 times" in without_isolates(best.data(Qt.ItemDataRole.AccessibleTextRole))


def test_a_daily_promise_counts_days_in_a_row(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.ctx.ws
    walk = add(ws, "Walk")
    for n in (3, 2, 1):
        ws.checkins.record(walk, ago(n), KEPT)
    view = streaks(window)
    view.list.setCurrentIndex(view.model.index(view.model.row_of(walk), 0))
    assert view.header.current_caption.text() == "days in a row"
    assert view.header.current_tile.accessibleDescription() == "Current streak: 3 days in a row"
