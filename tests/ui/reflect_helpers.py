"""Shared steps for the reflection, journal and jar UI tests."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog

TODAY = date(2026, 11, 24)
YESTERDAY = TODAY - timedelta(days=1)


def walk_with_a_miss(ws: Workspace) -> int:
    """"Walk 20 minutes", kept for a week, missed yesterday."""
    cid = ws.commitments.create(
        CommitmentDraft("Walk 20 minutes", Rules(), created_on=TODAY - timedelta(days=10))).id
    for n in range(2, 9):
        ws.checkins.record(cid, TODAY - timedelta(days=n), CheckinState(Status.KEPT))
    ws.checkins.record(cid, YESTERDAY, CheckinState(Status.MISSED))
    return cid


def open_dialogs() -> list[ReflectionDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ReflectionDialog) and w.isVisible()]


def the_dialog(qtbot: QtBot) -> ReflectionDialog:
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=2000)
    dialog = open_dialogs()[0]
    return dialog


def part(dialog: ReflectionDialog, key: str) -> QPlainTextEdit:
    edit = dialog.findChild(QPlainTextEdit, f"part-{key}")
    assert edit is not None
    return edit


def type_into(qtbot: QtBot, edit: QPlainTextEdit, text: str, *, replace: bool = False) -> None:
    edit.setFocus()
    if replace:
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
