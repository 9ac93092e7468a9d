"""Self-Trust's JSON export: everything in one versioned, documented file.

The layout is in ``docs/export-format.md``. Every list element sits on its own line,
so a file synced with Syncthing or kept in git shows small, readable changes, and a
problem is reported with a line number a person can find. Writing is a pure function
of the data (no time stamp of the export itself), so exporting the same data twice
gives the same bytes, and "changed since the last export" is a byte comparison.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from selftrust.base.i18n import N_, _
from selftrust.interchange.errors import ImportProblem, cannot_be_read
from selftrust.interchange.json_stream import JsonStream
from selftrust.interchange.native_build import checkin_row, reflection_record
from selftrust.interchange.native_checks import (
    ARCHIVE_DAY,
    POSITION,
    START_DAY,
    WHY,
    RowProblem,
    check_color,
    check_day,
    check_int,
    check_optional_day,
    check_text,
    check_title,
    check_uid,
    newer_version,
)
from selftrust.interchange.native_records import (
    FORMAT_VERSION,
    JSON_FORMAT,
    MAX_POSITION,
    MAX_WHY_LENGTH,
    REFLECTION_PARTS,
    CheckinBatch,
    CheckinRow,
    CommitmentRecord,
    Item,
    Notice,
    ReadProgress,
    ReflectionRecord,
    SettingsRecord,
    Snapshot,
    moment_text,
)
from selftrust.interchange.native_rules import (
    check_reminder,
    make_rules,
    reminder_fields,
    schedule_fields,
)

BATCH = 5000
"""Check-ins handed over at a time: the importer checks for Cancel between batches."""

Progress = Callable[[int, int], None]
# TRANSLATORS: follows a file's name and a colon; “format”: “selftrust” is written in the
# file as it is.
_NOT_OURS = N_("is JSON, but not a Self-Trust export (it has no “format”: “selftrust”)")


# --- writing ---------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def commitment_json(c: CommitmentRecord) -> dict[str, Any]:
    t = c.rules.target
    return {
        "uid": c.uid,
        "title": c.title,
        "why": c.why or None,
        "schedule": schedule_fields(c.rules),
        "target": None
        if t is None
        else {"amount": t.amount, "unit": t.unit, "per": t.per.value, "at_most": t.at_most},
        "pauses": [
            {"first": p.start.isoformat(), "last": p.end.isoformat()} for p in c.rules.pauses
        ],
        "color": c.color,
        "position": c.position,
        "created_on": c.created_on.isoformat() if c.created_on else None,
        "archived_on": c.archived_on.isoformat() if c.archived_on else None,
        "reminder": reminder_fields(c.reminder),
    }


def checkin_json(row: tuple[str, str, str, float | None, str | None, str]) -> dict[str, Any]:
    uid, day, status, value, note, recorded_at = row
    out: dict[str, Any] = {"commitment": uid, "day": day, "status": status}
    if value is not None:
        out["value"] = value
    if note:
        out["note"] = note
    out["recorded_at"] = moment_text(recorded_at)
    return out


def reflection_json(r: ReflectionRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "uid": r.uid,
        "day": r.day.isoformat(),
        "commitment": r.commitment_uid,
        "repairs": None
        if r.repairs is None
        else {"commitment": r.repairs[0], "day": r.repairs[1].isoformat()},
        "created_at": moment_text(r.created_at),
        "updated_at": moment_text(r.updated_at),
    }
    for part in REFLECTION_PARTS:
        out[part] = r.parts.get(part) or None
    out["feeling_before"] = r.feeling_before
    out["feeling_after"] = r.feeling_after
    return out


def write_json(
    snapshot: Snapshot, out: BinaryIO, progress: Progress | None = None
) -> int:
    """Write the export to ``out`` (UTF-8); returns the number of check-ins written."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=False)
    try:
        text.write("{\n")
        text.write(f'  "format": {_dumps(JSON_FORMAT)},\n')
        text.write(f'  "version": {FORMAT_VERSION},\n')
        text.write(f'  "settings": {_dumps(snapshot.settings)},\n')
        _write_list(text, "commitments", (commitment_json(c) for c in snapshot.commitments))
        text.write(",\n")
        written = 0
        total = snapshot.checkin_count

        def checkins() -> Iterator[dict[str, Any]]:
            nonlocal written
            for row in snapshot.checkins:
                yield checkin_json(row)
                written += 1
                if progress is not None and written % BATCH == 0:
                    progress(written, total)

        _write_list(text, "checkins", checkins())
        text.write(",\n")
        _write_list(text, "reflections", (reflection_json(r) for r in snapshot.reflections))
        text.write("\n}\n")
        text.flush()
    finally:
        text.detach()
    return written


def _write_list(text: io.TextIOWrapper, key: str, values: Iterator[dict[str, Any]]) -> None:
    text.write(f'  "{key}": [')
    first = True
    for value in values:
        text.write("\n    " if first else ",\n    ")
        text.write(_dumps(value))
        first = False
    text.write("]" if first else "\n  ]")


# --- reading ---------------------------------------------------------------------------


def read_json(path: Path, label: str | None = None) -> Iterator[Item]:
    """Stream the records of a Self-Trust JSON export; ImportProblem names file and line."""
    name = label or path.name
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ImportProblem(cannot_be_read(exc), file=name) from None
    with raw:
        size = os.fstat(raw.fileno()).st_size
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
        stream = JsonStream(text, name)
        if stream.peek() != "{":
            raise stream.problem(
                _("is not a Self-Trust export (a Self-Trust JSON file starts with “{”)")
            )
        yield from _read_document(stream, name, lambda: raw.tell(), size)


