"""The calendar pop-up of Today's header: any day to look at, days to come muted.

Made the first time it is asked for (Ctrl+G), so start-up never builds a calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QFrame, QVBoxLayout, QWidget

from selftrust.base.i18n import _
from selftrust.ui.widgets.dates import qt_locale


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class CalendarPopup(QFrame):
    """A month calendar that closes itself once a day is chosen (or on Esc)."""

    picked = Signal(object)  # a date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("today-calendar-popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("today-calendar")
        self.calendar.setAccessibleName(_("Choose a day to show"))
        self.calendar.setLocale(qt_locale())  # month and weekday names as the app speaks
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout.addWidget(self.calendar)

    def prepare(self, shown: date, today: date, week_start: int) -> None:
        """Week start 0 = Monday … 6 = Sunday, as the data's settings store it."""
        cal = self.calendar
        cal.setFirstDayOfWeek(Qt.DayOfWeek(week_start + 1))
        cal.setDateTextFormat(QDate(), QTextCharFormat())  # forget older marks
        plain = QTextCharFormat()  # weekends are days like any other: no alarm red
        plain.setForeground(self.palette().color(self.palette().ColorRole.Text))
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            cal.setWeekdayTextFormat(weekday, plain)
        muted = QTextCharFormat()
        grey = QColor(self.palette().color(self.palette().ColorRole.PlaceholderText))
        muted.setForeground(grey)
        first_future = today + timedelta(days=1)
        for n in range(0, 62):  # the rest of this month and the next, enough to see
            cal.setDateTextFormat(to_qdate(first_future + timedelta(days=n)), muted)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        cal.setDateTextFormat(to_qdate(today), bold)
        cal.setSelectedDate(to_qdate(shown))

    def _choose(self, qdate: QDate) -> None:
        self.hide()
        self.picked.emit(from_qdate(qdate))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
