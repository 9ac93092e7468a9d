"""New and Edit commitment: the form, saved through the services as one undoable step.

The dialogs open window-modal without blocking (``open()``), so the caller (and a test)
gets the dialog back at once and the rest of the app keeps running.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from selftrust.base.i18n import _
from selftrust.domain.commitment import Pause, Rules
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import Schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import UserError
from selftrust.ui.desktop.notify_route import can_show, route_in_use
from selftrust.ui.dialogs import commitment_actions as actions
from selftrust.ui.dialogs import messages
from selftrust.ui.dialogs.commitment_form import CommitmentForm, Save
from selftrust.ui.shell.context import UiContext


def make_form(
    ctx: UiContext,
    parent: QWidget | None,
    *,
    save: Save,
    draft: CommitmentDraft | None,
    heading: str,
    accept_text: str,
) -> CommitmentForm:
    form = CommitmentForm(
        save=save,
        draft=draft,
        heading=heading,
        accept_text=accept_text,
        today=ctx.ws.today(),
        week_start=ctx.ws.settings.week_start,
        tray_available=can_show(route_in_use(ctx.reminder_route)),  # Preferences' rule
        reminders_on=ctx.ws.settings.reminders_enabled,
        parent=parent,
    )
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return form


def suggested_color(ctx: UiContext) -> str:
    """The colour the service gives a new commitment (CommitmentService.suggested_color)."""
    return ctx.ws.commitments.suggested_color()


def new_commitment(
    ctx: UiContext, parent: QWidget | None, draft: CommitmentDraft | None = None
) -> CommitmentForm:
    """Open the New commitment dialog (optionally prefilled); it saves on OK."""
    start = draft or CommitmentDraft("", color=suggested_color(ctx))
    form = make_form(
        ctx,
        parent,
        save=lambda d: actions.create(ctx, d),
        draft=start,
        heading=_("New commitment"),
        accept_text=_("&Add commitment"),
    )
    form.open()
    return form


def edit_commitment(
    ctx: UiContext, parent: QWidget | None, commitment_id: int
) -> CommitmentForm | None:
    try:
        row = ctx.ws.commitments.get(commitment_id)
    except UserError as exc:
        messages.prompter.problem(parent, _("Cannot edit this commitment"), str(exc))
        return None
    draft = CommitmentDraft(
        title=row.title, rules=row.rules, why=row.why, color=row.color,
        created_on=row.created_on, reminder=row.reminder,
    )
    form = make_form(
        ctx,
        parent,
        save=lambda d: actions.update(ctx, commitment_id, d),
        draft=draft,
        heading=_("Edit commitment"),
        accept_text=_("&Save"),
    )
    form.open()
    return form


def example_draft(ctx: UiContext) -> CommitmentDraft:
    """A filled-in example for screenshots and docs."""
    today = ctx.ws.today()
    holiday = today + timedelta(days=28)
    return CommitmentDraft(
        title=_("Stretch for 5 minutes"),
        rules=Rules(
            Schedule.on_weekdays(0b0010101),  # Mon, Wed, Fri
            pauses=(Pause(holiday, holiday + timedelta(days=9)),),
        ),
        why=_("A loose back makes long days at the desk easier."),
        color="#189e8c",
        created_on=today,
        reminder=Reminder.parse("07:30", 0b0010101),
    )


def screenshot_target(ctx: UiContext, window: QWidget) -> QWidget:
    form = make_form(
        ctx,
        window,
        save=lambda d: None,
        draft=example_draft(ctx),
        heading=_("New commitment"),
        accept_text=_("&Add commitment"),
    )
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    form.show()
    form.adjustSize()
    return form
