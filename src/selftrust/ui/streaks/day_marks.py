"""The marks of the calendar: one shape per day state, so no state is told by colour alone.

kept = a filled disc in the commitment's colour; partly = a ring half filled; not kept =
a plain ring; repaired = a gold ring with a stitch across it; skipped = a short dash;
paused = two small bars; not marked = a dotted ring; open = just the number; not due =
a faint number with a faint dot. The calendar and its legend draw through `paint_mark`,
so the legend always shows exactly what the calendar draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen

from selftrust.domain.occasions import DayState
from selftrust.ui.look.theme import GOLD, accent, is_dark, soft


@dataclass(frozen=True, slots=True)
class Ink:
    """The colours marks are drawn with, derived once per palette and commitment."""

    color: QColor  # the commitment's own colour
    on_color: QColor  # a number drawn on a filled disc
    half: QColor  # the fill of a partly kept day
    text: QColor
    muted: QColor
    faint: QColor
    gold: QColor
    today: QColor
    hover: QColor

    @classmethod
    def make(cls, palette: QPalette, color: QColor) -> Ink:
        text = palette.color(QPalette.ColorRole.Text)
        dark = is_dark(palette)
        muted = QColor(text)
        muted.setAlphaF(0.62 if dark else 0.55)
        faint = QColor(text)
        faint.setAlphaF(0.30 if dark else 0.26)
        gold = QColor(GOLD) if dark else QColor(GOLD).darker(112)
        return cls(
            color=QColor(color),
            on_color=_on(color),
            half=soft(color, palette, 0.55),
            text=text,
            muted=muted,
            faint=faint,
            gold=gold,
            today=accent(palette),
            hover=soft(text, palette, 0.12),
        )


def _on(color: QColor) -> QColor:
    """White or near-black, whichever reads better on the filled disc."""
    r, g, b = color.redF(), color.greenF(), color.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#1b1d21") if luminance > 0.62 else QColor("#ffffff")


def number_font(base: QFont, cell: float) -> QFont:
    """Day numbers sized to the cell, so they grow with the font and the scaling."""
    font = QFont(base)
    font.setPixelSize(max(6, round(cell * 0.36)))
    return font


def paint_mark(
    p: QPainter,
    cell: QRectF,
    state: DayState | None,
    ink: Ink,
    number: str = "",
    font: QFont | None = None,
) -> None:
    """Draw one day: its mark and (optionally) its number, centred in ``cell``.

    ``state`` None is a day outside the commitment's history (before it began, or still
    to come): only a faint number.
    """
    side = min(cell.width(), cell.height())
    c = cell.center()
    r = side * 0.40
    w = max(1.0, side * 0.055)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    number_ink = ink.text
    below = QPointF(c.x(), c.y() + side * 0.33)  # where small marks sit, under the number
    if state is DayState.KEPT:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink.color)
        p.drawEllipse(c, r, r)
        number_ink = ink.on_color
    elif state is DayState.PARTLY:
        path = QPainterPath()
        box = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        path.moveTo(c.x() - r, c.y())
        path.arcTo(box, 180, 180)  # the lower half: a glass half full
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink.half)
        p.drawPath(path)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(ink.color, w * 1.3))
        p.drawEllipse(c, r - w * 0.65, r - w * 0.65)
    elif state is DayState.MISSED:
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(ink.muted, w * 1.2))
        p.drawEllipse(c, r - w * 0.6, r - w * 0.6)
    elif state is DayState.REPAIRED:
        _paint_repaired(p, c, r, w, ink.gold)
    elif state is DayState.SKIPPED:
        number_ink = ink.muted
        pen = QPen(ink.muted, w * 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        half = side * 0.14
        p.drawLine(QPointF(below.x() - half, below.y()), QPointF(below.x() + half, below.y()))
    elif state is DayState.PAUSED:
        number_ink = ink.muted
        pen = QPen(ink.muted, w * 1.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        gap, tall = side * 0.07, side * 0.085
        for dx in (-gap, gap):
            p.drawLine(QPointF(below.x() + dx, below.y() - tall),
                       QPointF(below.x() + dx, below.y() + tall))
    elif state is DayState.UNMARKED:
        pen = QPen(ink.muted, w * 1.2)
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        rr = r - w * 0.6
        # Dots spaced evenly round the ring whatever its size: 14 dots.
        circumference = 2 * math.pi * rr / (w * 1.2)
        step = circumference / 14
        pen.setDashPattern([0.01, step - 0.01])
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, rr, rr)
    elif state is DayState.NOT_DUE:
        number_ink = ink.faint
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink.faint)
        p.drawEllipse(below, w * 0.9, w * 0.9)
    elif state is None:
        number_ink = ink.faint
    if number:
        if font is not None:
            p.setFont(font)
        p.setPen(number_ink)
        box = QRectF(cell)
        if state in (DayState.SKIPPED, DayState.PAUSED, DayState.NOT_DUE):
            box.translate(0, -side * 0.07)  # make room for the mark underneath
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, number)
    p.restore()


def _paint_repaired(p: QPainter, c: QPointF, r: float, w: float, gold: QColor) -> None:
    """A gold ring, healed: a small stitch crosses it at the upper right."""
    rr = r - w * 0.7
    warm = QColor(gold)
    warm.setAlphaF(0.16)
    p.setBrush(warm)
    p.setPen(QPen(gold, w * 1.5))
    p.drawEllipse(c, rr, rr)
    pen = QPen(gold, w * 1.1)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    angle = math.radians(-45)  # upper right, y grows downwards
    ux, uy = math.cos(angle), math.sin(angle)  # along the radius
    tx, ty = -uy, ux  # along the ring
    for offset in (-1.0, 1.0):
        # Two short stitches across the ring, either side of the seam.
        px = c.x() + ux * rr + tx * offset * w * 1.6
        py = c.y() + uy * rr + ty * offset * w * 1.6
        d = w * 2.1
        p.drawLine(QPointF(px - ux * d, py - uy * d), QPointF(px + ux * d, py + uy * d))


def paint_today(p: QPainter, cell: QRectF, ink: Ink) -> None:
    """Today is outlined with a rounded square in the accent colour."""
    side = min(cell.width(), cell.height())
    w = max(1.0, side * 0.05)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(ink.today, w * 1.3))
    box = cell.adjusted(w, w, -w, -w)
    p.drawRoundedRect(box, side * 0.22, side * 0.22)
    p.restore()


def paint_focus(p: QPainter, cell: QRectF, color: QColor) -> None:
    """The keyboard's place: a dashed rounded square, clear on any mark."""
    side = min(cell.width(), cell.height())
    w = max(1.0, side * 0.05)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, w * 1.4)
    pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(cell.adjusted(w * 0.3, w * 0.3, -w * 0.3, -w * 0.3),
                      side * 0.26, side * 0.26)
    p.restore()


def paint_hover(p: QPainter, cell: QRectF, ink: Ink) -> None:
    side = min(cell.width(), cell.height())
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(ink.hover))
    p.drawRoundedRect(cell.adjusted(1, 1, -1, -1), side * 0.24, side * 0.24)
    p.restore()
