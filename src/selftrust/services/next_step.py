"""Turning a reflection's "one next small step" into a promise for tomorrow.

The step is the most hopeful line of a reflection; one click makes it a one-off
commitment for tomorrow, so the fall ends in a small promise that can be kept.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from selftrust.domain.commitment import Rules
from selftrust.domain.schedule import Schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.store.records import CommitmentRow

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

TITLE_LIMIT = 120
WHY = "A next small step from a reflection."


def step_title(step: str, limit: int = TITLE_LIMIT) -> str:
    """The first written line, spaces tidied, cut at a word (with "…") to fit a title."""
    line = next((ln for ln in step.splitlines() if ln.strip()), "")
    text = " ".join(line.split())
    if not text:
        raise Invalid("Write a next small step first; it becomes tomorrow’s promise.")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def promise_for_tomorrow(ws: Workspace, step: str) -> CommitmentRow:
    """A one-off commitment due tomorrow, titled from the step."""
    tomorrow = ws.today() + timedelta(days=1)
    draft = CommitmentDraft(
        title=step_title(step),
        rules=Rules(schedule=Schedule.once(tomorrow)),
        why=WHY,
    )
    return ws.commitments.create(draft)
