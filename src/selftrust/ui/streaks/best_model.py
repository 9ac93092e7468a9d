"""The "Best streaks" list: the longest runs, as a thin model over the service's rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.calendar import RankedStreak
from selftrust.ui.streaks.rows_model import RowsModel
from selftrust.ui.streaks.words import length, short_day, span


class BestRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1  # the commitment's id
    TITLE = Qt.ItemDataRole.UserRole + 2
    SPAN = Qt.ItemDataRole.UserRole + 3  # "3 Mar – 12 Apr 2026"
    RUNNING = Qt.ItemDataRole.UserRole + 4
    STREAK = Qt.ItemDataRole.UserRole + 5  # the domain Streak


def running_span(r: RankedStreak) -> str:
    """A run still going ends "now": 23 Sep 2026 – now."""
    # TRANSLATORS: a run that is still going: its first day ("23 Sep 2026") to now
    return _("{day} – now").format(day=short_day(r.streak.start))


def best_words(r: RankedStreak) -> str:
    args = {"title": isolate(r.title), "length": length(r.streak.length, r.unit),
            "span": span(r.streak.start, r.streak.end)}
    if r.running:
        # TRANSLATORS: a best streak read aloud ("Walk: 41 days, 3 Mar – 12 Apr 2026")
        return _("{title}: {length}, {span} (still going)").format(**args)
    # TRANSLATORS: a best streak read aloud ("Walk: 41 days, 3 Mar – 12 Apr 2026")
    return _("{title}: {length}, {span}").format(**args)


class BestStreaksModel(RowsModel[RankedStreak]):

    def set_rows(self, rows: list[RankedStreak]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ranked(self, row: int) -> RankedStreak:
        return self._rows[row]

    # --- what a row shows -----------------------------------------------------------
    def title(self, row: RankedStreak) -> str:
        return length(row.streak.length, row.unit)

    def words(self, row: RankedStreak) -> str:
        return best_words(row)

    def color(self, row: RankedStreak) -> str:
        return row.color

    def role_data(self, r: RankedStreak, role: int) -> Any:
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
