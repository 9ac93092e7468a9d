"""The undo stack can outlive the main window (it belongs to the context): clearing or
destroying it afterwards must not reach into the window's deleted actions."""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.context import UiContext


def test_undo_stack_outlives_the_window(qtbot: QtBot, ctx: UiContext) -> None:
    from selftrust.ui.shell.main_window import MainWindow

    window = MainWindow(ctx, restore_state=False)
    ctx.undo.push(QUndoCommand("Something"))
    assert window.actions_.undo.text() == "&Undo Something"
    shiboken6.delete(window)  # the window and its actions are gone now
    QApplication.processEvents()
    ctx.undo.clear()  # what QUndoStack's destructor does; raised in the window's lambdas
