"""The journal's index of reflections: loaded once, searched in memory.

The Reflections view filters on every keystroke (after a short pause). Reading and
building thousands of rows from SQLite for each keystroke costs tens of milliseconds;
keeping the entries with their text already case-folded makes a filter a fraction of
that. The index drops itself after any change notice, so it is never stale. Matching is
exactly that of ``ReflectionService.search``: every word, case-insensitively, anywhere
in the written parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from selftrust.services.events import Change
from selftrust.store.records import ReflectionRow

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

FREE = 0
"""Filter value for reflections about no particular commitment."""

PREVIEW_LENGTH = 280


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    day: date
    created_at: datetime
    commitment_id: int | None
    repairs: bool  # linked to a check-in (a miss it repairs)
    preview: str  # the first lines, on one line
    folded: str  # all the text, case-folded, for matching
    feeling_before: int | None
    feeling_after: int | None
    next_step: str


def entry_of(row: ReflectionRow) -> JournalEntry:
    text = row.text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    preview = "  ".join(lines)
    if len(preview) > PREVIEW_LENGTH:
        preview = preview[:PREVIEW_LENGTH].rstrip() + "…"
    return JournalEntry(
        id=row.id,
        day=row.day,
        created_at=row.created_at,
        commitment_id=row.commitment_id,
        repairs=row.checkin_id is not None,
        preview=preview,
        folded=text.casefold(),
        feeling_before=row.feeling_before,
        feeling_after=row.feeling_after,
        next_step=row.next_step,
    )


class JournalIndex:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._entries: list[JournalEntry] | None = None
        self._unsubscribe: Callable[[], None] | None = ws.subscribe(self._changed)

    def _changed(self, change: Change) -> None:
        self._entries = None  # any write may touch a reflection (a delete unlinks one)

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def all(self) -> list[JournalEntry]:
        """Every reflection, newest first."""
        if self._entries is None:
            self._entries = [entry_of(r) for r in self.ws.reflections.search()]
        return self._entries

    def total(self) -> int:
        return len(self.all())

    def find(
        self,
        words: str = "",
        *,
        commitment_id: int | None = None,
        first: date | None = None,
        last: date | None = None,
    ) -> list[JournalEntry]:
        """Newest first; ``commitment_id`` FREE keeps the free reflections only."""
        terms = [w.casefold() for w in words.split()]
        out = []
        for e in self.all():
            if commitment_id is not None:
                if commitment_id == FREE:
                    if e.commitment_id is not None:
                        continue
                elif e.commitment_id != commitment_id:
                    continue
            if first is not None and e.day < first:
                continue
            if last is not None and e.day > last:
                continue
            if terms and not all(t in e.folded for t in terms):
                continue
            out.append(e)
        return out
