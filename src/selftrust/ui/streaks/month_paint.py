"""Painting the heat map's months: each month's title (with how many days were kept),
the weekday letters, a soft band joining kept days that follow each other, and the
marks of the days. Only what lies in the exposed area is drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette

from selftrust.base import formats
from selftrust.base.i18n import npgettext
from selftrust.domain.occasions import DayState
from selftrust.services.calendar import DayInfo
from selftrust.ui.look.theme import soft
from selftrust.ui.streaks.calendar_layout import MonthGrid
from selftrust.ui.streaks.day_marks import (
    Ink,
    number_font,
    paint_focus,
    paint_hover,
    paint_mark,
    paint_today,
)

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Marked:
    """The days that are drawn apart from their state."""

    today: date
    hover: date | None
    focus: date | None  # None: the calendar has no keyboard focus


def paint_months(p: QPainter, exposed: QRectF, grid: MonthGrid, infos: dict[date, DayInfo],
                 marked: Marked, *, font: QFont, palette: QPalette, color: QColor, ink: Ink,
                 week_start: int) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font = QFont(font)
    title_font.setWeight(QFont.Weight.DemiBold)
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.82))
    numbers = number_font(font, grid.m.cell)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    names: list[str] | None = None  # the weekdays' initials, once a month is drawn
    initials = small
    for index in range(len(grid.months)):
        rect = grid.month_rect(index)
        if not rect.intersects(exposed):
            continue
        if names is None:
            names = weekday_initials(small, grid.m.cell)
            initials = fitted(small, names, grid.m.cell)
        heads = [names[(week_start + col) % 7] for col in range(7)]
        _paint_month_head(p, grid, index, infos, heads, (title_font, small, initials),
                          palette.color(QPalette.ColorRole.Text), muted)
        _paint_runs(p, grid, index, infos, soft(color, palette, 0.30))
        for day in grid.days_of(index):
            cell = grid.cell_rect(day)
            assert cell is not None
            if not cell.intersects(exposed):
                continue
            if day == marked.hover:
                paint_hover(p, cell, ink)
            info = infos.get(day)
            paint_mark(p, cell, info.state if info else None, ink, str(day.day), numbers)
            if day == marked.today:
                paint_today(p, cell, ink)
            if day == marked.focus:
                paint_focus(p, cell, palette.color(QPalette.ColorRole.Highlight))


def _paint_month_head(p: QPainter, grid: MonthGrid, index: int, infos: dict[date, DayInfo],
                      heads: list[str], fonts: tuple[QFont, QFont, QFont], text: QColor,
                      muted: QColor) -> None:
    """The month's name, its count of kept days, and ``heads``: the weekday initials
    of its columns."""
    title_font, small, initials = fonts
    month = grid.months[index]
    title = grid.title_rect(index)
    p.setFont(title_font)
    p.setPen(text)
    inset = grid.m.cell * 0.18
    # the name at the start of the month, the count at its end: from the right if mirrored
    start, end = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    if grid.mirrored:
        start, end = end, start
    bottom = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignAbsolute
    name = QFontMetricsF(title_font).elidedText(formats.month_year(month),
                                                Qt.TextElideMode.ElideRight,
                                                title.width() - 2 * inset)
    p.drawText(title.adjusted(inset, 0, -inset, -grid.m.header * 0.1), start | bottom, name)
    kept = sum(1 for d in grid.days_of(index)
               if (i := infos.get(d)) is not None and i.state is DayState.KEPT)
    p.setFont(small)
    p.setPen(muted)
    if kept:
        # TRANSLATORS: beside a month's name in the calendar: how many of its days were
        # kept ("23 kept"); keep it short
        count = npgettext("days of a month", "{n} kept", "{n} kept", kept).format(
            n=formats.number(kept))
        room = (title.width() - 3 * inset
                - QFontMetricsF(title_font).horizontalAdvance(name))
        if QFontMetricsF(small).horizontalAdvance(count) <= room:  # never over the name
            p.drawText(title.adjusted(inset, 0, -inset, -grid.m.header * 0.1), end | bottom,
                       count)
    p.setFont(initials)
    for col, head in enumerate(heads):
        p.drawText(grid.header_rect(index, col), Qt.AlignmentFlag.AlignCenter, head)


def fitted(font: QFont, names: list[str], cell: float) -> QFont:
    """``font``, smaller if a name would not fit its column even so."""
    widest = max(QFontMetricsF(font).horizontalAdvance(n) for n in names)
    room = cell * 0.92
    if widest <= room:
        return font
    smaller = QFont(font)
    smaller.setPointSizeF(max(5.0, font.pointSizeF() * room / widest))
    return smaller


def weekday_initials(font: QFont, cell: float) -> list[str]:
    """The weekdays' short names ("Mo", "Tu"), or their narrow ones ("M", "T") when a
    short one would not fit its column; 0 = Monday."""
    metrics = QFontMetricsF(font)
    short = [formats.weekday_name(n, "short") for n in range(7)]
    if max(metrics.horizontalAdvance(s) for s in short) <= cell * 0.92:
        return short
    return [formats.weekday_name(n, "narrow") for n in range(7)]


def _paint_runs(p: QPainter, grid: MonthGrid, index: int, infos: dict[date, DayInfo],
                band: QColor) -> None:
    """A soft band joins kept days that follow each other: runs show at a glance."""

    def kept(day: date) -> bool:
        info = infos.get(day)
        return info is not None and info.state is DayState.KEPT

    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(band)
    for day in grid.days_of(index):
        nxt = day + ONE_DAY
        if nxt.month != day.month or grid.column_of(nxt) == 0:
            continue
        if not kept(day) or not kept(nxt):
            continue
        a, b = grid.cell_rect(day), grid.cell_rect(nxt)
        assert a is not None and b is not None
        h = a.height() * 0.5
        left, right = sorted((a.center().x(), b.center().x()))  # b is left of a if mirrored
        p.drawRect(QRectF(left, a.center().y() - h / 2, right - left, h))
    p.restore()
