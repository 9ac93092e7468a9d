"""The main window owns its undo stack: the stack goes with the window, and its last
signals (a dying QUndoStack clears itself) never reach actions that are already gone.

Nothing here empties or silences the stack before a window goes; that is the point.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QtMsgType
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import OFFSCREEN_NOISE
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.undo import perform


def warnings_in(qtlog: Any) -> list[str]:  # pytest-qt's qtlog fixture
    return [r.message for r in qtlog.records
            if r.type != QtMsgType.QtDebugMsg and r.message != OFFSCREEN_NOISE]


def test_the_stack_goes_with_the_window(qtbot: QtBot, ctx: UiContext) -> None:
    window = MainWindow(ctx, restore_state=False)
    stack = ctx.undo
    assert stack.parent() is window
    stack.push(QUndoCommand("Something"))
    assert window.actions_.undo.text() == "&Undo Something"
    shiboken6.delete(window)  # the window and its actions go, and the stack with them
    QApplication.processEvents()
    assert not shiboken6.isValid(stack)


def test_three_windows_in_turn_each_with_its_own_undo(qtbot: QtBot, ctx: UiContext,
                                                      qtlog: Any) -> None:
    """As a long test run does: windows made and closed one after another on one
    context, each closed with steps still to undo and to redo."""
    done: list[str] = []
    stacks: list[QUndoStack] = []
    for n, ending in enumerate(("delete", "deleteLater", "delete on close")):
        window = MainWindow(ctx, restore_state=False)
        if ending == "delete on close":
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        stack = ctx.undo
        assert all(stack is not other for other in stacks) and stack.parent() is window
        stacks.append(stack)
        for step in ("first", "second"):
            perform(stack, f"Add {step} {n}", partial(done.append, f"{step} {n}"),
                    lambda _memo: done.pop())
        assert window.actions_.undo.text() == f"&Undo Add second {n}"
        window.actions_.undo.trigger()  # Ctrl+Z
        assert done[-1] == f"first {n}"
        assert window.actions_.undo.text() == f"&Undo Add first {n}"
        assert window.actions_.redo.text() == f"&Redo Add second {n}"
        window.close()
        if ending == "delete":
            shiboken6.delete(window)
        elif ending == "deleteLater":  # what pytest-qt does with the windows it was given
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        assert not shiboken6.isValid(stack), ending
    assert done == ["first 0", "first 1", "first 2"]
    assert warnings_in(qtlog) == []
