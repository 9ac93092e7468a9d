"""New commitment with a title another one has but for case: the dialog says so and stays
open with what was typed; nothing is saved (the rule lives in the services)."""

from __future__ import annotations

from dialog_helpers import click, the_dialog
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.services.commitments import CommitmentDraft
from selftrust.ui.dialogs.commitment_form import CommitmentForm
from selftrust.ui.shell.context import UiContext


def test_a_taken_title_is_refused_in_the_dialog(qtbot: QtBot, window, ctx: UiContext) -> None:
    ctx.ws.commitments.create(CommitmentDraft("Walk", Rules()))
    window.actions_.new_commitment.trigger()
    form = the_dialog(qtbot, CommitmentForm)
    qtbot.keyClicks(form.title, "walk")
    click(qtbot, form.ok)
    qtbot.waitUntil(lambda: "already have a commitment called “Walk”"
                    in form.form_message.text())
    assert form.isVisible() and form.title.text() == "walk"
    assert [c.title for c in ctx.ws.commitments.all()] == ["Walk"]
    assert not ctx.undo.canUndo()
