"""Undoable changes to commitments, shared by the commitment, manage and welcome dialogs.

Each goes through ``ui.undo.perform``: the service call runs first (a refusal raises
before anything lands on the undo stack), then Ctrl+Z calls its opposite. Undoing a
create deletes with a snapshot and redoing brings that snapshot back, so the commitment
keeps its id and later steps on the stack (check-offs on it) still find it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selftrust.base.i18n import _
from selftrust.domain.commitment import Pause
from selftrust.services.commitments import CommitmentDraft, DeletedCommitment
from selftrust.services.errors import UserError
from selftrust.services.records import CommitmentRow
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform

MENU_TITLE_LENGTH = 40


def menu_title(title: str) -> str:
    """A title as it may appear in "Undo …": short, and its & not read as a mnemonic."""
    text = " ".join(title.split())
    if len(text) > MENU_TITLE_LENGTH:
        text = text[: MENU_TITLE_LENGTH - 1].rstrip() + "…"
    return text.replace("&", "&&")


def create(ctx: UiContext, draft: CommitmentDraft) -> CommitmentRow:
    # TRANSLATORS: an undo step, shown after "Undo" in the Edit menu; {title} is the
    # commitment's title.
    rows = create_many(ctx, [draft], _("Add “{title}”").format(title=menu_title(draft.title)))
    return rows[0]


def create_many(ctx: UiContext, drafts: Sequence[CommitmentDraft], text: str
                ) -> list[CommitmentRow]:
    """Add several commitments as one step (the welcome's picks): all or none."""
    service = ctx.ws.commitments
    state: dict[str, list[DeletedCommitment]] = {}

    def do() -> list[CommitmentRow]:
        snapshots = state.pop("snapshots", None)
        if snapshots is not None:
            return [service.undelete(s) for s in snapshots]
        rows: list[CommitmentRow] = []
        try:
            for draft in drafts:
                rows.append(service.create(draft))
        except UserError:
            for row in reversed(rows):
                service.delete(row.id)
            raise
        return rows

    def undo(rows: list[CommitmentRow]) -> None:
        state["snapshots"] = [service.delete(row.id) for row in reversed(rows)]

    result: list[CommitmentRow] = perform(ctx.undo, text, do, undo)
    return result


def update(ctx: UiContext, commitment_id: int, draft: CommitmentDraft) -> CommitmentRow:
    service = ctx.ws.commitments
    before: CommitmentRow = perform(
        ctx.undo,
        # TRANSLATORS: an undo step, shown after "Undo"; {title} is the commitment's title.
        _("Edit “{title}”").format(title=menu_title(draft.title)),
        lambda: service.update(commitment_id, draft),
        service.put_back,
    )
    return before


def _put_back_step(ctx: UiContext, text: str, do: Any) -> CommitmentRow:
    before: CommitmentRow = perform(ctx.undo, text, do, ctx.ws.commitments.put_back)
    return before


def archive(ctx: UiContext, commitment_id: int) -> CommitmentRow:
    service = ctx.ws.commitments
    title = service.get(commitment_id).title
    # TRANSLATORS: an undo step, shown after "Undo"; {title} is the commitment's title.
    return _put_back_step(ctx, _("Archive “{title}”").format(title=menu_title(title)),
                          lambda: service.archive(commitment_id))


def restore(ctx: UiContext, commitment_id: int) -> CommitmentRow:
    service = ctx.ws.commitments
    title = service.get(commitment_id).title
    # TRANSLATORS: an undo step, shown after "Undo"; {title} is the commitment's title.
    return _put_back_step(ctx, _("Restore “{title}”").format(title=menu_title(title)),
                          lambda: service.restore(commitment_id))


def set_pauses(ctx: UiContext, commitment_id: int, pauses: Sequence[Pause]) -> CommitmentRow:
    service = ctx.ws.commitments
    title = service.get(commitment_id).title
    # TRANSLATORS: an undo step, shown after "Undo"; {title} is the commitment's title.
    return _put_back_step(ctx, _("Pauses of “{title}”").format(title=menu_title(title)),
                          lambda: service.set_pauses(commitment_id, list(pauses)))


def reorder(ctx: UiContext, ordered_ids: Sequence[int]) -> list[int]:
    service = ctx.ws.commitments
    ids = list(ordered_ids)
    before: list[int] = perform(ctx.undo, _("Reorder commitments"),
                                lambda: service.reorder(ids), service.reorder)
    return before


def delete(ctx: UiContext, commitment_id: int) -> DeletedCommitment:
    service = ctx.ws.commitments
    title = service.get(commitment_id).title
    snapshot: DeletedCommitment = perform(
        ctx.undo,
        # TRANSLATORS: an undo step, shown after "Undo"; {title} is the commitment's title.
        _("Delete “{title}”").format(title=menu_title(title)),
        lambda: service.delete(commitment_id),
        service.undelete,
    )
    return snapshot
