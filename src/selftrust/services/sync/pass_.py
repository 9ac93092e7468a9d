"""One sync pass: send what changed here, merge what other devices sent, in one commit.

1. Read the change log (or, on a device's first pass, the whole record) into versions,
   stamped by the hybrid clock; the clock's new position is committed before anything is
   written to the folder, so no stamp is ever handed out twice.
2. ``publish`` appends them to this device's log; ``receive`` reads the other devices'.
3. One write transaction: apply the winners (records changed here meanwhile wait for the
   next pass, where their newer change wins), keep conflicting texts, drop the change
   rows the apply itself noted and the ones just sent, save the engine's cache and
   offsets, and note the pass. A pass killed anywhere leaves the database as before it
   or as after it; the folder holds at most versions sent again next time.

Joining a folder that already holds a record backs the data up first.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from selftrust.services.backups import BEFORE_SYNC, back_up_before
from selftrust.services.sync.apply import apply_winners, relink_reflections
from selftrust.services.sync.cache import SqliteDocCache
from selftrust.services.sync.clock import HybridClock, real_now_ms
from selftrust.services.sync.conflicts import keep_conflicts
from selftrust.services.sync.fields import Names
from selftrust.services.sync.merge import same_title_offers
from selftrust.services.sync.result import DeviceSeen, PassResult, summary_words
from selftrust.services.sync.setup import current_state, open_folder, stored_passphrase
from selftrust.services.sync.versions import Seen, changed_versions, whole_record
from selftrust.store.repository import sync as repo
from selftrust.sync import Engine, Stamp, SyncError

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace


def run_pass(ws: Workspace, *, passphrase: str | None = None) -> PassResult:
    state = current_state(ws)
    if passphrase is None and state.encrypted:
        passphrase = stored_passphrase(ws)
    folder = open_folder(Path(state.folder), state.device_id, state.device_name, passphrase)
    cache = SqliteDocCache(ws.read)
    engine = Engine(folder, cache)
    try:
        others = [d for d in folder.devices() if not d.this_device]
    except SyncError as exc:
        from selftrust.services.errors import Invalid

        raise Invalid(exc.message) from None
    backup = None
    if not state.joined and others:
        backup = back_up_before(ws, BEFORE_SYNC).path
    app_now_ms = int(ws.clock.now().timestamp() * 1000)
    clock = HybridClock(state.device_id, state.clock_ms, state.clock_counter)
    with ws.read() as conn:
        upto = repo.last_change_seq(conn)
        if state.joined:
            versions = changed_versions(conn, repo.pending_changes(conn), clock,
                                        app_now_ms=app_now_ms, real_ms=real_now_ms(),
                                        seen=_seen(engine))
        else:
            versions = whole_record(conn, clock, wall_ms=0 if others else app_now_ms)
    with ws.write() as conn:
        repo.put_state(conn, replace(state, clock_ms=clock.last_ms,
                                     clock_counter=clock.counter))
    sent = engine.publish(versions) if versions else 0
    received = engine.receive()
    names = {d.device_id: d.name for d in received.devices}
    for resolution in received.changed.values():
        clock.witness(resolution.winner.stamp)
    with ws.write() as conn:
        before_apply = repo.last_change_seq(conn)
        busy = Names(conn)
        hold = {k for k in (busy.record_key(kind, key)
                            for kind, key in repo.changed_keys_after(conn, upto)) if k}
        mine = [r for r in received.changed.values() if r.winner.stamp.device != state.device_id]
        applied = apply_winners(conn, mine, now=ws.utc_now(), hold=hold)
        relink_reflections(conn, [r.key for r in applied.records if r.kind == "checkin"
                                  and not r.deleted], engine.resolve)
        conflicts = keep_conflicts(conn, received.changed.values(), names, now=ws.utc_now())
        repo.forget_changes(conn, after=before_apply)
        repo.forget_changes(conn, up_to=upto)
        cache.flush(conn)
        repo.put_state(conn, replace(state, joined=True, last_pass=ws.utc_now(),
                                     clock_ms=clock.last_ms, clock_counter=clock.counter))
    if applied.records:
        ws.reload()
    with ws.read() as conn:
        offers = tuple(same_title_offers(conn))
    devices = tuple(DeviceSeen(d.name, d.last_write, d.skipped, d.this_device)
                    for d in received.devices)
    return PassResult(
        sent=sent, received=len(applied.records), devices=devices,
        conflicts=tuple(conflicts), skipped=tuple(received.skipped) + tuple(applied.refused),
        summary=summary_words(applied.records, names, state.device_id), offers=offers,
        backup=backup)


def _seen(engine: Engine) -> Seen:
    """The stamp of the version this device shows now (the one its change replaces)."""

    def seen(kind: str, key: str) -> Stamp | None:
        found = engine.resolve(kind, key)
        return None if found is None else found.winner.stamp
    return seen
