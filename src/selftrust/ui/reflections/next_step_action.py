""""Make this a promise for tomorrow": one click, undoable, from the dialog or the journal.

Wherever a reflection is shown, its button says so once the step is on tomorrow's list
(services.next_step decides), so the same promise is never made twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from selftrust.services.errors import UserError
from selftrust.services.next_step import AlreadyPromised, promise_for_tomorrow, step_title
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_actions import menu_title
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow
    from selftrust.services.workspace import Workspace

BUTTON_TEXT = "Make this a promise for tomorrow"
DONE_TEXT = "Promised for tomorrow ✓"
BUTTON_TIP = "A one-off commitment for tomorrow, titled from your step"
DONE_TIP = "This step is on tomorrow’s list"


def made_words(title: str) -> str:
    """What the user reads after promising: the title quoted as written, one full stop."""
    return f"“{title}” is on tomorrow’s list. Changed your mind? Ctrl+Z takes it back."


def show_promised(button: QPushButton, promised: bool, tip: str = BUTTON_TIP) -> None:
    """The button as it stands: an offer, or a quiet, disabled "done"."""
    button.setText(DONE_TEXT if promised else BUTTON_TEXT)
    button.setAccessibleName(DONE_TEXT if promised else BUTTON_TEXT)
    button.setToolTip(DONE_TIP if promised else tip)
    button.setEnabled(not promised)


def make_promise(ctx: UiContext, parent: QWidget | None, step: str) -> CommitmentRow | None:
    """Create tomorrow's one-off commitment; the user hears why if it cannot be made."""
    ws = ctx.ws
    try:
        # A verb and what it made, like every other undo label ("Edit “Walk”").
        label = f"Add “{menu_title(step_title(step))}” for tomorrow"
        row: CommitmentRow = perform(
            ctx.undo,
            label,
            lambda: promise_for_tomorrow(ws, step),
            lambda made: _forget(ws, made),
        )
    except AlreadyPromised as exc:
        messages.prompter.inform(parent, "Already promised", str(exc))
        return None
    except UserError as exc:
        messages.prompter.problem(parent, "Not added", str(exc))
        return None
    return row


def _forget(ws: Workspace, made: CommitmentRow) -> None:
    """Undo: the promise made for tomorrow goes again."""
    ws.commitments.delete(made.id)
