"""Driving the dialogs like a person: find the open one, pick from a combo box with the
keyboard, type into a spin box, add commitments and check-ins to start from."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.store.records import CommitmentRow
from selftrust.ui.dialogs.pause_dialog import PauseDialog, open_pauses
from selftrust.ui.shell.context import UiContext

D = TypeVar("D", bound=QDialog)


def open_dialogs(kind: type[D]) -> list[D]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def the_dialog(qtbot: QtBot, kind: type[D]) -> D:
    """The one visible dialog of this kind (waits a moment for it to appear)."""
    qtbot.waitUntil(lambda: len(open_dialogs(kind)) == 1, timeout=2000)
    return open_dialogs(kind)[0]


def close_at_end(qtbot: QtBot, widget: QWidget) -> None:
    """Close a dialog after the test unless it closed (and deleted itself) already:
    the app's dialogs delete themselves on close, which qtbot.addWidget cannot follow."""

    class Closer(QWidget):
        def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
            if shiboken6.isValid(widget):
                widget.close()
            super().closeEvent(event)

    closer = Closer()
    qtbot.addWidget(closer)


def activate(widget: QWidget) -> None:
    """Make the dialog the active window, so its shortcuts work as they would for a person
    (qtbot.waitActive is a context manager and does not wait when merely called)."""
    widget.activateWindow()
    assert QTest.qWaitForWindowActive(widget)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item with the keyboard, as a person tabbing through the form would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} is not in the list (or is disabled)"


def type_number(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def add(ws: Workspace, title: str, schedule: Schedule | None = None,
        start: date | None = None) -> CommitmentRow:
    rules = Rules(schedule or Schedule.daily())
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=start))


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def keep(ws: Workspace, commitment_id: int, first: date, last: date) -> None:
    for day in days(first, last):
        ws.checkins.record(commitment_id, day, CheckinState(Status.KEPT))


def miss(ws: Workspace, commitment_id: int, day: date) -> None:
    ws.checkins.record(commitment_id, day, CheckinState(Status.MISSED))


def open_pause_dialog(qtbot: QtBot, ctx: UiContext, commitment_id: int) -> PauseDialog:
    """The Pause dialog as Manage opens it, closed after the test."""
    dialog = open_pauses(ctx, None, commitment_id)
    assert dialog is not None
    close_at_end(qtbot, dialog)
    return dialog
