"""Saving a reflection as one undoable step: writing a new one (undo deletes it, redo
puts the very same row back, same id and links) or editing one (undo puts the old
words back). A refusal from the service is raised as its UserError."""

from __future__ import annotations

from collections.abc import Callable

from selftrust.base.i18n import _
from selftrust.services.records import ReflectionRow
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.undo import perform


def save_reflection(ctx: UiContext, editing: ReflectionRow | None,
                    draft: ReflectionDraft) -> ReflectionRow:
    ws = ctx.ws
    if editing is not None:
        rid = editing.id
        # TRANSLATORS: an undo step's name ("Undo Edit reflection")
        perform(ctx.undo, _("Edit reflection"),
                lambda: ws.reflections.update(rid, draft), ws.reflections.put_back)
        return ws.reflections.get(rid)

    def unwrite(written: ReflectionRow) -> None:
        ws.reflections.delete(written.id)

    # TRANSLATORS: an undo step's name ("Undo Write reflection")
    row: ReflectionRow = perform(ctx.undo, _("Write reflection"), _writer(ws, draft), unwrite)
    return row


def _writer(ws: Workspace, draft: ReflectionDraft) -> Callable[[], ReflectionRow]:
    """Write once; on redo put the same reflection back (same id, same links)."""
    written: list[ReflectionRow] = []

    def do() -> ReflectionRow:
        if not written:
            written.append(ws.reflections.write(draft))
        else:
            ws.reflections.put_back(written[0])
        return written[0]

    return do
