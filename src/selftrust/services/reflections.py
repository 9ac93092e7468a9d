"""Writing, reading, searching, editing and deleting reflections.

A reflection on a missed check-in *repairs* it: the link is the check-in's id, set
here, and the ledger is told so streaks, strength and the jar follow at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date

from selftrust.domain.coach import MAX_PART_LENGTH, has_writing
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
                values[f.name] = clean_text(
                    getattr(self, f.name), what=PART_NAMES[f.name], max_length=MAX_PART_LENGTH
                )
        for name in ("feeling_before", "feeling_after"):
            v = getattr(self, name)
            if v is not None and not 1 <= v <= 5:
                raise Invalid("Feelings are rated from 1 to 5.")
        draft = ReflectionDraft(
            day=self.day,
            commitment_id=self.commitment_id,
            feeling_before=self.feeling_before,
            feeling_after=self.feeling_after,
            **values,
        )
        if not has_writing(*(values[n] for n in PART_NAMES)):
            raise Invalid("Write at least one line — a few words are enough.")
        return draft


class ReflectionService:
    def __init__(self, session: Session, ledger: Ledger, commitments: CommitmentService) -> None:
        self.session = session
        self.ledger = ledger
        self.commitments = commitments

    def write(self, draft: ReflectionDraft) -> ReflectionRow:
        """Save a new reflection; on a missed check-in of that day it repairs the miss."""
        draft = draft.cleaned()
        if draft.day > self.session.today():
            raise Invalid("A reflection is about a day that has already come.")
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
            repaired = repo.repaired_checkin_ids(conn)
        assert row is not None
        self.ledger.set_repaired(repaired)
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
            repaired = repo.repaired_checkin_ids(conn)
        self.ledger.set_repaired(repaired)
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
            repaired = repo.repaired_checkin_ids(conn)
        self.ledger.set_repaired(repaired)
        self.session.notify(Change(What.REFLECTION, row.commitment_id, row.day))

    def get(self, reflection_id: int) -> ReflectionRow:
        with self.session.read() as conn:
            row = repo.get_reflection(conn, reflection_id)
        if row is None:
            raise NotFound("That reflection no longer exists.")
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
