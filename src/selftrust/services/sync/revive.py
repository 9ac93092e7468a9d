"""A commitment deleted here that comes back (a later edit on another device won over the
deletion) gets its check-ins back too.

Deleting it here took its check-ins along (the database cascades), but the other
devices' versions of them are still in the documents, so they are written again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.engine import Connection

from selftrust.services.sync.apply import Applied, apply_winners
from selftrust.sync import Engine, Resolution


def revive_checkins(conn: Connection, engine: Engine, commitments: Iterable[Resolution], *,
                    skip: set[str], now: datetime) -> Applied:
    """Write again the winning check-ins of commitments that came back."""
    found = []
    for commitment in commitments:
        for key in engine.keys_of(commitment.key):
            if key not in skip and (resolution := engine.resolve("checkin", key)) is not None:
                found.append(resolution)
    return apply_winners(conn, found, now=now, hold=set())
