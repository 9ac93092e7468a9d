"""The repository: the only place that runs queries.

Every function takes the Connection of the caller's transaction, so a service decides
what one user action is and commits it as one. Reads use SQLAlchemy Core and return
plain rows from records.py; it is several times faster than building ORM objects for
ten years of check-ins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.reminder import Reminder, ReminderError
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.store import tables
from selftrust.store.records import CheckinRow, CommitmentRow, ReflectionRow

COMMITMENT = tables.Commitment.__table__  # type: ignore[attr-defined]
PAUSE = tables.Pause.__table__  # type: ignore[attr-defined]
CHECKIN = tables.Checkin.__table__  # type: ignore[attr-defined]
REFLECTION = tables.Reflection.__table__  # type: ignore[attr-defined]
SETTING = tables.Setting.__table__  # type: ignore[attr-defined]

REFLECTION_PARTS = ("happened", "owning", "friend", "learned", "next_step")


# --- commitments ----------------------------------------------------------------------


def rules_to_columns(rules: Rules) -> dict[str, Any]:
    s = rules.schedule
    t = rules.target
    return {
        "kind": "measurable" if t is not None else "yes_no",
        "unit": (t.unit or None) if t is not None else None,
        "target": t.amount if t is not None else None,
        "target_per": t.per.value if t is not None else None,
        "at_most": bool(t.at_most) if t is not None else False,
        "schedule_kind": s.kind.value,
        "schedule_times": s.times,
        "schedule_days": s.days,
        "weekdays": s.weekdays,
        "once_on": s.on,
    }


def _rules_from(row: Any, pauses: tuple[Pause, ...]) -> Rules:
    schedule = Schedule(
        kind=ScheduleKind(row.schedule_kind),
        times=row.schedule_times,
        days=row.schedule_days,
        weekdays=row.weekdays,
        on=row.once_on,
    )
    target = None
    if row.kind == "measurable":
        target = Target(
            amount=row.target, unit=row.unit or "", per=Period(row.target_per),
            at_most=bool(row.at_most),
        )
    return Rules(schedule=schedule, target=target, pauses=pauses)


def _commitment_from(row: Any, pauses: tuple[Pause, ...]) -> CommitmentRow:
    return CommitmentRow(
        id=row.id,
        uid=row.uid,
        title=row.title,
        why=row.why or "",
        rules=_rules_from(row, pauses),
        color=row.color,
        position=row.position,
        created_on=row.created_on,
        archived_on=row.archived_on,
        reminder=_reminder_from(row),
    )


def reminder_columns(reminder: Reminder | None) -> dict[str, Any]:
    if reminder is None:
        return {"reminder_time": None, "reminder_days": 127}
    return {"reminder_time": reminder.text, "reminder_days": reminder.days}


def _reminder_from(row: Any) -> Reminder | None:
    if row.reminder_time is None:
        return None
    try:
        return Reminder.parse(row.reminder_time, row.reminder_days)
    except ReminderError:
        return None  # "29:00" passes the GLOB check; a time that is no time reminds of nothing


def pauses_by_commitment(conn: Connection) -> dict[int, tuple[Pause, ...]]:
    out: dict[int, list[Pause]] = {}
    rows = conn.execute(
        sa.select(PAUSE.c.commitment_id, PAUSE.c.first_day, PAUSE.c.last_day).order_by(
            PAUSE.c.first_day
        )
    )
    for cid, first, last in rows:
        out.setdefault(cid, []).append(Pause(first, last))
    return {k: tuple(v) for k, v in out.items()}


def list_commitments(conn: Connection, *, include_archived: bool = True) -> list[CommitmentRow]:
    query = sa.select(COMMITMENT).order_by(COMMITMENT.c.position, COMMITMENT.c.id)
    if not include_archived:
        query = query.where(COMMITMENT.c.archived_on.is_(None))
    pauses = pauses_by_commitment(conn)
    return [_commitment_from(r, pauses.get(r.id, ())) for r in conn.execute(query)]


def get_commitment(conn: Connection, commitment_id: int) -> CommitmentRow | None:
    row = conn.execute(sa.select(COMMITMENT).where(COMMITMENT.c.id == commitment_id)).first()
    if row is None:
        return None
    pauses = tuple(
        Pause(a, b)
        for a, b in conn.execute(
            sa.select(PAUSE.c.first_day, PAUSE.c.last_day)
            .where(PAUSE.c.commitment_id == commitment_id)
            .order_by(PAUSE.c.first_day)
        )
    )
    return _commitment_from(row, pauses)


def find_commitments_by_title(conn: Connection, title: str) -> list[CommitmentRow]:
    """Exact title first; otherwise a case-insensitive match (SQLite's lower() is ASCII only,
    so the comparison is done here)."""
    wanted = title.strip()
    everything = list_commitments(conn)
    exact = [c for c in everything if c.title == wanted]
    if exact:
        return exact
    folded = wanted.casefold()
    return [c for c in everything if c.title.casefold() == folded]


def next_position(conn: Connection) -> int:
    top = conn.execute(sa.select(sa.func.max(COMMITMENT.c.position))).scalar()
    return 0 if top is None else int(top) + 1


def insert_commitment(
    conn: Connection,
    *,
    uid: str,
    title: str,
    why: str | None,
    rules: Rules,
    color: str,
    position: int,
    created_on: date,
    archived_on: date | None = None,
    commitment_id: int | None = None,
    reminder: Reminder | None = None,
) -> int:
    values: dict[str, Any] = {
        "uid": uid,
        "title": title,
        "why": why or None,
        "color": color,
        "position": position,
        "created_on": created_on,
        "archived_on": archived_on,
        **rules_to_columns(rules),
        **reminder_columns(reminder),
    }
    if commitment_id is not None:
        values["id"] = commitment_id
    result = conn.execute(sa.insert(COMMITMENT).values(**values))
    new_id = int(result.inserted_primary_key[0])
    replace_pauses(conn, new_id, rules.pauses)
    return new_id


def update_commitment(conn: Connection, commitment_id: int, **columns: Any) -> None:
    if "rules" in columns:
        rules: Rules = columns.pop("rules")
        columns.update(rules_to_columns(rules))
        replace_pauses(conn, commitment_id, rules.pauses)
    if "reminder" in columns:
        columns.update(reminder_columns(columns.pop("reminder")))
    if "why" in columns:
        columns["why"] = columns["why"] or None
    if columns:
        conn.execute(
            sa.update(COMMITMENT).where(COMMITMENT.c.id == commitment_id).values(**columns)
        )


def replace_pauses(conn: Connection, commitment_id: int, pauses: Iterable[Pause]) -> None:
    conn.execute(sa.delete(PAUSE).where(PAUSE.c.commitment_id == commitment_id))
    rows = [
        {"commitment_id": commitment_id, "first_day": p.start, "last_day": p.end} for p in pauses
    ]
    if rows:
        conn.execute(sa.insert(PAUSE), rows)


def delete_commitment(conn: Connection, commitment_id: int) -> None:
    conn.execute(sa.delete(COMMITMENT).where(COMMITMENT.c.id == commitment_id))


def set_positions(conn: Connection, ordered_ids: Sequence[int]) -> None:
    for position, cid in enumerate(ordered_ids):
        conn.execute(
            sa.update(COMMITMENT).where(COMMITMENT.c.id == cid).values(position=position)
        )


# --- check-ins --------------------------------------------------------------------------


def _checkin_from(row: Any) -> CheckinRow:
    return CheckinRow(
        id=row.id,
        commitment_id=row.commitment_id,
        day=row.day,
        status=Status(row.status),
        value=row.value,
        note=row.note,
        recorded_at=row.recorded_at,
    )


def get_checkin(conn: Connection, commitment_id: int, day: date) -> CheckinRow | None:
    row = conn.execute(
        sa.select(CHECKIN).where(CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)
    ).first()
    return None if row is None else _checkin_from(row)


def checkins(
    conn: Connection,
    commitment_ids: Iterable[int] | None = None,
    *,
    first: date | None = None,
    last: date | None = None,
) -> list[CheckinRow]:
    """Check-ins, oldest first, optionally for some commitments and days."""
    query = sa.select(CHECKIN).order_by(CHECKIN.c.day, CHECKIN.c.commitment_id)
    if commitment_ids is not None:
        query = query.where(CHECKIN.c.commitment_id.in_(list(commitment_ids)))
    if first is not None:
        query = query.where(CHECKIN.c.day >= first)
    if last is not None:
        query = query.where(CHECKIN.c.day <= last)
    return [_checkin_from(r) for r in conn.execute(query)]


def checkin_batches(conn: Connection, size: int
                    ) -> Iterator[list[tuple[int, int, str, str, float | None]]]:
    """Every check-in as raw (id, commitment_id, ISO day, status, value), in batches of
    ``size`` rows, ordered by commitment and day (``checkin_tuples`` a batch at a time)."""
    cursor = conn.exec_driver_sql(
        "SELECT id, commitment_id, day, status, value FROM checkin ORDER BY commitment_id, day"
    )
    while rows := cursor.fetchmany(size):
        yield rows  # type: ignore[misc]


def checkin_tuples(conn: Connection) -> list[tuple[int, int, str, str, float | None]]:
    """Every check-in as raw (id, commitment_id, ISO day, status, value), oldest first.

    The fast path for start-up: no row objects, no date parsing per row in SQLAlchemy.
    """
    cursor = conn.exec_driver_sql(
        "SELECT id, commitment_id, day, status, value FROM checkin ORDER BY commitment_id, day"
    )
    return cursor.fetchall()  # type: ignore[return-value]


def upsert_checkin(
    conn: Connection,
    *,
    commitment_id: int,
    day: date,
    status: Status,
    value: float | None,
    note: str | None,
    recorded_at: datetime,
    checkin_id: int | None = None,
) -> int:
    """Insert or update the one check-in of (commitment, day); its id is kept on update
    so reflections that repair it stay linked."""
    existing = conn.execute(
        sa.select(CHECKIN.c.id).where(
            CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day
        )
    ).scalar()
    values = {
        "status": status.value,
        "value": value,
        "note": note or None,
        "recorded_at": recorded_at,
    }
    if existing is not None:
        conn.execute(sa.update(CHECKIN).where(CHECKIN.c.id == existing).values(**values))
        return int(existing)
    insert_values: dict[str, Any] = {"commitment_id": commitment_id, "day": day, **values}
    if checkin_id is not None:
        insert_values["id"] = checkin_id
    result = conn.execute(sa.insert(CHECKIN).values(**insert_values))
    return int(result.inserted_primary_key[0])


def delete_checkin(conn: Connection, commitment_id: int, day: date) -> None:
    conn.execute(
        sa.delete(CHECKIN).where(CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)
    )


def count_rows(conn: Connection, table: str) -> int:
    tbl = {"commitment": COMMITMENT, "checkin": CHECKIN, "reflection": REFLECTION}[table]
    return int(conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar() or 0)


# --- reflections ------------------------------------------------------------------------


def _reflection_from(row: Any) -> ReflectionRow:
    return ReflectionRow(
        id=row.id,
        uid=row.uid,
        created_at=row.created_at,
        updated_at=row.updated_at,
        day=row.day,
        commitment_id=row.commitment_id,
        checkin_id=row.checkin_id,
        happened=row.happened or "",
        owning=row.owning or "",
        friend=row.friend or "",
        learned=row.learned or "",
        next_step=row.next_step or "",
        feeling_before=row.feeling_before,
        feeling_after=row.feeling_after,
    )


def repaired_checkin_ids(conn: Connection) -> set[int]:
    rows = conn.execute(
        sa.select(REFLECTION.c.checkin_id).where(REFLECTION.c.checkin_id.is_not(None)).distinct()
    )
    return {int(r[0]) for r in rows}


def insert_reflection(conn: Connection, **values: Any) -> int:
    for part in REFLECTION_PARTS:
        if part in values:
            values[part] = values[part] or None
    result = conn.execute(sa.insert(REFLECTION).values(**values))
    return int(result.inserted_primary_key[0])


def update_reflection(conn: Connection, reflection_id: int, **values: Any) -> None:
    for part in REFLECTION_PARTS:
        if part in values:
            values[part] = values[part] or None
    conn.execute(sa.update(REFLECTION).where(REFLECTION.c.id == reflection_id).values(**values))


def delete_reflection(conn: Connection, reflection_id: int) -> None:
    conn.execute(sa.delete(REFLECTION).where(REFLECTION.c.id == reflection_id))


def get_reflection(conn: Connection, reflection_id: int) -> ReflectionRow | None:
    row = conn.execute(sa.select(REFLECTION).where(REFLECTION.c.id == reflection_id)).first()
    return None if row is None else _reflection_from(row)


def reflections(
    conn: Connection,
    *,
    commitment_id: int | None = None,
    checkin_id: int | None = None,
    first: date | None = None,
    last: date | None = None,
) -> list[ReflectionRow]:
    """Newest first."""
    query = sa.select(REFLECTION).order_by(
        REFLECTION.c.day.desc(), REFLECTION.c.created_at.desc(), REFLECTION.c.id.desc()
    )
    if commitment_id is not None:
        query = query.where(REFLECTION.c.commitment_id == commitment_id)
    if checkin_id is not None:
        query = query.where(REFLECTION.c.checkin_id == checkin_id)
    if first is not None:
        query = query.where(REFLECTION.c.day >= first)
    if last is not None:
        query = query.where(REFLECTION.c.day <= last)
    return [_reflection_from(r) for r in conn.execute(query)]


def reflections_repairing(conn: Connection, checkin_id: int) -> list[int]:
    """The ids of the reflections linked to (repairing) one check-in."""
    rows = conn.execute(sa.select(REFLECTION.c.id).where(REFLECTION.c.checkin_id == checkin_id))
    return [int(r[0]) for r in rows]


def relink_reflections(conn: Connection, reflection_ids: Iterable[int], checkin_id: int) -> None:
    ids = list(reflection_ids)
    if ids:
        conn.execute(
            sa.update(REFLECTION).where(REFLECTION.c.id.in_(ids)).values(checkin_id=checkin_id)
        )


# --- settings ---------------------------------------------------------------------------


def get_settings(conn: Connection) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, raw in conn.execute(sa.select(SETTING.c.key, SETTING.c.value)):
        try:
            out[key] = json.loads(raw)
        except ValueError:
            continue  # a hand-edited value we cannot read falls back to the default
    return out


def put_setting(conn: Connection, key: str, value: Any) -> None:
    raw = json.dumps(value)
    updated = conn.execute(sa.update(SETTING).where(SETTING.c.key == key).values(value=raw))
    if updated.rowcount == 0:
        conn.execute(sa.insert(SETTING).values(key=key, value=raw))
