"""Deleting a journal entry, undoably, and the words that say what the delete undid:
a miss the reflection repaired is a plain miss again (unless another reflection still
repairs it), so its marbles leave the jar."""

from __future__ import annotations

from selftrust.base.bidi import isolate
from selftrust.base.i18n import _
from selftrust.services.journal import JournalEntry
from selftrust.ui.reflections.words import short_day
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform


def delete_entry(ctx: UiContext, entry: JournalEntry) -> None:
    """One undoable step; a refusal is raised as the service's UserError."""
    ws = ctx.ws
    perform(ctx.undo, _("Delete reflection"), lambda: ws.reflections.delete(entry.id),
            ws.reflections.put_back)


def repair_undone(ctx: UiContext, entry: JournalEntry) -> bool:
    """True when the delete left a repaired miss a plain miss (no other reflection
    repairs it)."""
    cid = entry.commitment_id
    if not entry.repairs or cid is None:
        return False
    return not ctx.ws.ledger.repaired(cid, entry.day)


def deleted_words(ctx: UiContext, entry: JournalEntry, about: str, repaired: bool) -> str:
    """What the delete did, for the line under the filters."""
    if not repaired:
        return _("Reflection deleted.")
    # TRANSLATORS: {about} is the commitment's title, {day} a short date ("Mon 23 Nov")
    return _("Reflection deleted. The miss it repaired ({about}, {day}) is no longer "
             "repaired, so its marbles leave your jar again.").format(
        about=isolate(about), day=short_day(entry.day, ctx.ws.today()))


def status_line(repaired: bool) -> str:
    """The window's status line outlasts the line near the list."""
    if repaired:
        return _("Reflection deleted — the miss it repaired is open again. Ctrl+Z brings it "
                 "back.")
    return _("Reflection deleted. Ctrl+Z brings it back.")
