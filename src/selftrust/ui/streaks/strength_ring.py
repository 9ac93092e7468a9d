"""Strength as a ring: a calm track with an arc for 0–100 %, and the number inside."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _
from selftrust.ui.look.theme import soft


def percent(value: float) -> str:
    """Strength as the language writes a percentage: "57%", "57 %"."""
    return formats.percent(max(0.0, min(1.0, value)))


def paint_ring(p: QPainter, rect: QRectF, value: float, color: QColor, palette: QPalette,
               font: QFont | None = None, *, number: bool = True) -> None:
    """Draw the ring in ``rect`` (a square); the number is sized to fit inside."""
    side = min(rect.width(), rect.height())
    box = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    w = max(1.5, side * 0.11)
    box = box.adjusted(w / 2, w / 2, -w / 2, -w / 2)
    value = max(0.0, min(1.0, value))
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(soft(color, palette, 0.22), w))
    p.drawEllipse(box)
    if value > 0:
        pen = QPen(color, w)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawArc(box, 90 * 16, -round(value * 360 * 16))
    if number:
        text_font = QFont(font) if font is not None else QFont()
        text_font.setPixelSize(max(6, round(side * (0.30 if value < 1 else 0.26))))
        text_font.setWeight(QFont.Weight.DemiBold)
        p.setFont(text_font)
        p.setPen(palette.color(QPalette.ColorRole.Text))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, formats.number(round(value * 100)))
    p.restore()


class StrengthRing(QWidget):
    """The ring on its own, for the details header; its size follows the font."""

    def __init__(self, parent: QWidget | None = None, scale: float = 3.2, *,
                 number: bool = True) -> None:
        super().__init__(parent)
        self._number = number
        self._value = 0.0
        self._color = QColor("#3F8F6B")
        self._scale = scale
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Strength"))

    def set_value(self, value: float, color: str) -> None:
        self._value = value
        self._color = QColor(color)
        self.setAccessibleDescription(_("Strength {percent}").format(percent=percent(value)))
        self.setToolTip(_("Strength {percent}: how established this promise is, from your "
                          "recent days (a repaired miss counts half).").format(
            percent=percent(value)))
        self.update()

    @property
    def value(self) -> float:
        return self._value

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        side = round(QFontMetricsF(self.font()).height() * self._scale)
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        paint_ring(p, QRectF(self.rect()), self._value, self._color, self.palette(), self.font(),
                   number=self._number)
        p.end()
