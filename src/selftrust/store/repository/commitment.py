"""Commitments with their pauses: a commitment's rules live in columns of its row and
in the pause table, and always travel together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.reminder import Reminder, ReminderError
from selftrust.domain.schedule import Schedule, ScheduleKind
from selftrust.store.records import CommitmentRow
from selftrust.store.repository.handles import COMMITMENT, PAUSE, inserted_id


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
    new_id = inserted_id(result)
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
