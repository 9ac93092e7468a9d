"""Every piece of Today follows the shown day: a new day start, the banner, the title,
and what an empty day says."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from today_support import (
    TODAY,
    YESTERDAY,
    add,
    key,
    select,
    stored,
    today_view,
    walk_missed,
)

from selftrust.domain.history import Status
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace
from selftrust.store.records import CommitmentRow
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.row_text import REFLECT_OFFER
from selftrust.ui.today.today_view import TodayView


def _night(clock: FixedClock, ws: Workspace) -> None:
    """02:00 on Tuesday 24 November, with days starting at midnight: today is the 24th."""
    clock.moment = clock.moment.replace(hour=2)
    ws.update_settings(replace(ws.settings, day_start_hour=0))
    assert ws.today() == TODAY


def _walk_at_night(clock: FixedClock, ws: Workspace, window: MainWindow
                   ) -> tuple[CommitmentRow, TodayView]:
    """A daily "Walk", and Today shown at 02:00 on Tuesday (days starting at midnight)."""
    walk = add(ws, "Walk")
    _night(clock, ws)
    view = today_view(window)
    view.go_today()
    return walk, view


def test_a_later_day_start_moves_today_back_and_the_view_follows(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    walk, view = _walk_at_night(clock, ws, window)
    assert view.day == TODAY
    # In Preferences: the day now starts at 04:00, so at 02:00 it is still Monday.
    ws.update_settings(replace(ws.settings, day_start_hour=4))
    assert view.day == YESTERDAY
    assert view.navigator.subtitle.text() == "Today"
    assert not view.future_line.isVisible()
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, walk, YESTERDAY).status is Status.KEPT
    assert stored(ws, walk, TODAY) is None


def test_a_day_chosen_in_the_future_of_the_new_day_start_cannot_be_checked(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    walk, view = _walk_at_night(clock, ws, window)
    view.step_day(-1)  # the user looks at Monday
    ws.update_settings(replace(ws.settings, day_start_hour=4))
    view.step_day(+1)  # Tuesday is tomorrow now
    assert view.day == TODAY
    assert view.navigator.subtitle.text() == "Tomorrow"
    assert view.future_line.isVisible()
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, walk, TODAY) is None


def test_the_banner_belongs_to_its_day(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    view = walk_missed(qtbot, ws, window)
    assert view.banner.text == REFLECT_OFFER
    view.step_day(-1)
    assert view.banner.text == ""
    view.go_today()
    key(qtbot, view, Qt.Key.Key_M)
    key(qtbot, view, Qt.Key.Key_Space)  # kept after all, then not kept again
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.text == REFLECT_OFFER
    clock.advance(days=1)
    window.check_day()
    assert view.day == date(2026, 11, 25)
    assert view.banner.text == ""


def test_the_banner_goes_when_the_day_start_moves_the_day(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    add(ws, "Walk")
    _night(clock, ws)
    view = today_view(window)
    view.go_today()
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.text == REFLECT_OFFER
    ws.update_settings(replace(ws.settings, day_start_hour=4))
    assert view.banner.text == ""


def test_the_window_title_names_the_shown_day(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    assert window.windowTitle() == "Today — Self-Trust"
    view.step_day(-1)
    assert window.windowTitle() == "Mon 23 Nov — Self-Trust"
    view.go_today()
    assert window.windowTitle() == "Today — Self-Trust"
    view.step_day(-1)
    window.show_view("streaks")
    assert window.windowTitle().startswith("Streaks")
    window.show_view("today")
    assert window.windowTitle() == "Mon 23 Nov — Self-Trust"


def test_all_commitments_archived_says_so_kindly(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    ws.commitments.archive(walk.id)
    view = today_view(window)
    assert view.pages.currentWidget() is not view.empty_rest
    page = view.pages.currentWidget()
    assert page.isVisible()
    assert "archive" in page.title.text().lower() + page.text.text().lower()
    assert "nothing is due" not in page.title.text().lower()


def test_an_earlier_day_start_moves_today_forward_and_the_view_follows(
    qtbot: QtBot, ws: Workspace, window: MainWindow, clock: FixedClock
) -> None:
    add(ws, "Walk")
    clock.moment = clock.moment.replace(hour=2)  # 02:00; days start at 04:00: Monday
    view = today_view(window)
    view.go_today()
    assert view.day == YESTERDAY
    ws.update_settings(replace(ws.settings, day_start_hour=0))
    assert view.day == TODAY
    assert view.navigator.subtitle.text() == "Today"
    assert window.windowTitle() == "Today — Self-Trust"


def test_the_reflection_offer_goes_when_the_miss_is_undone(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    walk = add(ws, "Walk")
    view = today_view(window)
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.text == REFLECT_OFFER
    window.actions_.undo.trigger()
    assert stored(ws, walk) is None
    assert view.banner.text == ""
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.text == REFLECT_OFFER
    key(qtbot, view, Qt.Key.Key_Space)  # kept after all
    assert view.banner.text == ""
