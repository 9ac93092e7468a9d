"""The form of a commitment: title, why, yes/no or measurable, schedule, reminder,
start, colour, pauses. Validated live: a kind message under the field, and the OK button waits until
everything can be saved.

The form does not know where the commitment goes: ``save`` does that (the database for
New and Edit, the welcome's list for a starter), and any refusal it raises is shown in
the form, which stays open with everything the person typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.domain.commitment import Rules, TargetError
from selftrust.domain.days import Period
from selftrust.domain.reminder import ReminderError
from selftrust.domain.schedule import ScheduleError, ScheduleKind
from selftrust.services.commitments import MAX_WHY_LENGTH, CommitmentDraft
from selftrust.services.errors import Invalid, UserError
from selftrust.services.text import clean_text, clean_title
from selftrust.ui.dialogs import messages
from selftrust.ui.look.screens import nullable
from selftrust.ui.widgets.color_picker import ColorPicker
from selftrust.ui.widgets.dates import date_edit, set_week_start, to_date, to_qdate
from selftrust.ui.widgets.labels import Hint, InlineMessage
from selftrust.ui.widgets.pause_editor import PauseEditor
from selftrust.ui.widgets.reminder_editor import ReminderEditor
from selftrust.ui.widgets.schedule_editor import ScheduleEditor
from selftrust.ui.widgets.target_editor import TargetEditor

Save = Callable[[CommitmentDraft], object]

WHY_COUNTER_FROM = 1500  # show "1,620 / 2,000" once the text gets near the limit
DAILY_TARGET_KINDS = (ScheduleKind.DAILY, ScheduleKind.WEEKDAYS, ScheduleKind.ONCE)


def section_label(text: str, buddy: QWidget | None = None) -> QLabel:
    """A field's name above it, a touch bolder than the text; with a mnemonic."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # mnemonics still work in plain text
    font = QFont(label.font())
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class CommitmentForm(QDialog):
    def __init__(
        self,
        *,
        save: Save,
        draft: CommitmentDraft | None = None,
        heading: str | None = None,
        accept_text: str | None = None,
        today: date,
        week_start: int = 0,
        tray_available: bool = True,
        reminders_on: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if heading is None:
            heading = _("New commitment")
        if accept_text is None:
            accept_text = _("&Add commitment")
        self.setObjectName("commitment-dialog")
        self.setWindowTitle(heading)
        self._save = save
        self._title_touched = False
        em = self.fontMetrics().horizontalAdvance("m")

        # --- fields ---------------------------------------------------------------------
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setAccessibleName(_("Title"))
        self.title.setPlaceholderText(
            _("A small promise: “Walk 20 minutes”, “In bed by 23:00”"))
        self.title.setMaxLength(1000)  # room to say "too long" instead of cutting silently
        self.title_message = InlineMessage()

        self.why = QPlainTextEdit()
        self.why.setObjectName("why")
        self.why.setAccessibleName(_("Why this matters to me"))
        self.why.setPlaceholderText(_("Optional: what keeping this promise gives you"))
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.why_counter = Hint()
        self.why_counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.why_counter.hide()
        self.why_message = InlineMessage()

        self.target = TargetEditor()
        self.schedule = ScheduleEditor(week_start=week_start, today=today)
        self.rules_message = InlineMessage()
        self.reminder = ReminderEditor(week_start=week_start, tray_available=tray_available,
                                       reminders_on=reminders_on)

        self.start = date_edit(today, _("Starts on"))
        self.start.setObjectName("start")
        set_week_start(self.start, week_start)
        self.start_hint = Hint(_("Days before this are not counted."))

        self.color = ColorPicker()
        self.pauses = PauseEditor(today=today, week_start=week_start)

        self.form_message = InlineMessage()
        self.buttons = QDialogButtonBox()
        self.ok = QPushButton(accept_text)
        self.ok.setObjectName("ok")
        self.ok.setDefault(True)
        self.ok.setAccessibleName(accept_text.replace("&", ""))
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # --- layout ---------------------------------------------------------------------
        # The fields scroll when the screen is short (an 800x600 laptop); the message
        # and the buttons always stay in view below them.
        self.body = QWidget()
        self.body.setObjectName("commitment-form-body")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em // 2)
        layout.setSpacing(4)

        def section(label: QLabel, *widgets: QWidget, gap: bool = True) -> None:
            if gap:
                layout.addSpacing(10)
            layout.addWidget(label)
            for widget in widgets:
                layout.addWidget(widget)

        section(section_label(_("&Title"), self.title), self.title, self.title_message,
                gap=False)
        why_row = QHBoxLayout()
        why_label = section_label(_("&Why this matters to me"), self.why)
        why_row.addWidget(why_label)
        why_row.addStretch(1)
        why_row.addWidget(self.why_counter)
        layout.addSpacing(10)
        layout.addLayout(why_row)
        layout.addWidget(self.why)
        layout.addWidget(self.why_message)
        # TRANSLATORS: a form's heading: yes/no or measurable
        section(section_label(pgettext("commitment", "Kind")), self.target)
        section(section_label(_("Sc&hedule"), self.schedule.kind_box), self.schedule,
                self.rules_message)
        section(section_label(_("Reminder")), self.reminder)

        start_and_colour = QHBoxLayout()
        start_and_colour.setSpacing(em * 3)
        start_box = QVBoxLayout()
        start_box.setSpacing(4)
        start_box.addWidget(section_label(_("Starts &on"), self.start))
        start_box.addWidget(self.start)
        start_box.addStretch(1)
        colour_box = QVBoxLayout()
        colour_box.setSpacing(4)
        colour_box.addWidget(section_label(_("&Colour"), self.color))
        colour_box.addWidget(self.color)
        colour_box.addStretch(1)
        start_and_colour.addLayout(start_box)
        start_and_colour.addLayout(colour_box, 1)
        layout.addSpacing(10)
        layout.addLayout(start_and_colour)

        section(section_label(_("&Pauses"), self.pauses.start), self.pauses)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, em * 3 // 2)
        outer.setSpacing(6)
        outer.addWidget(self.scroll_area, 1)
        for widget in (self.form_message, self.buttons):
            row = QHBoxLayout()
            row.setContentsMargins(em * 2, 0, em * 2, 0)
            row.addWidget(widget)
            outer.addLayout(row)
        # Only vertical scrolling: the dialog is always as wide as the fields need.
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(em * 46, self.body.minimumSizeHint().width() + bar + 4))
        self._sized = False

        # --- behaviour ------------------------------------------------------------------
        if draft is not None:
            self.set_draft(draft)
        self._initial = self._snapshot()
        self.title.textEdited.connect(self._title_edited)
        self.title.textChanged.connect(self.validate)
        self.why.textChanged.connect(self.validate)
        self.target.changed.connect(self._target_changed)
        self.schedule.changed.connect(self.validate)
        self.reminder.changed.connect(self.validate)
        self.start.dateChanged.connect(self.validate)
        self.color.changed.connect(self.validate)
        self.pauses.changed.connect(self.validate)
        self._target_changed()
        self.title.setFocus()

    # --- the draft --------------------------------------------------------------------
    def set_draft(self, draft: CommitmentDraft) -> None:
        self.title.setText(draft.title)
        self.why.setPlainText(draft.why)
        self.target.set_target(draft.rules.target)
        self.schedule.set_schedule(draft.rules.schedule)
        if draft.created_on is not None:
            self.start.setDate(to_qdate(draft.created_on))
        if draft.color:
            self.color.set_color(draft.color)
        self.pauses.set_pauses(draft.rules.pauses)
        if draft.reminder is not ...:  # a draft that does not say leaves the row as it is
            self.reminder.set_reminder(draft.reminder)
        self._target_changed()

    def draft(self) -> CommitmentDraft | None:
        """What would be saved, or None while something needs fixing (messages shown)."""
        return self.validate()

    def validate(self) -> CommitmentDraft | None:
        ok = True
        title = ""
        try:
            title = clean_title(self.title.text())
        except Invalid as exc:
            ok = False
            show = self._title_touched or bool(self.title.text())
            self.title_message.show_message(str(exc) if show else "")
        else:
            self.title_message.clear_message()

        why_text = self.why.toPlainText()
        why = ""
        try:
            # TRANSLATORS: the field named in a message ("The “why this matters” is too
            # long to save")
            why = clean_text(why_text, what=_("“why this matters”"), max_length=MAX_WHY_LENGTH)
        except Invalid as exc:
            ok = False
            self.why_message.show_message(str(exc))
        else:
            self.why_message.clear_message()
        self.why_counter.setVisible(len(why_text) >= WHY_COUNTER_FROM)
        self.why_counter.setText(
            f"{formats.number(len(why_text))} / {formats.number(MAX_WHY_LENGTH)}")

        rules: Rules | None = None
        self.rules_message.clear_message()
        try:
            target = self.target.target()
            schedule = self.schedule.schedule()
        except (TargetError, ScheduleError):
            ok = False  # the editors show their own message
        else:
            start = to_date(self.start.date())
            try:
                rules = Rules(schedule, target, self.pauses.pauses_to_save())
            except ScheduleError as exc:
                ok = False
                self.rules_message.show_message(str(exc))
            else:
                if schedule.kind is ScheduleKind.ONCE and schedule.on is not None \
                        and schedule.on < start:
                    ok = False
                    self.rules_message.show_message(
                        _("The day of a one-time promise can't be before it starts; "
                          "move the start day back, or pick a later day."))

        reminder = None
        try:
            reminder = self.reminder.reminder()
        except ReminderError:
            ok = False  # the editor shows its own message

        self.ok.setEnabled(ok)
        if ok:
            self.form_message.clear_message()
        if not ok or rules is None:
            return None
        return CommitmentDraft(
            title=title,
            rules=rules,
            why=why,
            color=self.color.color(),
            created_on=to_date(self.start.date()),
            reminder=reminder,
        )

    # --- buttons ----------------------------------------------------------------------
    def accept(self) -> None:
        draft = self.validate()
        if draft is None:
            self._title_touched = True
            self.validate()
            return
        try:
            self._save(draft)
        except UserError as exc:
            self.form_message.show_message(str(exc))
            return
        super().accept()

    def reject(self) -> None:
        if self.is_dirty() and not messages.prompter.ask(
            self,
            _("Discard your changes?"),
            _("You changed this commitment. Close without saving?"),
            accept=pgettext("verb, button", "Discard"),
            reject=_("Keep editing"),
        ):
            return
        super().reject()

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # --- height -----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_height()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _fit_height(self) -> None:
        """The fields are never squeezed below their height at this width (Qt would
        ignore wrapped lines and cut hints); when that is taller than the screen allows,
        the dialog stops at the screen and the fields scroll."""
        layout = self.body.layout()
        if layout is None:
            return
        width = self.scroll_area.viewport().width() or self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > 0 and needed != self.body.minimumHeight():
            self.body.setMinimumHeight(needed)
        if not self._sized and self.isVisible():
            self._sized = True
            chrome = self.height() - self.scroll_area.height()
            screen = nullable(self.screen())
            limit = (int(screen.availableGeometry().height() * 0.92) if screen is not None
                     else needed + chrome)
            self.resize(self.width(), min(needed + chrome + 2, limit))

    # --- internals --------------------------------------------------------------------
    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.title.text(),
            self.why.toPlainText(),
            self.target.is_measurable(),
            self.target.bound.currentIndex(),
            self.target.amount.value(),
            self.target.unit.text(),
            self.target.per.currentIndex(),
            self.schedule.kind(),
            self.schedule.weekdays.day_mask(),
            self.schedule.week_times.value(),
            self.schedule.month_times.value(),
            self.schedule.window_times.value(),
            self.schedule.window_days.value(),
            self.schedule.once_day.date(),
            self.start.date(),
            self.color.color(),
            self.pauses.pauses_to_save(),
            self.reminder.state(),
        )

    def _title_edited(self) -> None:
        self._title_touched = True

    def _target_changed(self) -> None:
        if not self.target.is_measurable():
            self.schedule.allow_only(ScheduleKind)
        elif self.target.period() is Period.DAY:
            self.schedule.allow_only(DAILY_TARGET_KINDS)
        else:
            why = (_("A weekly target counts every day of the week toward it.")
                   if self.target.period() is Period.WEEK
                   else _("A monthly target counts every day of the month toward it."))
            self.schedule.allow_only((ScheduleKind.DAILY,), why)
        self.validate()

