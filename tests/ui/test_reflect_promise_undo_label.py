"""The undo label of a promise for tomorrow reads like the others: a verb and the
promise it made ("Undo Add “Book on pillow” for tomorrow", as "Undo Edit “Walk”")."""

from __future__ import annotations

from selftrust.ui.reflections.next_step_action import make_promise
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow


def test_the_undo_label_names_the_promise(window: MainWindow, ctx: UiContext) -> None:
    row = make_promise(ctx, window, "Book on pillow.")
    assert row is not None and row.title == "Book on pillow"
    assert window.actions_.undo.text() == "&Undo Add “Book on pillow” for tomorrow"
    ctx.undo.undo()
    assert ctx.ws.commitments.all() == []
