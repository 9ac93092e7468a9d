"""CalmStyle's scroll bars: a thin track with a rounded handle in palette colours.

Fusion's bars are boxy, with arrow buttons and a bevelled handle that looks borrowed
from another app. Ours have no arrows (wheel, drag and page clicks remain), a handle of
the text colour at low opacity that darkens (light theme) or brightens (dark theme)
under the pointer and while dragged, and a width taken from the font, so 200 %
scaling keeps them in proportion.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

SC = QStyle.SubControl

REST, HOVER, PRESSED = 0.30, 0.50, 0.62  # handle opacity over the window colour


def extent() -> int:
    """The bar's width: about two thirds of a text line (10 px at a 15 px line)."""
    return max(8, round(QFontMetrics(QApplication.font()).height() * 0.65))


def min_handle() -> int:
    return extent() * 3


def geometry(opt: QStyleOptionSlider, sub: SC) -> QRect:
    """Where ``sub`` lies in the bar: no arrows, the handle sized by the page."""
    rect = QRect(opt.rect)
    if sub in (SC.SC_ScrollBarAddLine, SC.SC_ScrollBarSubLine):
        return QRect()
    if sub == SC.SC_ScrollBarGroove:
        return rect
    horizontal = opt.orientation == Qt.Orientation.Horizontal
    length = rect.width() if horizontal else rect.height()
    span = opt.maximum - opt.minimum
    if span <= 0:
        handle_len = length
    else:
        handle_len = round(length * opt.pageStep / (span + opt.pageStep))
    handle_len = min(length, max(handle_len, min(min_handle(), length)))
    start = QStyle.sliderPositionFromValue(opt.minimum, opt.maximum, opt.sliderPosition,
                                           length - handle_len, opt.upsideDown)
    if sub == SC.SC_ScrollBarSlider:
        a, b = start, handle_len
    elif sub == SC.SC_ScrollBarSubPage:
        a, b = 0, start
    elif sub == SC.SC_ScrollBarAddPage:
        a, b = start + handle_len, length - start - handle_len
    else:
        return QRect()
    if horizontal:
        return QRect(rect.left() + a, rect.top(), b, rect.height())
    return QRect(rect.left(), rect.top() + a, rect.width(), b)


def paint(opt: QStyleOptionSlider, painter: QPainter) -> None:
    palette = opt.palette
    state = opt.state
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(opt.rect, palette.color(QPalette.ColorRole.Window))
    if opt.maximum > opt.minimum:
        handle = QRectF(geometry(opt, SC.SC_ScrollBarSlider))
        on_handle = bool(opt.activeSubControls & SC.SC_ScrollBarSlider)
        if not enabled:
            alpha = REST * 0.5
        elif on_handle and state & QStyle.StateFlag.State_Sunken:
            alpha = PRESSED
        elif on_handle and state & QStyle.StateFlag.State_MouseOver:
            alpha = HOVER
        else:
            alpha = REST
        # At rest a slim handle floats in the track; under the pointer it fills out.
        inset = extent() * (0.1 if alpha > REST else 0.22)
        if opt.orientation == Qt.Orientation.Horizontal:
            handle = handle.adjusted(1.0, inset, -1.0, -inset)
        else:
            handle = handle.adjusted(inset, 1.0, -inset, -1.0)
        color = QColor(palette.color(QPalette.ColorRole.WindowText))
        color.setAlphaF(alpha)
        painter.setBrush(color)
        radius = min(handle.width(), handle.height()) / 2
        painter.drawRoundedRect(handle, radius, radius)
    painter.restore()
