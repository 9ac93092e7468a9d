"""Draws a commitment in a list: a grip to drag by (or a check box to pick it), its
colour, its title and one quiet line of detail. Text is drawn with drawText, so a title
is never read as markup.

The check box is drawn here rather than by the style, so it reads clearly in the dark
palette too; a click on it or Space toggles it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from selftrust.base.bidi import isolate
from selftrust.ui.look.screens import nullable
from selftrust.ui.look.theme import accent
from selftrust.ui.widgets.commitment_list_model import ARCHIVED_ROLE, COLOR_ROLE, DETAIL_ROLE

Index = QModelIndex | QPersistentModelIndex


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class CommitmentDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, grip: bool = True) -> None:
        super().__init__(parent)
        self.grip = grip

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        fm = QFontMetrics(option.font)
        return QSize(fm.horizontalAdvance("m") * 20, round(fm.lineSpacing() * 2 + fm.height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = nullable(opt.widget)  # a delegate may paint for no widget
        style = widget.style() if widget is not None else None
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter,
                                widget)
        rect = QRectF(opt.rect)
        pal: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        archived = bool(index.data(ARCHIVED_ROLE))
        fm = QFontMetrics(opt.font)
        unit = fm.height()
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        quiet = _blend(pal.color(QPalette.ColorRole.Base) if not selected
                       else pal.color(QPalette.ColorRole.Highlight), text_color, 0.68)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(opt.direction)
        # Laid out left to right, then mirrored in a right-to-left language.
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft

        def at(x: float) -> float:
            return rect.left() + rect.right() - x if rtl else x

        def span(r: QRectF) -> QRectF:
            return QRectF(at(r.right()), r.top(), r.width(), r.height()) if rtl else r

        x = rect.left() + unit * 0.6
        check = index.data(Qt.ItemDataRole.CheckStateRole)
        if check is not None:
            self._draw_check(painter, self.check_rect(rect, unit, opt.direction), pal,
                             Qt.CheckState(check) == Qt.CheckState.Checked, selected)
            x += unit * 1.6
        elif self.grip:  # six dots: "you can drag me"
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(quiet)
            dot = max(1.5, unit / 8)
            cy = rect.center().y()
            for col in range(2):
                for r in (-1, 0, 1):
                    painter.drawEllipse(QPointF(at(x + col * dot * 2.6), cy + r * dot * 2.6),
                                        dot / 2 + 0.4, dot / 2 + 0.4)
            x += unit * 1.1
        color = QColor(index.data(COLOR_ROLE) or "#888888")
        radius = unit * 0.42
        if selected:  # a thin ring keeps the colour distinct on the highlight
            painter.setPen(QPen(pal.color(QPalette.ColorRole.HighlightedText), 1.5))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_blend(pal.color(QPalette.ColorRole.Base), color, 0.45)
                         if archived else color)
        painter.drawEllipse(QPointF(at(x + radius), rect.center().y()), radius, radius)
        x += radius * 2 + unit * 0.7

        text_rect = QRectF(x, rect.top(), rect.right() - x - unit * 0.6, rect.height())
        title_font = QFont(opt.font)
        title_font.setWeight(QFont.Weight.DemiBold if not archived else QFont.Weight.Normal)
        title_metrics = QFontMetrics(title_font)
        title = title_metrics.elidedText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                                         Qt.TextElideMode.ElideRight, int(text_rect.width()))
        detail = fm.elidedText(str(index.data(DETAIL_ROLE) or ""),
                               Qt.TextElideMode.ElideRight, int(text_rect.width()))
        line = fm.lineSpacing()
        top = rect.center().y() - line
        painter.setFont(title_font)
        painter.setPen(quiet if archived else text_color)
        leading = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        # The title isolated: in either direction it keeps its own order, on the leading side.
        painter.drawText(span(QRectF(text_rect.left(), top, text_rect.width(), line)), leading,
                         isolate(title))
        painter.setFont(opt.font)
        painter.setPen(quiet)
        painter.drawText(span(QRectF(text_rect.left(), top + line, text_rect.width(), line)),
                         leading, detail)
        painter.restore()

    # --- the check box ----------------------------------------------------------------
    @staticmethod
    def check_rect(rect: QRectF, unit: int,
                   direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight) -> QRectF:
        """The check box at the row's leading edge (the right, right to left)."""
        side = unit * 1.05
        left = rect.left() + unit * 0.6
        if direction == Qt.LayoutDirection.RightToLeft:
            left = rect.right() - unit * 0.6 - side
        return QRectF(left, rect.center().y() - side / 2, side, side)

    @staticmethod
    def _draw_check(painter: QPainter, box: QRectF, pal: QPalette, checked: bool,
                    selected: bool) -> None:
        green = accent(pal)
        radius = box.height() * 0.22
        if checked:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.HighlightedText) if selected
                                else green, 1.2))
            painter.setBrush(green)
        else:
            edge = _blend(pal.color(QPalette.ColorRole.Base),
                          pal.color(QPalette.ColorRole.Text), 0.55)
            painter.setPen(QPen(edge, 1.4))
            painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, radius, radius)
        if checked:
            pen = QPen(pal.color(QPalette.ColorRole.HighlightedText), max(1.6, box.height() / 8))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            c = box.center()
            s = box.height() / 4.2
            painter.drawPolyline([c + QPointF(-s * 1.1, 0), c + QPointF(-s * 0.3, s * 0.85),
                                  c + QPointF(s * 1.15, -s * 0.85)])

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,  # noqa: N802
                    option: QStyleOptionViewItem, index: Index) -> bool:
        if index.data(Qt.ItemDataRole.CheckStateRole) is None or not (
                index.flags() & Qt.ItemFlag.ItemIsUserCheckable):
            return False
        toggle = False
        if event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            fm = QFontMetrics(option.font)
            box = self.check_rect(QRectF(option.rect), fm.height(), option.direction)
            hit = box.adjusted(-6, -6, 6, 6).contains(event.position())
            toggle = hit and event.button() == Qt.MouseButton.LeftButton
        elif event.type() == QEvent.Type.MouseButtonDblClick:
            fm = QFontMetrics(option.font)
            box = self.check_rect(QRectF(option.rect), fm.height(), option.direction)
            assert isinstance(event, QMouseEvent)
            return box.adjusted(-6, -6, 6, 6).contains(event.position())  # swallow it
        elif event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            toggle = event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if not toggle:
            return False
        state = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else \
            Qt.CheckState.Checked
        return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
