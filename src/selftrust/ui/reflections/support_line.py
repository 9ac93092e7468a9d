"""A quiet, dismissible line that points to "When it's more than a habit".

Offered only when services.support says so, never pushed: one line, a link to the
help page, and "Not now", which keeps it away for a while (remembered per machine).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.services.support import support_offered
from selftrust.ui.shell.context import UiContext

DISMISS_KEY = "support/dismissed_until"
DISMISS_DAYS = 14


def support_due(ctx: UiContext) -> bool:
    """The rule says so and the user has not said "Not now" recently."""
    today = ctx.ws.today()
    until = str(ctx.prefs.value(DISMISS_KEY, "") or "")
    try:
        if until and date.fromisoformat(until) >= today:
            return False
    except ValueError:
        pass
    try:
        return support_offered(ctx.ws, today)
    except Exception:  # an offer must never break the screen it sits on
        return False


class SupportLine(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("SupportLine")
        self.setAccessibleName(_("Where help can be found"))
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(12, 8, 8, 8)
        self.grid.setColumnStretch(0, 1)
        self.text = QLabel(_("If things feel heavy lately, you don’t have to carry it alone — "
                             "here is where help can be found."), self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.open = QPushButton(_("Where to find help"), self)
        self.open.setObjectName("support-open")
        self.open.clicked.connect(self._open)
        # TRANSLATORS: a button that hides the line about finding help for two weeks
        self.dismiss = QPushButton(pgettext("button", "Not now"), self)
        self.dismiss.setObjectName("support-dismiss")
        self.dismiss.setFlat(True)
        self.dismiss.clicked.connect(self.dismiss_for_a_while)
        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open)
        row.addWidget(self.dismiss)
        self.grid.addWidget(self.text, 0, 0)
        self._below: bool | None = None
        self._place_buttons(below=False)
        self.setStyleSheet(
            "#SupportLine { border: 1px solid palette(mid); border-radius: 8px; "
            "background: palette(alternate-base); }"
        )
        self.setVisible(False)

    # --- the buttons beside the words, or under them where the line is narrow -----------
    def _place_buttons(self, below: bool) -> None:
        if below == self._below:
            return
        self._below = below
        self.grid.removeWidget(self.buttons)
        if below:
            self.grid.addWidget(self.buttons, 1, 0, Qt.AlignmentFlag.AlignTrailing)
        else:
            self.grid.addWidget(self.buttons, 0, 1, Qt.AlignmentFlag.AlignVCenter)

    def _beside(self) -> int:
        """The width the words (a few of them a line) and the buttons need side by side."""
        m = self.grid.contentsMargins()
        words = max(self.fontMetrics().averageCharWidth() * 30,
                    self.text.minimumSizeHint().width())  # its longest word, at least
        return (m.left() + m.right() + words + max(self.grid.horizontalSpacing(), 0)
                + self.buttons.sizeHint().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As narrow as the buttons: the words wrap above them."""
        hint = super().minimumSizeHint()
        m = self.grid.contentsMargins()
        narrow = self.buttons.sizeHint().width() + m.left() + m.right()
        return QSize(min(hint.width(), narrow), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_buttons(below=self.width() < self._beside())

    def refresh(self) -> None:
        self.setVisible(support_due(self.ctx))

    def _open(self) -> None:
        from selftrust.ui.dialogs.help_dialog import show_help

        show_help(self.ctx, self.window(), "more-than-a-habit")

    def dismiss_for_a_while(self) -> None:
        until = self.ctx.ws.today() + timedelta(days=DISMISS_DAYS)
        self.ctx.prefs.set_value(DISMISS_KEY, until.isoformat())
        self.setVisible(False)
