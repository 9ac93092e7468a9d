"""What the Streaks view's row delegates share: the parts of a style option they paint
with, and the card behind a row (tinted when selected or hovered, ringed with focus)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyleOption

from selftrust.ui.look.theme import accent, soft


@dataclass(frozen=True)
class Cell:
    rect: QRectF
    palette: QPalette
    state: QStyle.StateFlag
    font: QFont
    direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight  # the view's

    @classmethod
    def of(cls, option: QStyleOption) -> Cell:
        o: Any = option  # the PySide6 stubs lack QStyleOption's public members
        return cls(QRectF(o.rect), o.palette, o.state, o.font, o.direction)

    @property
    def line(self) -> float:
        return QFontMetricsF(self.font).height()


def line_height(option: QStyleOption) -> float:
    return Cell.of(option).line


def paint_card(p: QPainter, cell: Cell, card: QRectF, radius: float, *, selected: float,
               hover: float | None = None) -> None:
    """The card's tint (``selected``/``hover``: how much of the accent or the text
    colour) and the focus ring."""
    palette, state = cell.palette, cell.state
    tint = None
    if state & QStyle.StateFlag.State_Selected:
        tint = soft(accent(palette), palette, selected)
    elif hover is not None and state & QStyle.StateFlag.State_MouseOver:
        tint = soft(palette.color(QPalette.ColorRole.Text), palette, hover)
    if tint is not None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(tint)
        p.drawRoundedRect(card, radius, radius)
    if state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_Active:
        p.setPen(QPen(accent(palette), max(1.0, cell.line * 0.08)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
