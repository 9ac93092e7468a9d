"""Undoable actions. Each command calls a service to do and to undo, so undo works the
same in every view (Ctrl+Z after a check-off in Today, a delete in Streaks …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from selftrust.services.checkins import CheckinChange
from selftrust.services.workspace import Workspace

UNDO_LIMIT = 200

M = TypeVar("M")  # what doing returns, and undoing takes back


def new_stack(parent: QObject | None = None) -> QUndoStack:
    """An undo history. The main window makes its own, as its child: a stack that
    outlived the window would announce its last clear to actions already deleted."""
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)
    return stack


class CheckinCommand(QUndoCommand):
    """The change is made before pushing (so errors surface at once); redo re-applies."""

    def __init__(self, ws: Workspace, change: CheckinChange, text: str) -> None:
        super().__init__(text)
        self.ws = ws
        self.change = change
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.ws.checkins.reapply(self.change)

    def undo(self) -> None:
        self.ws.checkins.revert(self.change)


class FunctionCommand(QUndoCommand):
    """A do/undo pair for commitment and reflection edits.

    ``perform`` runs the action first, so a refused change raises before anything is
    pushed and the undo stack never holds an action that did not happen.
    """

    def __init__(
        self, text: str, memo: Any, do: Callable[[], Any], undo: Callable[[Any], object]
    ) -> None:
        super().__init__(text)
        self._memo = memo
        self._do = do
        self._undo = undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._memo = self._do()

    def undo(self) -> None:
        self._undo(self._memo)


def perform(
    stack: QUndoStack, text: str, do: Callable[[], M], undo: Callable[[M], object]
) -> M:
    """Do it now (errors propagate, nothing pushed), then make it undoable."""
    memo = do()
    stack.push(FunctionCommand(text, memo, do, undo))
    return memo


def push_checkin(stack: QUndoStack, ws: Workspace, change: CheckinChange, text: str) -> None:
    stack.push(CheckinCommand(ws, change, text))
