"""A calm inline message above the list: a refused change, or a gentle offer.

Never modal, always dismissible, plain text only. One banner at a time: a new
message replaces the old one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from selftrust.base.i18n import _
from selftrust.ui.look.theme import GOLD, accent, soft
from selftrust.ui.widgets.keys import key_text, tip_with_keys


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        row = QHBoxLayout(self)
        u = self.fontMetrics().height()
        row.setContentsMargins(u, u // 2, u // 2, u // 2)
        row.setSpacing(u // 2)
        self.label = QLabel(self)
        self.label.setObjectName("today-banner-text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton(self)
        self.action.setObjectName("today-banner-action")
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("today-banner-close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(_("Dismiss this message"))
        self.close_button.setToolTip(tip_with_keys(_("Dismiss"), key_text("Esc")))
        self.close_button.clicked.connect(self._dismissed_by_user)
        row.addWidget(self.label, 1)
        row.addWidget(self.action)
        row.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._run)
        self.kind = ""
        self.hide()

    dismissed = Signal()  # by the user (× or Esc): focus goes back to the list

    def show_message(
        self,
        text: str,
        *,
        kind: str = "info",
        action: str | None = None,
        callback: Callable[[], None] | None = None,
        keys: str = "",
    ) -> None:
        """``kind``: "info" (calm), "offer" (a gentle suggestion) or "problem";
        ``keys``: the shortcut that does what the action button does, for its tooltip."""
        self.kind = kind
        self.label.setText(text)
        self.setAccessibleName(text)
        self._callback = callback
        self.action.setVisible(bool(action and callback))
        if action:
            self.action.setText(action)
            self.action.setAccessibleName(action)
            self.action.setToolTip(tip_with_keys(action, keys))
        self._tint()
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.kind = ""
        self._callback = None

    def _dismissed_by_user(self) -> None:
        self.dismiss()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self._dismissed_by_user()
            return
        super().keyPressEvent(event)

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _run(self) -> None:
        if self._callback is not None:
            self._callback()

    def _tint(self) -> None:
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Drawn from the current palette each time, so a theme change just works."""
        pal = self.palette()
        if self.kind == "offer":
            color = QColor(GOLD)
        elif self.kind == "problem":
            color = pal.color(QPalette.ColorRole.Link)
        else:
            color = accent(pal)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(soft(color, pal, 0.45), 1.0))
        painter.setBrush(soft(color, pal, 0.14))
        radius = self.fontMetrics().height() * 0.5
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius,
                                radius)
        painter.end()
