"""Painting a Today row as a calm card, and the click on its check circle.

Everything is measured from the font, so rows stay in proportion at 100 % and 200 %
scaling and with large system fonts. User text is drawn with drawText only (never
rich text). Kept rows look done at a glance: a filled check in the commitment's
colour on a softened card; a miss is a quiet open circle, never an alarm.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from selftrust.base.bidi import isolate
from selftrust.domain.history import Status
from selftrust.domain.occasions import DayState
from selftrust.services.dashboard import DayItem
from selftrust.ui.look.icons import pixmap
from selftrust.ui.look.theme import GOLD, accent, is_dark, soft
from selftrust.ui.today.row_text import detail_parts, status_words, value_for_editor
from selftrust.ui.today.today_model import ItemRole

if TYPE_CHECKING:
    from selftrust.ui.today.value_editor import ValueEditor

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RowGeometry:
    card: QRect
    bar: QRect
    check: QRect
    text: QRect
    status: QRect


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class TodayDelegate(QStyledItemDelegate):
    check_clicked = Signal(QModelIndex)  # the circle was clicked
    value_entered = Signal(QModelIndex, float)  # Enter in the amount editor

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._swallow_release = False
        self._editing: QPersistentModelIndex | None = None  # the row the amount editor is on

    # --- geometry -------------------------------------------------------------------
    @staticmethod
    def unit(option: QStyleOptionViewItem) -> int:
        return max(12, option.fontMetrics.height())

    def geometry(self, option: QStyleOptionViewItem, words: str = "") -> RowGeometry:
        """Where a row's parts are drawn, as the eye sees them: mirrored right to left."""
        return _visual(option, self._logical(option, words))

    def _logical(self, option: QStyleOptionViewItem, words: str = "") -> RowGeometry:
        """The parts left to right (the colour mark, the words, the state, the check
        circle): the order of a left-to-right language."""
        u = self.unit(option)
        r = option.rect
        gap = max(3, u // 4)
        card = r.adjusted(gap * 2, gap, -gap * 2, -gap)
        pad = max(8, round(u * 0.8))
        bar = QRect(card.left() + pad // 2, card.top() + pad // 2, max(4, u // 4),
                    card.height() - pad)
        side = round(u * 2.0)
        check = QRect(card.right() - pad - side, card.center().y() - side // 2 + 1, side, side)
        # The state's words as wide as they need, up to a third of the card (longer
        # languages' "partly kept"), never less room than nine lines' height.
        most = max(round(u * 9), card.width() // 3)
        status_width = min(most, option.fontMetrics.horizontalAdvance(words) + u // 2) \
            if words else 0
        status = QRect(check.left() - pad // 2 - status_width, card.top(), status_width,
                       card.height())
        text = QRect(bar.right() + pad, card.top(), status.left() - bar.right() - pad * 2,
                     card.height())
        return RowGeometry(card, bar, check, text, status)

    def text_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect:
        """Where a row's title and details are drawn (beside the amount editor while
        it is open on that row, so it never hides words the row needs)."""
        item: DayItem = index.data(ItemRole)
        g = self._logical(option, status_words(item))
        text = self._text_beside_editor(option, g) if self._is_editing(index) else g.text
        return QStyle.visualRect(option.direction, option.rect, text)

    def _text_beside_editor(self, option: QStyleOptionViewItem, g: RowGeometry) -> QRect:
        pad = max(8, round(self.unit(option) * 0.8))
        right = min(g.text.right(), self._logical_editor_rect(option).left() - pad // 2)
        return QRect(g.text.left(), g.text.top(), max(0, right - g.text.left()),
                     g.text.height())

    def _is_editing(self, index: Index) -> bool:
        return (self._editing is not None and self._editing.isValid()
                and self._editing.row() == index.row())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        u = self.unit(option)
        return QSize(round(u * 24), round(u * 4.1))

    # --- painting -------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: DayItem | None = index.data(ItemRole)
        if item is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(option.direction)
        pal = option.palette
        g = self._logical(option, status_words(item))
        editing = self._is_editing(index)
        if editing:  # the amount editor sits over the status: the words end before it
            g = replace(g, text=self._text_beside_editor(option, g), status=QRect())
        g = _visual(option, g)
        u = self.unit(option)
        color = QColor(item.commitment.color)
        text_color = pal.color(pal.ColorRole.Text)
        base = pal.color(pal.ColorRole.Base)
        muted = blend(text_color, base, 0.38)
        done = item.status is Status.KEPT and item.state is DayState.KEPT
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)

        # The card: softened in the commitment's colour once kept.
        fill = soft(color, pal, 0.13 if not is_dark(pal) else 0.2) if done else base
        if selected:
            fill = blend(fill, accent(pal), 0.06)
        border = accent(pal) if selected else pal.color(pal.ColorRole.Midlight)
        radius = u * 0.55
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(g.card).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)

        # The colour mark.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color if item.checkable else blend(color, base, 0.5))
        painter.drawRoundedRect(QRectF(g.bar), g.bar.width() / 2, g.bar.width() / 2)

        self._paint_text(painter, option, item, g, text_color if item.checkable else muted, muted)
        if not editing:
            self._paint_status(painter, option, item, g, muted)
        self._paint_check(painter, item, g, color, muted, base, hover)
        painter.restore()

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, item: DayItem,
                    g: RowGeometry, strong: QColor, muted: QColor) -> None:
        """The title, and the details under it with a note mark after them, from the
        leading edge (the left, or the right in a right-to-left language)."""
        u = self.unit(option)
        title_font = QFont(option.font)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.12)
        title_font.setWeight(QFont.Weight.DemiBold)
        tfm = QFontMetrics(title_font)
        dfm = option.fontMetrics
        block = tfm.height() + round(u * 0.3) + dfm.height()
        top = g.text.top() + (g.text.height() - block) // 2
        painter.setFont(title_font)
        painter.setPen(strong)
        title = tfm.elidedText(item.title, Qt.TextElideMode.ElideRight, g.text.width())
        # Isolated: a title in either direction keeps its own order, on the leading side.
        painter.drawText(QRect(g.text.left(), top, g.text.width(), tfm.height()), LEADING,
                         isolate(title))

        painter.setFont(option.font)
        painter.setPen(muted)
        y = top + tfm.height() + round(u * 0.3)
        side = dfm.height()
        room = max(0, g.text.width() - (side + u // 2 if item.note else 0))
        # Each part isolated: a part in the other direction (a unit the person typed, an
        # untranslated word) keeps its own order, and the parts follow the language's.
        parts = "  ·  ".join(isolate(part) for part in detail_parts(item))
        detail = dfm.elidedText(parts, Qt.TextElideMode.ElideRight, room)
        width = dfm.horizontalAdvance(detail)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        left = g.text.right() + 1 - room if rtl else g.text.left()
        painter.drawText(QRect(left, y, room, dfm.height()), LEADING, detail)
        if item.note:  # a small note mark right after the details: "there are words here"
            after = width + (u // 2 if detail else 0)
            mark = g.text.right() + 1 - after - side if rtl else g.text.left() + after
            painter.drawPixmap(QRect(mark, y, side, side), pixmap("note", side, muted))

    def _paint_status(self, painter: QPainter, option: QStyleOptionViewItem, item: DayItem,
                      g: RowGeometry, muted: QColor) -> None:
        words = status_words(item)
        if not words:
            return
        painter.setFont(option.font)
        painter.setPen(muted)
        fm = option.fontMetrics
        text = fm.elidedText(words, Qt.TextElideMode.ElideLeft, g.status.width())
        painter.drawText(g.status, TRAILING, isolate(text))

    def _paint_check(self, painter: QPainter, item: DayItem, g: RowGeometry, color: QColor,
                     muted: QColor, base: QColor, hover: bool) -> None:
        r = QRectF(g.check).adjusted(1.5, 1.5, -1.5, -1.5)
        side = r.width()
        line = max(1.5, side / 16)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        state, status = item.state, item.status
        if status is Status.KEPT and state is DayState.KEPT:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(r)
            self._tick(painter, r, _on(color), max(2.0, side / 11))
        elif status is Status.KEPT and state is DayState.PARTLY:
            painter.setPen(QPen(color, line))
            painter.drawEllipse(r)
            path = QPainterPath()
            path.moveTo(r.center())
            path.arcTo(r, 90, 180)
            path.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawPath(path)
        elif status is Status.KEPT and state is DayState.OPEN:
            # A weekly or monthly amount on its way: the circle fills as the period does.
            prog = item.progress
            share = prog.done / prog.needed if prog is not None and prog.needed > 0 else 0.5
            painter.setPen(QPen(color, line))
            painter.drawEllipse(r)
            path = QPainterPath()
            path.moveTo(r.center())
            path.arcTo(r, 90, -360 * min(max(share, 0.08), 0.92))
            path.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            # Lighter than "kept" (a full disc with a tick), yet clear on a dark card.
            painter.setBrush(blend(base, color, 0.85 if is_dark() else 0.55))
            painter.drawPath(path)
        elif status is Status.SKIPPED or state is DayState.PAUSED:
            pen = QPen(muted, line)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawEllipse(r)
            mark = QPen(muted, max(1.8, side / 13), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(mark)
            c, k = r.center(), side * 0.13
            if state is DayState.PAUSED and status is None:  # planned rest: two bars
                for dx in (-k * 0.8, k * 0.8):
                    painter.drawLine(QPointF(c.x() + dx, c.y() - k * 1.3),
                                     QPointF(c.x() + dx, c.y() + k * 1.3))
            else:  # skipped: a quiet "»", stepping over the day
                for dx in (-k * 0.9, k * 0.5):
                    path = QPainterPath(QPointF(c.x() + dx - k * 0.5, c.y() - k * 1.1))
                    path.lineTo(QPointF(c.x() + dx + k * 0.5, c.y()))
                    path.lineTo(QPointF(c.x() + dx - k * 0.5, c.y() + k * 1.1))
                    painter.drawPath(path)
        elif status is not None:  # not kept (missed, or kept below or over its amount)
            painter.setPen(QPen(muted, line))
            painter.setBrush(blend(base, muted, 0.12))
            painter.drawEllipse(r)
            dash = QPen(muted, max(2.0, side / 12), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap)
            painter.setPen(dash)
            c = r.center()
            painter.drawLine(QPointF(c.x() - side * 0.16, c.y()), QPointF(c.x() + side * 0.16,
                                                                          c.y()))
        else:
            ring = color if hover and item.checkable else muted
            pen = QPen(ring, line * (1.4 if hover and item.checkable else 1.0))
            if not item.checkable:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawEllipse(r)
            if hover and item.checkable:
                self._tick(painter, r, blend(color, base, 0.45), max(2.0, side / 11))
        if item.repaired:
            dot = side * 0.3
            marble = QRectF(r.right() - dot * 0.8, r.top() - dot * 0.2, dot, dot)
            painter.setPen(QPen(base, max(1.0, dot / 6)))
            painter.setBrush(QColor(GOLD))
            painter.drawEllipse(marble)

    @staticmethod
    def _tick(painter: QPainter, r: QRectF, color: QColor, width: float) -> None:
        pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        w, h = r.width(), r.height()
        path = QPainterPath(QPointF(r.left() + w * 0.29, r.top() + h * 0.52))
        path.lineTo(QPointF(r.left() + w * 0.44, r.top() + h * 0.66))
        path.lineTo(QPointF(r.left() + w * 0.71, r.top() + h * 0.37))
        painter.drawPath(path)

    # --- the check circle -----------------------------------------------------------
    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,  # noqa: N802
                    index: Index) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            if self.geometry(option).check.contains(event.position().toPoint()):
                self._swallow_release = True  # a double click is one check, not two
                return True
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            if self._swallow_release:
                self._swallow_release = False
                return True
            if self.geometry(option).check.contains(event.position().toPoint()):
                self.check_clicked.emit(index.sibling(index.row(), index.column()))
                return True
        return super().editorEvent(event, model, option, index)

    # --- the amount editor ----------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        item: DayItem = index.data(ItemRole)
        from selftrust.ui.today.value_editor import ValueEditor  # made when first asked for

        target = item.commitment.rules.target
        editor = ValueEditor(target.unit if target else "", item.title, parent)
        self._editing = QPersistentModelIndex(index)
        return editor

    def destroyEditor(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        self._editing = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        item: DayItem = index.data(ItemRole)
        if _is_value_editor(editor):
            value = value_for_editor(item)
            if value is None:
                editor.set_empty()
            else:
                editor.setValue(value)
                editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if _is_value_editor(editor):
            if editor.is_blank():
                return  # Enter on an empty field: nothing was said, nothing is written
            editor.interpretText()
            self.value_entered.emit(index.sibling(index.row(), index.column()),
                                    float(editor.value()))

    def _editor_rect(self, option: QStyleOptionViewItem) -> QRect:
        return QStyle.visualRect(option.direction, option.rect,
                                 self._logical_editor_rect(option))

    def _logical_editor_rect(self, option: QStyleOptionViewItem) -> QRect:
        """Over the state words, before the check circle."""
        g = self._logical(option)
        u = self.unit(option)
        height = min(g.card.height() - u // 2, round(u * 1.9))
        width = round(u * 9)
        right = g.check.left() - u // 2
        return QRect(right - width, g.card.center().y() - height // 2 + 1, width, height)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        editor.setGeometry(self._editor_rect(option))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter saves and Esc cancels; leaving the editor cancels too (nothing is
        written without the user saying so)."""
        if event.type() == QEvent.Type.FocusOut and _is_value_editor(editor):
            if editor.isVisible():
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return False
        return super().eventFilter(editor, event)


LEADING = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
TRAILING = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter


def _visual(option: QStyleOptionViewItem, g: RowGeometry) -> RowGeometry:
    """The row's parts mirrored in a right-to-left layout (the painter mirrors the
    alignment of the words inside them)."""
    if option.direction != Qt.LayoutDirection.RightToLeft:
        return g
    r = option.rect

    def flip(rect: QRect) -> QRect:
        return QStyle.visualRect(option.direction, r, rect) if rect.isValid() else rect

    return RowGeometry(flip(g.card), flip(g.bar), flip(g.check), flip(g.text), flip(g.status))


def _on(color: QColor) -> QColor:
    """White or near-black, whichever reads better on ``color``."""
    luminance = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()
    return QColor("#1B1D21") if luminance > 0.62 else QColor("#FFFFFF")


def _is_value_editor(editor: QObject) -> TypeGuard[ValueEditor]:
    """By name: the editor's module is imported only when an amount is first edited."""
    return editor.objectName() == "today-value-editor"
