"""A record as other devices see it: its kind, its key, and its fields as JSON values.

Keys name things the same way on every device: a commitment and a reflection by their
uid, a check-in by "<commitment uid>/<day>", a personal setting by its name. Ids are
this database's own and never travel. Dates are ISO text; the reminder is left out (it
belongs to a machine), and a commitment's pauses travel inside it.
"""

from __future__ import annotations

import json
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Connection

from selftrust.store.change_log import COMMITMENT_FIELDS, SYNCED_SETTINGS
from selftrust.store.repository import sync as repo

JSONFields = dict[str, Any]
REFLECTION_FIELDS = (
    "created_at", "updated_at", "day", "happened", "owning", "friend", "learned",
    "next_step", "feeling_before", "feeling_after",
)  # fmt: skip
_DATES = ("once_on", "created_on", "archived_on", "day")
_TIMES = ("created_at", "updated_at")


def _out(name: str, value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if name == "at_most":
        return bool(value)
    return value


def _in(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DATES:
        return date.fromisoformat(value)
    if name in _TIMES:
        return datetime.fromisoformat(value)
    return value


def columns_from(fields: JSONFields, names: tuple[str, ...]) -> dict[str, Any]:
    """The columns a record's fields fill (names missing from an older device: None)."""
    return {n: _in(n, fields.get(n)) for n in names}


@dataclass(frozen=True, slots=True)
class RecordKey:
    """What sync calls a record: (kind, key)."""

    kind: str
    key: str


class Names:
    """Uids by id and back for one transaction, so keys translate without a query each."""

    def __init__(self, conn: Connection) -> None:
        self.uid_of = repo.commitment_uids_by_id(conn)
        self.id_of = {uid: cid for cid, uid in self.uid_of.items()}

    def record_key(self, noted_kind: str, noted_key: str) -> RecordKey | None:
        """The record a change-log row is about (None: its commitment is gone, and its
        own deletion was noted)."""
        if noted_kind in ("commitment", "reflection", "setting"):
            return RecordKey(noted_kind, noted_key)
        if noted_kind == "pause":
            uid = self.uid_of.get(int(noted_key))
            return None if uid is None else RecordKey("commitment", uid)
        cid, _, day = noted_key.partition("/")
        uid = self.uid_of.get(int(cid))
        return None if uid is None else RecordKey("checkin", f"{uid}/{day}")

    def checkin_place(self, key: str) -> tuple[int, date] | None:
        uid, _, day = key.rpartition("/")
        cid = self.id_of.get(uid)
        return None if cid is None else (cid, date.fromisoformat(day))


def read_fields(conn: Connection, names: Names, record: RecordKey) -> JSONFields | None:
    """The record's fields as stored here now (None: it is not here: deleted)."""
    if record.kind == "commitment":
        row = repo.commitment_columns(conn, record.key)
        if row is None:
            return None
        fields = {n: _out(n, row[n]) for n in COMMITMENT_FIELDS if n != "uid"}
        fields["pauses"] = [[a.isoformat(), b.isoformat()]
                            for a, b in repo.pause_days(conn, row["id"])]
        return fields
    if record.kind == "checkin":
        place = names.checkin_place(record.key)
        checkin = None if place is None else repo.checkin_columns(conn, *place)
        if checkin is None:
            return None
        return {"status": checkin["status"], "value": checkin["value"], "note": checkin["note"]}
    if record.kind == "reflection":
        return _reflection_fields(conn, names, record.key)
    if record.kind == "setting" and record.key in SYNCED_SETTINGS:
        raw = repo.setting_raw(conn, record.key)
        return None if raw is None else {"value": json.loads(raw)}
    return None


def every_record(conn: Connection, names: Names, skip: Container[tuple[str, str]] = (),
                 *, checkins: bool = True) -> dict[RecordKey, JSONFields]:
    """Every record here with its fields, read in a few queries (a first pass, a large
    import to send); records named in ``skip`` as (kind, key) are left out before their
    fields are built (a joining device skips the tens of thousands that just arrived),
    and check-ins altogether without ``checkins``."""
    out: dict[RecordKey, JSONFields] = {}
    pauses = repo.all_pauses(conn)
    for row in repo.all_commitment_columns(conn):
        if ("commitment", row["uid"]) in skip:
            continue
        fields = {n: _out(n, row[n]) for n in COMMITMENT_FIELDS if n != "uid"}
        fields["pauses"] = [[a.isoformat(), b.isoformat()] for a, b in pauses.get(row["id"], [])]
        out[RecordKey("commitment", row["uid"])] = fields
    for cid, day, status, value, note in repo.all_checkin_values(conn) if checkins else ():
        uid = names.uid_of.get(cid)
        if uid is not None and ("checkin", key := f"{uid}/{day}") not in skip:
            out[RecordKey("checkin", key)] = {"status": status, "value": value, "note": note}
    for row in repo.all_reflection_columns(conn):
        if ("reflection", row["uid"]) not in skip:
            out[RecordKey("reflection", row["uid"])] = _reflection_from(row, names,
                                                                        row["checkin_place"])
    for name in SYNCED_SETTINGS:
        record = RecordKey("setting", name)
        found = None if ("setting", name) in skip else read_fields(conn, names, record)
        if found is not None:
            out[record] = found
    return out


def _reflection_fields(conn: Connection, names: Names, uid: str) -> JSONFields | None:
    row = repo.reflection_columns(conn, uid)
    if row is None:
        return None
    place = None if row["checkin_id"] is None else repo.checkin_place(conn, row["checkin_id"])
    return _reflection_from(row, names, place)


def _reflection_from(row: dict[str, Any], names: Names,
                     checkin_place: tuple[int, date] | None) -> JSONFields:
    fields = {n: _out(n, row[n]) for n in REFLECTION_FIELDS}
    cid = row["commitment_id"]
    fields["commitment"] = None if cid is None else names.uid_of.get(cid)
    checkin = None
    if checkin_place is not None and checkin_place[0] in names.uid_of:
        checkin = f"{names.uid_of[checkin_place[0]]}/{checkin_place[1].isoformat()}"
    fields["checkin"] = checkin
    return fields
