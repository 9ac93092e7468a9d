"""Choosing the stretch of time: 4 weeks, 3 months, 1 year, all, or two dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from selftrust.base.i18n import _, pgettext
from selftrust.services.chart_range import ChartRange, presets
from selftrust.ui.widgets.dates import speak_dates

CUSTOM = "custom"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class RangePicker(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None, *,
                 week_start: int | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        label = QLabel(_("Ra&nge:"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Range"))
        for code, text in presets():
            self.combo.addItem(text, code)
        # TRANSLATORS: the last choice of range: two dates of one's own.
        self.combo.addItem(pgettext("chart range", "Custom…"), CUSTOM)
        label.setBuddy(self.combo)
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit, name in ((self.first, _("First day")), (self.last, _("Last day"))):
            edit.setCalendarPopup(True)
            # "24 Nov 2026" as the language writes it, its weeks from the person's day
            speak_dates(edit, "medium", week_start)
            edit.setAccessibleName(name)
            edit.setMaximumDate(_qdate(today))
            edit.setVisible(False)
            edit.dateChanged.connect(self._dates_changed)
        # TRANSLATORS: between the two dates of a custom range: "1 Jan 2026 to 24 Nov 2026".
        self.to_label = QLabel(pgettext("between two dates", "to"))
        self.to_label.setVisible(False)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addWidget(self.first)
        row.addWidget(self.to_label)
        row.addWidget(self.last)
        self._today = today
        self._quiet = False
        self.combo.currentIndexChanged.connect(self._kind_changed)

    @property
    def value(self) -> ChartRange:
        code = self.combo.currentData()
        if code == CUSTOM:
            first, last = _date(self.first.date()), _date(self.last.date())
            return ChartRange(CUSTOM, min(first, last), max(first, last))
        return ChartRange(str(code))

    def set_value(self, rng: ChartRange, span: tuple[date, date] | None = None) -> None:
        self._quiet = True
        try:
            if rng.kind == CUSTOM:
                assert rng.first is not None and rng.last is not None
                self.first.setDate(_qdate(rng.first))
                self.last.setDate(_qdate(rng.last))
            elif span is not None:
                self.first.setDate(_qdate(span[0]))
                self.last.setDate(_qdate(span[1]))
            self.combo.setCurrentIndex(max(0, self.combo.findData(rng.kind)))
            self._show_dates(rng.kind == CUSTOM)
        finally:
            self._quiet = False

    def set_today(self, today: date) -> None:
        self._today = today
        for edit in (self.first, self.last):
            edit.setMaximumDate(_qdate(today))

    def prefill(self, span: tuple[date, date]) -> None:
        """The dates a switch to "Custom…" starts from: the range shown right now."""
        if self.combo.currentData() == CUSTOM:
            return
        self._quiet = True
        try:
            self.first.setDate(_qdate(span[0]))
            self.last.setDate(_qdate(span[1]))
        finally:
            self._quiet = False

    def _show_dates(self, shown: bool) -> None:
        for w in (self.first, self.to_label, self.last):
            w.setVisible(shown)

    def _kind_changed(self) -> None:
        self._show_dates(self.combo.currentData() == CUSTOM)
        if not self._quiet:
            self.changed.emit()

    def _dates_changed(self) -> None:
        if not self._quiet and self.combo.currentData() == CUSTOM:
            self.changed.emit()
