"""Creating, editing, archiving, pausing, reordering and deleting commitments.

Every method is one transaction and returns what an undo needs, so the UI's undo
stack and the CLI share the same rules and messages.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from types import EllipsisType

from selftrust.base import formats
from selftrust.base.i18n import _, pgettext
from selftrust.base.palette import palette
from selftrust.domain.commitment import MAX_TITLE_LENGTH, Pause, Rules, TargetError, merge_pauses
from selftrust.domain.reminder import Reminder
from selftrust.domain.schedule import ScheduleError
from selftrust.services.errors import Invalid, NotFound
from selftrust.services.events import Change, What
from selftrust.services.ledger import Ledger
from selftrust.services.session import Session
from selftrust.services.text import clean_text, clean_title
from selftrust.store import repository as repo
from selftrust.store.records import CheckinRow, CommitmentRow, ReflectionRow

MAX_WHY_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class CommitmentDraft:
    """What the add/edit dialog and `selftrust add` collect."""

    title: str
    rules: Rules = field(default_factory=Rules)
    why: str = ""
    color: str | None = None
    created_on: date | None = None
    # ... (the default) leaves the reminder as it is, so an editor that does not show
    # reminders never drops one; None removes it.
    reminder: Reminder | None | EllipsisType = ...


@dataclass(frozen=True, slots=True)
class DeletedCommitment:
    """Everything needed to undo a delete, ids included, so reflections stay linked."""

    commitment: CommitmentRow
    checkins: tuple[CheckinRow, ...]
    reflection_links: tuple[tuple[int, int | None], ...]  # (reflection id, checkin id)


@dataclass(frozen=True, slots=True)
class Belongings:
    """What a delete takes with it (the check-ins) and what stays (the reflections,
    in the journal as free reflections): the confirmation says both."""

    checkins: int
    reflections: int


class CommitmentService:
    def __init__(self, session: Session, ledger: Ledger) -> None:
        self.session = session
        self.ledger = ledger

    # --- reading --------------------------------------------------------------------
    def all(self, *, include_archived: bool = False) -> list[CommitmentRow]:
        self.ledger.ensure_loaded()
        rows = sorted(self.ledger.commitments.values(), key=lambda c: (c.position, c.id))
        return [c for c in rows if include_archived or not c.archived]

    def get(self, commitment_id: int) -> CommitmentRow:
        self.ledger.ensure_loaded()
        found = self.ledger.commitments.get(commitment_id)
        if found is None:
            raise NotFound(_("That commitment no longer exists."))
        return found

    def row(self, commitment_id: int) -> CommitmentRow:
        """`get`, read from the file while the ledger is not loaded (a command that
        records one check-in needs no history)."""
        if self.ledger.loaded:
            return self.get(commitment_id)
        with self.session.read() as conn:
            found = repo.get_commitment(conn, commitment_id)
        if found is None:
            raise NotFound(_("That commitment no longer exists."))
        return found

    def _rows(self) -> list[CommitmentRow]:
        """Every commitment, archived too, in order; read from the file while the ledger
        is not loaded: finding one by its title needs no check-in."""
        if self.ledger.loaded:
            return self.all(include_archived=True)
        with self.session.read() as conn:
            return sorted(repo.list_commitments(conn), key=lambda c: (c.position, c.id))

    def find(self, title: str, *, include_archived: bool = False,
             whole_title: bool = False) -> CommitmentRow:
        """The commitment with this title (exact, else case-insensitive, else — unless
        ``whole_title`` — the one whose title starts so: "walk" finds "Walk 20 minutes").

        ``whole_title`` is for steps that cannot be undone (delete): a few letters that
        happen to start one title must not be enough to lose it."""
        wanted = title.strip()
        if not wanted:
            raise Invalid(_("Say which commitment: its title cannot be empty."))
        rows = self._rows()
        folded = wanted.casefold()
        matches = [c for c in rows if c.title == wanted]
        if not matches:
            matches = [c for c in rows if c.title.casefold() == folded]
            if len(matches) > 1:  # "Walk" and "walk", from before titles were unique
                # TRANSLATORS: {titles} lists quoted titles: "“Walk” or “walk”".
                raise Invalid(_("“{wanted}” could be {titles}; say which one, spelt exactly.")
                              .format(wanted=wanted, titles=_quoted_list(matches[:4])))
        if not matches and whole_title:
            raise NotFound(_("No commitment is called exactly “{wanted}”; say its whole "
                             "title (any case) to delete it.").format(wanted=wanted))
        if not matches:
            # "walk" finds "Walk 20 minutes" when no other title starts that way.
            starts = [c for c in rows if c.title.casefold().startswith(folded)]
            active_starts = [c for c in starts if not c.archived] or starts
            if len(active_starts) > 1:
                # TRANSLATORS: {titles} lists quoted titles: "“Walk” or “Walk the dog”".
                raise Invalid(_("“{wanted}” could be {titles}; say which one.")
                              .format(wanted=wanted, titles=_quoted_list(active_starts[:4])))
            matches = active_starts
        if not include_archived:
            active = [c for c in matches if not c.archived]
            if not active and matches:
                raise NotFound(_("“{wanted}” is archived; restore it first.")
                               .format(wanted=wanted))
            matches = active
        if not matches:
            # TRANSLATORS: `selftrust list` is a command, typed as it is.
            raise NotFound(_("No commitment is called “{wanted}”. `selftrust list` shows them "
                             "all.").format(wanted=wanted))
        return matches[0]

    def suggested_color(self) -> str:
        """The colour a new commitment gets (the add dialog offers it, a next step and
        `selftrust add` take it): none an active commitment wears, an archived one's only
        when nothing else is left, and far from the active ones (Palette.suggest)."""
        rows = self.all(include_archived=True)
        return palette().suggest([c.color for c in rows if not c.archived],
                                 retired=[c.color for c in rows if c.archived])

    def holder_of(self, title: str, *, besides: int | None = None) -> CommitmentRow | None:
        """The commitment (archived ones too) whose title is ``title`` but for case and
        outer spaces, other than ``besides``: titles are how people name commitments."""
        folded = title.strip().casefold()
        self.ledger.ensure_loaded()
        return next((c for c in self.all(include_archived=True)
                     if c.id != besides and c.title.casefold() == folded), None)

    def free_title(self, title: str) -> str:
        """``title``, or "title (2)", "title (3)"… when another commitment has it."""
        return free_title(title, {c.title.casefold() for c in self.all(include_archived=True)})

    # --- writing --------------------------------------------------------------------
    def _refuse_taken(self, title: str, besides: int | None = None) -> None:
        """One title, one commitment: "Walk" and "walk" would be one promise to a
        person and two to the data. Data that already has both (from before this rule)
        opens and works; only a new or changed title must be free."""
        holder = self.holder_of(title, besides=besides)
        if holder is None:
            return
        if holder.archived:
            raise Invalid(_("You already have a commitment called “{title}” (it is archived; "
                            "restore it instead); choose another title.")
                          .format(title=holder.title))
        raise Invalid(_("You already have a commitment called “{title}”; choose another "
                        "title.").format(title=holder.title))

    def _validated(self, draft: CommitmentDraft) -> CommitmentDraft:
        title = clean_title(draft.title)
        why = clean_text(draft.why, what="“why this matters”", max_length=MAX_WHY_LENGTH)
        color = draft.color
        if color is not None and not _is_hex_color(color):
            raise Invalid(_("“{color}” is not a colour; use #RRGGBB.").format(color=color))
        rules = draft.rules
        try:  # re-validate combinations (the dataclasses check themselves on creation)
            Rules(rules.schedule, rules.target, rules.pauses)
        except (ScheduleError, TargetError) as exc:
            raise Invalid(str(exc)) from None
        return replace(draft, title=title, why=why, color=color)

    def create(self, draft: CommitmentDraft) -> CommitmentRow:
        draft = self._validated(draft)
        self._refuse_taken(draft.title)
        created_on = draft.created_on or self.session.today()
        _pauses_from(draft.title, created_on, draft.rules.pauses)
        self.ledger.ensure_loaded()
        with self.session.write() as conn:
            position = repo.next_position(conn)
            color = draft.color or self.suggested_color()
            new_id = repo.insert_commitment(
                conn,
                uid=uuid.uuid4().hex,
                title=draft.title,
                why=draft.why,
                rules=draft.rules,
                color=color,
                position=position,
                created_on=created_on,
                reminder=None if draft.reminder is ... else draft.reminder,
            )
            row = repo.get_commitment(conn, new_id)
        assert row is not None
        self.ledger.put_commitment(row)
        self.session.notify(Change(What.COMMITMENT, row.id))
        return row

    def update(self, commitment_id: int, draft: CommitmentDraft) -> CommitmentRow:
        """Change a commitment; returns the row as it was (for undo)."""
        before = self.get(commitment_id)
        draft = self._validated(draft)
        first_day = draft.created_on or before.created_on
        known = before.rules.pauses if first_day == before.created_on else ()
        _pauses_from(draft.title, first_day, draft.rules.pauses, known)
        if draft.title != before.title:
            self._refuse_taken(draft.title, besides=commitment_id)
        columns: dict[str, object] = {
            "title": draft.title,
            "why": draft.why,
            "rules": draft.rules,
            "color": draft.color or before.color,
        }
        if draft.created_on is not None:
            columns["created_on"] = draft.created_on
        if draft.reminder is not ...:
            columns["reminder"] = draft.reminder
        self._write_columns(commitment_id, columns)
        return before

    def put_back(self, row: CommitmentRow) -> None:
        """Restore a commitment's fields exactly as they were (undo of update/archive)."""
        self._write_columns(
            row.id,
            {
                "title": row.title,
                "why": row.why,
                "rules": row.rules,
                "color": row.color,
                "created_on": row.created_on,
                "archived_on": row.archived_on,
                "position": row.position,
                "reminder": row.reminder,
            },
        )

    def archive(self, commitment_id: int, day: date | None = None) -> CommitmentRow:
        before = self.get(commitment_id)
        on = max(day or self.session.today(), before.created_on)
        self._write_columns(commitment_id, {"archived_on": on})
        return before

    def restore(self, commitment_id: int) -> CommitmentRow:
        before = self.get(commitment_id)
        self._write_columns(commitment_id, {"archived_on": None})
        return before

    def set_pauses(self, commitment_id: int, pauses: list[Pause]) -> CommitmentRow:
        before = self.get(commitment_id)
        merged = merge_pauses(pauses)
        _pauses_from(before.title, before.created_on, merged, before.rules.pauses)
        self._write_columns(commitment_id, {"rules": replace(before.rules, pauses=merged)})
        return before

    def set_reminder(self, commitment_id: int, reminder: Reminder | None) -> CommitmentRow:
        """Set or remove (None) the reminder; returns the row as it was (for undo)."""
        before = self.get(commitment_id)
        self._write_columns(commitment_id, {"reminder": reminder})
        return before

    def reorder(self, ordered_ids: list[int]) -> list[int]:
        """Persist a new order; returns the old order for undo."""
        current = [c.id for c in self.all(include_archived=True)]
        if sorted(ordered_ids) != sorted(current):
            missing = set(current) - set(ordered_ids)
            ordered_ids = list(ordered_ids) + [i for i in current if i in missing]
        with self.session.write() as conn:
            repo.set_positions(conn, ordered_ids)
        for position, cid in enumerate(ordered_ids):
            row = self.ledger.commitments.get(cid)
            if row is not None:
                self.ledger.commitments[cid] = replace(row, position=position)
        self.session.notify(Change(What.COMMITMENTS))
        return current

    def delete(self, commitment_id: int) -> DeletedCommitment:
        row = self.get(commitment_id)
        with self.session.write() as conn:
            kept_checkins = tuple(repo.checkins(conn, [commitment_id]))
            links: list[tuple[int, int | None]] = [
                (r.id, r.checkin_id) for r in repo.reflections(conn, commitment_id=commitment_id)
            ]
            repo.delete_commitment(conn, commitment_id)
        self.ledger.drop_commitment(commitment_id)
        self.ledger.set_reflected(self._reflected_ids())
        self.session.notify(Change(What.COMMITMENTS, commitment_id))
        return DeletedCommitment(row, kept_checkins, tuple(links))

    def undelete(self, snapshot: DeletedCommitment) -> CommitmentRow:
        c = snapshot.commitment
        with self.session.write() as conn:
            repo.insert_commitment(
                conn,
                uid=c.uid,
                title=c.title,
                why=c.why,
                rules=c.rules,
                color=c.color,
                position=c.position,
                created_on=c.created_on,
                archived_on=c.archived_on,
                commitment_id=c.id,
                reminder=c.reminder,
            )
            for ch in snapshot.checkins:
                repo.upsert_checkin(
                    conn,
                    commitment_id=c.id,
                    day=ch.day,
                    status=ch.status,
                    value=ch.value,
                    note=ch.note,
                    recorded_at=ch.recorded_at or self.session.utc_now(),
                    checkin_id=ch.id,
                )
            for reflection_id, checkin_id in snapshot.reflection_links:
                repo.update_reflection(
                    conn, reflection_id, commitment_id=c.id, checkin_id=checkin_id
                )
        self.session.reload(self.ledger)
        return c

    # --- helpers --------------------------------------------------------------------
    def _write_columns(self, commitment_id: int, columns: dict[str, object]) -> None:
        with self.session.write() as conn:
            repo.update_commitment(conn, commitment_id, **columns)
            row = repo.get_commitment(conn, commitment_id)
        if row is None:
            raise NotFound(_("That commitment no longer exists."))
        self.ledger.put_commitment(row)
        self.session.notify(Change(What.COMMITMENT, commitment_id))

    def _reflected_ids(self) -> set[int]:
        with self.session.read() as conn:
            return repo.linked_checkin_ids(conn)

    def belongings(self, commitment_id: int) -> Belongings:
        self.ledger.ensure_loaded()
        return Belongings(self.ledger.recorded_count(commitment_id),
                          len(self.reflections_of(commitment_id)))

    def reflections_of(self, commitment_id: int) -> list[ReflectionRow]:
        with self.session.read() as conn:
            return repo.reflections(conn, commitment_id=commitment_id)


