"""This device's changes as versions: the change log read, each record read as it is now.

A record noted several times since the last pass is sent once, stamped by its latest
change. The first pass of a device sends its whole record; when it joins a folder that
already holds one, those first versions carry the earliest possible time, so whatever
the folder's devices decided wins over a newcomer's same-named record (its settings,
a commitment both imported from one Loop backup) and nothing else is lost: records
with other names are simply added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.engine import Connection

from selftrust.services.sync.clock import HybridClock, change_wall_ms
from selftrust.services.sync.fields import Names, RecordKey, read_fields
from selftrust.store.change_log import SYNCED_SETTINGS
from selftrust.store.repository import sync as repo
from selftrust.sync import Stamp, Version

Seen = Callable[[str, str], Stamp | None]


def changed_versions(conn: Connection, changes: Sequence[repo.ChangeRow], clock: HybridClock,
                     *, app_now_ms: int, real_ms: int, seen: Seen) -> list[Version]:
    names = Names(conn)
    latest: dict[RecordKey, int] = {}
    for change in changes:
        record = names.record_key(change.kind, change.key)
        if record is not None:
            latest.pop(record, None)  # re-inserted: the dict keeps the order of last changes
            latest[record] = change.changed_at
    out = []
    for record, changed_at in latest.items():
        wall = change_wall_ms(app_now_ms, changed_at, real_ms)
        out.append(Version(record.kind, record.key, read_fields(conn, names, record),
                           clock.stamp(wall), seen(record.kind, record.key)))
    return out


def whole_record(conn: Connection, clock: HybridClock, *, wall_ms: int) -> list[Version]:
    """Every record here, for a device's first pass."""
    names = Names(conn)
    records = [names.record_key(kind, key) for kind, key in repo.all_keys(conn)]
    records += [RecordKey("setting", name) for name in SYNCED_SETTINGS]
    out = []
    for record in records:
        if record is None:
            continue
        fields = read_fields(conn, names, record)
        if fields is not None:
            out.append(Version(record.kind, record.key, fields, clock.stamp(wall_ms)))
    return out
