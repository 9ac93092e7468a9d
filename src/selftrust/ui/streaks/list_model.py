"""The Streaks view's list of commitments: a thin model over the calendar service's rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from selftrust.base import formats
from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.calendar import StreakDetails
from selftrust.ui.streaks.rows_model import RowsModel
from selftrust.ui.streaks.strength_ring import percent
from selftrust.ui.streaks.words import length, over_the_limit, starts_words


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
        return _("Not started yet")
    if d.first_day:
        return _("First day")
    current = d.summary.current_streak if d.summary else 0
    best = d.summary.best_streak if d.summary else 0
    if d.commitment.archived:
        # TRANSLATORS: under an archived commitment's title; {length} is "12 days"
        return _("Archived · best {length}").format(length=length(best, d.unit))
    if d.lapsed_until is not None:
        now = over_the_limit(d.unit)  # it cannot come back under: no fresh start yet
    else:
        now = length(current, d.unit) if current else _("A fresh start")
    if not best:
        return now
    # TRANSLATORS: under a commitment's title: its run now ("12 days") and the length
    # of its longest run (a number alone)
    return _("{now} · best {best}").format(now=now, best=formats.number(best))


def row_words(d: StreakDetails) -> str:
    """The whole row in words: for screen readers and the tooltip."""
    title = isolate(d.commitment.title)
    if not d.begun or d.summary is None:
        # TRANSLATORS: {title} is a commitment's title
        return _("{title}: not started yet").format(title=title)
    s = d.summary
    args = {"title": title, "current": length(s.current_streak, d.unit),
            "best": length(s.best_streak, d.unit), "strength": percent(s.strength)}
    if d.commitment.archived:
        # TRANSLATORS: a commitment's row read aloud; {current} and {best} are runs
        # such as "12 days", {strength} a percentage
        return _("{title}: archived, current streak {current}, best {best}, "
                 "strength {strength}").format(**args)
    # TRANSLATORS: a commitment's row read aloud; {current} and {best} are runs such as
    # "12 days", {strength} a percentage
    return _("{title}: current streak {current}, best {best}, strength {strength}").format(
        **args)


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
