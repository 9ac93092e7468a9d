"""Save in the Pause dialog does what the dialog shows: never a silent no-op that looks
like success while suggested dates sit in the fields."""

from __future__ import annotations

from dialog_helpers import add, click, open_pause_dialog
from pytestqt.qtbot import QtBot

from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.dates import to_date


def test_save_waits_until_there_is_something_to_save(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    assert not dialog.ok.isEnabled()
    assert dialog.nothing_yet.isVisible()
    assert "Add pause" in dialog.nothing_yet.text()
    click(qtbot, dialog.ok)
    assert dialog.isVisible()  # nothing closed as if it had been saved


def test_adding_the_suggested_dates_makes_save_keep_them(qtbot: QtBot, ctx: UiContext) -> None:
    walk = add(ctx.ws, "Walk").id
    dialog = open_pause_dialog(qtbot, ctx, walk)
    shown = (to_date(dialog.editor.start.date()), to_date(dialog.editor.end.date()))
    click(qtbot, dialog.editor.add_button)
    assert dialog.ok.isEnabled() and not dialog.nothing_yet.isVisible()
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    (pause,) = ctx.ws.commitments.get(walk).rules.pauses
    assert (pause.start, pause.end) == shown
