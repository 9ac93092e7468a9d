"""What the Streaks view's two lists share: a thin, flat, read-only list model over
plain rows from the calendar service. Each says what one row shows in each role."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import Qt as GuiQt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowsModel(QAbstractListModel, Generic[Row]):
    """Display, tooltip, accessible text and colour come from ``title``, ``words`` and
    ``color``; the view's own roles from ``role_data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def title(self, row: Row) -> str:
        raise NotImplementedError

    def words(self, row: Row) -> str:
        """The whole row in words: for screen readers and the tooltip."""
        raise NotImplementedError

    def color(self, row: Row) -> str:
        raise NotImplementedError

    def role_data(self, row: Row, role: int) -> Any:
        raise NotImplementedError

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
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt reads a tooltip that looks like HTML as HTML; the title is plain text.
            return GuiQt.convertFromPlainText(self.words(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.words(row)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(self.color(row))
        return self.role_data(row, role)
