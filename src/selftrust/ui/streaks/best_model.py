"""The "Best streaks" list: the longest runs, as a thin model over the service's rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as GuiQt

from selftrust.services.calendar import RankedStreak
from selftrust.ui.streaks.words import length, short_day, span

Index = QModelIndex | QPersistentModelIndex


class BestRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1  # the commitment's id
    TITLE = Qt.ItemDataRole.UserRole + 2
    SPAN = Qt.ItemDataRole.UserRole + 3  # "3 Mar – 12 Apr 2026"
    RUNNING = Qt.ItemDataRole.UserRole + 4
    STREAK = Qt.ItemDataRole.UserRole + 5  # the domain Streak


def running_span(r: RankedStreak) -> str:
    """A run still going ends "now": 23 Sep 2026 – now."""
    return f"{short_day(r.streak.start)} – now"


def best_words(r: RankedStreak) -> str:
    text = f"{r.title}: {length(r.streak.length, r.unit)}, {span(r.streak.start, r.streak.end)}"
    return text + " (still going)" if r.running else text


class BestStreaksModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RankedStreak] = []

    def set_rows(self, rows: list[RankedStreak]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ranked(self, row: int) -> RankedStreak:
        return self._rows[row]

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
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return length(r.streak.length, r.unit)
        if role == Qt.ItemDataRole.ToolTipRole:  # the title is plain text, never HTML
            return GuiQt.convertFromPlainText(best_words(r))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return best_words(r)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(r.color)
        if role == BestRole.ID:
            return r.commitment_id
        if role == BestRole.TITLE:
            return r.title
        if role == BestRole.SPAN:
            return running_span(r) if r.running else span(r.streak.start, r.streak.end)
        if role == BestRole.RUNNING:
            return r.running
        if role == BestRole.STREAK:
            return r.streak
        return None
