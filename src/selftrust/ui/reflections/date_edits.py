"""Date boxes that write the day as the person's language does.

A QDateEdit shows its date with a Qt pattern ("dddd d MMMM yyyy") and its locale's month
and weekday names. Both come from the language the app speaks (``base.i18n``), so the
box reads like every other date of the window: the order and punctuation of CLDR's
pattern (the one Babel gives ``base.formats``), in Qt's letters, and Qt's names for that
language.
"""

from __future__ import annotations

import re
from typing import Literal

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDateEdit

from selftrust.base import formats

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
