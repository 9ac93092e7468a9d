"""Date and time fields and date words shared by the dialogs, in the person's language.

The fields are Qt's: their month and weekday names and their order come from Qt's
locale for the language the app speaks (``qt_locale``); the words beside them come from
``base.formats`` (Babel), which writes the same CLDR names. The reflections' and the
charts' date boxes (``speak_dates``) take CLDR's own pattern of a width, in Qt's letters.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QTimeEdit, QWidget

from selftrust.base import formats, i18n
from selftrust.base.i18n import _, ngettext

_QUOTED = re.compile(r"('(?:[^']|'')*')")


def qt_locale() -> QLocale:
    """Qt's locale for the language spoken now (the pseudo-language's dates are the
    app's English: Qt has no brackets to add)."""
    return QLocale(i18n.ENGLISH if i18n.is_pseudo() else i18n.language())


def date_format(locale: QLocale) -> str:
    """A date field's format: the locale's long date with short names, so the order
    and the words are the language's ("ddd, d MMM yyyy", "ddd, d. MMM yyyy",
    "ddd, MMM d, yyyy")."""
    parts = _QUOTED.split(locale.dateFormat(QLocale.FormatType.LongFormat))
    return "".join(
        part if part.startswith("'") else part.replace("dddd", "ddd").replace("MMMM", "MMM")
        for part in parts
    )


def time_format(locale: QLocale) -> str:
    """A time field's format: "HH:mm", or "h:mm AP" where the clock has twelve hours."""
    return locale.timeFormat(QLocale.FormatType.ShortFormat)


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
    locale = qt_locale()
    edit.setLocale(locale)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format(locale))
    edit.setAccessibleName(accessible_name)
    edit.setMinimumDate(QDate(1970, 1, 1))
    edit.setMaximumDate(QDate(2199, 12, 31))
    return edit


def speak_times(edit: QTimeEdit) -> None:
    """A time field in the language's clock: "20:00" or "8:00 PM"."""
    locale = qt_locale()
    edit.setLocale(locale)
    edit.setDisplayFormat(time_format(locale))


def set_week_start(edit: QDateEdit, week_start: int) -> None:
    """0 = Monday … 6 = Sunday, as the data settings store it."""
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setFirstDayOfWeek(Qt.DayOfWeek(week_start + 1))


def day_words(day: date, *, year: bool = True) -> str:
    """"Tue, 24 Nov 2026" / "Di., 24. Nov. 2026": a day as the date fields show it."""
    return formats.skeleton(day, "yMMMEd") if year else formats.short_day(day)


def span_words(start: date, end: date) -> str:
    """"Mon, 14 Dec – Sun, 3 Jan 2027 · 21 days" (both ends included)."""
    days = (end - start).days + 1
    count = ngettext("{n} day", "{n} days", days).format(n=formats.number(days))
    if start == end:
        # TRANSLATORS: one day of planned rest, and how long that is ("Tue, 24 Nov 2026 · 1 day").
        return _("{day} · {count}").format(day=day_words(start), count=count)
    first = day_words(start, year=start.year != end.year)
    # TRANSLATORS: a span of days, both ends included, and how many days it holds.
    return _("{first} – {last} · {count}").format(first=first, last=day_words(end),
                                                  count=count)


_TOKENS = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*")


def qt_pattern(cldr: str) -> str:
    """A CLDR date pattern ("EEEE, d MMMM y") in Qt's letters ("dddd, d MMMM yyyy")."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("'"):
            return token  # quoted text: Qt quotes the same way
        letter, n = token[0], len(token)
        if letter == "y":
            return "yy" if n == 2 else "yyyy"
        if letter in "ML":
            return "M" * min(n, 4)
        if letter == "d":
            return "d" * min(n, 2)
        if letter in "Ece":
            return "dddd" if n >= 4 else "ddd"
        if letter == "G":
            return ""  # the era: Qt has no letter for it
        return f"'{token}'"  # any other field letter: written as it is

    return _TOKENS.sub(one, cldr).strip()


def date_pattern(width: Literal["full", "long", "medium", "short"]) -> str:
    """The language's own date pattern of this width, for a QDateEdit."""
    from babel.dates import get_date_format

    return qt_pattern(str(get_date_format(width, locale=formats.locale()).pattern))


def speak_dates(edit: QDateEdit, width: Literal["full", "long", "medium", "short"],
                week_start: int | None = None) -> None:
    """The box (and its pop-up calendar) in the app's language and its date pattern;
    ``week_start`` (0 = Monday): the first day of the pop-up's weeks, as the person chose
    it for the whole app."""
    locale = QLocale(str(formats.locale()))
    edit.setLocale(locale)
    calendar = edit.calendarWidget()
    calendar.setLocale(locale)
    if week_start is not None:
        calendar.setFirstDayOfWeek(Qt.DayOfWeek(week_start + 1))
    edit.setDisplayFormat(date_pattern(width))
