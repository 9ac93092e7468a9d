""""Make this a promise for tomorrow": one click, undoable, from the dialog or the journal.

Wherever a reflection is shown, its button says so once the step is on tomorrow's list
(services.next_step decides), so the same promise is never made twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.errors import UserError
from selftrust.services.next_step import AlreadyPromised, promise_for_tomorrow, step_title
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_actions import menu_title
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform

if TYPE_CHECKING:
    from selftrust.services.records import CommitmentRow
    from selftrust.services.workspace import Workspace


def button_text() -> str:
    """The offer, wherever a reflection with a next step is shown."""
    return _("Make this a promise for tomorrow")


def done_text() -> str:
    """The same button once the step is on tomorrow's list."""
    return _("Promised for tomorrow ✓")


def made_words(title: str) -> str:
    """What the user reads after promising: the title quoted as written, one full stop."""
    # TRANSLATORS: {title} is the new commitment's title, made from the person's next step
    return _("“{title}” is on tomorrow’s list. Changed your mind? Ctrl+Z takes it back.").format(
        title=isolate(title))


def show_promised(button: QPushButton, promised: bool, tip: str | None = None) -> None:
    """The button as it stands: an offer (``tip``: its tooltip), or a quiet, disabled
    "done"."""
    text = done_text() if promised else button_text()
    button.setText(text)
    button.setAccessibleName(text)
    button.setToolTip(_("This step is on tomorrow’s list") if promised else
                      tip or _("A one-off commitment for tomorrow, titled from your step"))
    button.setEnabled(not promised)


def make_promise(ctx: UiContext, parent: QWidget | None, step: str) -> CommitmentRow | None:
    """Create tomorrow's one-off commitment; the user hears why if it cannot be made."""
    ws = ctx.ws
    try:
        # A verb and what it made, like every other undo label ("Edit “Walk”").
        # TRANSLATORS: the undo step's name ("Undo Add “Read” for tomorrow"); {title}
        # is the new commitment's title
        label = _("Add “{title}” for tomorrow").format(
            title=isolate(menu_title(step_title(step))))
        row: CommitmentRow = perform(
            ctx.undo,
            label,
            lambda: promise_for_tomorrow(ws, step),
            lambda made: _forget(ws, made),
        )
    except AlreadyPromised as exc:
        messages.prompter.inform(parent, _("Already promised"), str(exc))
        return None
    except UserError as exc:
        messages.prompter.problem(parent, _("Not added"), str(exc))
        return None
    return row


def _forget(ws: Workspace, made: CommitmentRow) -> None:
    """Undo: the promise made for tomorrow goes again."""
    ws.commitments.delete(made.id)
