"""A toggle chip: a rounded, checkable button whose "on" state is clear at a glance in
both themes (filled with the accent), not only a slightly darker grey.

Exclusive chips in one parent act like radio buttons (one is on; arrow keys move
between them) and stay legible in the dark palette, where Fusion's radio outlines
almost vanish."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QWidget

from selftrust.ui.look.theme import accent, soft


class ToggleChip(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, *, exclusive: bool = False
                 ) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setAutoExclusive(exclusive)  # like radio buttons: arrow keys move the choice
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        fm = self.fontMetrics()
        text = self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        return QSize(fm.horizontalAdvance(text) + fm.height() * 2, round(fm.height() * 2))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = box.height() / 2
        green = accent(pal)
        hovered = self.underMouse() and self.isEnabled()
        if self.isChecked():
            painter.setPen(QPen(green, 1.2))
            painter.setBrush(green)
            text = pal.color(QPalette.ColorRole.HighlightedText)
        else:
            painter.setPen(QPen(green if hovered else pal.color(QPalette.ColorRole.Mid), 1.2))
            painter.setBrush(soft(green, pal, 0.12) if hovered else pal.color(
                QPalette.ColorRole.Base))
            text = pal.color(QPalette.ColorRole.Text)
        if not self.isEnabled():
            painter.setOpacity(0.5)
        painter.drawRoundedRect(box, radius, radius)
        if self.hasFocus():
            ring = QPen(pal.color(QPalette.ColorRole.Highlight), 1.5)
            ring.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = box.adjusted(3, 3, -3, -3)
            painter.drawRoundedRect(inner, inner.height() / 2, inner.height() / 2)
        painter.setPen(text)
        font = self.font()
        if self.isChecked():
            font.setWeight(font.Weight.DemiBold)
        painter.setFont(font)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextShowMnemonic)
        painter.drawText(box, flags, self.text())
        painter.end()
