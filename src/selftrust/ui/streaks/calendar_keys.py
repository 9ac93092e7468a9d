"""Where a key moves the heat map's focused day: arrows a day or a week, Page Up/Down
a month (to the same day, or the month's last), Home/End the first/last day shown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from selftrust.domain.days import month_end_of

STEPS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -7,
    Qt.Key.Key_Down: 7,
}


def moved_focus(key: int, modifiers: Qt.KeyboardModifier, focus: date, first: date,
                last: date, *, mirrored: bool = False) -> date | None:
    """The day ``key`` moves to from ``focus``; None for a key that does not move. In a
    calendar drawn from the right (``mirrored``) the left arrow goes on to the next day."""
    if key in STEPS and not modifiers & ~Qt.KeyboardModifier.KeypadModifier:
        step = STEPS[Qt.Key(key)]
        if mirrored and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -step
        return focus + timedelta(days=step)
    if key == Qt.Key.Key_PageUp:
        return add_months(focus, -1)
    if key == Qt.Key.Key_PageDown:
        return add_months(focus, 1)
    if key == Qt.Key.Key_Home:
        return first
    if key == Qt.Key.Key_End:
        return last
    return None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    return first.replace(day=min(day.day, month_end_of(first).day))
