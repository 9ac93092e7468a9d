"""Moving between days: back-filling, future days, the calendar, the day rolling over,
the empty states, and the signal the start-up probe waits for."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from today_support import (
    TODAY,
    TOMORROW,
    YESTERDAY,
    add,
    click_circle,
    key,
    open_today,
    select,
    shown,
    stored,
    today_view,
)

from selftrust.domain.history import Status
from selftrust.services.clock import FixedClock
from selftrust.services.settings import Settings
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.row_text import FUTURE_LINE
from selftrust.ui.today.today_view import TodayView


def test_back_fill_yesterday_from_the_navigator(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    view = open_today(window)
    qtbot.mouseClick(view.navigator.previous_button, Qt.MouseButton.LeftButton)
    assert view.day == YESTERDAY
    assert view.navigator.subtitle.text() == "Yesterday"
    assert view.navigator.title.text() == "Monday 23 November"

    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, walk, YESTERDAY).status is Status.KEPT
    assert stored(ws, walk, TODAY) is None
    assert shown(view, "Walk").status is Status.KEPT
    assert view.summary.text() == "The one promise kept yesterday"

    qtbot.mouseClick(view.navigator.today_button, Qt.MouseButton.LeftButton)
    assert view.day == TODAY
    assert shown(view, "Walk").status is None
    assert shown(view, "Walk").current_streak == 1  # yesterday's check-in counts today


def test_the_window_shortcuts_move_the_day(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    qtbot.keyClick(window, Qt.Key.Key_Left, alt)
    assert view.day == TODAY - timedelta(days=2)
    assert view.navigator.subtitle.text() == "2 days ago"
    qtbot.keyClick(window, Qt.Key.Key_Right, alt)
    assert view.day == YESTERDAY
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.day == TODAY


def test_a_future_day_is_shown_but_cannot_be_checked(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    view = open_today(window)
    qtbot.mouseClick(view.navigator.next_button, Qt.MouseButton.LeftButton)
    assert view.day == TOMORROW
    assert view.navigator.subtitle.text() == "Tomorrow"
    assert view.future_line.isVisible()
    assert view.future_line.text() == FUTURE_LINE
    assert not shown(view, "Walk").checkable

    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_Space)
    click_circle(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_M)
    assert stored(ws, walk, TOMORROW) is None
    assert shown(view, "Walk").status is None
    assert view.banner.text == FUTURE_LINE
    assert not window.ctx.undo.canUndo()


def test_the_calendar_picks_a_day_and_starts_the_week_as_set(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    ws.update_settings(Settings(chosen_week_start=6))  # Sunday
    view = today_view(window)
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    popup = view.navigator.popup
    assert popup is not None and popup.isVisible()
    calendar = popup.calendar
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert calendar.selectedDate() == QDate(2026, 11, 24)

    calendar.setSelectedDate(QDate(2026, 11, 20))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert view.day == date(2026, 11, 20)
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_S)
    assert stored(ws, walk, date(2026, 11, 20)).status is Status.SKIPPED


def test_the_day_rolls_over_when_today_was_shown(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    clock.advance(days=1)
    window.check_day()
    assert view.day == TOMORROW
    assert view.navigator.subtitle.text() == "Today"
    assert shown(view, "Walk").checkable
    assert not view.future_line.isVisible()


def test_a_day_chosen_by_the_user_stays_when_the_day_rolls_over(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    view.set_day(YESTERDAY)
    clock.advance(days=1)
    window.check_day()
    assert view.day == YESTERDAY
    assert view.navigator.subtitle.text() == "2 days ago"


def test_no_commitments_invites_a_first_promise(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(window, "new_commitment", lambda: calls.append("new"))
    view = today_view(window)
    assert view.pages.currentWidget() is view.empty_first
    assert view.empty_first.isVisible()
    button = view.empty_first.button
    assert button is not None and button.text() == "Make your first promise"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert calls == ["new"]


def test_a_first_promise_made_elsewhere_appears(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    view = today_view(window)
    assert view.pages.currentWidget() is view.empty_first
    add(ws, "Walk")  # as the commitment dialog would
    assert view.pages.currentWidget() is view.list
    assert shown(view, "Walk").status is None


def test_nothing_due_is_a_rest_day(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    add(ws, "Gym", "mon,wed,fri")
    view = today_view(window)  # a Tuesday
    assert view.pages.currentWidget() is view.empty_rest
    assert view.empty_rest.title.text() == "Nothing is due today"
    assert view.empty_rest.text.text() == "Rest is part of it, too."
    view.step_day(-1)  # Monday
    assert view.pages.currentWidget() is view.list
    assert shown(view, "Gym").status is None


def test_painted_with_data_fires_once_after_the_day_is_shown(
    qtbot: QtBot, ws: Workspace, ctx
) -> None:
    from selftrust.ui.shell.main_window import MainWindow

    add(ws, "Walk")
    win = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(win)
    fired: list[int] = []
    win.today_painted.connect(lambda: fired.append(len(win.page("today").model.items())))
    with qtbot.waitSignal(win.today_painted, timeout=5000):
        win.show()
    win.page("today").repaint()  # another paint, now: it must not signal again
    QApplication.processEvents()
    assert fired == [1]


def test_the_view_has_accessible_names(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    add(ws, "Walk")
    view: TodayView = today_view(window)
    assert view.list.accessibleName()
    for button in (view.navigator.previous_button, view.navigator.next_button,
                   view.navigator.today_button, view.navigator.calendar_button):
        assert button.accessibleName()
        assert "(" in button.toolTip()  # the shortcut is named
    for action in view.actions_.all():
        assert action.text() and action.shortcut().toString()


def test_tab_goes_through_the_header_in_reading_order(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    view.set_day(YESTERDAY)  # every header button enabled
    nav = view.navigator
    nav.previous_button.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    # previous day, the date (its calendar), next day, back to today, then the rows
    assert seen == [nav.calendar_button, nav.next_button, nav.today_button, view.list]
