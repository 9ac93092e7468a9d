"""The journal's item model: plain entries from services.journal, one row each.

Thin on purpose (STYLE.md): it holds what the services gave it and exposes roles; the
delegate paints and the view filters. Thousands of rows cost one list, not widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.journal import JournalEntry
from selftrust.ui.reflections.words import short_day

Index = QModelIndex | QPersistentModelIndex


_USER = int(Qt.ItemDataRole.UserRole.value)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)


class Role(IntEnum):
    ENTRY = _USER + 1
    ID = _USER + 2
    DAY = _USER + 3
    TITLE = _USER + 4
    COLOR = _USER + 5
    PREVIEW = _USER + 6
    REPAIRS = _USER + 7


_ROLES = {int(r): r for r in Role}


@dataclass(frozen=True, slots=True)
class About:
    title: str
    color: str | None


def free_about() -> About:
    """What a reflection about no commitment (or one no longer here) is shown as."""
    return About(_("Free reflection"), None)


class JournalModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
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
            return free_about()
        return self._about.get(entry.commitment_id) or free_about()

    # --- Qt -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        role = int(role)
        if role == _DISPLAY or role == _ACCESSIBLE:
            # TRANSLATORS: a journal row read aloud: a short date, the commitment's
            # title and the first words of the reflection
            return _("{day}, {title}: {preview}").format(
                day=short_day(e.day, self.today), title=isolate(self.about(e).title),
                preview=isolate(e.preview))
        if role == _TOOLTIP:
            return _("This reflection repairs a missed day.") if e.repairs else None
        named = _ROLES.get(role)
        if named is None:
            return None
        if named is Role.ENTRY:
            return e
        if named is Role.ID:
            return e.id
        if named is Role.DAY:
            return short_day(e.day, self.today)
        if named is Role.TITLE:
            return self.about(e).title
        if named is Role.COLOR:
            return self.about(e).color
        if named is Role.PREVIEW:
            return e.preview
        assert named is Role.REPAIRS  # the last of the roles
        return e.repairs

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemNeverHasChildren
        )
