"""Paints one journal row: a colour dot, the commitment, the day and the first lines.

Everything is drawn with drawText (plain text, never HTML). Rows have one height from
the font's metrics, so the list can use uniform item sizes and stay smooth. The row
mirrors for a right-to-left language, and the person's own words (the title, the first
lines) keep their own direction whatever the window's (``painted_text``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from selftrust.ui.look.theme import GOLD, soft
from selftrust.ui.reflections.journal_model import Role
from selftrust.ui.reflections.painted_text import draw_line, mirrored

Index = QModelIndex | QPersistentModelIndex
PREVIEW_LINES = 2


class JournalDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        pad = metrics.height() * 2 // 3
        return QSize(200, pad * 2 + metrics.lineSpacing() * (1 + PREVIEW_LINES) + pad // 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal: QPalette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        metrics = QFontMetrics(option.font)
        pad = metrics.height() * 2 // 3
        card = QRectF(rect).adjusted(6, 3, -6, -3)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        if selected:
            painter.setPen(highlight)
            painter.setBrush(soft(highlight, pal, 0.22))
        else:
            painter.setPen(pal.color(QPalette.ColorRole.Midlight))
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(highlight)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 7, 7)

        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        direction = option.direction
        left = card.left() + pad
        right = card.right() - pad
        top = card.top() + pad * 3 // 4
        line = metrics.lineSpacing()

        def place(r: QRectF) -> QRectF:  # laid out left to right, mirrored for RTL
            return mirrored(r, card, direction)

        dot = metrics.ascent() * 0.55
        color = index.data(Role.COLOR)
        painter.setPen(Qt.PenStyle.NoPen)
        if color:
            painter.setBrush(QColor(color))
            painter.drawEllipse(place(QRectF(left, top + (line - dot) / 2, dot, dot)))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(muted)
            painter.drawEllipse(place(QRectF(left + 0.5, top + (line - dot) / 2 + 0.5,
                                             dot - 1, dot - 1)))
        title_left = left + dot + pad / 2

        day = str(index.data(Role.DAY) or "")
        day_width = metrics.horizontalAdvance(day)
        painter.setPen(muted)
        draw_line(painter, place(QRectF(right - day_width, top, day_width + 1, line)), day,
                  direction, at_end=True)
        repairs = bool(index.data(Role.REPAIRS))
        mark_right = right - day_width - pad / 2
        if repairs:
            gold = QColor(GOLD)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(gold)
            size = dot * 0.9
            painter.drawEllipse(place(QRectF(mark_right - size, top + (line - size) / 2,
                                             size, size)))
            mark_right -= size + pad / 2

        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        title = bold_metrics.elidedText(str(index.data(Role.TITLE) or ""),
                                        Qt.TextElideMode.ElideRight,
                                        int(mark_right - title_left - pad / 2))
        painter.setFont(bold)
        painter.setPen(text)
        draw_line(painter, place(QRectF(title_left, top, mark_right - title_left, line)), title,
                  direction, own_direction=True)

        painter.setFont(option.font)
        painter.setPen(muted if not selected else text)
        self._preview(painter, option.font, str(index.data(Role.PREVIEW) or ""),
                      place(QRectF(left, top + line + pad / 4, right - left,
                                   line * PREVIEW_LINES)), direction)
        painter.restore()

    def _preview(self, painter: QPainter, font: QFont, text: str, box: QRectF,
                 direction: Qt.LayoutDirection) -> None:
        """Up to two wrapped lines, the last one elided; in the text's own direction."""
        metrics = QFontMetrics(font)
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        layout.setTextOption(option)
        layout.beginLayout()
        lines: list[tuple[int, int]] = []  # (start, length) of each line
        while len(lines) < PREVIEW_LINES:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(box.width())
            lines.append((line.textStart(), line.textLength()))
        layout.endLayout()
        for n, (start, length) in enumerate(lines):
            part = text[start:] if n == len(lines) - 1 else text[start:start + length]
            part = metrics.elidedText(part.strip(), Qt.TextElideMode.ElideRight, int(box.width()))
            draw_line(painter, QRectF(box.left(), box.top() + n * metrics.lineSpacing(),
                                      box.width(), metrics.lineSpacing()),
                      part, direction, own_direction=True)
