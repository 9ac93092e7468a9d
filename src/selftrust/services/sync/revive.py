"""A commitment deleted here that comes back (a later edit on another device won over the
deletion) gets its check-ins back too.

Deleting it here took its check-ins along (the database cascades), but the other
devices' versions of them are still in the documents, so they are written again.

The engine's API names no way to list a commitment's check-ins, so this adapter reads
the keys from its documents (``selftrust.sync.document``): the check-ins of a commitment
live in documents named "checkin/<uid>/<year>". (Asked of sync-core: an
``Engine.keys_of(commitment_uid)``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.engine import Connection

from selftrust.services.sync.apply import Applied, apply_winners
from selftrust.services.sync.cache import SqliteDocCache
from selftrust.sync import Engine, Resolution


def checkin_keys(cache: SqliteDocCache, device_id: str, uid: str) -> list[str]:
    from selftrust.sync.document import Document

    keys: list[str] = []
    for name in sorted(cache.names(f"checkin/{uid}/")):
        keys += Document(name, cache.load(name), device_id).records("checkin")
    return keys


def revive_checkins(conn: Connection, engine: Engine, cache: SqliteDocCache, device_id: str,
                    commitments: Iterable[Resolution], *, skip: set[str],
                    now: datetime) -> Applied:
    """Write again the winning check-ins of commitments that came back."""
    found = []
    for commitment in commitments:
        for key in checkin_keys(cache, device_id, commitment.key):
            if key not in skip and (resolution := engine.resolve("checkin", key)) is not None:
                found.append(resolution)
    return apply_winners(conn, found, now=now, hold=set())
