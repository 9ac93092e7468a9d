""""Make this a promise for tomorrow": one click, undoable, from the dialog or the journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from selftrust.services.errors import UserError
from selftrust.services.next_step import promise_for_tomorrow
from selftrust.ui.context import UiContext
from selftrust.ui.dialogs import messages
from selftrust.ui.undo import perform

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow

BUTTON_TEXT = "Make this a promise for tomorrow"


def make_promise(ctx: UiContext, parent: QWidget | None, step: str) -> CommitmentRow | None:
    """Create tomorrow's one-off commitment; the user hears why if it cannot be made."""
    ws = ctx.ws
    try:
        row: CommitmentRow = perform(
            ctx.undo,
            "Promise for tomorrow",
            lambda: promise_for_tomorrow(ws, step),
            lambda made: ws.commitments.delete(made.id),
        )
    except UserError as exc:
        messages.prompter.problem(parent, "Not added", str(exc))
        return None
    return row
