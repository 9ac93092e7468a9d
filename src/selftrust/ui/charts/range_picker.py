"""Choosing the stretch of time: 4 weeks, 3 months, 1 year, all, or two dates."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.services.chart_range import PRESETS, ChartRange

CUSTOM = "custom"


def preset_words(code: str, english: str) -> str:
    """A range offered by name, in the person's language ("3 months")."""
    # TRANSLATORS: the charts' choices of range: the last 4 weeks, 3 months, a year,
    # or everything recorded.
    words = {"4w": pgettext("chart range", "4 weeks"),
             "3m": pgettext("chart range", "3 months"),
             "1y": pgettext("chart range", "1 year"),
             "all": pgettext("chart range", "All")}
    return words.get(code, english)


def qt_date_format() -> str:
    """The date fields' format ("d MMM yyyy" in English, "d. MMM yyyy" in German): the
    language's own order for a day with a short month name, as Qt writes formats."""
    from babel.dates import match_skeleton

    skeletons = formats.locale().datetime_skeletons
    key = match_skeleton("yMMMd", skeletons)
    if key is None:
        return "d MMM yyyy"
    pattern = str(getattr(skeletons[key], "pattern", skeletons[key]))
    parts = re.split(r"('[^']*')", pattern)  # quoted literals stay as they are
    out = []
    for part in parts:
        if not part.startswith("'"):
            part = re.sub(r"y+", "yyyy", part)
            part = re.sub(r"L+", lambda m: "M" * len(m.group()), part)
        out.append(part)
    return "".join(out)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class RangePicker(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        label = QLabel(_("Ra&nge:"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Range"))
        for code, text in PRESETS:
            self.combo.addItem(preset_words(code, text), code)
        # TRANSLATORS: the last choice of range: two dates of one's own.
        self.combo.addItem(pgettext("chart range", "Custom…"), CUSTOM)
        label.setBuddy(self.combo)
        self.first = QDateEdit()
        self.last = QDateEdit()
        shown_as = qt_date_format()
        for edit, name in ((self.first, _("First day")), (self.last, _("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(shown_as)
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
