"""This device's changes as versions: the change log read, each record read as it is now.

A record noted several times since the last pass is sent once, stamped by its latest
change. The first pass of a device sends its whole record (after taking in what the
folder already held, see pass_.py).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from sqlalchemy.engine import Connection

from selftrust.services.sync.clock import HybridClock, change_wall_ms
from selftrust.services.sync.fields import Names, RecordKey, every_record, read_fields
from selftrust.store.repository import sync as repo
from selftrust.sync import Version

MANY = 500
"""From this many changed records on, the whole record is read at once."""


def changed_versions(conn: Connection, changes: Sequence[repo.ChangeRow], clock: HybridClock,
                     *, app_now_ms: int, real_ms: int) -> list[Version]:
    """Versions of the records noted (``seen`` is left to the engine: the winner it holds)."""
    names = Names(conn)
    latest: dict[RecordKey, int] = {}
    for change in changes:
        record = names.record_key(change.kind, change.key)
        if record is not None:
            latest.pop(record, None)  # re-inserted: the dict keeps the order of last changes
            latest[record] = change.changed_at
    everything = every_record(conn, names) if len(latest) >= MANY else None
    out = []
    for record, changed_at in latest.items():
        wall = change_wall_ms(app_now_ms, changed_at, real_ms)
        fields = (read_fields(conn, names, record) if everything is None
                  else everything.get(record))
        out.append(Version(record.kind, record.key, fields, clock.stamp(wall)))
    return out


def whole_record(conn: Connection, clock: HybridClock, *, wall_ms: int,
                 skip: Container[tuple[str, str]], checkins: bool = True) -> list[Version]:
    """Every record here but those named in ``skip`` as (kind, key), for a device's
    first pass; without ``checkins``, no check-in (all of them just arrived)."""
    return [Version(record.kind, record.key, fields, clock.stamp(wall_ms))
            for record, fields in every_record(conn, Names(conn), skip,
                                               checkins=checkins).items()]
