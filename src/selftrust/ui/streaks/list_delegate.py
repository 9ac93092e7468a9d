"""How a commitment's row looks: its colour, title, the run now and the best, a strength ring."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from selftrust.ui.look.theme import soft
from selftrust.ui.reflections.painted_text import draw_line, mirrored
from selftrust.ui.streaks.list_model import Role
from selftrust.ui.streaks.row_card import Cell, line_height, paint_card
from selftrust.ui.streaks.strength_ring import paint_ring

Index = QModelIndex | QPersistentModelIndex


class StreakRowDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        line = line_height(option)
        return QSize(round(line * 12), round(line * 2 + line * 1.3))

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = Cell.of(option)
        rect, palette, font = cell.rect, cell.palette, cell.font
        fm = QFontMetricsF(font)
        line = fm.height()
        pad = line * 0.55
        color = QColor(index.data(Qt.ItemDataRole.DecorationRole))
        archived = bool(index.data(Role.ARCHIVED))
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(pad * 0.4, 2, -pad * 0.4, -2)
        radius = line * 0.45
        paint_card(p, cell, card, radius, selected=0.20, hover=0.06)

        direction = cell.direction

        def place(r: QRectF) -> QRectF:  # laid out left to right, mirrored for RTL
            return mirrored(r, card, direction)

        ring_side = card.height() - pad * 1.1
        ring = QRectF(card.right() - pad - ring_side, card.center().y() - ring_side / 2,
                      ring_side, ring_side)
        paint_ring(p, place(ring), float(index.data(Role.STRENGTH) or 0.0),
                   soft(color, palette, 0.55) if archived else color, palette, font)

        dot = line * 0.72
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(soft(color, palette, 0.45) if archived else color)
        p.drawEllipse(place(QRectF(card.left() + pad, card.center().y() - dot / 2, dot, dot)))

        left = card.left() + pad * 2 + dot
        text_w = max(0.0, ring.left() - pad - left)
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        top = card.center().y() - line
        p.setFont(title_font)
        p.setPen(muted if archived else text)
        title = QFontMetricsF(title_font).elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)), Qt.TextElideMode.ElideRight, text_w)
        draw_line(p, place(QRectF(left, top, text_w, line)), title, direction, own_direction=True)
        p.setFont(font)
        p.setPen(muted)
        second = fm.elidedText(str(index.data(Role.LINE)), Qt.TextElideMode.ElideRight, text_w)
        draw_line(p, place(QRectF(left, top + line, text_w, line)), second, direction)
        p.restore()
