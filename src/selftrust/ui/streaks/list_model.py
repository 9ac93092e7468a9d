"""The Streaks view's list of commitments: a thin model over the calendar service's rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from selftrust.services.calendar import StreakDetails
from selftrust.ui.streaks.rows_model import RowsModel
from selftrust.ui.streaks.words import length, starts_words


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
    if d.lapsed_until is not None:
        now = f"Over the limit this {d.unit}"  # it cannot come back under: no fresh start yet
    else:
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


class StreakListModel(RowsModel[StreakDetails]):
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

    # --- what a row shows -----------------------------------------------------------
    def title(self, row: StreakDetails) -> str:
        return row.commitment.title

    def words(self, row: StreakDetails) -> str:
        return row_words(row)

    def color(self, row: StreakDetails) -> str:
        return row.commitment.color

    def role_data(self, d: StreakDetails, role: int) -> Any:
        s = d.summary
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
