"""Other devices' winning versions written into SQLite, inside the pass's one transaction.

Each record is written in its own savepoint: a version this database refuses (a rule an
older or newer device did not keep) is skipped with a message, never half written, and
the rest of the pass goes on. A commitment's deletion cascades as a local delete does
(its check-ins and pauses go, its reflections stay without it). Order matters: the
commitments first, so check-ins and reflections find theirs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.domain.history import Status
from selftrust.services.sync.fields import Names, RecordKey, columns_from
from selftrust.store import repository as base_repo
from selftrust.store.change_log import COMMITMENT_FIELDS, SYNCED_SETTINGS
from selftrust.store.repository import sync as repo
from selftrust.sync import Resolution

log = logging.getLogger(__name__)

ORDER = ("commitment", "checkin", "reflection", "setting")
_COMMITMENT_COLUMNS = tuple(n for n in COMMITMENT_FIELDS if n != "uid")
_REFLECTION_COLUMNS = (
    "created_at", "updated_at", "day", "happened", "owning", "friend", "learned",
    "next_step", "feeling_before", "feeling_after",
)  # fmt: skip


@dataclass
class Applied:
    """What the apply wrote: records by kind and the device that won them."""

    records: list[Resolution] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def apply_winners(conn: Connection, resolutions: Iterable[Resolution], *, now: datetime,
                  hold: set[RecordKey]) -> Applied:
    """Write each winner; ``hold`` names records changed here while the pass ran (their
    newer local change is sent next pass and wins then)."""
    applied = Applied()
    ordered = sorted(resolutions, key=lambda r: (ORDER.index(r.kind), r.key))
    names = Names(conn)
    for resolution in ordered:
        if RecordKey(resolution.kind, resolution.key) in hold:
            continue
        try:
            with conn.begin_nested():
                if _apply(conn, names, resolution, now):
                    applied.records.append(resolution)
        except sa.exc.IntegrityError as exc:
            log.warning("sync: %s %s refused: %s", resolution.kind, resolution.key, exc)
            applied.refused.append(
                f"A {resolution.kind.replace('checkin', 'check-in')} from another device "
                "did not fit this data and was left out.")
        if resolution.kind == "commitment":
            names = Names(conn)
    return applied


def _apply(conn: Connection, names: Names, resolution: Resolution, now: datetime) -> bool:
    kind, key, fields = resolution.kind, resolution.key, resolution.winner.fields
    if kind == "commitment":
        if fields is None:
            return repo.delete_by_uid(conn, "commitment", key)
        pauses = [(date.fromisoformat(a), date.fromisoformat(b))
                  for a, b in fields.get("pauses", [])]
        repo.put_commitment_columns(conn, key, columns_from(dict(fields), _COMMITMENT_COLUMNS),
                                    pauses)
        return True
    if kind == "checkin":
        place = names.checkin_place(key)
        if place is None:  # its commitment has not arrived yet (or its deletion won)
            repo.add_waiting(conn, "checkin", key)
            return False
        if fields is None:
            base_repo.delete_checkin(conn, *place)
            return True
        base_repo.upsert_checkin(conn, commitment_id=place[0], day=place[1],
                                 status=Status(fields["status"]), value=fields.get("value"),
                                 note=fields.get("note"), recorded_at=now)
        return True
    if kind == "reflection":
        if fields is None:
            return repo.delete_by_uid(conn, "reflection", key)
        columns = columns_from(dict(fields), _REFLECTION_COLUMNS)
        about = fields.get("commitment")
        columns["commitment_id"] = names.id_of.get(about or "")
        if about and columns["commitment_id"] is None:
            repo.add_waiting(conn, "reflection", key)
        link = fields.get("checkin")
        place = names.checkin_place(link) if link else None
        columns["checkin_id"] = None if place is None else repo.checkin_id_at(conn, *place)
        repo.put_reflection_columns(conn, key, columns)
        return True
    if kind == "setting" and key in SYNCED_SETTINGS:
        if fields is None:
            repo.delete_setting(conn, key)
        else:
            base_repo.put_setting(conn, key, fields.get("value"))
        return True
    return False


def retry_waiting(conn: Connection, resolve: Callable[[str, str], Resolution | None],
                  *, now: datetime) -> list[Resolution]:
    """Write the records that arrived before their commitment, once it is here; forget
    those whose commitment's deletion won."""
    done = []
    for kind, key in repo.waiting(conn):
        names = Names(conn)
        found = resolve(kind, key)
        fields = None if found is None else found.winner.fields
        about = key.rpartition("/")[0] if kind == "checkin" else (fields or {}).get("commitment")
        if found is None or not about:
            repo.forget_waiting(conn, kind, key)
            continue
        if about not in names.id_of:
            owner = resolve("commitment", about)
            if owner is not None and owner.deleted:
                repo.forget_waiting(conn, kind, key)
            continue
        repo.forget_waiting(conn, kind, key)
        try:
            with conn.begin_nested():
                if _apply(conn, names, found, now):
                    done.append(found)
        except sa.exc.IntegrityError as exc:
            log.warning("sync: waiting %s %s refused: %s", kind, key, exc)
    return done


def relink_reflections(conn: Connection, checkin_keys: Iterable[str],
                       resolve: Callable[[str, str], Resolution | None]) -> None:
    """Link reflections to check-ins that arrived after them (a log cut between the two):
    a reflection of that commitment and day without a check-in link gets the link its
    winning version names."""
    names = Names(conn)
    for key in checkin_keys:
        place = names.checkin_place(key)
        checkin_id = None if place is None else repo.checkin_id_at(conn, *place)
        if place is None or checkin_id is None:
            continue
        for uid in repo.unlinked_reflections(conn, *place):
            found = resolve("reflection", uid)
            if found is not None and found.winner.fields and \
                    found.winner.fields.get("checkin") == key:
                repo.put_reflection_columns(conn, uid, {"checkin_id": checkin_id})
