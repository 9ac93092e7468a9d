"""Writing, reading, searching, editing and deleting reflections.

A reflection about a commitment's day is linked to that day's check-in (its id, set
here when the day is recorded), and the ledger is told. Whether it *repairs* the
check-in is not stored: only a lapse can be repaired (``domain.history.repairs``), so
it is derived wherever it is read, and a day changed later is judged again at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.domain.coach import MAX_PART_LENGTH, has_writing
from selftrust.domain.history import Entry, repairs
from selftrust.services.commitments import CommitmentService
from selftrust.services.errors import Invalid, NotFound
from selftrust.services.events import Change, What
from selftrust.services.ledger import Ledger
from selftrust.services.session import Session
from selftrust.services.text import clean_text
from selftrust.store import repository as repo
from selftrust.store.records import ReflectionRow

PART_NAMES = {
    "happened": "“what happened”",
    "owning": "“owning it”",
    "friend": "“what I would tell a friend”",
    "learned": "“what I learned”",
    "next_step": "“one next small step”",
}


@dataclass(frozen=True, slots=True)
class ReflectionDraft:
    day: date
    commitment_id: int | None = None
    happened: str = ""
    owning: str = ""
    friend: str = ""
    learned: str = ""
    next_step: str = ""
    feeling_before: int | None = None
    feeling_after: int | None = None

    def cleaned(self) -> ReflectionDraft:
        values = {}
        for f in fields(self):
            if f.name in PART_NAMES:
                text = clean_text(
                    getattr(self, f.name), what=PART_NAMES[f.name], max_length=MAX_PART_LENGTH
                )
                # A part of invisible characters only (zero-width spaces…) is left empty.
                values[f.name] = text if has_writing(text) else ""
        for name in ("feeling_before", "feeling_after"):
            v = getattr(self, name)
            if v is not None and not 1 <= v <= 5:
                raise Invalid(_("Feelings are rated from 1 to 5."))
        draft = ReflectionDraft(
            day=self.day,
            commitment_id=self.commitment_id,
            feeling_before=self.feeling_before,
            feeling_after=self.feeling_after,
            **values,
        )
        if not has_writing(*(values[n] for n in PART_NAMES)):
            raise Invalid(_("Write at least one line — a few words are enough."))
        return draft


class ReflectionService:
    def __init__(self, session: Session, ledger: Ledger, commitments: CommitmentService) -> None:
        self.session = session
        self.ledger = ledger
        self.commitments = commitments

    def write(self, draft: ReflectionDraft) -> ReflectionRow:
        """Save a new reflection, linked to its day's check-in if there is one (a miss it
        then repairs; a kept day it is only about)."""
        draft = draft.cleaned()
        if draft.day > self.session.today():
            raise Invalid(_("A reflection is about a day that has already come."))
        if draft.commitment_id is not None:
            self.commitments.get(draft.commitment_id)  # raises NotFound
        now = self.session.utc_now()
        with self.session.write() as conn:
            checkin_id = None
            if draft.commitment_id is not None:
                checkin = repo.get_checkin(conn, draft.commitment_id, draft.day)
                checkin_id = checkin.id if checkin is not None else None
            new_id = repo.insert_reflection(
                conn,
                uid=uuid.uuid4().hex,
                created_at=now,
                updated_at=now,
                checkin_id=checkin_id,
                **_columns(draft),
            )
            row = repo.get_reflection(conn, new_id)
            reflected = repo.linked_checkin_ids(conn)
        assert row is not None
        self.ledger.set_reflected(reflected)
        self.session.notify(Change(What.REFLECTION, draft.commitment_id, draft.day))
        return row

    def update(self, reflection_id: int, draft: ReflectionDraft) -> ReflectionRow:
        """Edit the text and feelings; returns the reflection as it was (for undo)."""
        draft = draft.cleaned()
        before = self.get(reflection_id)
        with self.session.write() as conn:
            values = _columns(draft)
            del values["day"], values["commitment_id"]
            repo.update_reflection(conn, reflection_id, updated_at=self.session.utc_now(), **values)
        self.session.notify(Change(What.REFLECTION, before.commitment_id, before.day))
        return before

    def delete(self, reflection_id: int) -> ReflectionRow:
        before = self.get(reflection_id)
        with self.session.write() as conn:
            repo.delete_reflection(conn, reflection_id)
            reflected = repo.linked_checkin_ids(conn)
        self.ledger.set_reflected(reflected)
        self.session.notify(Change(What.REFLECTION, before.commitment_id, before.day))
        return before

    def put_back(self, row: ReflectionRow) -> None:
        """Undo of delete or edit: the reflection exactly as it was, same id and links."""
        columns = {
            "uid": row.uid,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
            "day": row.day,
            "commitment_id": row.commitment_id,
            "checkin_id": row.checkin_id,
            "happened": row.happened,
            "owning": row.owning,
            "friend": row.friend,
            "learned": row.learned,
            "next_step": row.next_step,
            "feeling_before": row.feeling_before,
            "feeling_after": row.feeling_after,
        }
        with self.session.write() as conn:
            if repo.get_reflection(conn, row.id) is None:
                repo.insert_reflection(conn, id=row.id, **columns)
            else:
                repo.update_reflection(conn, row.id, **columns)
            reflected = repo.linked_checkin_ids(conn)
        self.ledger.set_reflected(reflected)
        self.session.notify(Change(What.REFLECTION, row.commitment_id, row.day))

    def repaired_checkins(self) -> set[int]:
        """The check-ins a reflection repairs now."""
        with self.session.read() as conn:
            return repaired_checkin_ids(conn)

    def repairs(self, row: ReflectionRow) -> bool:
        """Whether this reflection repairs a miss now (it is about a lapse)."""
        return row.checkin_id is not None and row.checkin_id in self.repaired_checkins()

    def get(self, reflection_id: int) -> ReflectionRow:
        with self.session.read() as conn:
            row = repo.get_reflection(conn, reflection_id)
        if row is None:
            raise NotFound(_("That reflection no longer exists."))
        return row

    def search(
        self,
        words: str = "",
        *,
        commitment_id: int | None = None,
        first: date | None = None,
        last: date | None = None,
    ) -> list[ReflectionRow]:
        """Newest first; every word must appear somewhere (case-insensitive)."""
        with self.session.read() as conn:
            rows = repo.reflections(conn, commitment_id=commitment_id, first=first, last=last)
        terms = [w.casefold() for w in words.split()]
        if not terms:
            return rows
        return [r for r in rows if all(t in r.text.casefold() for t in terms)]


def _columns(draft: ReflectionDraft) -> dict[str, object]:
    return {
        "day": draft.day,
        "commitment_id": draft.commitment_id,
        "happened": draft.happened,
        "owning": draft.owning,
        "friend": draft.friend,
        "learned": draft.learned,
        "next_step": draft.next_step,
        "feeling_before": draft.feeling_before,
        "feeling_after": draft.feeling_after,
    }


def repaired_checkin_ids(conn: Connection) -> set[int]:
    """The check-ins a reflection repairs: linked to one, and a lapse by its rules. The
    Journal, the CLI and Today read this; the figures read the same rule in the domain."""
    linked = repo.linked_checkins(conn)
    if not linked:
        return set()
    rules = {c.id: c.rules for c in repo.list_commitments(conn)}
    return {
        c.id for c in linked
        if repairs(rules.get(c.commitment_id), Entry(c.day, c.status, c.value, True))
    }
