"""The date boxes of the reflection screens write the day as the person's language does,
and their pop-up calendars start the week where the person chose."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit

from selftrust.ui.widgets.dates import date_pattern, qt_pattern, speak_dates


def test_cldr_patterns_become_qt_patterns() -> None:
    assert qt_pattern("EEEE, d MMMM y") == "dddd, d MMMM yyyy"
    assert qt_pattern("dd.MM.y") == "dd.MM.yyyy"
    assert qt_pattern("EEEE, d 'de' MMMM 'de' y") == "dddd, d 'de' MMMM 'de' yyyy"
    assert qt_pattern("y年M月d日EEEE") == "yyyy年M月d日dddd"
    assert qt_pattern("EEE d MMM y G") == "ddd d MMM yyyy"


def test_each_language_its_own_order(language: Callable[[str], str]) -> None:
    assert date_pattern("full") == "dddd, d MMMM yyyy"  # the suite's British English
    language("de")
    assert date_pattern("full") == "dddd, d. MMMM yyyy"
    assert date_pattern("medium") == "dd.MM.yyyy"


def test_a_box_speaks_the_language_and_starts_the_week_as_chosen(
        qapp: object, language: Callable[[str], str]) -> None:
    language("de")
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    speak_dates(edit, "full", week_start=6)  # Sunday
    edit.setDate(QDate(2026, 11, 24))
    assert edit.text() == "Dienstag, 24. November 2026"
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
