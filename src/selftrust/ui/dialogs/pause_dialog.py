"""Pause… from the Manage dialog: planned rest for one commitment, saved as one
undoable step. The same editor sits in the commitment form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from selftrust.base.i18n import N_, _
from selftrust.services.errors import UserError
from selftrust.ui.dialogs import commitment_actions as actions
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.opening import open_modal
from selftrust.ui.dialogs.wrapped import keep_wrapped_heights
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.labels import Hint, InlineMessage
from selftrust.ui.widgets.pause_editor import PauseEditor

EXPLANATION = N_(
    "Holiday, illness, a busy week: days in a pause count as skipped. "
    "A streak neither breaks nor grows, and no marbles are won or lost."
)
# TRANSLATORS: "Add pause" and "Save" are the names of buttons in this dialog
NOTHING_YET = N_(
    "No pauses yet. The dates above are only a suggestion: press Add pause to rest on "
    "them, or pick other days, then Save."
)
NOTHING_CHANGED = N_("Nothing changed yet: add a pause, remove one or pick other days.")


class PauseDialog(QDialog):
    def __init__(self, ctx: UiContext, commitment_id: int, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.commitment_id = commitment_id
        row = ctx.ws.commitments.get(commitment_id)
        self.setObjectName("pause-dialog")
        # TRANSLATORS: the window's title; {title} is the commitment's title
        self.setWindowTitle(_("Pauses — {title}").format(title=row.title))
        em = self.fontMetrics().horizontalAdvance("m")
        self.explanation = Hint(_(EXPLANATION))
        self.editor = PauseEditor(today=ctx.ws.today(), week_start=ctx.ws.settings.week_start)
        self.editor.set_pauses(row.rules.pauses)
        self._initial = self.editor.pauses()
        self.message = InlineMessage()
        # Save stays off until there is a change, so it never closes as if it had saved.
        self.nothing_yet = Hint(_(NOTHING_YET))
        self.nothing_yet.setObjectName("pause-nothing-yet")
        buttons = QDialogButtonBox()
        self.ok = QPushButton(_("&Save"))
        self.ok.setDefault(True)
        self.ok.setAccessibleName(_("Save"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(em * 2, em * 2, em * 2, em * 3 // 2)
        layout.setSpacing(10)
        layout.addWidget(self.explanation)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        layout.addWidget(self.nothing_yet)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(em * 40)
        keep_wrapped_heights(self)  # the notes whole, in any language
        self.editor.changed.connect(self._sync_save)
        self._sync_save()
        self.editor.start.setFocus()

    def _sync_save(self) -> None:
        # Dates that cannot be saved keep Save on, so pressing it says why (the editor).
        ready = self.editor.pauses_to_save() != self._initial or self.editor.entry_problem()
        self.ok.setEnabled(ready)
        none = not self.editor.pauses()
        self.nothing_yet.setText(_(NOTHING_YET) if none else _(NOTHING_CHANGED))
        self.nothing_yet.setVisible(not ready)
        if not ready and none:
            self.editor.empty.setVisible(False)  # one hint says it all

    def accept(self) -> None:
        if self.editor.entry_problem():
            self.editor.end.setFocus()  # the editor already says what is wrong
            return
        pauses = self.editor.pauses_to_save()
        if pauses != self._initial:
            try:
                actions.set_pauses(self.ctx, self.commitment_id, pauses)
            except UserError as exc:
                self.message.show_message(str(exc))
                return
        super().accept()


def open_pauses(ctx: UiContext, parent: QWidget | None, commitment_id: int
                ) -> PauseDialog | None:
    try:
        dialog = PauseDialog(ctx, commitment_id, parent)
    except UserError as exc:
        messages.prompter.problem(parent, _("Cannot pause this commitment"), str(exc))
        return None
    return open_modal(dialog)


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    """For `selftrust screenshot --view pause`: the first commitment's pauses (nothing is
    saved: the picture is taken and the dialog closed without Save)."""
    rows = ctx.ws.commitments.all()
    if not rows:
        return window  # no commitment to pause: the empty main window says so
    dialog = PauseDialog(ctx, rows[0].id, window)
    dialog.show()
    dialog.adjustSize()
    return dialog
