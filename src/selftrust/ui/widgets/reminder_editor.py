"""A commitment's reminder: "Remind me at [08:00]", and on which days.

Off by default: a reminder is an offer, not a duty. Turned on, the weekday chips (the
schedule's own, in the user's week order) and a line on how reminders work appear:
they come while Self-Trust runs, only on days the promise is still open, and not at
all on a desktop with neither a notification service nor a tray, or while reminders
are off in Preferences. On such a desktop the controls are shown off with that one
reason (a reminder already set is kept for a desktop that has one), never offered
beside a line saying they cannot work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTimeEdit, QWidget

from selftrust.base import formats
from selftrust.base.i18n import N_, _
from selftrust.domain.reminder import ALL_DAYS, Reminder, ReminderError
from selftrust.ui.widgets.dates import speak_times
from selftrust.ui.widgets.labels import Hint, InlineMessage
from selftrust.ui.widgets.layouts import column
from selftrust.ui.widgets.schedule_editor import WeekdayToggles

DEFAULT_TIME = QTime(8, 0)
NO_DAYS = N_("Pick at least one day for the reminder, or turn it off.")
RUNS = N_("It comes while Self-Trust runs, on days this promise is still open.")
NO_TRAY = N_("Reminders cannot be shown on this desktop: it has no notification service "
             "and no system tray. A reminder set here is kept for a desktop that has one.")
TURNED_OFF = N_("Reminders are turned off in Preferences for now.")


class TimeEdit(QTimeEdit):
    """A time field that Tab leaves in one press, like the form's date fields (typing
    "0730" fills hour and minute; the arrow keys move between them)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        return QWidget.focusNextPrevChild(self, next)


class ReminderEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        *,
        week_start: int = 0,
        tray_available: bool = True,
        reminders_on: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # TRANSLATORS: a check box followed by a time field ("Remind me at [08:00]").
        self.switch = QCheckBox(_("&Remind me at"))
        self.switch.setObjectName("reminder-on")
        self.switch.setAccessibleName(_("Remind me"))
        self.time = TimeEdit(DEFAULT_TIME)
        self.time.setObjectName("reminder-time")
        speak_times(self.time)
        self.time.setAccessibleName(_("Reminder time"))
        self.time.setAlignment(Qt.AlignmentFlag.AlignTrailing)
        self.weekdays = WeekdayToggles(week_start)
        self.weekdays.setObjectName("reminder-days")
        for day, chip in self.weekdays.buttons.items():
            chip.setObjectName(f"reminder-weekday-{day}")
            # TRANSLATORS: a weekday's button in a reminder ("Remind on Monday").
            words = _("Remind on {weekday}").format(weekday=formats.weekday_name(day))
            chip.setAccessibleName(words)
            chip.setToolTip(words)
        self.weekdays.set_day_mask(ALL_DAYS)
        self.message = InlineMessage()
        self.can_remind = tray_available
        notes = [_(RUNS)] if tray_available else [_(NO_TRAY)]
        if tray_available and not reminders_on:
            notes.append(_(TURNED_OFF))
        self.hint = Hint("\n".join(notes))
        self.hint.setObjectName("reminder-hint")
        self.hint.setAccessibleName(_("About reminders"))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.switch)
        row.addWidget(self.time)
        row.addStretch(1)
        column(self, row, self.weekdays, self.message, self.hint)

        self.switch.toggled.connect(self._update)
        self.time.timeChanged.connect(self._update)
        self.weekdays.changed.connect(self._update)
        self._update()

    # --- reading and writing --------------------------------------------------------
    def is_on(self) -> bool:
        return self.switch.isChecked()

    def reminder(self) -> Reminder | None:
        """The reminder chosen (None when off); ReminderError when no day is picked."""
        if not self.is_on():
            return None
        at = self.time.time()
        return Reminder.parse(f"{at.hour():02d}:{at.minute():02d}", self.weekdays.day_mask())

    def set_reminder(self, reminder: Reminder | None) -> None:
        for widget in (self.switch, self.time, self.weekdays):
            widget.blockSignals(True)
        self.switch.setChecked(reminder is not None)
        if reminder is not None:
            self.time.setTime(QTime(reminder.at.hour, reminder.at.minute))
        self.weekdays.set_day_mask(reminder.days if reminder is not None else ALL_DAYS)
        for widget in (self.switch, self.time, self.weekdays):
            widget.blockSignals(False)
        self._update()

    def state(self) -> tuple[object, ...]:
        """Everything the person set, for "did anything change?"."""
        return (self.is_on(), self.time.time(), self.weekdays.day_mask())

    # --- internals ------------------------------------------------------------------
    def _update(self) -> None:
        on = self.is_on()
        can = self.can_remind
        self.switch.setEnabled(can)
        self.time.setEnabled(on and can)
        self.weekdays.setEnabled(can)
        self.weekdays.setVisible(on)
        self.hint.setVisible(on or not can)
        if on and self.weekdays.day_mask() == 0:
            self.message.show_message(_(NO_DAYS))
        else:
            self.message.clear_message()
        self.changed.emit()

    def is_valid(self) -> bool:
        try:
            self.reminder()
        except ReminderError:
            return False
        return True
