"""A thin list model of commitments for the Manage dialog, with drag-and-drop of rows.

It holds plain ``CommitmentRow``s from the services and knows nothing about saving: a
move (by drag and drop, or Alt+Up/Down) reorders the rows and emits ``reordered`` with
the new order of ids; the dialog persists that as one undoable step.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from selftrust.services.records import CommitmentRow
from selftrust.ui.widgets.labels import plain_tooltip

MIME_TYPE = "application/x-selftrust-commitment-ids"

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLOR_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 4


def no_detail(_row: CommitmentRow) -> str:
    return ""


class CommitmentListModel(QAbstractListModel):
    reordered = Signal(list)  # the ids in their new order

    def __init__(
        self,
        rows: Sequence[CommitmentRow] = (),
        *,
        reorderable: bool = True,
        detail: Callable[[CommitmentRow], str] = no_detail,
    ) -> None:
        super().__init__()
        self._rows: list[CommitmentRow] = list(rows)
        self._details: list[str] = [detail(r) for r in self._rows]
        self._detail = detail
        self.reorderable = reorderable

    # --- contents ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[CommitmentRow]) -> None:
        """New data from the services: a plain update when the rows are the same ones
        in the same order (selection and scroll stay), a reset otherwise."""
        rows = list(rows)
        details = [self._detail(r) for r in rows]
        if [r.id for r in rows] == self.ids():
            self._rows, self._details = rows, details
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows, self._details = rows, details
        self.endResetModel()

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def row_at(self, row: int) -> CommitmentRow:
        return self._rows[row]

    def row_of(self, commitment_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == commitment_id:
                return i
        return -1

    # --- the model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column():
            return None
        row = self._rows[index.row()]
        detail = self._details[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}, {detail}" if detail else row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.title}\n{detail}" if detail else row.title)
        if role == Qt.ItemDataRole.DecorationRole or role == COLOR_ROLE:
            return QColor(row.color)
        if role == ID_ROLE:
            return row.id
        if role == DETAIL_ROLE:
            return detail
        if role == ARCHIVED_ROLE:
            return row.archived
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # drops land between rows, never on one (that would mean "replace")
            return Qt.ItemFlag.ItemIsDropEnabled if self.reorderable else Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.reorderable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- moving rows ------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction if self.reorderable else Qt.DropAction.IgnoreAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return self.supportedDropActions()

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        ids = [self._rows[i.row()].id for i in sorted(indexes, key=lambda i: i.row())
               if i.isValid()]
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("ascii")))
        return data

    def dropMimeData(  # noqa: N802 - Qt's name
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged rows so they sit before ``row`` (or before ``parent``'s row
        when dropped onto an item, or at the end). Removing the source afterwards is a
        no-op, because this model does not implement removeRows."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.reorderable or not data.hasFormat(MIME_TYPE):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME_TYPE).data()).decode())]
        except (ValueError, TypeError):
            return False
        if parent.isValid():
            row = parent.row()
        if row < 0 or row > len(self._rows):
            row = len(self._rows)
        moved = False
        for commitment_id in ids:
            source = self.row_of(commitment_id)
            if source < 0:
                continue
            if self._move(source, row, announce=False):
                moved = True
            # the next dragged row goes right after this one
            row = self.row_of(commitment_id) + 1
        if moved:
            self.reordered.emit(self.ids())
        return moved

    def moveRows(  # noqa: N802 - Qt's name
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        return self._move(source_row, destination_child, announce=True)

    def move(self, source_row: int, steps: int) -> bool:
        """Alt+Up / Alt+Down: one row up (-1) or down (+1)."""
        target = source_row + steps
        if not 0 <= target < len(self._rows):
            return False
        destination = target if steps < 0 else target + 1
        return self._move(source_row, destination, announce=True)

    def _move(self, source: int, destination: int, *, announce: bool) -> bool:
        """Move one row so it ends up before the row now at ``destination``."""
        if not self.reorderable or not 0 <= source < len(self._rows):
            return False
        if not 0 <= destination <= len(self._rows):
            return False
        if destination in (source, source + 1):
            return False  # it is already there
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination):
            return False
        row, detail = self._rows.pop(source), self._details.pop(source)
        at = destination - 1 if destination > source else destination
        self._rows.insert(at, row)
        self._details.insert(at, detail)
        self.endMoveRows()
        if announce:
            self.reordered.emit(self.ids())
        return True