def _read_document(
    stream: JsonStream, name: str, position: Callable[[], int], size: int
) -> Iterator[Item]:
    found_format = False
    unknown: list[str] = []
    for key in stream.members():
        line = stream.line
        if key == "format":
            value = stream.value()
            if value != JSON_FORMAT:
                raise stream.problem(
                    _("is not a Self-Trust export (its format is {found}, not “{expected}”)"
                      ).format(found=_short(value), expected=JSON_FORMAT),
                    line,
                )
            found_format = True
        elif key == "version":
            value = stream.value()
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                if not found_format:
                    raise stream.problem(_(_NOT_OURS), line)
                raise stream.problem(_("the version {value} is not a number").format(
                    value=_short(value)), line)
            if value > FORMAT_VERSION:
                raise stream.problem(newer_version(value), line)
        elif key == "settings":
            value = stream.value()
            if not isinstance(value, dict):
                raise stream.problem(_("“settings” is not a group of names and values"), line)
            yield SettingsRecord(value, name, line)
        elif key == "commitments":
            for item_line, obj in stream.items():
                yield _guard(parse_commitment, obj, name, item_line)
        elif key == "checkins":
            batch: list[CheckinRow] = []
            for item_line, obj in stream.items():
                batch.append(_guard(parse_checkin, obj, name, item_line))
                if len(batch) >= BATCH:
                    yield CheckinBatch(batch, name)
                    yield ReadProgress(position(), size)
                    batch = []
            if batch:
                yield CheckinBatch(batch, name)
        elif key == "reflections":
            for item_line, obj in stream.items():
                yield _guard(parse_reflection, obj, name, item_line)
        else:
            stream.value()
            unknown.append(key)
    stream.end()
    if not found_format:
        raise ImportProblem(_(_NOT_OURS), file=name)
    if unknown:
        # TRANSLATORS: {parts} are the names the file gives them.
        yield Notice(_("{file}: parts Self-Trust does not know were left out: {parts}.").format(
            file=name, parts=", ".join(sorted(unknown))[:200]))
    yield ReadProgress(size, size)


def _guard(parse: Callable[[Any, str, int], Any], obj: Any, name: str, line: int) -> Any:
    if not isinstance(obj, dict):
        raise ImportProblem(_("expected a group of names and values, found {found}").format(
            found=_short(obj)), file=name, line=line)
    try:
        return parse(obj, name, line)
    except RowProblem as exc:
        raise ImportProblem(str(exc), file=name, line=line) from None


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 40 else text[:40] + "…"


def parse_commitment(obj: dict[str, Any], name: str, line: int) -> CommitmentRecord:
    schedule = obj.get("schedule")
    if not isinstance(schedule, dict):
        raise RowProblem(_("the commitment has no “schedule”"))
    target = obj.get("target")
    if target is not None and not isinstance(target, dict):
        raise RowProblem(_("the “target” is not a group of names and values"))
    pauses_raw = obj.get("pauses") or []
    if not isinstance(pauses_raw, list):
        raise RowProblem(_("“pauses” is not a list"))
    pauses: list[tuple[date, date]] = []
    for p in pauses_raw:
        if not isinstance(p, dict):
            raise RowProblem(_("a pause is not a group of “first” and “last” days"))
        pauses.append((check_day(p.get("first"), N_("first day of a pause")),
                       check_day(p.get("last"), N_("last day of a pause"))))
    rules = make_rules(
        kind=schedule.get("kind"),
        times=schedule.get("times", 1),
        days=schedule.get("days", 1),
        weekdays=schedule.get("weekdays", "mon,tue,wed,thu,fri,sat,sun"),
        on=schedule.get("on"),
        target=None
        if target is None
        else (target.get("amount"), target.get("unit"), target.get("per", "day"),
              target.get("at_most", False)),
        pauses=pauses,
    )
    created = check_day(obj.get("created_on"), START_DAY)
    archived = check_optional_day(obj.get("archived_on"), ARCHIVE_DAY)
    if archived is not None and archived < created:
        raise RowProblem(_("the commitment is archived before it started"))
    reminder = obj.get("reminder")  # absent in files written before reminders: none
    if reminder is not None and not isinstance(reminder, dict):
        raise RowProblem(_("the “reminder” is not a group of “time” and “weekdays”"))
    return CommitmentRecord(
        uid=check_uid(obj.get("uid")),
        title=check_title(obj.get("title")),
        why=check_text(obj.get("why"), WHY, MAX_WHY_LENGTH),
        rules=rules,
        color=check_color(obj.get("color")),
        position=check_int(obj.get("position", 0), POSITION, 0, MAX_POSITION),
        created_on=created,
        archived_on=archived,
        reminder=None if reminder is None
        else check_reminder(reminder.get("time"), reminder.get("weekdays")),
        file=name,
        line=line,
    )


def parse_checkin(obj: dict[str, Any], name: str, line: int) -> CheckinRow:
    return checkin_row(commitment=obj.get("commitment"), day=obj.get("day"),
                       status=obj.get("status"), value=obj.get("value"), note=obj.get("note"),
                       recorded_at=obj.get("recorded_at"), line=line)


def parse_reflection(obj: dict[str, Any], name: str, line: int) -> ReflectionRecord:
    repairs = obj.get("repairs")
    if repairs is not None and not isinstance(repairs, dict):
        raise RowProblem(_("“repairs” is not a group of “commitment” and “day”"))
    return reflection_record(
        uid=obj.get("uid"), day=obj.get("day"), commitment=obj.get("commitment"),
        repairs=None if repairs is None else (repairs.get("commitment"), repairs.get("day")),
        created_at=obj.get("created_at"), updated_at=obj.get("updated_at"), parts=obj,
        feeling_before=obj.get("feeling_before"), feeling_after=obj.get("feeling_after"),
        file=name, line=line,
    )
