"""The header of Today: which day is shown, and ways to move to another.

Previous / next / "Today" buttons (the window's Alt+Left, Alt+Right and Ctrl+T do the
same), the day in words ("Tuesday 24 November · Today"), and a calendar pop-up
(Ctrl+G) for back-filling further away. Days after today can be looked at, not
checked, so the calendar shows them muted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from selftrust.base.i18n import _, ngettext
from selftrust.ui.look.icons import icon
from selftrust.ui.today import first_paint
from selftrust.ui.today.row_text import day_title_with_year, relative_day
from selftrust.ui.widgets.keys import key_text, tip_with_keys

if TYPE_CHECKING:
    from selftrust.ui.today.calendar_popup import CalendarPopup


class DayNavigator(QWidget):
    step = Signal(int)  # -1 or +1
    go_today = Signal()
    picked = Signal(object)  # a date from the calendar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today-navigator")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        u = self.fontMetrics().height()
        row.setSpacing(u // 3)

        self.previous_button = self._button("previous-day", _("Previous day"), "Alt+Left")
        self.next_button = self._button("next-day", _("Next day"), "Alt+Right")
        self.today_button = QToolButton(self)
        self.today_button.setObjectName("today-go-today")
        # TRANSLATORS: a short button that goes back to today's page.
        self.today_button.setText(_("Today"))
        self.today_button.setAccessibleName(_("Go to today"))
        self.today_button.setToolTip(tip_with_keys(_("Back to today"), key_text("Ctrl+T")))
        self.today_button.setAutoRaise(True)
        self.calendar_button = self._button("calendar", _("Go to date"), "Ctrl+G")

        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel(self)
        self.title.setObjectName("today-day-title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long day's name (another language's) takes two lines
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("today-day-relative")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.subtitle)
        titles.addWidget(self.title)

        row.addLayout(titles, 1)
        # Read left to right as the Tab key goes: the day before, the date (its
        # calendar), the day after, then back to today.
        row.addWidget(self.previous_button)
        row.addWidget(self.calendar_button)
        row.addWidget(self.next_button)
        row.addSpacing(u // 2)
        row.addWidget(self.today_button)

        self.previous_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button.clicked.connect(lambda: self.step.emit(1))
        self.today_button.clicked.connect(self.go_today)
        self.calendar_button.clicked.connect(self.request_calendar)
        self.popup: CalendarPopup | None = None
        self._day = date.today()
        self._today = self._day
        # The first day of the week, asked when the calendar opens: "as the language
        # has it" is Babel's to say, and Babel waits until after the first paint.
        self.week_start: Callable[[], int] = lambda: 0

    def _button(self, icon_name: str, name: str, keys: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"today-{icon_name}")
        button.setIcon(icon(self._drawn(icon_name)))
        u = self.fontMetrics().height()
        button.setIconSize(QSize(round(u * 1.25), round(u * 1.25)))
        button.setAccessibleName(name)
        button.setToolTip(tip_with_keys(name, key_text(keys)))
        button.setAutoRaise(True)
        return button

    def _drawn(self, name: str) -> str:
        """The arrows point the way the days go: right to left, the day before is on
        the right and its arrow points right."""
        if self.isRightToLeft():
            return {"previous-day": "next-day", "next-day": "previous-day"}.get(name, name)
        return name

    def refresh_icons(self) -> None:
        for button, name in ((self.previous_button, "previous-day"),
                             (self.next_button, "next-day"),
                             (self.calendar_button, "calendar")):
            button.setIcon(icon(self._drawn(name)))

    def show_day(self, day: date, today: date) -> None:
        self._day, self._today = day, today
        title = day_title_with_year(day, today)
        self.title.setText(title)
        relative = relative_day(day, today)
        if not relative:
            delta = (today - day).days
            if delta > 0:
                relative = ngettext("{n} day ago", "{n} days ago", delta)
            else:
                relative = ngettext("In {n} day", "In {n} days", -delta)
            relative = relative.format(n=first_paint.number(abs(delta)))
        self.subtitle.setText(relative)
        self.today_button.setEnabled(day != today)
        # TRANSLATORS: what a screen reader says of Today's heading ("Showing Tuesday
        # 24 November, Yesterday").
        self.setAccessibleName(_("Showing {day}, {relative}").format(day=title,
                                                                     relative=relative))

    def request_calendar(self) -> None:
        if self.popup is None:
            from selftrust.ui.today.calendar_popup import CalendarPopup

            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self.picked)
        self.popup.prepare(self._day, self._today, self.week_start())
        self.popup.adjustSize()
        anchor = self.calendar_button.mapToGlobal(QPoint(self.calendar_button.width(),
                                                         self.calendar_button.height()))
        self.popup.move(anchor.x() - self.popup.width(), anchor.y())
        self.popup.show()
        self.popup.calendar.setFocus()
