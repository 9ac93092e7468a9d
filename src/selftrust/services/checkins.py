"""Recording what happened on a day: kept, missed, skipped, an amount, a note.

`record` is one transaction and returns a `CheckinChange` holding the state before and
after, so undo and redo are just `record` again with the other state, across views.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy.engine import Connection

from selftrust.base import formats
from selftrust.base.i18n import _
from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, Status, repairs
from selftrust.services.commitments import CommitmentService
from selftrust.services.errors import Invalid
from selftrust.services.events import Change, What
from selftrust.services.ledger import Ledger
from selftrust.services.session import Session
from selftrust.services.text import clean_text
from selftrust.store import repository as repo

MAX_NOTE_LENGTH = 2000
MAX_VALUE = 1_000_000_000.0


@dataclass(frozen=True, slots=True)
class CheckinState:
    status: Status
    value: float | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class StoredCheckin:
    """A check-in as stored, with its id so reflections that repair it stay linked."""

    id: int
    state: CheckinState


@dataclass(frozen=True, slots=True)
class CheckinChange:
    commitment_id: int
    day: date
    before: StoredCheckin | None
    after: StoredCheckin | None
    # Reflections that repaired the check-in this change removed: undo links exactly
    # these again (not every reflection of the day that happens to be unlinked).
    unlinked: tuple[int, ...] = ()
    # Whether a reflection repaired the day before and after the change: a reflection
    # about a day repairs it only while it is a lapse, so a change can start or end it.
    repaired_before: bool = False
    repaired_after: bool = False

    @property
    def repair_news(self) -> str:
        """What the change did to a repair, in plain words ("" when nothing)."""
        if self.repaired_before == self.repaired_after:
            return ""
        if self.repaired_after:
            return _("Your reflection on this day now repairs the miss: the marbles it "
                     "knocked out come back, and one is drawn gold.")
        if self.after is None:
            return _("This day is cleared, so your reflection on it stays in your Journal as "
                     "a reflection, not a repair.")
        status = self.after.state.status
        if status is Status.KEPT:
            return _("This day is kept now, so your reflection on it stays in your Journal "
                     "as a reflection, not a repair.")
        if status is Status.SKIPPED:
            return _("This day is skipped now, so your reflection on it stays in your "
                     "Journal as a reflection, not a repair.")
        # A miss that no longer repairs: its day is resting (a pause holds it).
        return _("This day is resting now, so your reflection on it stays in your Journal "
                 "as a reflection, not a repair.")


def _weekday_date(day: date) -> str:
    """"Tue, 24 Nov 2026": a day with its weekday and year, in the person's language."""
    return formats.skeleton(day, "yMMMEd")


