"""Labels the dialogs share: a muted hint and a kind inline message.

Both take their colour from the current palette and follow a theme switch made while
they are open (Preferences applies the theme at once). Their text is always plain.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from selftrust.base.i18n import _
from selftrust.ui.look.theme import is_dark

MESSAGE_LIGHT = "#9A4A1F"  # a warm brick: noticeable, never alarming
MESSAGE_DARK = "#F0A57E"


class _PaletteLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._recolouring = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._recolour()

    def _colour(self) -> QColor:
        raise NotImplementedError

    def _recolour(self) -> None:
        colour = self._colour()
        if self.palette().color(QPalette.ColorRole.WindowText) == colour:
            return
        self._recolouring = True
        try:
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(pal)
        finally:
            self._recolouring = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        # a new app palette reaches windows as ApplicationPaletteChange and their
        # children as PaletteChange (our own setPalette sends one too: skip that)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and not self._recolouring:
            self._recolour()


class Hint(_PaletteLabel):
    """Secondary text: explanations and summaries, one step quieter than the labels."""

    def _colour(self) -> QColor:
        pal = QGuiApplication.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        window = pal.color(QPalette.ColorRole.Window)
        # two thirds of the way from the background to the text: legible, yet quiet
        return QColor.fromRgbF(
            window.redF() + (text.redF() - window.redF()) * 0.68,
            window.greenF() + (text.greenF() - window.greenF()) * 0.68,
            window.blueF() + (text.blueF() - window.blueF()) * 0.68,
        )


class InlineMessage(_PaletteLabel):
    """What is wrong and how to fix it, right under the field; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("inline-message")
        self.setAccessibleName(_("Message"))
        self.hide()

    def _colour(self) -> QColor:
        return QColor(MESSAGE_DARK if is_dark(QGuiApplication.palette()) else MESSAGE_LIGHT)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")

    @property
    def message(self) -> str:
        return self.text()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed: Qt renders a tooltip that looks like HTML
    as HTML, so user text is escaped and its line breaks kept."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class ElidedLabel(QLabel):
    """One line of plain text that gives up its middle, not its height, when narrow.

    For a file path in a dialog: wrapped, a long path (a custom XDG folder) would push
    the dialog past a small screen; elided in the middle it keeps both its start and the
    file name, and the whole of it stays in the tooltip and for screen readers."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self._full = text
        self.setAccessibleName(text)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self.setText(text)
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…" * 8), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                              self.contentsRect().width())
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
