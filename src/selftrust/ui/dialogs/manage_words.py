"""What Manage commitments says about a commitment: its quiet detail line, and what a
delete would lose and keep. Words only, so tests can read them without the dialog."""

from __future__ import annotations

from datetime import date

from selftrust.services.records import CommitmentRow
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.dates import day_words
from selftrust.ui.widgets.rule_words import pause_words, rules_words


def detail_of(row: CommitmentRow, today: date) -> str:
    """One quiet line under the title: when it is due, and any pause or archive."""
    if row.archived and row.archived_on is not None:
        return f"Archived on {day_words(row.archived_on)} · its history is kept"
    pause = pause_words(row.rules, today)
    words = rules_words(row.rules)
    return f"{words} · {pause}" if pause else words


def delete_question(ctx: UiContext, row: CommitmentRow) -> tuple[str, str]:
    """What a delete loses and keeps, in the words of the confirmation."""
    goes = ctx.ws.commitments.belongings(row.id)
    checkins, reflections = goes.checkins, goes.reflections
    if checkins == 0:
        text = f"Delete “{row.title}”? It has no check-ins yet."
    elif checkins == 1:
        text = f"Delete “{row.title}” and its 1 check-in?"
    else:
        text = f"Delete “{row.title}” and its {checkins:,} check-ins?"
    kept = ""
    if reflections == 1:
        kept = "Its reflection stays in your journal as a free reflection. "
    elif reflections:
        kept = (f"Its {reflections:,} reflections stay in your journal as free "
                "reflections. ")
    detail = (f"{kept}Undo (Ctrl+Z) brings it all back. If you only want to stop "
              "tracking it, Archive keeps its history instead.")
    return text, detail