class CheckinService:
    def __init__(self, session: Session, ledger: Ledger, commitments: CommitmentService) -> None:
        self.session = session
        self.ledger = ledger
        self.commitments = commitments

    def get(self, commitment_id: int, day: date) -> StoredCheckin | None:
        with self.session.read() as conn:
            row = repo.get_checkin(conn, commitment_id, day)
        if row is None:
            return None
        return StoredCheckin(row.id, CheckinState(row.status, row.value, row.note or ""))

    def validate(self, commitment_id: int, day: date, state: CheckinState | None) -> None:
        """Raise Invalid with a kind, clear message if this check-in cannot be recorded."""
        c = self.commitments.row(commitment_id)
        today = self.session.today()
        if day > today:
            # TRANSLATORS: {day} is a day to come ("Wed 25 Nov"), {today} today ("24 Nov").
            raise Invalid(_("{day} has not come yet; you can check in up to today ({today}).")
                          .format(day=formats.short_day(day),
                                  today=formats.short_day_month(today)))
        if c.archived:
            raise Invalid(_("“{title}” is archived; restore it to check in.")
                          .format(title=c.title))
        if state is None:
            return
        if day < c.created_on:
            # TRANSLATORS: {day} is a date ("Tue, 24 Nov 2026").
            raise Invalid(_("“{title}” starts on {day}; to record earlier days, move its "
                            "start day back first.").format(title=c.title,
                                                            day=_weekday_date(c.created_on)))
        if not c.rules.schedule.is_occasion(day):
            # TRANSLATORS: {day} is a date ("Tue, 24 Nov 2026").
            raise Invalid(_("“{title}” is not due on {day}.")
                          .format(title=c.title, day=_weekday_date(day)))
        value = state.value
        if value is not None and (not math.isfinite(value) or value < 0 or value > MAX_VALUE):
            raise Invalid(_("The amount must be a number from 0 up to a billion."))
        if c.rules.target is None and value is not None:
            raise Invalid(_("“{title}” is a yes/no commitment; it takes no amount.")
                          .format(title=c.title))
        if c.rules.target is not None and state.status is Status.KEPT and value is None:
            if c.rules.target.unit:
                # TRANSLATORS: {unit} is what the commitment measures ("pages", "km").
                raise Invalid(_("“{title}” is measured: say how much ({unit}).")
                              .format(title=c.title, unit=c.rules.target.unit))
            raise Invalid(_("“{title}” is measured: say how much (amount).")
                          .format(title=c.title))

    def record(self, commitment_id: int, day: date, state: CheckinState | None) -> CheckinChange:
        """Set (or clear, with None) the check-in of one commitment on one day."""
        if state is not None:
            note = clean_text(state.note, what="note", max_length=MAX_NOTE_LENGTH)
            state = CheckinState(state.status, state.value, note)
        self.validate(commitment_id, day, state)
        return self._apply(commitment_id, day, state, None)

    def revert(self, change: CheckinChange) -> None:
        """Undo: put back exactly what was there before (same id, same links)."""
        self._restore(change.commitment_id, change.day, change.before, change.unlinked)

    def reapply(self, change: CheckinChange) -> None:
        """Redo: the same change again, with the links it made (none)."""
        self._restore(change.commitment_id, change.day, change.after, ())

    def _restore(self, commitment_id: int, day: date, stored: StoredCheckin | None,
                 relink: tuple[int, ...]) -> None:
        if stored is None:
            self._apply(commitment_id, day, None, None)
        else:
            self._apply(commitment_id, day, stored.state, stored.id, relink)

    def _apply(
        self, commitment_id: int, day: date, state: CheckinState | None, wanted_id: int | None,
        relink: tuple[int, ...] = (),
    ) -> CheckinChange:
        with self.session.write() as conn:
            old = repo.get_checkin(conn, commitment_id, day)
            before = (
                None
                if old is None
                else StoredCheckin(old.id, CheckinState(old.status, old.value, old.note or ""))
            )
            links: list[int] = []
            unlinked: tuple[int, ...] = ()
            about_old = [] if old is None else repo.reflections_repairing(conn, old.id)
            repaired_before = bool(about_old) and before is not None and _repaired(
                conn, commitment_id, day, before.state)
            repaired_after = False
            if state is None:
                unlinked = tuple(about_old)
                repo.delete_checkin(conn, commitment_id, day)
                after = None
            else:
                new_id = repo.upsert_checkin(
                    conn,
                    commitment_id=commitment_id,
                    day=day,
                    status=state.status,
                    value=state.value,
                    note=state.note,
                    recorded_at=self.session.utc_now(),
                    checkin_id=wanted_id,
                )
                if relink and old is None:
                    # Undo of a clear: the reflections that pointed at this check-in
                    # point at it again.
                    links = list(relink)
                    repo.relink_reflections(conn, links, new_id)
                after = StoredCheckin(new_id, state)
                about_new = about_old if old is not None and new_id == old.id else (
                    repo.reflections_repairing(conn, new_id))
                repaired_after = bool(about_new) and _repaired(conn, commitment_id, day, state)
            # Relinked reflections repair again: read the links back. A cleared check-in
            # loses its repair with it (the database sets the links to NULL), which the
            # ledger can follow without re-reading every reflection on each clear.
            reflected = repo.linked_checkin_ids(conn) if links else None
        if reflected is not None:
            self.ledger.set_reflected(reflected)
        elif after is None and before is not None:
            self.ledger.unlink(before.id)
        self.ledger.put_checkin(
            commitment_id,
            day,
            after.id if after else None,
            after.state.status if after else None,
            after.state.value if after else None,
        )
        self.session.notify(Change(What.CHECKIN, commitment_id, day))
        return CheckinChange(commitment_id, day, before, after, unlinked, repaired_before,
                             repaired_after)


def _repaired(conn: Connection, commitment_id: int, day: date, state: CheckinState) -> bool:
    """A reflection about this day repairs it (read only when one is about the day)."""
    row = repo.get_commitment(conn, commitment_id)
    rules = row.rules if row is not None else Rules()
    return repairs(rules, Entry(day, state.status, state.value, True))
