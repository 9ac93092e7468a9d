"""``loop pull``: merge what changed on the phone since the last merge, in one transaction.

For every habit of the backup (matched by Loop's ``uuid``, kept in ``loop_link``; a
habit without one, from a Loop before schema 24, by the id its name and first day give):

* a habit not linked yet is linked to the commitment an earlier ``selftrust import`` of
  a Loop file made of it, or becomes a new commitment;
* each day is compared three ways: the phone's (the backup), the last merged (``loop_mark``)
  and the desktop's (the check-in here). Only a day the phone changed since the last
  merge is applied, and only where the desktop did not change it too (then the desktop's
  stays, and the summary counts it): new, changed and removed entries, notes, skips;
* the habit's name, description, frequency and target, colour and archive are taken
  from the phone when the phone changed them since the last merge;
* the backup then becomes the last merged, so merging it again changes nothing.

A linked habit the last merged backup had and this one has not was deleted on the phone:
it stays here with its check-ins (nothing typed here is lost), the summary says so once,
and its link remembers it (``gone``) so a push does not bring it back to the phone.

The app's rules hold as for a check-in made here: a phone day after the desktop's today
is held back until its day comes (Loop has no day start, so the phone may be ahead), a
day a reflection is written about is not removed (that would unlink the reflection),
and titles are cleaned as the app cleans them. A pull that changes existing data makes
a "before-loop-pull" backup first, as an import does.

The backup is read and checked whole before the database is opened for writing, so a
file that is not a good Loop backup changes nothing at all.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import Connection

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.domain.commitment import Rules, TargetError
from selftrust.domain.history import Status
from selftrust.domain.schedule import ScheduleError
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_backups import choose_backup
from selftrust.interchange.loop_import import derived_uid, first_entered
from selftrust.interchange.loop_mapping import MappedHabit, map_habit, unnamed_title
from selftrust.interchange.loop_records import LoopHabit
from selftrust.interchange.native_records import MAX_NOTE_LENGTH, MAX_WHY_LENGTH
from selftrust.services.backups import BEFORE_LOOP_PULL
from selftrust.services.errors import Invalid
from selftrust.services.loop.gone import as_gone, is_gone
from selftrust.services.loop.reports import LoopRefused, PullSummary
from selftrust.services.text import clean_title
from selftrust.services.workspace import Workspace
from selftrust.store import backups as store_backups
from selftrust.store import bulk
from selftrust.store import repository as repo
from selftrust.store.errors import StoreError
from selftrust.store.records import CommitmentRow
from selftrust.store.repository import loop as links_repo
from selftrust.store.repository.loop import Mark

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Phone:
    key: str
    derived: str
    habit: LoopHabit
    mapped: MappedHabit
    marks: dict[date, Mark]
    described: str


def pull(ws: Workspace, path: Path | str) -> PullSummary:
    """Merge a Loop backup (a file, or the newest good one in a folder).

    LoopRefused when nothing could be read; the database is then untouched."""
    source = Path(path).expanduser()
    try:
        chosen = choose_backup(source)
    except ImportProblem as problem:
        raise LoopRefused(source, problem) from None
    summary = PullSummary(skipped=list(chosen.skipped))
    if chosen.export is None:
        # TRANSLATORS: between the reasons why each file in a folder was passed over.
        reasons = _("; ").join(_("{file}: {problem}").format(file=s.name, problem=s.reason)
                               for s in chosen.skipped)
        raise LoopRefused(source, _("no Loop backup in {folder} could be read ({reasons})").format(
            folder=source, reasons=reasons))
    summary.source = chosen.export.source
    habits = chosen.export.habits
    phones = _read_phone(habits, summary)
    with ws.write() as conn:
        empty = bulk.is_empty(conn)
        merge = _Merge(conn, ws.today(), ws.utc_now(), summary)
        merge.run(phones)
        present = _present(habits, phones)
        if present is not None:
            merge.note_gone(present)
        if summary.changed and not empty:
            _back_up(ws, source)
    log.info("loop pull of %s: %s", summary.source, summary.as_json())
    if summary.changed:
        ws.reload()
    return summary


def _back_up(ws: Workspace, source: Path) -> None:
    """A backup of the data as last committed, taken while the pull waits to commit."""
    try:
        store_backups.back_up_labelled(ws.db.folder, BEFORE_LOOP_PULL, now=ws.clock.now())
    except StoreError as exc:
        # TRANSLATORS: {reason} is a whole message of its own.
        raise LoopRefused(source, _("a safety backup could not be made before merging "
                                    "({reason}); nothing was changed").format(
            reason=exc)) from None


def _read_phone(habits: tuple[LoopHabit, ...], summary: PullSummary) -> list[_Phone]:
    out: list[_Phone] = []
    seen: set[str] = set()
    for habit in habits:
        try:
            mapped = map_habit(habit)
        except (ImportProblem, ScheduleError, TargetError, ValueError) as exc:
            summary.warnings.append(_("the Loop habit “{name}” was left out: {reason}").format(
                name=habit.name, reason=exc))
            continue
        derived = derived_uid(mapped.title, first_entered(habit))
        key = habit.uuid if habit.uuid and len(habit.uuid) <= 32 else derived
        if key in seen:
            summary.warnings.append(_("the Loop habit “{name}” appears twice; the second was "
                                      "left out.").format(name=habit.name))
            continue
        seen.add(key)
        marks = {c.entry.day: (c.entry.status.value, c.entry.value, _note(c.note))
                 for c in mapped.checkins}
        summary.warnings.extend(mapped.warnings)
        mapped = replace(mapped, title=_clean_title(mapped.title, habit.position, summary))
        out.append(_Phone(key, derived, habit, mapped, marks, describe(habit)))
    return out


def _present(habits: tuple[LoopHabit, ...], phones: list[_Phone]) -> set[str] | None:
    """The keys of every habit the backup holds, also those left out of the merge; None
    when a habit left out has no uuid (its key is not known, so no absence can be told)."""
    merged = {id(p.habit) for p in phones}
    keys = {p.key for p in phones}
    for habit in habits:
        if id(habit) in merged:
            continue
        if not habit.uuid or len(habit.uuid) > 32:
            return None
        keys.add(habit.uuid)
    return keys


def _clean_title(title: str, position: int, summary: PullSummary) -> str:
    """The title as the app would take it: control characters (which Loop lets through)
    left out; a name of nothing else becomes "Loop habit NNN"."""
    kept = " ".join("".join(
        ch for ch in title if unicodedata.category(ch) not in ("Cc", "Cs")).split())
    try:
        cleaned = clean_title(kept)
    except Invalid:
        cleaned = unnamed_title(position)
    if cleaned != title:
        summary.warnings.append(_("the Loop habit name “{name}” had characters that cannot be "
                                  "shown; it is called “{title}” here.").format(
            name=kept, title=cleaned))
    return cleaned


def _note(text: str | None) -> str | None:
    if not text:
        return None
    return text if len(text) <= MAX_NOTE_LENGTH else text[: MAX_NOTE_LENGTH - 1] + "…"


def describe(habit: LoopHabit) -> str:
    """The habit's own settings as JSON: what the next pull compares to find phone edits."""
    return json.dumps({
        "name": habit.name, "description": habit.description,
        "frequency": [habit.numerator, habit.denominator],
        "target": [habit.is_numerical, habit.unit, habit.target_value, habit.at_most],
        "color": habit.color_hex.upper(), "archived": habit.archived,
    }, ensure_ascii=False, sort_keys=True)


