"""Today from the keyboard: the banner's keys do what its tooltips say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from today_support import (
    add,
    key,
    today_view,
    walk_missed,
)

from selftrust.services.workspace import Workspace
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.row_text import REFLECT_OFFER


def test_esc_dismisses_the_banner_as_its_tooltip_says(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    view = walk_missed(qtbot, ws, window)
    assert view.banner.text == REFLECT_OFFER
    assert "(Esc)" in view.banner.close_button.toolTip()
    assert "(R)" in view.banner.action.toolTip()
    key(qtbot, view, Qt.Key.Key_Escape)
    assert view.banner.text == ""
    assert view.list.hasFocus() or window.focusWidget() is view.list


def test_esc_in_the_banner_itself_dismisses_it_and_returns_to_the_list(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    view = walk_missed(qtbot, ws, window)
    view.banner.action.setFocus()
    qtbot.keyClick(view.banner.action, Qt.Key.Key_Escape)
    assert view.banner.text == ""
    assert window.focusWidget() is view.list


def test_every_header_button_names_its_key(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    add(ws, "Walk")
    view = today_view(window)
    nav = view.navigator
    a = window.actions_
    for button, action in ((nav.previous_button, a.previous_day), (nav.next_button, a.next_day),
                           (nav.today_button, a.go_today), (nav.calendar_button, a.pick_day)):
        keys = [k.toString() for k in action.shortcuts()]
        assert any(f"({k})" in button.toolTip() for k in keys), (button.toolTip(), keys)
