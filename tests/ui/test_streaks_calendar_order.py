"""The Streaks calendar reads in one direction: months in time order, left to right then
down, like a wall calendar; the view opens scrolled to today's month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.streaks_helpers import KEPT, TODAY, add, streaks


def _reading_order(view) -> list[date]:  # type: ignore[no-untyped-def]
    heat = view.heat
    months = [date(2025, m, 1) for m in range(1, 13)] + [date(2026, m, 1) for m in range(1, 12)]
    shown = [m for m in months if not heat.cell_rect(m).isEmpty()]
    return sorted(shown, key=lambda m: (heat.cell_rect(m).y() // 10, heat.cell_rect(m).x()))


def test_months_read_forwards_left_to_right_then_down(qtbot: QtBot, window: MainWindow,
                                                       ws: Workspace) -> None:
    cid = add(ws, "Walk", start=date(2026, 1, 10))
    ws.checkins.record(cid, date(2026, 1, 12), KEPT)
    window.resize(1100, 720)
    view = streaks(window)
    window.show()
    qtbot.waitExposed(window)
    order = _reading_order(view)
    assert order == sorted(order) and order[0] == date(2026, 1, 1)
    assert order[-1] == TODAY.replace(day=1)
    # the first rows must hold more than one month for the order to mean anything
    heat = view.heat
    assert heat.cell_rect(date(2026, 1, 1)).y() == heat.cell_rect(date(2026, 2, 1)).y()
    # today's month is in view when the calendar opens
    scroll = view.calendar_scroll
    today = heat.cell_rect(TODAY)
    top = scroll.verticalScrollBar().value()
    assert top <= today.top() and today.bottom() <= top + scroll.viewport().height()


def test_page_keys_follow_the_reading_order(qtbot: QtBot, window: MainWindow,
                                            ws: Workspace) -> None:
    add(ws, "Walk", start=date(2026, 1, 10))
    view = streaks(window)
    heat = view.heat
    heat.setFocus()
    assert heat.focused_day == TODAY
    qtbot.keyClick(heat, Qt.Key.Key_PageUp)  # the month before: earlier in the reading
    assert heat.focused_day == date(2026, 10, 24)
    assert heat.cell_rect(heat.focused_day).y() <= heat.cell_rect(TODAY).y()
    qtbot.keyClick(heat, Qt.Key.Key_Home)
    assert heat.focused_day == date(2026, 1, 10)
    qtbot.keyClick(heat, Qt.Key.Key_End)
    assert heat.focused_day == TODAY