def free_title(title: str, taken: set[str], *, max_length: int = MAX_TITLE_LENGTH) -> str:
    """``title`` if its case-folded form is not in ``taken``, else the first free
    "title (2)", "title (3)"…, cut to fit ``max_length``."""
    if title.casefold() not in taken:
        return title
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = title[: max_length - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def _is_hex_color(text: str) -> bool:
    return (
        len(text) == 7
        and text[0] == "#"
        and all(ch in "0123456789abcdefABCDEF" for ch in text[1:])
    )


def _pauses_from(title: str, first_day: date, pauses: Iterable[Pause],
                 known: Iterable[Pause] = ()) -> None:
    """Refuse a pause that starts before the commitment's first day: there is nothing to
    rest from yet. Clipping it would save other dates than the ones asked for, so the
    window and `selftrust pause` both say why instead. Pauses already stored (``known``,
    from before this rule) are left as they are, so they never block another edit."""
    old = set(known)
    if any(p.start < first_day for p in pauses if p not in old):
        # TRANSLATORS: {day} is a date with its weekday ("Tuesday, 24 November 2026").
        raise Invalid(_("“{title}” begins on {day}, so a pause can start on that day at the "
                        "earliest.").format(title=title,
                                            day=formats.day_title_with_year(first_day)))


def _quoted_list(rows: Iterable[CommitmentRow]) -> str:
    """"“Walk” or “walk”": titles a person could have meant, in their language."""
    # TRANSLATORS: one title in a list of titles a person could have meant.
    return formats.join([pgettext("quoted title", "“{title}”").format(title=c.title)
                         for c in rows], "or")
