"""Where reminders cannot appear (no system tray), their controls are shown switched off
with one short reason, never ticked beside a line saying they cannot work; what was set
is kept for a desktop that has a tray."""

from __future__ import annotations

from dataclasses import replace

import pytest
from dialog_helpers import add, click, close_at_end
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from selftrust.domain.reminder import Reminder
from selftrust.services.commitments import CommitmentDraft
from selftrust.ui.dialogs.commitment_dialog import edit_commitment, new_commitment
from selftrust.ui.dialogs.preferences_dialog import PreferencesDialog
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.reminder_editor import NO_TRAY, RUNS


@pytest.fixture
def no_tray(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))


def test_preferences_show_reminders_off_with_one_reason(
        qtbot: QtBot, ctx: UiContext, no_tray: None) -> None:
    ctx.ws.update_settings(replace(ctx.ws.settings, reminders_enabled=True,
                                   summary_enabled=True))
    dialog = PreferencesDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    desktop = dialog.desktop
    for control in (desktop.reminders, desktop.summary, desktop.summary_time, desktop.keep):
        assert not control.isEnabled()
    assert desktop.reminders.isChecked(), "the choice is kept for when a tray exists"
    assert desktop.tray_note is not None and desktop.tray_note.isVisible()
    assert "kept" in desktop.tray_note.text()
    # the reason comes before the controls it explains
    assert desktop.tray_note.y() < desktop.reminders.y()
    assert ctx.ws.settings.reminders_enabled and ctx.ws.settings.summary_enabled


def test_the_commitment_form_shows_the_reminder_off_with_its_reason(
        qtbot: QtBot, ctx: UiContext, no_tray: None) -> None:
    form = new_commitment(ctx, None)
    close_at_end(qtbot, form)
    editor = form.reminder
    assert not editor.switch.isEnabled() and not editor.time.isEnabled()
    assert editor.hint.isVisibleTo(form) and editor.hint.text() == NO_TRAY
    assert RUNS not in editor.hint.text()
    form.done(0)


def test_a_reminder_set_elsewhere_is_kept(qtbot: QtBot, ctx: UiContext, no_tray: None) -> None:
    walk = add(ctx.ws, "Walk")
    draft = CommitmentDraft(walk.title, walk.rules, walk.why, walk.color, walk.created_on,
                            Reminder.parse("07:30"))
    ctx.ws.commitments.update(walk.id, draft)
    form = edit_commitment(ctx, None, walk.id)
    assert form is not None
    close_at_end(qtbot, form)
    assert form.reminder.switch.isChecked() and not form.reminder.switch.isEnabled()
    form.title.setText("Walk outside")
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: not form.isVisible())
    row = ctx.ws.commitments.get(walk.id)
    assert row.title == "Walk outside" and row.reminder == Reminder.parse("07:30")
