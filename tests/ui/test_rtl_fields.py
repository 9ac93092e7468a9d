"""Right to left (Hebrew): what the mirrored layout leaves to us, done as each widget is
first shown: text boxes write from the right, a label of Latin words stands on the
right with the Hebrew ones, a date field keeps its parts in order."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from selftrust.base import i18n
from selftrust.ui.shell import language as qt_language


@pytest.fixture
def hebrew(qapp: QApplication, language: Callable[[str], str]) -> Iterator[None]:
    language("he")
    assert i18n.is_rtl()
    qt_language.follow(qapp)
    yield
    i18n.set_language(i18n.ENGLISH)
    qt_language.follow(qapp)


def test_hebrew_fields_read_from_the_right(qtbot: QtBot, hebrew: None) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    box, title, day = QPlainTextEdit(page), QLabel("Walk 20 minutes", page), QDateEdit(page)
    page.show()
    qtbot.waitExposed(page)
    assert box.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert box.document().defaultTextOption().alignment() & Qt.AlignmentFlag.AlignRight
    assert title.alignment() & Qt.AlignmentFlag.AlignRight
    assert title.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert day.layoutDirection() == Qt.LayoutDirection.LeftToRight  # its parts in order
    assert day.alignment() & Qt.AlignmentFlag.AlignRight


def test_english_fields_are_left_as_they_are(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    box, title = QPlainTextEdit(page), QLabel("Walk 20 minutes", page)
    page.show()
    qtbot.waitExposed(page)
    assert box.document().defaultTextOption().textDirection() != Qt.LayoutDirection.RightToLeft
    assert not title.alignment() & Qt.AlignmentFlag.AlignAbsolute
