"""Reflections: an empty part is stored as NULL and read back as empty text."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.domain.history import Status
from selftrust.store.records import CheckinRow, ReflectionRow
from selftrust.store.repository.handles import CHECKIN, REFLECTION, inserted_id

REFLECTION_PARTS = ("happened", "owning", "friend", "learned", "next_step")


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


def linked_among(conn: Connection, checkin_ids: Iterable[int]) -> set[int]:
    """Those of ``checkin_ids`` some reflection is about: a few rows' links, without
    reading every reflection (the day's glance asks for one day's check-ins)."""
    wanted = list(checkin_ids)
    if not wanted:
        return set()
    rows = conn.execute(
        sa.select(REFLECTION.c.checkin_id).where(REFLECTION.c.checkin_id.in_(wanted)).distinct()
    )
    return {int(r[0]) for r in rows}


def linked_checkin_ids(conn: Connection) -> set[int]:
    """The check-ins some reflection is about (linked to). Whether a link repairs a
    miss is the domain's call (``domain.history.repairs``), made where it is read."""
    rows = conn.execute(
        sa.select(REFLECTION.c.checkin_id).where(REFLECTION.c.checkin_id.is_not(None)).distinct()
    )
    return {int(r[0]) for r in rows}


def linked_checkins(conn: Connection) -> list[CheckinRow]:
    """The check-ins some reflection is about, each once (without their notes)."""
    linked = sa.select(REFLECTION.c.checkin_id).where(REFLECTION.c.checkin_id.is_not(None))
    rows = conn.execute(
        sa.select(CHECKIN.c.id, CHECKIN.c.commitment_id, CHECKIN.c.day, CHECKIN.c.status,
                  CHECKIN.c.value).where(CHECKIN.c.id.in_(linked))
    )
    return [CheckinRow(r.id, r.commitment_id, r.day, Status(r.status), r.value) for r in rows]


def insert_reflection(conn: Connection, **values: Any) -> int:
    for part in REFLECTION_PARTS:
        if part in values:
            values[part] = values[part] or None
    result = conn.execute(sa.insert(REFLECTION).values(**values))
    return inserted_id(result)


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
    """The ids of the reflections linked to (about) one check-in; they repair it while it
    is a lapse."""
    rows = conn.execute(sa.select(REFLECTION.c.id).where(REFLECTION.c.checkin_id == checkin_id))
    return [int(r[0]) for r in rows]


def relink_reflections(conn: Connection, reflection_ids: Iterable[int], checkin_id: int) -> None:
    ids = list(reflection_ids)
    if ids:
        conn.execute(
            sa.update(REFLECTION).where(REFLECTION.c.id.in_(ids)).values(checkin_id=checkin_id)
        )
