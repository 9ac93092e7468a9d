"""Other devices' winning versions written into SQLite, inside the pass's one transaction.

Check-ins and reflections are written in batches, the rest one by one, each in its own
savepoint; a version this database refuses (a rule an older or newer device did not keep)
is skipped with a message, never half written (a refused batch is written again one by
one), and the rest of the pass goes on. A commitment's deletion cascades as a local delete does
(its check-ins and pauses go, its reflections stay without it). Order matters: the
commitments first, so check-ins and reflections find theirs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.domain.history import Status
from selftrust.services.sync.fields import Names, RecordKey, columns_from
from selftrust.store import repository as base_repo
from selftrust.store.change_log import COMMITMENT_FIELDS, SYNCED_SETTINGS
from selftrust.store.repository import sync as repo
from selftrust.sync import Resolution

log = logging.getLogger(__name__)

ORDER = ("commitment", "checkin", "reflection", "setting")
_BATCHED = ("checkin", "reflection")
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
    new_commitments: list[Resolution] = field(default_factory=list)  # not here before


def apply_winners(conn: Connection, resolutions: Iterable[Resolution], *, now: datetime,
                  hold: set[RecordKey]) -> Applied:
    """Write each winner; ``hold`` names records changed here while the pass ran (their
    newer local change is sent next pass and wins then)."""
    applied = Applied()
    rank = {kind: i for i, kind in enumerate(ORDER)}
    ordered = [r for r in sorted(resolutions, key=lambda r: (rank[r.kind], r.key))
               if not hold or RecordKey(r.kind, r.key) not in hold]
    names = Names(conn)
    batches = {kind: [r for r in ordered if r.kind == kind] for kind in _BATCHED}
    for resolution in ordered:
        batch = batches.get(resolution.kind)
        if batch is not None:
            if batch:  # all of them at once: a joining device takes in years of them
                _apply_batch(conn, names, batch, now, applied)
                batch.clear()
            continue
        _apply_one(conn, names, resolution, now, applied)
        if resolution.kind == "commitment":
            if not resolution.deleted and resolution.key not in names.id_of:
                applied.new_commitments.append(resolution)
            names = Names(conn)
    return applied


def _apply_one(conn: Connection, names: Names, resolution: Resolution, now: datetime,
               applied: Applied) -> None:
    """One record in its own savepoint: refused, it is left out whole."""
    try:
        with conn.begin_nested():
            if _apply(conn, names, resolution, now):
                applied.records.append(resolution)
    except (sa.exc.IntegrityError, ValueError) as exc:  # ValueError: an unknown status
        log.warning("sync: %s %s refused: %s", resolution.kind, resolution.key, exc)
        applied.refused.append(refused_words(resolution.kind))


def refused_words(kind: str) -> str:
    """What a record another device sent and this database refused is told."""
    if kind == "checkin":
        return _("A check-in from another device did not fit this data and was left out.")
    if kind == "reflection":
        return _("A reflection from another device did not fit this data and was left out.")
    if kind == "commitment":
        return _("A commitment from another device did not fit this data and was left out.")
    return _("A setting from another device did not fit this data and was left out.")


def _apply_batch(conn: Connection, names: Names, resolutions: list[Resolution],
                 now: datetime, applied: Applied) -> None:
    """Check-ins or reflections in a couple of statements; if the database refuses one of
    them, one by one instead (each in its own savepoint)."""
    lookup = (_checkin_lookup(repo.checkin_ids(conn)) if resolutions[0].kind == "reflection"
              else None)
    put: list[Any] = []
    gone: list[Any] = []
    done = []
    for resolution in resolutions:
        fields = resolution.winner.fields
        if resolution.kind == "reflection":
            if fields is None:
                gone.append(resolution.key)
            else:
                put.append({"uid": resolution.key,
                            **_reflection_columns(conn, names, resolution.key, fields,
                                                  lookup)})
        else:
            place = names.checkin_place(resolution.key)
            if place is None:  # its commitment has not arrived yet (or its deletion won)
                repo.add_waiting(conn, "checkin", resolution.key)
                continue
            if fields is None:
                gone.append(place)
            else:
                put.append((*place, str(fields["status"]), fields.get("value"),
                            fields.get("note")))
        done.append(resolution)
    # No savepoint around the batch: one costs a joining device a third of its writing
    # (SQLite journals every page the batch touches). None is needed: each statement is
    # atomic by itself, and every one is idempotent (an upsert, a delete), so after a
    # refusal the rows written before it are written again, unchanged, one by one.
    try:
        if resolutions[0].kind == "reflection":
            repo.put_reflections(conn, put)
            repo.delete_reflections(conn, gone)
        else:
            repo.put_checkins(conn, put, now)
            repo.delete_checkins(conn, gone)
    except sa.exc.IntegrityError:
        for resolution in done:
            _apply_one(conn, names, resolution, now, applied)
        return
    applied.records += done


CheckinLookup = Callable[[int, date], "int | None"]


def _checkin_lookup(ids: dict[tuple[int, str], int]) -> CheckinLookup:
    return lambda cid, day: ids.get((cid, day.isoformat()))


def _reflection_columns(conn: Connection, names: Names, key: str, fields: Mapping[str, Any],
                        lookup: CheckinLookup | None) -> dict[str, Any]:
    """A reflection's columns here: its commitment and check-in found by their names (one
    that has not arrived yet leaves the link empty and the reflection waiting for it)."""
    columns = columns_from(dict(fields), _REFLECTION_COLUMNS)
    about = fields.get("commitment")
    columns["commitment_id"] = names.id_of.get(about or "")
    if about and columns["commitment_id"] is None:
        repo.add_waiting(conn, "reflection", key)
    link = fields.get("checkin")
    place = names.checkin_place(link) if link else None
    find = lookup or (lambda cid, day: repo.checkin_id_at(conn, cid, day))
    columns["checkin_id"] = None if place is None else find(*place)
    return columns


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
        repo.put_reflection_columns(conn, key,
                                    _reflection_columns(conn, names, key, fields, None))
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
    names = Names(conn)  # applying a check-in or a reflection adds no commitment
    for kind, key in repo.waiting(conn):
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
        except (sa.exc.IntegrityError, ValueError) as exc:
            log.warning("sync: waiting %s %s refused: %s", kind, key, exc)
    return done


def relink_reflections(conn: Connection, checkin_keys: Iterable[str],
                       resolve: Callable[[str, str], Resolution | None]) -> None:
    """Link reflections to check-ins that arrived after them (a log cut between the two):
    a reflection of that commitment and day without a check-in link gets the link its
    winning version names."""
    names = Names(conn)
    arrived = {place: key for key in checkin_keys
               if (place := names.checkin_place(key)) is not None}
    for uid, commitment_id, day in repo.unlinked_reflection_places(conn):
        key = arrived.get((commitment_id, day))
        checkin_id = None if key is None else repo.checkin_id_at(conn, commitment_id, day)
        if key is None or checkin_id is None:
            continue
        found = resolve("reflection", uid)
        if found is not None and found.winner.fields and \
                found.winner.fields.get("checkin") == key:
            repo.put_reflection_columns(conn, uid, {"checkin_id": checkin_id})
