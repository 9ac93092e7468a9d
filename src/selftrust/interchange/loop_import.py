"""Loop Habit Tracker's files as import records: the readers and mapping, made importable.

``loop_mapping`` decides what a Loop habit *means* in Self-Trust; this module adds what
an import needs on top:

* A stable id per habit, so importing the same export twice adds nothing. A habit's
  ``uuid`` (Loop backups since schema 24) is used when there is one; a second id is
  derived from the habit's name and the first day it was ticked, which a CSV export
  and a backup of the same habit share. The importer matches either, and also
  derives that second id from the commitments already here, so a CSV export after a
  backup (or the other way round) finds the habits it already brought in.
* Check-ins carry no time of recording in Loop, so they only fill days that have
  nothing recorded here; a day already recorded in Self-Trust is never overwritten.
* Notes on days Loop left unmarked (days it shaded itself, YES_AUTO, or unknown) have
  no check-in to live on, and the day stays unmarked as in Loop. Each becomes a free
  reflection about its commitment on its day, the note as "what happened": it repairs
  and counts nothing, shows in the journal, and its id (from the habit and the day)
  makes a second import find it instead of adding it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.domain.coach import MAX_PART_LENGTH
from selftrust.domain.commitment import TargetError
from selftrust.domain.schedule import ScheduleError
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_csv_targets import recover_target
from selftrust.interchange.loop_files import read_loop_export
from selftrust.interchange.loop_mapping import MappedHabit, map_habit
from selftrust.interchange.loop_records import (
    CSV_V18,
    SKIP,
    YES_MANUAL,
    LoopExport,
    LoopHabit,
)
from selftrust.interchange.native_json import BATCH
from selftrust.interchange.native_records import (
    MAX_NOTE_LENGTH,
    MAX_WHY_LENGTH,
    CheckinBatch,
    CheckinRow,
    CommitmentRecord,
    Item,
    Notice,
    ReadProgress,
    ReflectionRecord,
)


def loop_kind(export: LoopExport) -> str:
    """The kind of file, as ``interchange.sources`` names it (English, a machine value)."""
    return ("Loop Habit Tracker CSV export" if export.is_csv
            else "Loop Habit Tracker backup")


def derived_uid(title: str, first_day: date | None, salt: str = "") -> str:
    """A 32-character id from what stays the same across a habit's exports: its title
    (as imported) and the first day it was ticked."""
    text = f"loop\n{title}\n{first_day.isoformat() if first_day else '-'}\n{salt}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def first_entered(habit: LoopHabit) -> date | None:
    """The first day the person ticked (or measured): the same in a CSV export and in a
    backup, unlike the first check-mark, which a CSV can shade earlier (YES_AUTO). It is
    the first *kept* day of the imported commitment, so it can be found again there."""
    days = [e.day for e in habit.entries
            if (0 <= e.value != SKIP if habit.is_numerical else e.value == YES_MANUAL)]
    return min(days, default=None)


def note_reflection(commitment_uid: str, day: date, note: str, file: str) -> ReflectionRecord:
    """A Loop note on an unmarked day, kept as a free reflection on that day: about the
    commitment, repairing nothing, the note as "what happened" (cut to fit, as notes)."""
    uid = hashlib.sha256(f"loop-note\n{commitment_uid}\n{day.isoformat()}".encode()).hexdigest()
    moment = datetime.combine(day, time(12))
    text = note if len(note) <= MAX_PART_LENGTH else note[: MAX_PART_LENGTH - 1] + "…"
    return ReflectionRecord(uid=uid[:32], created_at=moment, updated_at=moment, day=day,
                            commitment_uid=commitment_uid, repairs=None,
                            parts={"happened": text}, file=file)


def read_loop_items(path: Path) -> Iterator[Item]:
    """Read a Loop CSV export or backup and yield what to import (ImportProblem if bad)."""
    export = read_loop_export(path)
    yield from loop_items(export)


def loop_items(export: LoopExport) -> Iterator[Item]:
    mapped = []
    zero_is_unchecked = export.format_version == CSV_V18
    habits, targets = _with_targets(export)
    for habit in habits:
        try:
            mapped.append(map_habit(habit, zero_is_unchecked=zero_is_unchecked))
        except (ScheduleError, TargetError, ValueError) as exc:
            raise ImportProblem(
                _("the Loop habit “{name}” cannot be imported: {reason}").format(
                    name=habit.name, reason=exc),
                file=export.source.name) from None
    label = export.source.name
    total = sum(len(m.checkins) for m in mapped) or 1
    yield ReadProgress(0, total)
    for text in targets:
        yield Notice(text)
    for name in export.without_data:
        yield Notice(_("“{name}” is listed in the export without its check-marks (it was not "
                       "selected in Loop), so it was left out.").format(name=name))
    seen: set[str] = set()
    records: list[tuple[CommitmentRecord, MappedHabit]] = []
    for habit, m in zip(habits, mapped, strict=True):
        derived = derived_uid(m.title, first_entered(habit))
        if derived in seen:
            derived = derived_uid(m.title, first_entered(habit), str(habit.position))
        uuid = habit.uuid if habit.uuid and len(habit.uuid) <= 32 else None
        uid = uuid or derived
        seen.update((uid, derived))
        for text in m.warnings:
            yield Notice(text)
        why = m.why
        if why is not None and len(why) > MAX_WHY_LENGTH:
            why = why[: MAX_WHY_LENGTH - 1] + "…"
            yield Notice(_("“{title}”: its description was shortened to {n} characters.").format(
                title=m.title, n=formats.number(MAX_WHY_LENGTH)))
        # Loop does not say when a habit was archived: its last recorded day is the best
        # guess. A habit without any entries starts (and ends) on the day of the export, or
        # of the import when the export does not say.
        created_on = m.start or export.export_day
        archived_on = None
        if m.archived:
            archived_on = max((c.entry.day for c in m.checkins), default=created_on)
        record = CommitmentRecord(
            uid=uid,
            title=m.title,
            why=why,
            rules=m.rules,
            color=m.color.lower(),
            position=m.position,
            created_on=created_on,
            archived_on=archived_on,
            archived_today=m.archived and archived_on is None,
            aliases=(derived,) if derived != uid else (),
            reminder=m.reminder,
            file=label,
        )
        records.append((record, m))
        yield record
    done = 0
    shortened = 0
    for record, m in records:
        batch: list[CheckinRow] = []
        for c in m.checkins:
            note = c.note or None
            if note is not None and len(note) > MAX_NOTE_LENGTH:
                note = note[: MAX_NOTE_LENGTH - 1] + "…"
                shortened += 1
            day = c.entry.day.isoformat()
            batch.append((record.uid, day, c.entry.status.value, c.entry.value, note,
                          f"{day} 12:00:00.000000", 0, 0))
            if len(batch) >= BATCH:
                done += len(batch)
                yield CheckinBatch(batch, label)
                yield ReadProgress(done, total)
                batch = []
        if batch:
            done += len(batch)
            yield CheckinBatch(batch, label)
            yield ReadProgress(done, total)
    loose = [note_reflection(record.uid, day, text, label)
             for record, m in records for day, text in m.loose_notes]
    yield from loose
    if loose:
        yield Notice(ngettext(
            "{n} note on days Loop left unmarked became a reflection in your journal (a note "
            "here lives with a check-in, and those days stay unmarked as in Loop).",
            "{n} notes on days Loop left unmarked became reflections in your journal (a note "
            "here lives with a check-in, and those days stay unmarked as in Loop).",
            len(loose)).format(n=formats.number(len(loose))))
    if shortened:
        yield Notice(ngettext("{n} long note was shortened to {limit} characters.",
                              "{n} long notes were shortened to {limit} characters.",
                              shortened).format(n=formats.number(shortened),
                                                limit=formats.number(MAX_NOTE_LENGTH)))


def _with_targets(export: LoopExport) -> tuple[list[LoopHabit], list[str]]:
    """The habits, a measurable one from an old CSV export (no target in it) given the
    target its scores reveal, or a stand-in; and what to tell about each."""
    habits: list[LoopHabit] = []
    told: list[str] = []
    for habit in export.habits:
        if export.is_csv and habit.is_numerical and habit.target_value <= 0:
            found = recover_target(habit)
            habit = replace(habit, target_value=found.amount)
            amount = _amount(found.amount, habit.unit)
            if found.exact:
                told.append(_("“{name}”: this older Loop export has no targets; the target "
                              "{amount} was recovered exactly from Loop's scores.").format(
                    name=habit.name, amount=amount))
            else:
                told.append(_("“{name}”: this older Loop export has no targets and Loop's "
                              "scores do not give it exactly, so the target is {amount} for "
                              "now: set the right one (Edit the commitment).").format(
                    name=habit.name, amount=amount))
        habits.append(habit)
    return habits, told


def _amount(value: float, unit: str) -> str:
    """ "12.5 km": an amount and the habit's own unit (none: the number alone)."""
    number = formats.decimal(value, 3)
    # TRANSLATORS: an amount and its unit as the person named it ("12.5 km").
    return _("{amount} {unit}").format(amount=number, unit=unit) if unit else number
