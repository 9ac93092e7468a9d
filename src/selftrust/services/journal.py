"""The journal's index of reflections: loaded once, searched in memory.

The Reflections view filters on every keystroke (after a short pause). Reading and
building thousands of full rows from SQLite for each keystroke costs tens of
milliseconds; the index reads only the columns the journal needs, once, keeps the
case-folded text for matching (made on the first search), and drops itself after any
change notice, so it is never stale. Matching is exactly that of
``ReflectionService.search``: every word, case-insensitively, anywhere in the parts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from selftrust.services.events import Change
from selftrust.services.needs import Opened
from selftrust.services.reflections import repaired_checkin_ids
from selftrust.store import repository as repo

FREE = 0
"""Filter value for reflections about no particular commitment."""

PREVIEW_LENGTH = 280
PART_KEYS = ("happened", "owning", "friend", "learned", "next_step")


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    day: date
    created_at: datetime
    commitment_id: int | None
    repairs: bool  # about a check-in that is a lapse: it repairs that miss
    written: tuple[str, str, str, str, str]  # happened, owning, friend, learned, next step
    feeling_before: int | None
    feeling_after: int | None

    @property
    def parts(self) -> tuple[str, ...]:
        """The written parts in the coach's order, empty ones left out."""
        return tuple(p for p in self.written if p)

    @property
    def text(self) -> str:
        return "\n".join(self.parts)

    @property
    def next_step(self) -> str:
        return self.written[4]

    def part(self, key: str) -> str:
        return self.written[PART_KEYS.index(key)]

    @property
    def preview(self) -> str:
        """The first lines on one line (made when a row is shown, not for every entry)."""
        head = "\n".join(self.parts)[: PREVIEW_LENGTH + 40]
        preview = " ".join(head.split())
        if len(preview) > PREVIEW_LENGTH or sum(map(len, self.parts)) > len(head):
            preview = preview[:PREVIEW_LENGTH].rstrip() + "…"
        return preview


def _entry(
    rid: int, day: date, created_at: datetime, commitment_id: int | None,
    checkin_id: int | None, happened: str | None, owning: str | None, friend: str | None,
    learned: str | None, next_step: str | None, feeling_before: int | None,
    feeling_after: int | None, *, repaired: set[int],
) -> JournalEntry:
    """``repaired``: the check-ins a reflection repairs now (repaired_checkin_ids)."""
    return JournalEntry(
        rid, day, created_at, commitment_id, checkin_id in repaired,
        (happened or "", owning or "", friend or "", learned or "", next_step or ""),
        feeling_before, feeling_after,
    )


class JournalIndex:
    def __init__(self, ws: Opened) -> None:
        self.ws = ws
        self._entries: list[JournalEntry] | None = None
        self._folded: list[str] | None = None
        self._unsubscribe: Callable[[], None] | None = ws.subscribe(self._changed)

    def _changed(self, change: Change) -> None:
        # Any write may touch a reflection: a delete unlinks one, a changed day starts or
        # ends its repair.
        self._entries = None
        self._folded = None

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def all(self) -> list[JournalEntry]:
        """Every reflection, newest first."""
        if self._entries is None:
            self._entries = self._load()
            self._folded = None
        return self._entries

    def _load(self) -> list[JournalEntry]:
        """Only the columns the journal needs, as plain tuples: several times faster than
        full rows, which matters at thousands of entries. Same order as the service."""
        r = repo.REFLECTION
        query = sa.select(
            r.c.id, r.c.day, r.c.created_at, r.c.commitment_id, r.c.checkin_id,
            r.c.happened, r.c.owning, r.c.friend, r.c.learned, r.c.next_step,
            r.c.feeling_before, r.c.feeling_after,
        ).order_by(r.c.day.desc(), r.c.created_at.desc(), r.c.id.desc())
        with self.ws.read() as conn:
            rows: Sequence[Any] = conn.execute(query).all()  # plain tuples, as _entry takes
            repaired = repaired_checkin_ids(conn)
        return [_entry(*row, repaired=repaired) for row in rows]

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
        entries = self.all()
        terms = [w.casefold() for w in words.split()]
        if terms and self._folded is None:
            self._folded = [e.text.casefold() for e in entries]
        folded = self._folded
        out = []
        for n, e in enumerate(entries):
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
            if terms:
                assert folded is not None
                text = folded[n]
                if not all(t in text for t in terms):
                    continue
            out.append(e)
        return out
