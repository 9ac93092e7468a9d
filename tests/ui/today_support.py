"""Helpers for the Today tests: make commitments, find the view, read what a row shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import parse_schedule
from selftrust.services.checkins import CheckinState, StoredCheckin
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.dashboard import DayItem
from selftrust.services.workspace import Workspace
from selftrust.store.records import CommitmentRow
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.today_view import TodayView

TODAY = date(2026, 11, 24)  # the fixed clock's day, a Tuesday
YESTERDAY = date(2026, 11, 23)
TOMORROW = date(2026, 11, 25)
START = date(2026, 11, 1)


def add(ws: Workspace, title: str, schedule: str = "daily", *, target: Target | None = None,
        start: date = START) -> CommitmentRow:
    rules = Rules(schedule=parse_schedule(schedule), target=target)
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=start))


def pages(amount: float = 20) -> Target:
    return Target(amount, "pages", Period.DAY)


def today_view(window: MainWindow) -> TodayView:
    window.show_view("today")
    view = window.page("today")
    assert isinstance(view, TodayView)
    return view


def open_today(window: MainWindow) -> TodayView:
    """Today, read afresh: the commitments were made after the window opened."""
    view = today_view(window)
    view.reload()
    return view


def with_selected(qtbot: QtBot, window: MainWindow, title: str) -> TodayView:
    """Today read afresh, with the row ``title`` selected as a user selects it."""
    view = open_today(window)
    select(qtbot, view, title)
    return view


def walk_selected(qtbot: QtBot, ws: Workspace, window: MainWindow
                  ) -> tuple[CommitmentRow, TodayView]:
    """The most common start: a daily "Walk", selected in Today."""
    walk = add(ws, "Walk")
    return walk, with_selected(qtbot, window, "Walk")


def walk_missed(qtbot: QtBot, ws: Workspace, window: MainWindow) -> TodayView:
    """A daily "Walk" marked not kept with M: the banner offers a reflection."""
    add(ws, "Walk")
    view = today_view(window)
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_M)
    return view


def row_of(view: TodayView, title: str) -> int:
    for row, item in enumerate(view.model.items()):
        if item.title == title:
            return row
    raise AssertionError(f"{title!r} is not shown; rows: {[i.title for i in view.model.items()]}")


def shown(view: TodayView, title: str) -> DayItem:
    return view.model.item(row_of(view, title))


def select(qtbot: QtBot, view: TodayView, title: str) -> None:
    """Click the row's title (not its circle), as a user selects a row."""
    rect = view.list.visualRect(view.model.index(row_of(view, title), 0))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + rect.width() // 3, rect.center().y()))
    assert view.current_item() is not None and view.current_item().title == title
    view.list.setFocus()


def click_circle(qtbot: QtBot, view: TodayView, title: str) -> None:
    index = view.model.index(row_of(view, title), 0)
    rect = view.list.visualRect(index)
    opt = QStyleOptionViewItem()
    view.list.initViewItemOption(opt)
    opt.rect = rect
    circle = view.delegate.geometry(opt).check
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=circle.center())


def key(qtbot: QtBot, view: TodayView, k: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    view.list.setFocus()
    qtbot.keyClick(view.list, k, modifier)


def stored(ws: Workspace, c: CommitmentRow, day: date = TODAY) -> CheckinState | None:
    found: StoredCheckin | None = ws.checkins.get(c.id, day)
    return None if found is None else found.state

