"""The journal's item model: plain entries from services.journal, one row each.

Thin on purpose (STYLE.md): it holds what the services gave it and exposes roles; the
delegate paints and the view filters. Thousands of rows cost one list, not widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from selftrust.services.journal import JournalEntry
from selftrust.ui.reflections.words import short_day

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    DAY = Qt.ItemDataRole.UserRole + 3
    TITLE = Qt.ItemDataRole.UserRole + 4
    COLOR = Qt.ItemDataRole.UserRole + 5
    PREVIEW = Qt.ItemDataRole.UserRole + 6
    REPAIRS = Qt.ItemDataRole.UserRole + 7


@dataclass(frozen=True, slots=True)
class About:
    title: str
    color: str | None


FREE_ABOUT = About("Free reflection", None)


class JournalModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._entries: list[JournalEntry] = []
        self._about: dict[int, About] = {}
        self.today = date.today()

    # --- filling ----------------------------------------------------------------------
    def set_entries(self, entries: list[JournalEntry], about: dict[int, About],
                    today: date) -> None:
        self.beginResetModel()
        self._entries = entries
        self._about = about
        self.today = today
        self.endResetModel()

    def entry(self, row: int) -> JournalEntry:
        return self._entries[row]

    def row_of(self, reflection_id: int) -> int | None:
        for n, e in enumerate(self._entries):
            if e.id == reflection_id:
                return n
        return None

    def about(self, entry: JournalEntry) -> About:
        if entry.commitment_id is None:
            return FREE_ABOUT
        return self._about.get(entry.commitment_id, FREE_ABOUT)

    # --- Qt -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{short_day(e.day, self.today)}, {self.about(e).title}: {e.preview}"
        if role == Role.ENTRY:
            return e
        if role == Role.ID:
            return e.id
        if role == Role.DAY:
            return short_day(e.day, self.today)
        if role == Role.TITLE:
            return self.about(e).title
        if role == Role.COLOR:
            return self.about(e).color
        if role == Role.PREVIEW:
            return e.preview
        if role == Role.REPAIRS:
            return e.repairs
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemNeverHasChildren
        )
