"""Date pickers and date words shared by the dialogs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

DATE_FORMAT = "ddd d MMM yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class DateEdit(QDateEdit):
    """A date field that Tab leaves in one press.

    QDateEdit's Tab steps through its day, month and year first, which makes a form
    with three date fields a dozen presses long; arrow keys and typing still move
    between the parts, and the calendar pop-up opens with Alt+Down or F4."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        return QWidget.focusNextPrevChild(self, next)


def date_edit(day: date, accessible_name: str, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar pop-up; the week in the pop-up starts on Monday
    unless ``set_week_start`` says otherwise."""
    edit = DateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumDate(QDate(1970, 1, 1))
    edit.setMaximumDate(QDate(2199, 12, 31))
    return edit


def set_week_start(edit: QDateEdit, week_start: int) -> None:
    """0 = Monday … 6 = Sunday, as the data settings store it."""
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setFirstDayOfWeek(Qt.DayOfWeek(week_start + 1))


def day_words(day: date, *, year: bool = True) -> str:
    """"Tue 24 Nov 2026": the same spelling as the date fields."""
    text = f"{day:%a} {day.day} {day:%b}"  # no %-d: it is not portable
    return f"{text} {day.year}" if year else text


def span_words(start: date, end: date) -> str:
    """"Mon 14 Dec – Sun 3 Jan 2027 · 21 days" (both ends included)."""
    days = (end - start).days + 1
    count = "1 day" if days == 1 else f"{days} days"
    if start == end:
        return f"{day_words(start)} · {count}"
    first = day_words(start, year=start.year != end.year)
    return f"{first} – {day_words(end)} · {count}"
