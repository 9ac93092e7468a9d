"""The day's commitments as a thin Qt list model over the dashboard's `DayItem`s.

The model holds plain rows from services and never computes anything itself: the
delegate paints from them, the view decides what to write. One row can be replaced
on its own, so a check-off repaints a single row instead of reloading the day.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as GuiQt

from selftrust.services.dashboard import DayItem
from selftrust.ui.today.row_text import accessible_text

Index = QModelIndex | QPersistentModelIndex

ItemRole = Qt.ItemDataRole.UserRole + 1  # the DayItem
CommitmentIdRole = Qt.ItemDataRole.UserRole + 2  # int
StatusRole = Qt.ItemDataRole.UserRole + 3  # "kept" | "missed" | "skipped" | None
ColorRole = Qt.ItemDataRole.UserRole + 4  # QColor of the commitment
MeasurableRole = Qt.ItemDataRole.UserRole + 5  # bool
CheckableRole = Qt.ItemDataRole.UserRole + 6  # bool: False on days not yet come


class TodayModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[DayItem] = []

    # --- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt reads a tooltip that looks like HTML as HTML; titles and notes are text.
            return GuiQt.convertFromPlainText(accessible_text(item))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(item)
        if role == ItemRole:
            return item
        if role == CommitmentIdRole:
            return item.commitment_id
        if role == StatusRole:
            return item.status.value if item.status is not None else None
        if role == ColorRole:
            return QColor(item.commitment.color)
        if role == MeasurableRole:
            return item.commitment.measurable
        if role == CheckableRole:
            return item.checkable
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self._items[index.row()]
        if item.checkable and item.commitment.measurable:
            flags |= Qt.ItemFlag.ItemIsEditable  # the inline amount editor
        return flags

    # --- rows -----------------------------------------------------------------------
    def set_items(self, items: list[DayItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[DayItem]:
        return list(self._items)

    def item(self, row: int) -> DayItem:
        return self._items[row]

    def row_of(self, commitment_id: int) -> int:
        """The row showing a commitment, or -1."""
        for row, item in enumerate(self._items):
            if item.commitment_id == commitment_id:
                return row
        return -1

    def replace(self, row: int, item: DayItem) -> None:
        """Swap one row for its fresh version; only that row repaints."""
        self._items[row] = item
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
