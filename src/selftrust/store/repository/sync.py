"""Sync's tables: the change log, this device's state, the engine's cache, kept conflicts,
and the records read and written by the key other devices know them by (the uid).

Writing the synced tables still goes through the other repository modules; this one
holds only what sync alone needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from selftrust.store import tables
from selftrust.store.repository.handles import (
    CHECKIN,
    COMMITMENT,
    PAUSE,
    REFLECTION,
    SETTING,
    inserted_id,
    table_of,
)

CHANGE = table_of(tables.SyncChange)
STATE = table_of(tables.SyncState)
DOC = table_of(tables.SyncDoc)
PEER = table_of(tables.SyncPeer)
CONFLICT = table_of(tables.SyncConflict)
WAITING = table_of(tables.SyncWaiting)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    seq: int
    kind: str  # commitment | pause | checkin | reflection | setting (as the triggers note)
    key: str
    changed_at: int  # real-clock ms


@dataclass(frozen=True, slots=True)
class StateRow:
    device_id: str
    device_name: str
    folder: str
    encrypted: bool
    joined: bool
    last_pass: datetime | None
    clock_ms: int
    clock_counter: int


@dataclass(frozen=True, slots=True)
class ConflictRow:
    id: int
    kind: str
    key: str
    field: str
    other_text: str | None
    other_device: str
    found_at: datetime
    told: bool


# --- the change log ---------------------------------------------------------------------
def pending_changes(conn: Connection) -> list[ChangeRow]:
    rows = conn.execute(sa.select(CHANGE).order_by(CHANGE.c.seq))
    return [ChangeRow(r.seq, r.kind, r.key, r.changed_at) for r in rows]


def last_change_seq(conn: Connection) -> int:
    return int(conn.execute(sa.select(sa.func.max(CHANGE.c.seq))).scalar() or 0)


def changed_keys_after(conn: Connection, seq: int) -> list[tuple[str, str]]:
    """Records noted after ``seq`` (written here while a pass ran), as the triggers noted."""
    rows = conn.execute(sa.select(CHANGE.c.kind, CHANGE.c.key).where(CHANGE.c.seq > seq))
    return [(r.kind, r.key) for r in rows]


def forget_changes(conn: Connection, *, up_to: int | None = None, after: int | None = None
                   ) -> None:
    query = sa.delete(CHANGE)
    if up_to is not None:
        query = query.where(CHANGE.c.seq <= up_to)
    if after is not None:
        query = query.where(CHANGE.c.seq > after)
    conn.execute(query)


# --- this device ------------------------------------------------------------------------
def get_state(conn: Connection) -> StateRow | None:
    row = conn.execute(sa.select(STATE)).first()
    if row is None:
        return None
    return StateRow(row.device_id, row.device_name, row.folder, bool(row.encrypted),
                    bool(row.joined), row.last_pass, row.clock_ms, row.clock_counter)


def put_state(conn: Connection, state: StateRow) -> None:
    conn.execute(sa.delete(STATE))
    conn.execute(sa.insert(STATE).values(
        id=1, device_id=state.device_id, device_name=state.device_name, folder=state.folder,
        encrypted=state.encrypted, joined=state.joined, last_pass=state.last_pass,
        clock_ms=state.clock_ms, clock_counter=state.clock_counter))


def forget_sync(conn: Connection) -> None:
    """Everything sync kept here (the record itself stays)."""
    for table in (STATE, DOC, PEER, CHANGE, CONFLICT, WAITING):
        conn.execute(sa.delete(table))


# --- the engine's cache -----------------------------------------------------------------
def doc_names(conn: Connection) -> set[str]:
    return {str(n) for n in conn.execute(sa.select(DOC.c.name)).scalars()}


def load_doc(conn: Connection, name: str) -> bytes | None:
    state = conn.execute(sa.select(DOC.c.state).where(DOC.c.name == name)).scalar()
    return None if state is None else bytes(state)


def save_docs(conn: Connection, docs: dict[str, bytes]) -> None:
    for name, state in docs.items():
        conn.execute(sa.delete(DOC).where(DOC.c.name == name))
        conn.execute(sa.insert(DOC).values(name=name, state=state))


def peer_offsets(conn: Connection) -> dict[str, tuple[int, int]]:
    rows = conn.execute(sa.select(PEER))
    return {r.device_id: (int(r.generation), int(r.offset)) for r in rows}


def save_offsets(conn: Connection, offsets: dict[str, tuple[int, int]]) -> None:
    for device_id, (generation, offset) in offsets.items():
        conn.execute(sa.delete(PEER).where(PEER.c.device_id == device_id))
        conn.execute(sa.insert(PEER).values(device_id=device_id, generation=generation,
                                            offset=offset))


# --- records waiting for their commitment ---------------------------------------------
def add_waiting(conn: Connection, kind: str, key: str) -> None:
    conn.execute(sa.delete(WAITING).where(WAITING.c.kind == kind, WAITING.c.key == key))
    conn.execute(sa.insert(WAITING).values(kind=kind, key=key))


def waiting(conn: Connection) -> list[tuple[str, str]]:
    return [(r.kind, r.key) for r in conn.execute(sa.select(WAITING))]


def forget_waiting(conn: Connection, kind: str, key: str) -> None:
    conn.execute(sa.delete(WAITING).where(WAITING.c.kind == kind, WAITING.c.key == key))


# --- conflicts --------------------------------------------------------------------------
def add_conflict(conn: Connection, *, kind: str, key: str, field: str, other_text: str | None,
                 other_device: str, found_at: datetime) -> bool:
    """Keep a losing text (once); True when it was not kept before."""
    known = conn.execute(sa.select(CONFLICT.c.id).where(
        CONFLICT.c.kind == kind, CONFLICT.c.key == key, CONFLICT.c.field == field,
        CONFLICT.c.other_text.is_(other_text) if other_text is None
        else CONFLICT.c.other_text == other_text)).first()
    if known is not None:
        return False
    conn.execute(sa.insert(CONFLICT).values(
        kind=kind, key=key, field=field, other_text=other_text, other_device=other_device,
        found_at=found_at, told=False))
    return True


def conflicts(conn: Connection, *, untold_only: bool = False) -> list[ConflictRow]:
    query = sa.select(CONFLICT).order_by(CONFLICT.c.id)
    if untold_only:
        query = query.where(CONFLICT.c.told.is_(False))
    return [ConflictRow(r.id, r.kind, r.key, r.field, r.other_text, r.other_device,
                        r.found_at, bool(r.told)) for r in conn.execute(query)]


def conflicts_of(conn: Connection, kind: str, key: str) -> list[ConflictRow]:
    """The texts kept beside one record, oldest first."""
    query = sa.select(CONFLICT).where(CONFLICT.c.kind == kind, CONFLICT.c.key == key)
    return [ConflictRow(r.id, r.kind, r.key, r.field, r.other_text, r.other_device,
                        r.found_at, bool(r.told))
            for r in conn.execute(query.order_by(CONFLICT.c.id))]


def reflection_by_id(conn: Connection, reflection_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(REFLECTION).where(REFLECTION.c.id == reflection_id)).first()
    return None if row is None else dict(row._mapping)


def mark_told(conn: Connection, ids: Iterable[int]) -> None:
    conn.execute(sa.update(CONFLICT).where(CONFLICT.c.id.in_(list(ids))).values(told=True))


# --- records by the names other devices know ------------------------------------------
def commitment_ids_by_uid(conn: Connection) -> dict[str, int]:
    return {r.uid: r.id for r in conn.execute(sa.select(COMMITMENT.c.uid, COMMITMENT.c.id))}


def commitment_uids_by_id(conn: Connection) -> dict[int, str]:
    return {r.id: r.uid for r in conn.execute(sa.select(COMMITMENT.c.uid, COMMITMENT.c.id))}


def commitment_columns(conn: Connection, uid: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(COMMITMENT).where(COMMITMENT.c.uid == uid)).first()
    return None if row is None else dict(row._mapping)


def checkin_columns(conn: Connection, commitment_id: int, day: date) -> dict[str, Any] | None:
    row = conn.execute(sa.select(CHECKIN).where(
        CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)).first()
    return None if row is None else dict(row._mapping)


def checkin_place(conn: Connection, checkin_id: int) -> tuple[int, date] | None:
    row = conn.execute(sa.select(CHECKIN.c.commitment_id, CHECKIN.c.day)
                       .where(CHECKIN.c.id == checkin_id)).first()
    return None if row is None else (int(row.commitment_id), row.day)


def checkin_id_at(conn: Connection, commitment_id: int, day: date) -> int | None:
    found = conn.execute(sa.select(CHECKIN.c.id).where(
        CHECKIN.c.commitment_id == commitment_id, CHECKIN.c.day == day)).scalar()
    return None if found is None else int(found)


def reflection_columns(conn: Connection, uid: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(REFLECTION).where(REFLECTION.c.uid == uid)).first()
    return None if row is None else dict(row._mapping)


def all_keys(conn: Connection) -> list[tuple[str, str]]:
    """Every synced record here, as (kind as the triggers note it, key): a first pass
    sends them all."""
    keys: list[tuple[str, str]] = [
        ("commitment", uid) for uid in conn.execute(sa.select(COMMITMENT.c.uid)).scalars()]
    keys += [("checkin", f"{cid}/{day.isoformat()}") for cid, day in
             conn.execute(sa.select(CHECKIN.c.commitment_id, CHECKIN.c.day))]
    keys += [("reflection", uid) for uid in conn.execute(sa.select(REFLECTION.c.uid)).scalars()]
    return keys


def pause_days(conn: Connection, commitment_id: int) -> list[tuple[date, date]]:
    rows = conn.execute(sa.select(PAUSE.c.first_day, PAUSE.c.last_day)
                        .where(PAUSE.c.commitment_id == commitment_id)
                        .order_by(PAUSE.c.first_day, PAUSE.c.last_day))
    return [(r.first_day, r.last_day) for r in rows]


def put_commitment_columns(conn: Connection, uid: str, columns: dict[str, Any],
                           pauses: Iterable[tuple[date, date]]) -> int:
    """Insert or update the commitment named ``uid`` (its reminder stays this machine's)
    and set its pauses; returns its id here."""
    found = conn.execute(sa.select(COMMITMENT.c.id).where(COMMITMENT.c.uid == uid)).scalar()
    if found is None:
        result = conn.execute(sa.insert(COMMITMENT).values(uid=uid, **columns))
        cid = inserted_id(result)
    else:
        cid = int(found)
        conn.execute(sa.update(COMMITMENT).where(COMMITMENT.c.id == cid).values(**columns))
    wanted = sorted(pauses)
    if pause_days(conn, cid) != wanted:
        conn.execute(sa.delete(PAUSE).where(PAUSE.c.commitment_id == cid))
        if wanted:
            conn.execute(sa.insert(PAUSE), [
                {"commitment_id": cid, "first_day": a, "last_day": b} for a, b in wanted])
    return cid


def delete_by_uid(conn: Connection, kind: str, uid: str) -> bool:
    table = {"commitment": COMMITMENT, "reflection": REFLECTION}[kind]
    return conn.execute(sa.delete(table).where(table.c.uid == uid)).rowcount > 0


def put_reflection_columns(conn: Connection, uid: str, columns: dict[str, Any]) -> None:
    found = conn.execute(sa.select(REFLECTION.c.id).where(REFLECTION.c.uid == uid)).scalar()
    if found is None:
        conn.execute(sa.insert(REFLECTION).values(uid=uid, **columns))
    else:
        conn.execute(sa.update(REFLECTION).where(REFLECTION.c.id == found).values(**columns))


def delete_setting(conn: Connection, key: str) -> None:
    conn.execute(sa.delete(SETTING).where(SETTING.c.key == key))


def setting_raw(conn: Connection, key: str) -> str | None:
    value = conn.execute(sa.select(SETTING.c.value).where(SETTING.c.key == key)).scalar()
    return None if value is None else str(value)



# --- many records at once (a device joining, a large import sent) ------------------------
def _stored_time(moment: datetime) -> str:
    """A timestamp as SQLAlchemy stores a DateTime in SQLite."""
    return moment.isoformat(sep=" ", timespec="microseconds")


def put_checkins(conn: Connection, rows: Sequence[tuple[int, date, str, float | None,
                                                        str | None]], recorded_at: datetime
                 ) -> None:
    """Insert or update (commitment id, day, status, value, note) check-ins in one
    statement; an update keeps the row's id (its reflections stay linked) and leaves a
    row that already says the same untouched."""
    if rows:
        stamp = _stored_time(recorded_at)
        conn.exec_driver_sql(
            "INSERT INTO checkin (commitment_id, day, status, value, note, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (commitment_id, day) DO UPDATE SET"
            " status = excluded.status, value = excluded.value, note = excluded.note,"
            " recorded_at = excluded.recorded_at"
            " WHERE status IS NOT excluded.status OR value IS NOT excluded.value"
            " OR note IS NOT excluded.note",
            [(cid, day.isoformat(), status, value, note or None, stamp)
             for cid, day, status, value, note in rows])


def delete_checkins(conn: Connection, places: Sequence[tuple[int, date]]) -> None:
    if places:
        conn.exec_driver_sql("DELETE FROM checkin WHERE commitment_id = ? AND day = ?",
                             [(cid, day.isoformat()) for cid, day in places])


def all_commitment_columns(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(sa.select(COMMITMENT))]


def all_pauses(conn: Connection) -> dict[int, list[tuple[date, date]]]:
    out: dict[int, list[tuple[date, date]]] = {}
    for r in conn.execute(sa.select(PAUSE.c.commitment_id, PAUSE.c.first_day, PAUSE.c.last_day)
                          .order_by(PAUSE.c.first_day, PAUSE.c.last_day)):
        out.setdefault(r.commitment_id, []).append((r.first_day, r.last_day))
    return out


def any_checkin(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM checkin)").scalar() == 1


def all_checkin_values(conn: Connection) -> list[tuple[int, str, str, float | None, str | None]]:
    """(commitment id, day as ISO text, status, value, note) of every check-in."""
    rows = conn.exec_driver_sql("SELECT commitment_id, day, status, value, note FROM checkin")
    return [(int(c), str(d), str(s), v, n) for c, d, s, v, n in rows]



def unlinked_reflection_places(conn: Connection) -> list[tuple[str, int, date]]:
    """(uid, commitment id, day) of reflections about a commitment with no check-in link."""
    rows = conn.execute(sa.select(REFLECTION.c.uid, REFLECTION.c.commitment_id, REFLECTION.c.day)
                        .where(REFLECTION.c.checkin_id.is_(None),
                               REFLECTION.c.commitment_id.is_not(None)))
    return [(r.uid, int(r.commitment_id), r.day) for r in rows]


def put_reflections(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or update reflections by uid, in one statement."""
    if rows:
        insert = sqlite_insert(REFLECTION)
        names = [c for c in rows[0] if c != "uid"]
        conn.execute(insert.on_conflict_do_update(
            index_elements=[REFLECTION.c.uid],
            set_={n: insert.excluded[n] for n in names}), list(rows))


def delete_reflections(conn: Connection, uids: Sequence[str]) -> None:
    if uids:
        conn.exec_driver_sql("DELETE FROM reflection WHERE uid = ?", [(u,) for u in uids])


def checkin_ids(conn: Connection) -> dict[tuple[int, str], int]:
    """Every check-in's id by (commitment id, day as ISO text): read raw, since a joining
    device reads tens of thousands and parsing their days costs more than the query."""
    rows = conn.exec_driver_sql("SELECT commitment_id, day, id FROM checkin")
    return {(int(c), str(d)): int(i) for c, d, i in rows}


def all_reflection_columns(conn: Connection) -> list[dict[str, Any]]:
    """Every reflection, with its check-in's place as ``checkin_place`` (or None)."""
    linked = {int(r.id): (int(r.commitment_id), r.day) for r in conn.execute(
        sa.select(CHECKIN.c.id, CHECKIN.c.commitment_id, CHECKIN.c.day).where(
            CHECKIN.c.id.in_(sa.select(REFLECTION.c.checkin_id))))}
    out = []
    for r in conn.execute(sa.select(REFLECTION)):
        row = dict(r._mapping)
        row["checkin_place"] = linked.get(row["checkin_id"]) if row["checkin_id"] else None
        out.append(row)
    return out
