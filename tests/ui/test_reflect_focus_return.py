"""After the reflection dialog closes, the keyboard is back where the user was, so the
next key press acts there and never on the navigation rail."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from selftrust.services.reflections import ReflectionDraft
from selftrust.ui.reflections.journal_view import JournalView
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.today.today_view import TodayView
from tests.ui.reflect_helpers import (
    TODAY,
    YESTERDAY,
    part,
    the_dialog,
    type_into,
    walk_with_a_miss,
)


def _focus_of(window: MainWindow) -> QWidget | None:
    """The window's focus: the app's focus widget once the window is active again."""
    focused = QApplication.focusWidget()
    if focused is not None and focused.window() is window:
        return focused
    return window.focusWidget()


def _today(window: MainWindow) -> TodayView:
    window.show_view("today")
    view = window.page("today")
    assert isinstance(view, TodayView)
    return view


def test_after_reflect_save_promise_done_the_today_list_has_the_keys(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    walk_with_a_miss(ctx.ws)
    view = _today(window)
    window.activateWindow()
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_M)  # not kept today: the gentle offer appears
    offer = view.banner.action
    qtbot.waitUntil(offer.isVisible, timeout=2000)
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)  # "Reflect"
    dialog = the_dialog(qtbot)
    type_into(qtbot, part(dialog, "happened"), "Rain all day.")
    type_into(qtbot, part(dialog, "next_step"), "Walk under an umbrella")
    qtbot.keyClick(part(dialog, "next_step"), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.findChild(QPushButton, "promise-tomorrow"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not offer.isVisible(), timeout=2000)  # the offer was taken up
    qtbot.mouseClick(dialog.findChild(QPushButton, "reflection-done"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _focus_of(window) is view.list, timeout=2000)
    assert window.current_view == "today"


def _journal_list_focused(window: MainWindow) -> JournalView:
    """The journal shown, with the keyboard in its list."""
    window.show_view("reflections")
    view = window.page("reflections")
    assert isinstance(view, JournalView)
    window.activateWindow()
    view.list.setFocus()
    return view


def test_after_editing_from_the_journal_its_list_has_the_keys(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    ctx.ws.reflections.write(ReflectionDraft(YESTERDAY, None, happened="First words"))
    view = _journal_list_focused(window)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    dialog = the_dialog(qtbot)
    type_into(qtbot, part(dialog, "happened"), " and more")
    qtbot.keyClick(part(dialog, "happened"), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)  # saving an edit closes at once
    qtbot.waitUntil(lambda: _focus_of(window) is view.list, timeout=2000)
    assert window.current_view == "reflections"


def test_a_free_reflection_from_the_journal_button_returns_to_its_list(
        qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    ctx.ws.reflections.write(ReflectionDraft(TODAY, None, happened="Already here"))
    view = _journal_list_focused(window)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot)
    type_into(qtbot, part(dialog, "learned"), "Mornings suit me.")
    dialog.save()
    qtbot.mouseClick(dialog.findChild(QPushButton, "reflection-done"),
                     Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    qtbot.waitUntil(lambda: _focus_of(window) is view.list, timeout=2000)
