"""The reflection dialog says "Everyone slips sometimes" once, and only about a miss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.ui.reflect_helpers import (
    YESTERDAY,
    the_dialog,
    walk_with_a_miss,
)

SLIP = "Everyone slips sometimes"


def _everything_it_says(dialog: ReflectionDialog) -> list[str]:
    said = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    said += [edit.placeholderText() for edit in dialog.findChildren(QPlainTextEdit)]
    return said


def test_a_reflection_on_a_miss_says_it_once(qtbot: QtBot, window: MainWindow,
                                             ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)
    window.reflect_on(cid, YESTERDAY)
    dialog = the_dialog(qtbot)
    try:
        assert sum(text.count(SLIP) for text in _everything_it_says(dialog)) == 1
    finally:
        dialog.close()


def test_a_free_reflection_does_not_assume_a_slip(qtbot: QtBot, window: MainWindow,
                                                  ctx: UiContext) -> None:
    cid = walk_with_a_miss(ctx.ws)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot)
    try:
        assert not any(SLIP in text for text in _everything_it_says(dialog))
        about = dialog.findChild(QComboBox, "reflection-about")
        about.setCurrentIndex(about.findData(cid))
        dialog.day_edit.setDate(dialog.day_edit.date().addDays(-1))  # the missed day
        assert sum(text.count(SLIP) for text in _everything_it_says(dialog)) == 1
        dialog.day_edit.setDate(dialog.day_edit.date().addDays(-1))  # a kept day
        assert not any(SLIP in text for text in _everything_it_says(dialog))
    finally:
        dialog.close()
