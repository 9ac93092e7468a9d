"""Turning a reflection's "one next small step" into a promise for tomorrow.

The step is the most hopeful line of a reflection; one click makes it a one-off
commitment for tomorrow, so the fall ends in a small promise that can be kept. The
same step is promised once: while tomorrow's list holds a one-off commitment with the
step's title, the step counts as promised (wherever the reflection is shown) and a
second request is refused kindly instead of making a silent duplicate.
"""

from __future__ import annotations

import re
from datetime import timedelta

from selftrust.base.i18n import N_, _
from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.needs import Tracked
from selftrust.store.records import CommitmentRow

TITLE_LIMIT = 120
WHY = N_("A next small step from a reflection.")
"""The "why" of a promise made from a step (English; stored in the person's language)."""


SENTENCE_END = " .!?;:,…"
NUMBERED = re.compile(r" \(\d+\)$")  # what CommitmentService.free_title adds


def step_title(step: str, limit: int = TITLE_LIMIT) -> str:
    """The first written line, spaces tidied, cut at a word (with "…") to fit a title.

    A step is written as a sentence ("Book on pillow."); a title reads without its
    full stop, as the other commitments do.
    """
    line = next((ln for ln in step.splitlines() if ln.strip()), "")
    text = " ".join(line.split()).rstrip(SENTENCE_END)
    if not text:
        raise Invalid(_("Write a next small step first; it becomes tomorrow’s promise."))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


class AlreadyPromised(Invalid):
    """The step is on tomorrow's list already; ``row`` is that promise."""

    def __init__(self, row: CommitmentRow) -> None:
        super().__init__(_("“{title}” is already on tomorrow’s list.").format(title=row.title))
        self.row = row


def promised_for_tomorrow(ws: Tracked, step: str) -> CommitmentRow | None:
    """Tomorrow's one-off commitment made from this step, if it is there (not deleted,
    not archived). Titles match as the user reads them: case and spacing aside."""
    try:
        title = step_title(step).casefold()
    except Invalid:
        return None
    tomorrow = ws.today() + timedelta(days=1)
    for c in ws.commitments.all():
        schedule = c.rules.schedule
        if (schedule.kind is ScheduleKind.ONCE and schedule.on == tomorrow
                and _plain(c.title) == title):
            return c
    return None


def _plain(title: str) -> str:
    """A title as step_title would make it (a promise made before it left off the full
    stop still counts as this step's; so does "… (2)", the step promised again another
    day, as titles are unique), for comparing."""
    return " ".join(NUMBERED.sub("", title).split()).rstrip(SENTENCE_END).casefold()


def promise_for_tomorrow(ws: Tracked, step: str) -> CommitmentRow:
    """A one-off commitment due tomorrow, titled from the step (once: see AlreadyPromised)."""
    tomorrow = ws.today() + timedelta(days=1)
    existing = promised_for_tomorrow(ws, step)
    if existing is not None:
        raise AlreadyPromised(existing)
    draft = CommitmentDraft(
        title=ws.commitments.free_title(step_title(step)),
        rules=Rules(schedule=Schedule.once(tomorrow)),
        why=_(WHY),
    )
    return ws.commitments.create(draft)
