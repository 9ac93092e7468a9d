"""What Manage commitments says about a commitment: its quiet detail line, and what a
delete would lose and keep. Words only, so tests can read them without the dialog."""

from __future__ import annotations

from datetime import date

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.records import CommitmentRow
from selftrust.ui.shell.context import UiContext
from selftrust.ui.widgets.dates import day_words
from selftrust.ui.widgets.rule_words import pause_words, rules_words

UNDO_KEYS = "Ctrl+Z"


def detail_of(row: CommitmentRow, today: date) -> str:
    """One quiet line under the title: when it is due, and any pause or archive."""
    if row.archived and row.archived_on is not None:
        # TRANSLATORS: under an archived commitment in Manage commitments; {day} is a date.
        return _("Archived on {day} · its history is kept").format(
            day=day_words(row.archived_on))
    pause = pause_words(row.rules, today)
    words = rules_words(row.rules)
    return f"{words} · {pause}" if pause else words


def delete_question(ctx: UiContext, row: CommitmentRow) -> tuple[str, str]:
    """What a delete loses and keeps, in the words of the confirmation."""
    goes = ctx.ws.commitments.belongings(row.id)
    checkins, reflections = goes.checkins, goes.reflections
    if checkins == 0:
        text = _("Delete “{title}”? It has no check-ins yet.").format(title=row.title)
    else:
        text = ngettext("Delete “{title}” and its {n} check-in?",
                        "Delete “{title}” and its {n} check-ins?", checkins).format(
            title=row.title, n=formats.number(checkins))
    back = _("Undo ({keys}) brings it all back. If you only want to stop tracking it, "
             "Archive keeps its history instead.").format(keys=UNDO_KEYS)
    if not reflections:
        return text, back
    if reflections == 1:
        kept = _("Its reflection stays in your journal as a free reflection.")
    else:
        kept = ngettext(
            "Its {n} reflection stays in your journal as a free reflection.",
            "Its {n} reflections stay in your journal as free reflections.",
            reflections).format(n=formats.number(reflections))
    return text, f"{kept} {back}"
