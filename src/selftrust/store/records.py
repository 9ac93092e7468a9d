"""Plain, immutable rows the repository hands out.

Services, the CLI and the UI read these instead of live ORM objects: they are cheap
to build for tens of thousands of check-ins, safe to keep across sessions and threads,
and cannot write to the database by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    id: int
    uid: str
    title: str
    why: str
    rules: Rules
    color: str
    position: int
    created_on: date
    archived_on: date | None = None
    reminder: Reminder | None = None

    @property
    def archived(self) -> bool:
        return self.archived_on is not None

    @property
    def measurable(self) -> bool:
        return self.rules.target is not None


@dataclass(frozen=True, slots=True)
class CheckinRow:
    id: int
    commitment_id: int
    day: date
    status: Status
    value: float | None = None
    note: str | None = None
    recorded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReflectionRow:
    id: int
    uid: str
    created_at: datetime
    updated_at: datetime
    day: date
    commitment_id: int | None = None
    checkin_id: int | None = None
    happened: str = ""
    owning: str = ""
    friend: str = ""
    learned: str = ""
    next_step: str = ""
    feeling_before: int | None = None
    feeling_after: int | None = None

    @property
    def text(self) -> str:
        """All written parts, for search and previews."""
        return "\n".join(
            p for p in (self.happened, self.owning, self.friend, self.learned, self.next_step) if p
        )
