"""A right-to-left window reads its calendar from the right, as a Hebrew or Arabic wall
calendar does: the first weekday's column is the rightmost, months follow leftwards,
hit testing agrees with the drawing, and the left arrow goes on to the next day."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot
from streaks_helpers import KEPT, add, ago, streaks

from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.streaks.calendar_keys import moved_focus
from selftrust.ui.streaks.calendar_layout import Metrics, MonthGrid


def test_a_mirrored_month_runs_from_the_right(qapp: object) -> None:
    metrics = Metrics.from_font(QFont())  # sizes from the font: once there is an app
    grid = MonthGrid(date(2026, 10, 1), date(2026, 11, 24), 0, metrics, 800, mirrored=True)
    plain = MonthGrid(date(2026, 10, 1), date(2026, 11, 24), 0, metrics, 800)
    monday, sunday = date(2026, 11, 2), date(2026, 11, 8)
    for g, first_on_the_right in ((grid, True), (plain, False)):
        m, s = g.cell_rect(monday), g.cell_rect(sunday)
        assert m is not None and s is not None
        assert (m.x() > s.x()) is first_on_the_right
        october, november = g.month_rect(0), g.month_rect(1)
        assert (october.x() > november.x()) is first_on_the_right
    for n in range(55):  # every day is found where it is drawn
        day = date(2026, 10, 1) + timedelta(days=n)
        cell = grid.cell_rect(day)
        assert cell is not None and grid.day_at(cell.center()) == day


def test_the_arrows_follow_the_drawing() -> None:
    day, first, last = date(2026, 11, 10), date(2026, 1, 1), date(2026, 11, 24)
    none = Qt.KeyboardModifier.NoModifier
    assert moved_focus(Qt.Key.Key_Left, none, day, first, last) == day - timedelta(days=1)
    assert moved_focus(Qt.Key.Key_Left, none, day, first, last, mirrored=True) == \
        day + timedelta(days=1)
    assert moved_focus(Qt.Key.Key_Up, none, day, first, last, mirrored=True) == \
        day - timedelta(days=7)


def test_the_streaks_calendar_mirrors_in_a_right_to_left_window(
        qtbot: QtBot, window: MainWindow) -> None:
    walk = add(window.ctx.ws, "Walk")
    window.ctx.ws.checkins.record(walk, ago(1), KEPT)
    view = streaks(window)
    heat = view.heat
    monday, sunday = date(2026, 11, 16), date(2026, 11, 22)
    assert heat.cell_rect(monday).x() < heat.cell_rect(sunday).x()
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert heat.cell_rect(monday).x() > heat.cell_rect(sunday).x()
    assert heat.day_at(heat.cell_rect(ago(1)).center()) == ago(1)
    heat.grab()  # paints from the right without trouble
    heat.setFocus()
    heat.focus_day(ago(2))
    qtbot.keyClick(heat, Qt.Key.Key_Left)
    assert heat.focused_day == ago(1)
