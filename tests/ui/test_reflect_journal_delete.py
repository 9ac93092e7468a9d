"""Deleting a reflection says so in the window's status line, with the way back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import walk_with_a_miss
from tests.ui.test_reflect_journal import _journal, _titles, _write


def test_deleting_a_repair_says_the_miss_is_open_again(qtbot: QtBot, window: MainWindow,
                                                       ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)
    _write(ctx, 1, "Repairs the walk", cid)
    view = _journal(window)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _titles(view) == [], timeout=2000)
    said = window.status_text()
    assert said.startswith("Reflection deleted")
    assert "miss it repaired" in said and "open again" in said
    assert "Ctrl+Z" in said
    ctx.undo.undo()
    qtbot.waitUntil(lambda: _titles(view) == ["Repairs the walk"], timeout=2000)


def test_deleting_a_free_reflection_says_nothing_about_a_miss(qtbot: QtBot, window: MainWindow,
                                                              ctx: UiContext) -> None:
    _write(ctx, 2, "A good day")
    view = _journal(window)
    view.list.setFocus()
    qtbot.mouseClick(view.pane.findChild(QPushButton, "journal-delete"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _titles(view) == [], timeout=2000)
    said = window.status_text()
    assert said.startswith("Reflection deleted") and "Ctrl+Z" in said
    assert "miss" not in said


def test_the_delete_button_and_key_are_named(window: MainWindow, ctx: UiContext) -> None:
    _write(ctx, 2, "A good day")
    view = _journal(window)
    button = view.pane.findChild(QPushButton, "journal-delete")
    assert button.accessibleName() == "Delete reflection"
    assert view.delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    assert view.delete_action in view.list.actions()
