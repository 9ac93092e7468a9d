"""The "Best streaks" panel: the longest runs of all commitments, or of the one shown.

Choosing a run shows it in the calendar (its commitment is selected and its last day
brought into view).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from selftrust.base.i18n import _
from selftrust.services.calendar import RankedStreak
from selftrust.ui.reflections.painted_text import draw_line, mirrored
from selftrust.ui.streaks.best_model import BestRole, BestStreaksModel
from selftrust.ui.streaks.row_card import Cell, line_height, paint_card

Index = QModelIndex | QPersistentModelIndex


class BestRowDelegate(QStyledItemDelegate):
    """[dot] 41 days · Walk 20 minutes / 3 Mar – 12 Apr 2026 · still going"""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        line = line_height(option)
        return QSize(round(line * 10), round(line * 2.5))

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = Cell.of(option)
        rect, palette, font = cell.rect, cell.palette, cell.font
        fm = QFontMetricsF(font)
        line = fm.height()
        pad = line * 0.45
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(2, 1, -2, -1)
        radius = line * 0.4
        paint_card(p, cell, card, radius, selected=0.18)
        direction = cell.direction

        def place(r: QRectF) -> QRectF:  # laid out left to right, mirrored for RTL
            return mirrored(r, card, direction)

        color = QColor(index.data(Qt.ItemDataRole.DecorationRole))
        dot = line * 0.6
        top = card.center().y() - line
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(place(QRectF(card.left() + pad, top + (line - dot) / 2, dot, dot)))
        left = card.left() + pad * 2 + dot
        width = max(0.0, card.right() - pad - left)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        head = str(index.data(Qt.ItemDataRole.DisplayRole))
        p.setFont(bold)
        p.setPen(text)
        head_w = QFontMetricsF(bold).horizontalAdvance(head) + 1
        draw_line(p, place(QRectF(left, top, min(head_w, width), line)), head, direction)
        title = str(index.data(BestRole.TITLE))
        rest = width - head_w - pad
        if rest > line:
            p.setFont(font)
            p.setPen(muted)
            draw_line(p, place(QRectF(left + head_w + pad, top, rest, line)),
                      fm.elidedText(title, Qt.TextElideMode.ElideRight, rest), direction,
                      own_direction=True)
        when = str(index.data(BestRole.SPAN))
        p.setFont(font)
        p.setPen(muted)
        draw_line(p, place(QRectF(left, top + line, width, line)),
                  fm.elidedText(when, Qt.TextElideMode.ElideRight, width), direction)
        p.restore()


class BestStreaks(QWidget):
    chosen = Signal(object)  # a RankedStreak
    scope_changed = Signal(bool)  # True: every commitment; False: the one shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BestStreaks")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = QLabel(_("Best streaks"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        # TRANSLATORS: a toggle beside "Best streaks": of all commitments, or of the one
        # shown (the next message)
        self.all_button = self._scope_button(
            _("A&ll"), _("Best streaks: all"), _("The longest runs of all your commitments"))
        self.one_button = self._scope_button(
            _("T&his one"), _("Best streaks: this one"),
            _("The longest runs of the commitment shown"))
        self.all_button.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.all_button)
        group.addButton(self.one_button)
        self.toggle = QWidget(self)
        toggle = QHBoxLayout(self.toggle)
        toggle.setContentsMargins(0, 0, 0, 0)
        toggle.setSpacing(2)
        toggle.addWidget(self.all_button)
        toggle.addWidget(self.one_button)
        # The heading and its toggle share a line when they fit; in a narrow panel or with
        # large text the toggle goes below rather than over the heading (_place_toggle).
        self.head = QGridLayout()
        self.head.setContentsMargins(0, 0, 0, 0)
        self.head.setHorizontalSpacing(8)
        self.head.setVerticalSpacing(2)
        self.head.addWidget(self.title, 0, 0)
        self.head.setColumnStretch(1, 1)
        self._toggle_below: bool | None = None
        self._place_toggle(below=False)
        layout.addLayout(self.head)
        # narrower than heading and toggle side by side is allowed: the toggle then wraps
        self.setMinimumWidth(max(self.title.sizeHint().width(), self.toggle.sizeHint().width()))
        self.model = BestStreaksModel(self)
        self.view = QListView(self)
        self.view.setObjectName("BestStreaksList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(BestRowDelegate(self.view))
        self.view.setAccessibleName(_("Best streaks"))
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.viewport().setAutoFillBackground(False)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self.empty = QLabel(_("Your longest runs will show here."))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        layout.addWidget(self.view, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty, 1)  # shown instead of the list: it takes the room
        self.all_button.toggled.connect(lambda on: self.scope_changed.emit(on))

    def _place_toggle(self, below: bool) -> None:
        if below == self._toggle_below:
            return
        self._toggle_below = below
        self.head.removeWidget(self.toggle)
        if below:
            self.head.addWidget(self.toggle, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        else:
            self.head.addWidget(self.toggle, 0, 2, Qt.AlignmentFlag.AlignRight)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        need = (self.title.sizeHint().width() + self.head.horizontalSpacing() * 2
                + self.toggle.sizeHint().width())
        self._place_toggle(below=self.width() < need)

    def _scope_button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(name)
        return button

    @property
    def every_commitment(self) -> bool:
        return self.all_button.isChecked()

    def set_rows(self, rows: list[RankedStreak]) -> None:
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(self.model.ranked(index.row()))
