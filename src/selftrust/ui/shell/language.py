"""Qt's own words in the person's language, and a window that mirrors for a language
written right to left.

Our words come from our gettext catalogue (``base.i18n``). The words Qt draws itself do
not: the standard buttons of message boxes and button boxes ("OK", "Cancel", "Save"),
a text field's context menu ("Copy", "Paste", "Select All"), the names of keys ("Ctrl").
They come from Qt's own translations, ``qtbase_<language>.qm`` in Qt's translations
folder (the PySide6 wheel ships them, the packaged folder keeps those of our languages).
A widget reads them when it is made, so they are installed where the application is
made, before any window is built. A language written right to left (Hebrew, Arabic)
sets the application's layout direction: Qt then mirrors every layout, menu and scroll
bar of every window, and nothing else has to think about it.

English, the app's own words, loads nothing: most people's start-up pays nothing for
this. In the pseudo-language (``en_XA``) Qt's words come back bracketed like ours, so a
test that walks the screens finds Qt's words translated too.

The language itself is chosen by ``base.i18n.set_language()``: ``SELFTRUST_LANGUAGE``,
then the language chosen in Preferences, then the system's. The QApplication is shared
by a whole test process: a test that switches Qt to another language puts it back
(``follow`` after the suite's English is back, or ``QGuiApplication.setLayoutDirection``).
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication

from selftrust.base import i18n

log = logging.getLogger(__name__)

QT_CATALOGUE = "qtbase"


def qt_translations_folder() -> str:
    """Where Qt's own ``.qm`` files are (inside the wheel, or the packaged folder)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class PseudoQtTranslator(QTranslator):
    """Qt's own words in the pseudo-language: accented, longer and in brackets.

    Qt's placeholders ("%1", "%n", "%L1") are kept as they are, and the string Qt reads
    to learn the layout direction is not touched.
    """

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if source_text == "QT_LAYOUT_DIRECTION":
            return ""
        kept: list[str] = []

        def keep(match: re.Match[str]) -> str:
            kept.append(match.group())
            return "{" + str(len(kept) - 1) + "}"  # i18n.pseudo keeps {…} untouched

        marked = i18n.pseudo(re.sub(r"%L?\d+|%L?n", keep, source_text.replace("{", "\0")))
        out = re.sub(r"\{(\d+)\}", lambda m: kept[int(m.group(1))], marked)
        return out.replace("\0", "{")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def qt_translator(code: str, parent: QObject | None = None) -> QTranslator | None:
    """Qt's own translation for ``code``; None for English, or when Qt has none."""
    if code == i18n.PSEUDO:
        return PseudoQtTranslator(parent)
    if code.split("_")[0] == "en":
        return None
    translator = QTranslator(parent)
    if translator.load(QLocale(code), QT_CATALOGUE, "_", qt_translations_folder()):
        return translator
    log.info("Qt has no translation of its own words for %s", code)
    return None


class _spoken:  # noqa: N801 - one state, not a kind of thing (no dataclass: start-up)
    """What Qt speaks now; the translator is kept here, alive as long as it is used."""

    code: str | None = None
    translator: QTranslator | None = None
    locale: QLocale | None = None  # Qt's default locale from before a language was set
    mirror: QObject | None = None  # the right-to-left touches (_RightToLeftFields)


def start(app: QCoreApplication) -> str:
    """Choose the language (the environment, Preferences, the system) and let Qt speak
    it: called once, where the application is made, before any window. Returns the code."""
    code = i18n.set_language()
    follow(app)
    return code


def follow(app: QCoreApplication) -> None:
    """Let Qt speak the language ``base.i18n`` speaks now: Qt's own words, Qt's default
    locale (the calendar's month names, a spin box's decimal comma) and the layout
    direction. Nothing is loaded or changed for English; a second call for the same
    language does nothing."""
    code = i18n.language()
    english = code.split("_")[0] == "en"
    if code != _spoken.code:
        if _spoken.translator is not None:
            app.removeTranslator(_spoken.translator)
            _spoken.translator = None
        translator = qt_translator(code, app)
        if translator is not None:
            app.installTranslator(translator)
        _spoken.translator = translator
        if not english:
            if _spoken.locale is None:
                _spoken.locale = QLocale()
            QLocale.setDefault(QLocale(code))
        elif _spoken.locale is not None:  # back to English after another language
            QLocale.setDefault(_spoken.locale)
            _spoken.locale = None
        _spoken.code = code
    rtl = i18n.is_rtl()
    if rtl or QGuiApplication.layoutDirection() != Qt.LayoutDirection.LeftToRight:
        QGuiApplication.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    if rtl and _spoken.mirror is None:
        _spoken.mirror = _RightToLeftFields(app)
        app.installEventFilter(_spoken.mirror)
    elif not rtl and _spoken.mirror is not None:
        app.removeEventFilter(_spoken.mirror)
        _spoken.mirror = None


class _RightToLeftFields(QObject):
    """What the mirrored layout leaves undone in a right-to-left language, done to each
    widget as it is first shown (Qt's Polish event):

    - a text box's lines run right to left and start at the right, as its placeholder
      does (QPlainTextEdit keeps its document left to right);
    - a label whose text is all Latin (a title the person wrote in English, a figure)
      stands on the right like the Hebrew ones, instead of where its letters would put it;
    - a date or time field keeps its parts in their order ("24 בנוב׳ 2026", "20:00"):
      Qt mirrors the sections of a QDateTimeEdit, which scrambles them.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Polish:
            from PySide6.QtWidgets import QDateTimeEdit, QLabel, QPlainTextEdit, QTextEdit

            if isinstance(watched, QPlainTextEdit | QTextEdit):
                option = watched.document().defaultTextOption()
                option.setTextDirection(Qt.LayoutDirection.RightToLeft)
                # QPlainTextEdit reads "left" literally, whatever the direction
                option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
                watched.document().setDefaultTextOption(option)
            elif isinstance(watched, QDateTimeEdit):
                watched.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                watched.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif isinstance(watched, QLabel):
                align = watched.alignment()
                if (align & Qt.AlignmentFlag.AlignLeft
                        and not align & Qt.AlignmentFlag.AlignAbsolute):
                    vertical = align & Qt.AlignmentFlag.AlignVertical_Mask
                    watched.setAlignment(vertical | Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignAbsolute)
        return False


def qt_translator_in_use() -> QTranslator | None:
    """The translator of Qt's own words now installed (None for English)."""
    return _spoken.translator
