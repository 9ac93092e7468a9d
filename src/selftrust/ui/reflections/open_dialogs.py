"""Opening a reflection, and the one editor each reflection has.

Which reflection dialogs are open is the window's to know: every dialog is a child of
the window it opens over, so the window is asked (its live children), and nothing
outlives it — no registry at module level to keep in step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import _
from selftrust.services.drafts import draft_key, edit_key
from selftrust.services.errors import UserError
from selftrust.ui.dialogs import messages
from selftrust.ui.reflections.reflection_dialog import ReflectionDialog
from selftrust.ui.shell.context import UiContext


def open_reflection(
    ctx: UiContext, parent: QWidget | None, commitment_id: int | None, day: date | None
) -> ReflectionDialog | None:
    """Open (or bring forward) the reflection on a commitment's day, or a free one."""
    today = ctx.ws.today()
    if day is not None and day > today:
        messages.prompter.inform(parent, _("Not yet"),
                                 _("That day has not come yet; you can reflect on it "
                                   "afterwards."))
        return None
    if commitment_id is not None and day is None:
        day = today
    existing = open_dialog(ctx, parent, draft_key(commitment_id, day))
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    return _show(ReflectionDialog(ctx, parent, commitment_id=commitment_id, day=day))


def open_reflection_for_edit(
    ctx: UiContext, parent: QWidget | None, reflection_id: int
) -> ReflectionDialog | None:
    existing = open_dialog(ctx, parent, edit_key(reflection_id))
    if existing is not None:
        existing.raise_()
        return existing
    try:
        row = ctx.ws.reflections.get(reflection_id)
    except UserError as exc:
        messages.prompter.problem(parent, _("Cannot open"), str(exc))
        return None
    return _show(ReflectionDialog(ctx, parent, reflection=row))


def open_dialog(ctx: UiContext, parent: QWidget | None, key: str) -> ReflectionDialog | None:
    """The dialog already open over ``parent``'s window for the draft ``key``."""
    if parent is None:
        return None
    for dialog in parent.window().findChildren(ReflectionDialog):
        if dialog.ws is ctx.ws and dialog.key == key and dialog.is_open:
            return dialog
    return None


def _show(dialog: ReflectionDialog) -> ReflectionDialog:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.form.first_edit().setFocus()
    return dialog
