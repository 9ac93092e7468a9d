"""Check-ins and reflections from the values a native export holds, JSON or CSV alike.

Our two formats spell a record differently (a JSON group, a CSV row) but mean the same,
so once a reader has picked out the values, the checks, their order and the defaults
for what a hand-made file leaves out are one piece of code. ``None`` means "not given".
"""

from __future__ import annotations

from datetime import datetime

from selftrust.base.i18n import N_
from selftrust.interchange.native_checks import (
    COMMITMENT_ID,
    NOTE,
    RECORDED_AT,
    check_day,
    check_feeling,
    check_moment,
    check_moment_text,
    check_reflection_parts,
    check_status,
    check_text,
    check_uid,
    check_value,
)
from selftrust.interchange.native_records import MAX_NOTE_LENGTH, CheckinRow, ReflectionRecord

# The names of values in messages (see native_checks), translated when a message is made.
REPAIRED_COMMITMENT_ID = N_("repaired commitment id")
REPAIRED_DAY = N_("repaired day")
CREATED_AT = N_("created_at time")
UPDATED_AT = N_("updated_at time")
FEELING_BEFORE = N_("feeling before")
FEELING_AFTER = N_("feeling after")


def checkin_row(*, commitment: object, day: object, status: object, value: object,
                note: object, recorded_at: object, line: int) -> CheckinRow:
    uid = check_uid(commitment, COMMITMENT_ID)
    iso_day = check_day(day).isoformat()
    checked_status = check_status(status)
    amount = check_value(value)
    text = check_text(note, NOTE, MAX_NOTE_LENGTH)
    if recorded_at is None:  # a hand-made file: the day itself, and never over local data
        return (uid, iso_day, checked_status, amount, text, f"{iso_day} 12:00:00.000000", 0,
                line)
    return (uid, iso_day, checked_status, amount, text,
            check_moment_text(recorded_at, RECORDED_AT), 1, line)


def reflection_record(*, uid: object, day: object, commitment: object,
                      repairs: tuple[object, object] | None, created_at: object,
                      updated_at: object, parts: dict[str, object], feeling_before: object,
                      feeling_after: object, file: str, line: int) -> ReflectionRecord:
    """``repairs`` is the (commitment uid, day) of the check-in the reflection repairs."""
    checked_day = check_day(day)
    link = None
    if repairs is not None:
        link = (check_uid(repairs[0], REPAIRED_COMMITMENT_ID),
                check_day(repairs[1], REPAIRED_DAY))
    noon = datetime.combine(checked_day, datetime.min.time()).replace(hour=12)
    created = noon if created_at is None else check_moment(created_at, CREATED_AT)
    updated = created if updated_at is None else check_moment(updated_at, UPDATED_AT)
    return ReflectionRecord(
        uid=check_uid(uid),
        created_at=created,
        updated_at=updated,
        day=checked_day,
        commitment_uid=None if commitment is None else check_uid(commitment, COMMITMENT_ID),
        repairs=link,
        parts=check_reflection_parts(parts),
        feeling_before=check_feeling(feeling_before, FEELING_BEFORE),
        feeling_after=check_feeling(feeling_after, FEELING_AFTER),
        file=file,
        line=line,
    )
