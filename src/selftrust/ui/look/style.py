"""Fusion, with check boxes and radio buttons that stay visible on dark backgrounds,
and calm scroll bars.

Fusion derives the indicator outline from the window colour darkened, which all but
vanishes on a dark window; these indicators are drawn from the palette's text and
highlight colours instead, in both themes. Scroll bars: see ``calm_scrollbar.py``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

from selftrust.ui.look import calm_scrollbar

PE = QStyle.PrimitiveElement
PM = QStyle.PixelMetric
CC = QStyle.ComplexControl
SH = QStyle.StyleHint


class CalmStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def polish(self, target: Any) -> Any:  # a widget, an application or a palette
        if isinstance(target, QScrollBar):
            target.setAttribute(Qt.WidgetAttribute.WA_Hover)  # the handle answers hover
        return super().polish(target)

    def pixelMetric(  # noqa: N802 - Qt's name
        self, metric: PM, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric == PM.PM_ScrollBarExtent:
            return calm_scrollbar.extent()
        if metric == PM.PM_ScrollBarSliderMin:
            return calm_scrollbar.min_handle()
        return super().pixelMetric(metric, option, widget)

    def styleHint(  # noqa: N802 - Qt's name
        self, hint: SH, option: QStyleOption | None = None, widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 - Qt's name
    ) -> int:
        if hint == SH.SH_ScrollBar_LeftClickAbsolutePosition:
            return 0  # a click beside the handle moves a page, as people expect
        return super().styleHint(hint, option, widget, returnData)

    def subControlRect(  # noqa: N802 - Qt's name
        self, control: CC, option: QStyleOptionComplex, sub: QStyle.SubControl,
        widget: QWidget | None = None,
    ) -> QRect:
        if control == CC.CC_ScrollBar and isinstance(option, QStyleOptionSlider):
            return calm_scrollbar.geometry(option, sub)
        return super().subControlRect(control, option, sub, widget)  # type: ignore[arg-type]  # Qt takes no widget; the stubs ask for one

    def drawComplexControl(  # noqa: N802 - Qt's name
        self, control: CC, option: QStyleOptionComplex, painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control == CC.CC_ScrollBar and isinstance(option, QStyleOptionSlider):
            calm_scrollbar.paint(option, painter)
            return
        super().drawComplexControl(control, option, painter, widget)

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: PE,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in (PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton):
            self._indicator(element is PE.PE_IndicatorRadioButton, option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def _indicator(self, radio: bool, option: QStyleOption, painter: QPainter) -> None:
        palette = option.palette
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        on = bool(state & QStyle.StateFlag.State_On)
        partial = bool(state & QStyle.StateFlag.State_NoChange)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        text = palette.color(group, QPalette.ColorRole.Text)
        accent = palette.color(group, QPalette.ColorRole.Highlight)
        base = palette.color(group, QPalette.ColorRole.Base)
        outline = QColor(text)
        outline.setAlphaF(0.55 if enabled else 0.3)
        if state & QStyle.StateFlag.State_HasFocus or state & QStyle.StateFlag.State_MouseOver:
            outline = QColor(accent)
        rect = QRectF(option.rect).adjusted(1.0, 1.0, -1.0, -1.0)
        side = min(rect.width(), rect.height())
        rect = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen_width = max(1.2, side / 11)
        painter.setPen(QPen(outline if not (on or partial) else accent, pen_width))
        painter.setBrush(accent if (on or partial) and not radio else base)
        if radio:
            painter.drawEllipse(rect)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                inner = side * 0.28
                painter.drawEllipse(rect.center(), inner, inner)
        else:
            radius = side * 0.2
            painter.drawRoundedRect(rect, radius, radius)
            mark = palette.color(group, QPalette.ColorRole.HighlightedText)
            painter.setPen(QPen(mark, max(1.5, side / 7), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if partial:
                y = rect.center().y()
                painter.drawLine(QPointF(rect.left() + side * 0.25, y),
                                 QPointF(rect.right() - side * 0.25, y))
            elif on:
                path = QPainterPath(QPointF(rect.left() + side * 0.24, rect.top() + side * 0.52))
                path.lineTo(QPointF(rect.left() + side * 0.43, rect.top() + side * 0.7))
                path.lineTo(QPointF(rect.left() + side * 0.76, rect.top() + side * 0.3))
                painter.drawPath(path)
        painter.restore()
