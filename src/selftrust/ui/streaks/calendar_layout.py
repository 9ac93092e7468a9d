"""Where each month and day of the calendar sits: sizes from the font, months in rows.

Months run in time order like a wall calendar: left to right, then down, so the first
month is at the top left and this month is the last one drawn (the view scrolls to
it). Newer rows on top with each row reading forwards, as before, made the eye jump
back in time at every row's end. Painting, hit testing, the keys (PageUp is the month
before, up the page) and the scroll to today all use this one geometry.

A right-to-left window reads its calendar from the right, as a Hebrew or Arabic wall
calendar does: ``mirrored`` places the months and the days of each week from the right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from selftrust.domain.days import month_end_of

WEEK_ROWS = 6  # every month gets six week rows, so months line up in their rows


@dataclass(frozen=True, slots=True)
class Metrics:
    cell: float
    month_gap: float  # between months side by side
    row_gap: float  # between rows of months
    title: float  # the month's name
    header: float  # weekday initials
    margin: float

    @classmethod
    def from_font(cls, font: QFont) -> Metrics:
        line = QFontMetricsF(font).height()
        cell = round(line * 1.8)
        return cls(
            cell=cell,
            month_gap=round(cell * 0.9),
            row_gap=round(line * 1.1),
            title=round(line * 1.7),
            header=round(line * 1.3),
            margin=round(line * 0.6),
        )

    @property
    def month_width(self) -> float:
        return 7 * self.cell

    @property
    def month_height(self) -> float:
        return self.title + self.header + WEEK_ROWS * self.cell


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from ``first``'s month to ``last``'s, oldest first."""
    out: list[date] = []
    m = first.replace(day=1)
    while m <= last:
        out.append(m)
        m = (m.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


class MonthGrid:
    """The geometry of months ``first``..``last`` laid out in ``width`` pixels (from the
    right when ``mirrored``)."""

    def __init__(self, first: date, last: date, week_start: int, metrics: Metrics,
                 width: float, *, mirrored: bool = False) -> None:
        self.months = month_starts(first, last)
        self.week_start = week_start
        self.mirrored = mirrored
        self.width = width
        self.m = metrics
        m = metrics
        usable = max(m.month_width, width - 2 * m.margin)
        self.columns = max(1, int((usable + m.month_gap) // (m.month_width + m.month_gap)))
        self.columns = min(self.columns, max(1, len(self.months)))
        used = self.columns * m.month_width + (self.columns - 1) * m.month_gap
        self.left = max(m.margin, (width - used) / 2)
        self.rows = -(-len(self.months) // self.columns) if self.months else 0
        self._index = {month: i for i, month in enumerate(self.months)}

    # --- sizes ----------------------------------------------------------------------
    @property
    def height(self) -> float:
        m = self.m
        if not self.rows:
            return 2 * m.margin
        return 2 * m.margin + self.rows * m.month_height + (self.rows - 1) * m.row_gap

    def place(self, index: int) -> tuple[int, int]:
        """(row from the top, column) of the month at ``index`` (0 = oldest)."""
        return index // self.columns, index % self.columns

    def last_month_rect(self) -> QRectF | None:
        """This month's place (the last drawn): where the view scrolls on opening."""
        return self.month_rect(len(self.months) - 1) if self.months else None

    def month_rect(self, index: int) -> QRectF:
        row, col = self.place(index)
        m = self.m
        x = self.left + col * (m.month_width + m.month_gap)
        if self.mirrored:
            x = self.width - x - m.month_width
        y = m.margin + row * (m.month_height + m.row_gap)
        return QRectF(x, y, m.month_width, m.month_height)

    def _across(self, column: int) -> int:
        """Where a weekday column sits in its month, from the left: the first weekday
        is the leftmost column, or the rightmost when mirrored."""
        return 6 - column if self.mirrored else column

    def title_rect(self, index: int) -> QRectF:
        r = self.month_rect(index)
        return QRectF(r.x(), r.y(), r.width(), self.m.title)

    def header_rect(self, index: int, weekday_column: int) -> QRectF:
        r = self.month_rect(index)
        return QRectF(r.x() + self._across(weekday_column) * self.m.cell, r.y() + self.m.title,
                      self.m.cell, self.m.header)

    # --- days -----------------------------------------------------------------------
    def column_of(self, day: date) -> int:
        return (day.weekday() - self.week_start) % 7

    def week_of(self, day: date) -> int:
        """The week row of ``day`` within its month (0..5)."""
        first = day.replace(day=1)
        return (self.column_of(first) + day.day - 1) // 7

    def cell_rect(self, day: date) -> QRectF | None:
        index = self._index.get(day.replace(day=1))
        if index is None:
            return None
        r = self.month_rect(index)
        m = self.m
        return QRectF(r.x() + self._across(self.column_of(day)) * m.cell,
                      r.y() + m.title + m.header + self.week_of(day) * m.cell, m.cell, m.cell)

    def week_rect(self, day: date) -> QRectF | None:
        """The whole week row holding ``day`` in its month (what a change repaints)."""
        cell = self.cell_rect(day)
        if cell is None:
            return None
        r = self.month_rect(self._index[day.replace(day=1)])
        return QRectF(r.x(), cell.y(), r.width(), cell.height())

    def day_at(self, pos: QPointF) -> date | None:
        m = self.m
        for index in self._visible_indexes(pos):
            r = self.month_rect(index)
            top = r.y() + m.title + m.header
            if not (r.left() <= pos.x() < r.right() and top <= pos.y() < r.bottom()):
                continue
            col = self._across(int((pos.x() - r.x()) // m.cell))
            week = int((pos.y() - top) // m.cell)
            month = self.months[index]
            n = week * 7 + col - self.column_of(month) + 1
            if 1 <= n <= month_end_of(month).day:
                return month.replace(day=n)
        return None

    def _visible_indexes(self, pos: QPointF) -> list[int]:
        m = self.m
        row = int((pos.y() - m.margin) // (m.month_height + m.row_gap))
        n = len(self.months)
        return [i for i in range(row * self.columns, (row + 1) * self.columns) if 0 <= i < n]

    def days_of(self, index: int) -> list[date]:
        month = self.months[index]
        return [month.replace(day=n) for n in range(1, month_end_of(month).day + 1)]
