"""The Loop bridge's two tables: which commitment is which Loop habit, and what the last
merged Loop backup held for it (see migration 0003)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.store import tables
from selftrust.store.repository.handles import inserted_id, table_of

LOOP_LINK = table_of(tables.LoopLink)
LOOP_MARK = table_of(tables.LoopMark)

Mark = tuple[str, float | None, str | None]
"""One day as a check-in sees it: (status, value, note)."""


@dataclass(frozen=True, slots=True)
class LinkRow:
    id: int
    commitment_id: int
    loop_uuid: str
    merged_habit: str | None


def links(conn: Connection) -> dict[str, LinkRow]:
    """Every link, by Loop's uuid."""
    rows = conn.execute(sa.select(LOOP_LINK).order_by(LOOP_LINK.c.id))
    return {r.loop_uuid: LinkRow(r.id, r.commitment_id, r.loop_uuid, r.merged_habit)
            for r in rows}


def insert_link(conn: Connection, commitment_id: int, loop_uuid: str,
                merged_habit: str | None = None) -> int:
    result = conn.execute(sa.insert(LOOP_LINK).values(
        commitment_id=commitment_id, loop_uuid=loop_uuid, merged_habit=merged_habit))
    return inserted_id(result)


def set_merged_habit(conn: Connection, link_id: int, merged_habit: str | None) -> None:
    conn.execute(sa.update(LOOP_LINK).where(LOOP_LINK.c.id == link_id)
                 .values(merged_habit=merged_habit))


def marks(conn: Connection, link_id: int) -> dict[date, Mark]:
    rows = conn.execute(sa.select(LOOP_MARK.c.day, LOOP_MARK.c.status, LOOP_MARK.c.value,
                                  LOOP_MARK.c.note).where(LOOP_MARK.c.link_id == link_id))
    return {day: (status, value, note) for day, status, value, note in rows}


def forget_marks(conn: Connection, link_id: int, days: Iterable[date]) -> None:
    wanted = list(days)
    if wanted:
        conn.execute(sa.delete(LOOP_MARK).where(LOOP_MARK.c.link_id == link_id,
                                                LOOP_MARK.c.day.in_(wanted)))


def put_marks(conn: Connection, link_id: int, changed: dict[date, Mark]) -> None:
    """Write (insert or replace) the given days of a link's last merged backup."""
    if not changed:
        return
    forget_marks(conn, link_id, changed)
    conn.execute(sa.insert(LOOP_MARK), [
        {"link_id": link_id, "day": day, "status": s, "value": v, "note": n}
        for day, (s, v, n) in changed.items()
    ])
