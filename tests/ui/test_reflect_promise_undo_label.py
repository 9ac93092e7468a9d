"""The undo label of a promise for tomorrow reads like the others: a verb and the
promise it made ("Undo Add “Book on pillow” for tomorrow", as "Undo Edit “Walk”")."""

from __future__ import annotations

from selftrust.base.bidi import without_isolates
from selftrust.ui.reflections.next_step_action import make_promise
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow


def test_the_undo_label_names_the_promise(window: MainWindow, ctx: UiContext) -> None:
    row = make_promise(ctx, window, "Book on pillow.")
    assert row is not None and row.title == "Book on pillow"
    label = window.actions_.undo.text()
    assert without_isolates(label) == "&Undo Add “Book on pillow” for tomorrow"
    assert "\u2068Book on pillow\u2069" in label  # the title keeps its own direction
    ctx.undo.undo()
    assert ctx.ws.commitments.all() == []
