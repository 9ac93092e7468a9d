"""What a free reflection is about: a commitment (or none) and a day up to today.

Days after today cannot be chosen, and the pop-up calendar greys them too, so they
do not look like choices; a rollover moves that limit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.services.drafts import Draft
from selftrust.services.records import CommitmentRow
from selftrust.ui.widgets.dates import speak_dates


class AboutChoices(QWidget):
    chosen = Signal()  # the commitment or the day changed

    def __init__(self, commitments: list[CommitmentRow], day: date, today: date,
                 parent: QWidget, *, week_start: int | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 4)
        self.about = QComboBox(self)
        self.about.setObjectName("reflection-about")
        self.about.setAccessibleName(_("What this is about"))
        self.about.addItem(_("No particular commitment"), None)
        for c in commitments:
            self.about.addItem(c.title, c.id)
        self.about.currentIndexChanged.connect(self.chosen)
        self.day_edit = QDateEdit(self)
        self.day_edit.setObjectName("reflection-day")
        self.day_edit.setAccessibleName(_("The day it is about"))
        self.day_edit.setCalendarPopup(True)
        speak_dates(self.day_edit, "full", week_start)
        self.day_edit.setDate(_qdate(day))
        self.limit_days(today)
        self.day_edit.dateChanged.connect(self.chosen)
        # TRANSLATORS: a free reflection's form: which commitment it is about
        form.addRow(pgettext("reflection form", "About"), self.about)
        form.addRow(pgettext("reflection form", "Day"), self.day_edit)

    def commitment_id(self) -> int | None:
        found = self.about.currentData()
        return None if found is None else int(found)

    def day(self) -> date:
        qd = self.day_edit.date()
        return date(qd.year(), qd.month(), qd.day())

    def show_draft(self, kept: Draft, today: date) -> None:
        """A kept draft's choices come back (a day now in the future does not)."""
        index = self.about.findData(kept.commitment_id)
        self.about.setCurrentIndex(max(0, index))
        if kept.day is not None and kept.day <= today:
            self.day_edit.setDate(_qdate(kept.day))

    def limit_days(self, today: date) -> None:
        """Today and before: a day to come has nothing to reflect on yet. The days after
        today are greyed in the pop-up calendar too, so they do not look like choices."""
        edit = self.day_edit
        edit.setMaximumDate(_qdate(today))
        calendar = edit.calendarWidget()
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget older greying
        later = QTextCharFormat()
        later.setForeground(self.palette().color(QPalette.ColorGroup.Disabled,
                                                 QPalette.ColorRole.Text))
        first = _qdate(today).addDays(1)
        for n in range(42):  # the most a month page shows after today
            calendar.setDateTextFormat(first.addDays(n), later)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