class _Merge:
    def __init__(self, conn: Connection, today: date, now: datetime,
                 summary: PullSummary) -> None:
        self.conn = conn
        self.today = today
        self.now = now
        self.summary = summary
        self.links = links_repo.links(conn)
        self.commitments = {c.id: c for c in repo.list_commitments(conn)}
        self.by_uid = {c.uid: c.id for c in self.commitments.values()}
        self.titles = {c.title.casefold() for c in self.commitments.values()}
        self.reflected = {(c.commitment_id, c.day) for c in repo.linked_checkins(conn)}
        self.held_back: list[date] = []

    def run(self, phones: list[_Phone]) -> None:
        for phone in phones:
            link = self.links.get(phone.key)
            if link is None:
                cid = self._link(phone)
                link_id = links_repo.insert_link(self.conn, cid, phone.key, phone.described)
                before: dict[date, Mark] = {}
            else:
                cid, link_id = link.commitment_id, link.id
                before = links_repo.marks(self.conn, link_id)
                if link.merged_habit != phone.described:
                    self._edit(self.commitments[cid], link.merged_habit, phone)
                    links_repo.set_merged_habit(self.conn, link_id, phone.described)
            # a day after today waits, unmerged, for a pull on or after its day
            now = {d: m for d, m in phone.marks.items() if d <= self.today}
            self.held_back.extend(d for d, m in phone.marks.items()
                                  if d > self.today and before.get(d) != m)
            before = {d: m for d, m in before.items() if d <= self.today}
            self._days(cid, before, now)
            links_repo.forget_marks(self.conn, link_id, before.keys() - now.keys())
            links_repo.put_marks(self.conn, link_id, {
                d: m for d, m in now.items() if before.get(d) != m})
        if self.held_back:
            n = len(self.held_back)
            self.summary.warnings.append(ngettext(
                "{n} day after today on the phone (from {first}) held back: today is {today} "
                "here, and Loop has no day start. The next pull on or after that day brings "
                "them.",
                "{n} days after today on the phone (from {first}) held back: today is {today} "
                "here, and Loop has no day start. The next pull on or after that day brings "
                "them.", n).format(n=formats.number(n),
                                   first=formats.short_date(min(self.held_back)),
                                   today=formats.short_date(self.today)))

    def note_gone(self, present: set[str]) -> None:
        """Links whose habit the last merged backup had and this one has not."""
        for key, link in self.links.items():
            if key in present or link.merged_habit is None or is_gone(link.merged_habit):
                continue  # on the phone, never merged from it (pushed), or already said
            links_repo.set_merged_habit(self.conn, link.id, as_gone(link.merged_habit))
            c = self.commitments.get(link.commitment_id)
            if c is not None:
                self.summary.deleted_on_phone.append(c.title)

    # --- habits ---------------------------------------------------------------------
    def _link(self, phone: _Phone) -> int:
        derived = phone.derived
        for uid in (phone.key, derived):
            found = self.by_uid.get(uid)
            if found is not None and found not in {lk.commitment_id for lk in self.links.values()}:
                self.summary.habits_linked += 1
                return found
        m = phone.mapped
        title = self._free_title(m.title)
        if title != m.title:
            self.summary.warnings.append(
                _("You already have a commitment called “{title}”, so the Loop habit of that "
                  "name is called “{new}” here.").format(title=m.title, new=title))
        created = min(m.start or self.today, self.today)
        archived = min(self.today, max(created, max(
            (c.entry.day for c in m.checkins), default=created))) if m.archived else None
        uid = phone.key if phone.key not in self.by_uid else derived
        why = m.why[:MAX_WHY_LENGTH] if m.why else None
        cid = repo.insert_commitment(
            self.conn, uid=uid, title=title, why=why, rules=m.rules, color=m.color.lower(),
            position=repo.next_position(self.conn), created_on=created, archived_on=archived,
            reminder=m.reminder)
        self.by_uid[uid] = cid
        self.summary.habits_new += 1
        return cid

    def _free_title(self, title: str, own: str | None = None) -> str:
        if own is not None:  # a rename frees the old title
            self.titles.discard(own.casefold())
        candidate, n = title, 2
        while candidate.casefold() in self.titles:
            candidate = f"{title[:110]} ({n})"
            n += 1
        self.titles.add(candidate.casefold())
        return candidate

    def _edit(self, c: CommitmentRow, merged: str | None, phone: _Phone) -> None:
        """Take from the phone what it changed since the last merge."""
        if merged is None:
            return
        old, new = json.loads(merged), json.loads(phone.described)
        m = phone.mapped
        columns: dict[str, object] = {}
        if old["name"] != new["name"]:
            columns["title"] = self._free_title(m.title, own=c.title)
        if old["description"] != new["description"]:
            columns["why"] = m.why[:MAX_WHY_LENGTH] if m.why else None
        if old["frequency"] != new["frequency"] or old["target"] != new["target"]:
            columns["rules"] = Rules(m.rules.schedule, m.rules.target, c.rules.pauses)
        if old["color"] != new["color"]:
            columns["color"] = m.color.lower()
        if old["archived"] != new["archived"]:
            columns["archived_on"] = max(self.today, c.created_on) if m.archived else None
        if columns:
            repo.update_commitment(self.conn, c.id, **columns)
            self.summary.habits_changed += 1

    # --- days -----------------------------------------------------------------------
    def _days(self, cid: int, before: dict[date, Mark], phone: dict[date, Mark]) -> None:
        desktop: dict[date, Mark] = {
            r.day: (r.status.value, r.value, r.note or None)
            for r in repo.checkins(self.conn, [cid])}
        earliest: date | None = None
        for day in sorted(phone.keys() | before.keys()):
            theirs, last, ours = phone.get(day), before.get(day), desktop.get(day)
            if theirs == last or ours == theirs:
                continue
            if ours != last:
                self.summary.kept_desktop += 1
                continue
            if theirs is None and (cid, day) in self.reflected:
                self.summary.kept_desktop += 1  # removing it would unlink the reflection
                continue
            if theirs is None:
                repo.delete_checkin(self.conn, cid, day)
                self.summary.checkins_removed += 1
                continue
            status, value, note = theirs
            repo.upsert_checkin(self.conn, commitment_id=cid, day=day, status=Status(status),
                                value=value, note=note, recorded_at=self.now)
            if ours is None:
                self.summary.checkins_added += 1
            else:
                self.summary.checkins_changed += 1
            earliest = day if earliest is None else min(earliest, day)
        c = self.commitments.get(cid)
        if earliest is not None and c is not None and earliest < c.created_on:
            repo.update_commitment(self.conn, cid, created_on=earliest)
