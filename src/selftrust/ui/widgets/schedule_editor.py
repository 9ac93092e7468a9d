"""Choosing when a commitment is due, with a live summary in plain words.

One combo box picks the kind of schedule; below it sits only what that kind needs
(weekday toggles, a count, a date). The summary under it is ``Schedule.describe()``,
or the domain's own kind message when the choice cannot be kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import N_, _, ngettext
from selftrust.domain.schedule import (
    ALL_WEEKDAYS,
    MAX_WINDOW_DAYS,
    Schedule,
    ScheduleError,
    ScheduleKind,
)
from selftrust.ui.widgets.chip import ToggleChip
from selftrust.ui.widgets.dates import date_edit, set_week_start, to_date, to_qdate
from selftrust.ui.widgets.flow_layout import FlowLayout
from selftrust.ui.widgets.labels import Hint, InlineMessage
from selftrust.ui.widgets.layouts import Sentence, sentence

KIND_LABELS: tuple[tuple[ScheduleKind, str], ...] = (
    (ScheduleKind.DAILY, N_("Every day")),
    (ScheduleKind.WEEKDAYS, N_("On chosen weekdays")),
    (ScheduleKind.PER_WEEK, N_("A number of times a week")),
    (ScheduleKind.PER_MONTH, N_("A number of times a month")),
    (ScheduleKind.IN_DAYS, N_("A number of times in any few days")),
    (ScheduleKind.ONCE, N_("Once, on one day")),
)


def _spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setAccessibleName(name)
    spin.setAlignment(Qt.AlignmentFlag.AlignTrailing)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000") + 28)
    return spin


def _week_words(n: int) -> str:
    # TRANSLATORS: {times} is a number field; the words follow its number.
    return ngettext("{times} time a week", "{times} times a week", n)


def _month_words(n: int) -> str:
    # TRANSLATORS: {times} is a number field; the words follow its number.
    return ngettext("{times} time a month", "{times} times a month", n)


def _window_words(n: int) -> str:
    # TRANSLATORS: {times} and {days} are number fields ("2 times in any 5 days"); the
    # words follow the number of times.
    return ngettext("{times} time in any {days} days", "{times} times in any {days} days", n)


def _counted(spin: QSpinBox, words: Callable[[int], str], fields: dict[str, QWidget]
             ) -> Sentence:
    """A sentence around ``spin`` whose words follow its number ("1 time", "3 times")."""
    row = sentence(words(spin.value()), fields)
    spin.valueChanged.connect(lambda n: row.set_template(words(n)))
    return row


class WeekdayToggles(QWidget):
    """Seven toggle buttons in the user's week order; the mask is Monday-first."""

    changed = Signal()

    def __init__(self, week_start: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The chips wrap onto a second line where seven of them do not fit (a narrow
        # window, a language with longer day names), instead of being cut off.
        layout = FlowLayout(self, spacing=4, line_spacing=4)
        self.buttons: dict[int, ToggleChip] = {}
        short = [formats.weekday_name(day, "abbreviated") for day in range(7)]
        widest = max(self.fontMetrics().horizontalAdvance(name) for name in short)
        for offset in range(7):
            weekday = (week_start + offset) % 7
            title = formats.weekday_name(weekday)
            button = ToggleChip(short[weekday])
            button.setAccessibleName(title)
            button.setToolTip(title)
            button.setObjectName(f"weekday-{weekday}")
            button.setMinimumWidth(widest * 2)
            button.toggled.connect(self.changed)
            self.buttons[weekday] = button
            layout.addWidget(button)

    def day_mask(self) -> int:
        return sum(1 << day for day, button in self.buttons.items() if button.isChecked())

    def set_day_mask(self, mask: int) -> None:
        for day, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(bool(mask >> day & 1))
            button.blockSignals(False)
        self.changed.emit()

    def ordered(self) -> list[ToggleChip]:
        """The buttons as they appear, first day of the week first."""
        return list(self.buttons.values())


class ScheduleEditor(QWidget):
    changed = Signal()

    def __init__(
        self, *, week_start: int = 0, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(_("Schedule"))
        for kind, label in KIND_LABELS:
            self.kind_box.addItem(_(label), kind.value)

        self.weekdays = WeekdayToggles(week_start)
        self.week_times = _spin(1, 7, 3, _("Times a week"))
        self.month_times = _spin(1, 31, 2, _("Times a month"))
        self.window_times = _spin(1, MAX_WINDOW_DAYS, 2, _("Times"))
        self.window_days = _spin(1, MAX_WINDOW_DAYS, 5, _("In any number of days"))
        self.once_day: QDateEdit = date_edit(today, _("The day"))
        set_week_start(self.once_day, week_start)

        # only the page of the chosen kind is shown (hidden ones take no space)
        self.pages: dict[ScheduleKind, QWidget] = {
            ScheduleKind.WEEKDAYS: self.weekdays,
            ScheduleKind.PER_WEEK: _counted(self.week_times, _week_words,
                                            {"times": self.week_times}),
            ScheduleKind.PER_MONTH: _counted(self.month_times, _month_words,
                                             {"times": self.month_times}),
            ScheduleKind.IN_DAYS: _counted(self.window_times, _window_words,
                                           {"times": self.window_times,
                                            "days": self.window_days}),
            # TRANSLATORS: {day} is a date field: a promise for one day only.
            ScheduleKind.ONCE: sentence(_("on {day}"), {"day": self.once_day}),
        }

        self.summary = Hint()
        self.summary.setObjectName("schedule-summary")
        self.summary.setAccessibleName(_("Schedule summary"))
        self.message = InlineMessage()
        self.note = Hint()
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.kind_box, 0, Qt.AlignmentFlag.AlignLeading)
        for page in self.pages.values():
            layout.addWidget(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.note)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.weekdays.changed.connect(self._update)
        for spin in (self.week_times, self.month_times, self.window_times, self.window_days):
            spin.valueChanged.connect(self._update)
        self.once_day.dateChanged.connect(self._update)
        self._kind_changed()

    # --- reading and writing --------------------------------------------------------
    def kind(self) -> ScheduleKind:
        return ScheduleKind(self.kind_box.currentData())

    def schedule(self) -> Schedule:
        """The schedule chosen; ScheduleError (with a kind message) when it cannot be."""
        kind = self.kind()
        if kind is ScheduleKind.WEEKDAYS:
            mask = self.weekdays.day_mask()
            if mask == ALL_WEEKDAYS:
                return Schedule.daily()
            return Schedule(ScheduleKind.WEEKDAYS, weekdays=mask)
        if kind is ScheduleKind.PER_WEEK:
            return Schedule.per_week(self.week_times.value())
        if kind is ScheduleKind.PER_MONTH:
            return Schedule.per_month(self.month_times.value())
        if kind is ScheduleKind.IN_DAYS:
            return Schedule.in_days(self.window_times.value(), self.window_days.value())
        if kind is ScheduleKind.ONCE:
            return Schedule.once(to_date(self.once_day.date()))
        return Schedule.daily()

    def set_schedule(self, schedule: Schedule) -> None:
        kind = schedule.kind
        for widget in self._inputs():
            widget.blockSignals(True)
        if kind is ScheduleKind.WEEKDAYS:
            self.weekdays.set_day_mask(schedule.weekdays)
        elif kind is ScheduleKind.PER_WEEK:
            self.week_times.setValue(schedule.times)
        elif kind is ScheduleKind.PER_MONTH:
            self.month_times.setValue(schedule.times)
        elif kind is ScheduleKind.IN_DAYS:
            self.window_days.setValue(schedule.days)
            self.window_times.setValue(schedule.times)
        elif kind is ScheduleKind.ONCE and schedule.on is not None:
            self.once_day.setDate(to_qdate(schedule.on))
        for widget in self._inputs():
            widget.blockSignals(False)
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind.value))
        self._kind_changed()

    def is_valid(self) -> bool:
        try:
            self.schedule()
        except ScheduleError:
            return False
        return True

    # --- limits set by a measurable target ------------------------------------------
    def allow_only(self, kinds: Iterable[ScheduleKind], note: str = "") -> None:
        """Grey out kinds a measurable target cannot use; move off one that is chosen."""
        allowed = set(kinds)
        model = self.kind_box.model()
        assert isinstance(model, QStandardItemModel)
        for row, (kind, _label) in enumerate(KIND_LABELS):
            item = model.item(row)
            if item is not None:
                item.setEnabled(kind in allowed)
        if self.kind() not in allowed:
            self.kind_box.setCurrentIndex(self.kind_box.findData(ScheduleKind.DAILY.value))
        self.kind_box.setEnabled(len(allowed) > 1)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    # --- internals ------------------------------------------------------------------
    def _inputs(self) -> list[QWidget]:
        return [self.weekdays, self.week_times, self.month_times, self.window_times,
                self.window_days, self.once_day]

    def _kind_changed(self) -> None:
        kind = self.kind()
        for page_kind, page in self.pages.items():
            page.setVisible(page_kind is kind)
        self.window_times.setMaximum(self.window_days.value())
        self._update()

    def _update(self) -> None:
        self.window_times.setMaximum(self.window_days.value())
        try:
            text = self.schedule().describe()
        except ScheduleError as exc:
            self.summary.hide()
            self.message.show_message(str(exc))
        else:
            self.message.clear_message()
            # TRANSLATORS: under the schedule's fields; {schedule} says when ("Due: every day").
            self.summary.setText(_("Due: {schedule}").format(schedule=text))
            self.summary.show()
        self.changed.emit()
