"""The commitment dialog's Reminder row, driven like a person: off until asked for, a
time and the days, kept or changed or removed by an edit, and one Ctrl+Z takes it back."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from dialog_helpers import add, click, close_at_end, the_dialog
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from selftrust.domain.reminder import ALL_DAYS, Reminder
from selftrust.ui.dialogs.commitment_dialog import edit_commitment, new_commitment
from selftrust.ui.dialogs.commitment_form import CommitmentForm
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets import reminder_editor
from selftrust.ui.widgets.reminder_editor import NO_DAYS, NO_TRAY, RUNS, TURNED_OFF

MON_TO_FRI = 0b0011111
SATURDAY, SUNDAY = 5, 6


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop with a tray (the offscreen test platform has none)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))


def type_time(qtbot: QtBot, form: CommitmentForm, text: str) -> None:
    """Into the time field, with its hour selected (as a click or Tab leaves it), type."""
    edit = form.reminder.time
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, text)


def test_off_by_default_and_nothing_is_saved(qtbot: QtBot, ctx: UiContext, tray: None) -> None:
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    reminder = form.reminder
    assert not reminder.switch.isChecked()
    assert not reminder.time.isEnabled()
    assert not reminder.weekdays.isVisible() and not reminder.hint.isVisible()
    qtbot.keyClicks(form.title, "Floss")
    click(qtbot, form.ok)
    [row] = ctx.ws.commitments.all()
    assert row.reminder is None


def test_remind_me_at_half_past_seven_on_weekdays(
    qtbot: QtBot, window, ctx: UiContext, tray: None
) -> None:
    window.actions_.new_commitment.trigger()
    form = the_dialog(qtbot, CommitmentForm)
    qtbot.keyClicks(form.title, "Stretch")
    form.reminder.switch.setFocus()
    qtbot.keyClick(form.reminder.switch, Qt.Key.Key_Space)
    assert form.reminder.switch.isChecked() and form.reminder.time.isEnabled()
    assert form.reminder.weekdays.isVisible()
    assert form.reminder.hint.text() == RUNS
    type_time(qtbot, form, "0730")
    assert form.reminder.time.time() == QTime(7, 30)
    click(qtbot, form.reminder.weekdays.buttons[SATURDAY])
    click(qtbot, form.reminder.weekdays.buttons[SUNDAY])
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: not form.isVisible())
    [row] = ctx.ws.commitments.all()
    assert row.reminder == Reminder(time(7, 30), MON_TO_FRI)
    window.actions_.undo.trigger()
    assert ctx.ws.commitments.all() == []


def test_a_reminder_on_no_day_cannot_be_saved(qtbot: QtBot, ctx: UiContext,
                                              tray: None) -> None:
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    qtbot.keyClicks(form.title, "Read")
    click(qtbot, form.reminder.switch)
    for chip in form.reminder.weekdays.ordered():
        click(qtbot, chip)
    assert not form.ok.isEnabled()
    assert form.reminder.message.isVisible() and form.reminder.message.text() == NO_DAYS
    click(qtbot, form.reminder.weekdays.buttons[2])
    assert form.ok.isEnabled() and not form.reminder.message.isVisible()
    click(qtbot, form.reminder.switch)  # or turn it off again: nothing to fix then
    assert form.ok.isEnabled()
    click(qtbot, form.ok)
    assert ctx.ws.commitments.all()[0].reminder is None


def test_edit_shows_the_reminder_and_a_change_is_undoable(
    qtbot: QtBot, window, ctx: UiContext, tray: None
) -> None:
    row = add(ctx.ws, "Walk")
    ctx.ws.commitments.set_reminder(row.id, Reminder.parse("21:05", 0b0000101))
    window.edit_commitment(row.id)
    form = the_dialog(qtbot, CommitmentForm)
    reminder = form.reminder
    assert reminder.switch.isChecked()
    assert reminder.time.time() == QTime(21, 5)
    assert [d for d, chip in reminder.weekdays.buttons.items() if chip.isChecked()] == [0, 2]
    type_time(qtbot, form, "1815")
    click(qtbot, reminder.weekdays.buttons[4])
    click(qtbot, form.ok)
    assert ctx.ws.commitments.get(row.id).reminder == Reminder.parse("18:15", 0b0010101)
    assert window.actions_.undo.text() == "&Undo Edit “Walk”"
    window.actions_.undo.trigger()
    assert ctx.ws.commitments.get(row.id).reminder == Reminder.parse("21:05", 0b0000101)
    window.actions_.redo.trigger()
    assert ctx.ws.commitments.get(row.id).reminder == Reminder.parse("18:15", 0b0010101)


def test_edit_can_remove_the_reminder_and_undo_brings_it_back(
    qtbot: QtBot, window, ctx: UiContext, tray: None
) -> None:
    row = add(ctx.ws, "Walk")
    ctx.ws.commitments.set_reminder(row.id, Reminder.parse("07:00"))
    window.edit_commitment(row.id)
    form = the_dialog(qtbot, CommitmentForm)
    click(qtbot, form.reminder.switch)
    assert not form.reminder.weekdays.isVisible()
    click(qtbot, form.ok)
    assert ctx.ws.commitments.get(row.id).reminder is None
    window.actions_.undo.trigger()
    assert ctx.ws.commitments.get(row.id).reminder == Reminder.parse("07:00")


def test_an_edit_of_something_else_keeps_the_reminder(qtbot: QtBot, ctx: UiContext) -> None:
    row = add(ctx.ws, "Walk")
    ctx.ws.commitments.set_reminder(row.id, Reminder.parse("06:30", 0b1100000))
    form = edit_commitment(ctx, None, row.id)
    assert form is not None
    close_at_end(qtbot, form)
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    qtbot.keyClicks(form.title, " daily")
    click(qtbot, form.ok)
    saved = ctx.ws.commitments.get(row.id)
    assert saved.title == "Walk daily"
    assert saved.reminder == Reminder.parse("06:30", 0b1100000)


def test_turning_the_reminder_on_counts_as_a_change(
    qtbot: QtBot, ctx: UiContext, prompter, tray: None
) -> None:
    row = add(ctx.ws, "Walk")
    form = edit_commitment(ctx, None, row.id)
    assert form is not None
    close_at_end(qtbot, form)
    assert not form.is_dirty()
    click(qtbot, form.reminder.switch)
    assert form.is_dirty()
    prompter.answers = [True]  # discard
    click(qtbot, form.cancel)
    assert prompter.asked[0][1] == "Discard your changes?"
    assert ctx.ws.commitments.get(row.id).reminder is None


def test_the_days_follow_the_week_start(qtbot: QtBot, ctx: UiContext) -> None:
    ctx.ws.update_settings(replace(ctx.ws.settings, chosen_week_start=6))  # Sunday
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    click(qtbot, form.reminder.switch)
    chips = form.reminder.weekdays.ordered()
    assert [c.text() for c in chips] == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert chips[0].accessibleName() == "Remind on Sunday"
    assert form.reminder.weekdays.day_mask() == ALL_DAYS
    form.done(0)


def test_the_hint_says_when_reminders_cannot_come(
    qtbot: QtBot, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    assert not form.reminder.switch.isEnabled()  # shown off, with the one reason
    assert form.reminder.hint.text() == NO_TRAY
    assert form.reminder.hint.textFormat() == Qt.TextFormat.PlainText
    form.done(0)


def test_the_hint_says_when_reminders_are_off_in_preferences(
    qtbot: QtBot, ctx: UiContext, tray: None
) -> None:
    ctx.ws.update_settings(replace(ctx.ws.settings, reminders_enabled=False))
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    click(qtbot, form.reminder.switch)
    assert form.reminder.hint.text() == f"{RUNS}\n{TURNED_OFF}"
    form.done(0)


def test_tab_leaves_the_time_in_one_press(qtbot: QtBot, ctx: UiContext, tray: None) -> None:
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    form.show()
    click(qtbot, form.reminder.switch)
    assert isinstance(form.reminder.time, reminder_editor.TimeEdit)
    form.reminder.time.setFocus()
    qtbot.keyClick(form.reminder.time, Qt.Key.Key_Tab)
    assert form.focusWidget() is not form.reminder.time
    assert form.focusWidget() is form.reminder.weekdays.ordered()[0]
    form.done(0)
