"""Qt speaks the person's language too: its standard buttons and a text field's menu come
from Qt's own translations, and a language written right to left mirrors every window.

The QApplication is shared by the whole test process: every test here puts Qt back to
the suite's English (no translator, left to right) when it ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

import selftrust
from selftrust.base import i18n
from selftrust.ui.shell import language as qt_language
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow
from tests.i18n_helpers import untranslated

Std = QDialogButtonBox.StandardButton


@pytest.fixture
def speak(qapp: Any, language: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[Callable[[str], str]]:
    """Switch our words and Qt's to a language (whether or not our own catalogue for it
    is compiled here: Qt's comes with PySide6); English and left to right come back."""
    monkeypatch.setattr(i18n, "has_catalogue", lambda _code: True)

    def choose(code: str) -> str:
        chosen = language(code)
        qt_language.follow(qapp)
        return chosen

    yield choose
    i18n.set_language("en_GB")
    qt_language.follow(qapp)
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _cancel_text() -> str:
    box = QDialogButtonBox(Std.Ok | Std.Cancel)
    text = box.button(Std.Cancel).text()
    box.deleteLater()
    return text


def _context_menu_texts() -> list[str]:
    field = QLineEdit("words")
    menu = field.createStandardContextMenu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    field.deleteLater()
    return texts


def test_german_standard_buttons_and_the_text_menu_come_from_qt(
        speak: Callable[[str], str]) -> None:
    assert speak("de") == "de"
    assert _cancel_text() == "Abbrechen"
    assert any("Kopieren" in text for text in _context_menu_texts())
    assert QLocale().language() == QLocale.Language.German  # the calendar's month names
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_back_in_english_qt_speaks_english_again(speak: Callable[[str], str]) -> None:
    before = QLocale().name()
    speak("de")
    speak("en_GB")
    assert _cancel_text() == "Cancel"
    assert qt_language.qt_translator_in_use() is None
    assert QLocale().name() == before


def test_english_loads_no_translator(speak: Callable[[str], str]) -> None:
    speak("en_GB")
    assert qt_language.qt_translator_in_use() is None
    assert qt_language.qt_translator("en_GB") is None
    assert qt_language.qt_translator("en") is None


def test_hebrew_mirrors_the_main_window(qtbot: QtBot, speak: Callable[[str], str],
                                        ctx: UiContext) -> None:
    speak("he")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert _cancel_text() == "ביטול"
    window = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    with qtbot.waitExposed(window):
        window.show()
    assert window.isRightToLeft()
    rail = window.rail.mapTo(window, QPoint(0, 0))
    assert rail.x() > window.width() // 2, rail  # the rail stands at the right-hand side
    assert window.stack.mapTo(window, QPoint(0, 0)).x() < rail.x()


def test_the_pseudo_language_brackets_qt_words_too(speak: Callable[[str], str]) -> None:
    speak(i18n.PSEUDO)
    cancel = _cancel_text()
    assert cancel.startswith("[") and untranslated(cancel) == []
    assert all(untranslated(text) == [] for text in _context_menu_texts())
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_qt_placeholders_survive_the_pseudo_language() -> None:
    translator = qt_language.PseudoQtTranslator()
    text = translator.translate("QFileDialog", "%n files in %1 and %L2")
    assert "%n" in text and "%1" in text and "%L2" in text and "files" not in text
    assert translator.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == ""


@pytest.mark.parametrize("code", ["en_GB", "en_XA"])
def test_the_application_is_made_speaking_the_wanted_language(code: str) -> None:
    """Where the app starts (``make_application``), before any window: Qt's words follow
    SELFTRUST_LANGUAGE, and English loads nothing (not even Babel)."""
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QDialogButtonBox as B\n"
        "from selftrust.ui.shell import language, launch\n"
        "app = launch.make_application()\n"
        "box = B(B.StandardButton.Cancel)\n"
        "cancel = box.button(B.StandardButton.Cancel).text()\n"
        "print(cancel, language.qt_translator_in_use() is not None, 'babel' in sys.modules,\n"
        "      sep='|')\n"
    )
    src = str(Path(selftrust.__file__).resolve().parents[1])  # this checkout's code
    env = {**os.environ, "SELFTRUST_LANGUAGE": code, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    cancel, translated, babel = done.stdout.strip().split("|")
    if code == "en_GB":
        assert (cancel, translated, babel) == ("Cancel", "False", "False")
    else:
        assert cancel.startswith("[") and translated == "True"
