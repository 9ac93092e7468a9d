"""The Streaks view's list of commitments: a thin model over the calendar service's rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as GuiQt

from selftrust.services.calendar import StreakDetails
from selftrust.ui.streaks.words import length, starts_words

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    CURRENT = Qt.ItemDataRole.UserRole + 2  # current streak length
    BEST = Qt.ItemDataRole.UserRole + 3
    UNIT = Qt.ItemDataRole.UserRole + 4  # "day", "week" or "month"
    STRENGTH = Qt.ItemDataRole.UserRole + 5  # 0..1
    ARCHIVED = Qt.ItemDataRole.UserRole + 6
    DETAILS = Qt.ItemDataRole.UserRole + 7  # the StreakDetails row itself
    LINE = Qt.ItemDataRole.UserRole + 8  # the second line under the title


def second_line(d: StreakDetails) -> str:
    """What the row says under the title: the run now and the best one."""
    starts = starts_words(d)  # a first day still to come is not a "First day"
    if starts:
        return starts
    if not d.begun:
        return "Not started yet"
    if d.first_day:
        return "First day"
    current = d.summary.current_streak if d.summary else 0
    best = d.summary.best_streak if d.summary else 0
    if d.commitment.archived:
        return f"Archived · best {length(best, d.unit)}"
    now = length(current, d.unit) if current else "A fresh start"
    return f"{now} · best {best:,}" if best else now


def row_words(d: StreakDetails) -> str:
    """The whole row in words: for screen readers and the tooltip."""
    title = d.commitment.title
    if not d.begun or d.summary is None:
        return f"{title}: not started yet"
    s = d.summary
    parts = [
        f"current streak {length(s.current_streak, d.unit)}",
        f"best {length(s.best_streak, d.unit)}",
        f"strength {round(s.strength * 100)} %",
    ]
    if d.commitment.archived:
        parts.insert(0, "archived")
    return f"{title}: " + ", ".join(parts)


class StreakListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StreakDetails] = []

    # --- filling --------------------------------------------------------------------
    def set_rows(self, rows: list[StreakDetails]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, details: StreakDetails) -> bool:
        """Replace one commitment's row in place; False if it is not in the list."""
        row = self.row_of(details.commitment.id)
        if row < 0:
            return False
        self._rows[row] = details
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
        return True

    def row_of(self, commitment_id: int) -> int:
        return next((i for i, d in enumerate(self._rows) if d.commitment.id == commitment_id), -1)

    def details(self, row: int) -> StreakDetails:
        return self._rows[row]

    def ids(self) -> list[int]:
        return [d.commitment.id for d in self._rows]

    # --- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column():
            return None
        d = self._rows[index.row()]
        s = d.summary
        if role == Qt.ItemDataRole.DisplayRole:
            return d.commitment.title
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt reads a tooltip that looks like HTML as HTML; the title is plain text.
            return GuiQt.convertFromPlainText(row_words(d))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row_words(d)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(d.commitment.color)
        if role == Role.ID:
            return d.commitment.id
        if role == Role.CURRENT:
            return s.current_streak if s else 0
        if role == Role.BEST:
            return s.best_streak if s else 0
        if role == Role.UNIT:
            return d.unit
        if role == Role.STRENGTH:
            return s.strength if s else 0.0
        if role == Role.ARCHIVED:
            return d.commitment.archived
        if role == Role.DETAILS:
            return d
        if role == Role.LINE:
            return second_line(d)
        return None
