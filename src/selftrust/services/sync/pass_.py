"""One sync pass: send what changed here, merge what other devices sent, in one commit.

1. Read the change log into versions, stamped by the hybrid clock; the clock's new
   position is committed before anything is written to the folder, so no stamp is ever
   handed out twice.
2. ``publish`` appends them to this device's log; ``receive`` reads the other devices'.
   (A device's first pass receives first and then sends its whole record, inside the
   transaction below, so that a record both sides hold reads as the folder had it.)
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

from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.services.backups import BEFORE_SYNC, back_up_before
from selftrust.services.errors import Invalid
from selftrust.services.events import Change, What
from selftrust.services.sync.apply import apply_winners, relink_reflections, retry_waiting
from selftrust.services.sync.cache import SqliteDocCache
from selftrust.services.sync.clock import HybridClock, real_now_ms
from selftrust.services.sync.conflicts import keep_conflicts
from selftrust.services.sync.fields import Names, RecordKey
from selftrust.services.sync.lock import one_pass_at_a_time
from selftrust.services.sync.merge import same_title_offers
from selftrust.services.sync.result import DeviceSeen, PassResult, summary_words
from selftrust.services.sync.revive import revive_checkins
from selftrust.services.sync.setup import current_state, open_folder, stored_passphrase
from selftrust.services.sync.versions import changed_versions, whole_record
from selftrust.store.repository import sync as repo
from selftrust.sync import DeviceInfo, Engine, SyncError, SyncFolder

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace


def run_pass(ws: Workspace, *, passphrase: str | None = None) -> PassResult:
    """One pass; Invalid (a UserError) with words for the person when the folder cannot
    be used (missing, wrong passphrase, not writable) or another pass is running."""
    with one_pass_at_a_time(ws.db.folder.root):
        try:
            return _pass(ws, passphrase)
        except SyncError as exc:
            raise Invalid(exc.message) from None
        except OSError as exc:
            # TRANSLATORS: {reason} is the system's own words.
            raise Invalid(_("The sync folder could not be read or written ({reason}). Nothing "
                            "was lost; the next pass tries again.").format(
                reason=exc.strerror)) from None


def _pass(ws: Workspace, passphrase: str | None) -> PassResult:
    state = current_state(ws)
    if passphrase is None and state.encrypted:
        passphrase = stored_passphrase(ws)
    folder = open_folder(Path(state.folder), state.device_id, state.device_name, passphrase)
    cache = SqliteDocCache(ws.read)
    engine = Engine(folder, cache)
    clock = HybridClock(state.device_id, state.clock_ms, state.clock_counter)
    app_now_ms = int(ws.clock.now().timestamp() * 1000)
    backup = None
    with ws.read() as conn:
        upto = repo.last_change_seq(conn)
        changes = repo.pending_changes(conn) if state.joined else []
    sent = 0
    if changes:
        with ws.read() as conn:
            versions = changed_versions(conn, changes, clock, app_now_ms=app_now_ms,
                                        real_ms=real_now_ms())
        with ws.write() as conn:  # no stamp is handed out twice, even after a kill
            repo.put_state(conn, replace(state, clock_ms=clock.last_ms,
                                         clock_counter=clock.counter))
        sent = engine.publish(versions) if versions else 0
    elif not state.joined and any(not d.this_device for d in _devices(folder)):
        backup = back_up_before(ws, BEFORE_SYNC).path
    received = engine.receive()
    names = {d.device_id: d.name for d in received.devices}
    devices = tuple(DeviceSeen(d.name, d.last_write, d.skipped, d.this_device)
                    for d in received.devices)
    if state.joined and not changes and not received.changed and not cache.pending:
        # Nothing moved: no commit, so a window watching the database has nothing to reload.
        return PassResult(sent=0, received=0, devices=devices, conflicts=(),
                          skipped=tuple(received.skipped), summary="", offers=_offers(ws))
    for resolution in received.changed.values():
        clock.witness(resolution.winner.stamp)
    with ws.write() as conn:
        before_apply = repo.last_change_seq(conn)
        hold = _changed_meanwhile(conn, upto)
        # A device joining with no check-ins of its own holds after the apply only those
        # that arrived: its first send then need not read them all back to skip them.
        had_checkins = state.joined or repo.any_checkin(conn)
        # Winners of this device too: after a restore or a kill, its log may hold newer
        # versions than the database (the same values, otherwise: a write that changes
        # nothing).
        applied = apply_winners(conn, received.changed.values(), now=ws.utc_now(), hold=hold)
        applied.records += retry_waiting(conn, engine.resolve, now=ws.utc_now())
        if state.joined:  # a commitment deleted here may come back: with its check-ins
            back = [r for r in applied.new_commitments if r.winner.seen is not None]
            applied.records += revive_checkins(
                conn, engine, back, now=ws.utc_now(),
                skip={key for kind, key in received.changed if kind == "checkin"}).records
        relink_reflections(conn, [r.key for r in applied.records
                                  if r.kind == "checkin" and not r.deleted], engine.resolve)
        conflicts = keep_conflicts(conn, received.changed.values(), names, now=ws.utc_now())
        if not state.joined:
            # The first pass sends this device's whole record after taking in the folder's:
            # a record both hold now reads as the folder had it, and is not sent back.
            arrived = set(received.changed) - {(h.kind, h.key) for h in hold}
            versions = whole_record(conn, clock, wall_ms=app_now_ms, skip=arrived,
                                    checkins=had_checkins)
            sent = engine.publish(versions) if versions else 0
        repo.forget_changes(conn, after=before_apply)
        repo.forget_changes(conn, up_to=upto)
        cache.flush(conn)
        repo.put_state(conn, replace(state, joined=True, last_pass=ws.utc_now(),
                                     clock_ms=clock.last_ms, clock_counter=clock.counter))
    if applied.records:
        _reload(ws)
    return PassResult(
        sent=sent, devices=devices,
        received=sum(r.winner.stamp.device != state.device_id for r in applied.records),
        conflicts=tuple(conflicts), skipped=tuple(received.skipped) + tuple(applied.refused),
        summary=summary_words(applied.records, names, state.device_id), offers=_offers(ws),
        backup=backup)


def _reload(ws: Workspace) -> None:
    """Tell every view that anything may have changed. A ledger not loaded yet (a command
    line pass) stays unloaded: it reads the new record whenever it is first needed."""
    if ws.ledger.loaded:
        ws.reload()
    else:
        ws.session.load_settings()
        ws.notify(Change(What.EVERYTHING))


def _offers(ws: Workspace) -> tuple[str, ...]:
    with ws.read() as conn:
        return tuple(same_title_offers(conn))


def _devices(folder: SyncFolder) -> list[DeviceInfo]:
    try:
        return folder.devices()
    except SyncError as exc:
        raise Invalid(exc.message) from None


def _changed_meanwhile(conn: Connection, upto: int) -> set[RecordKey]:
    """Records written here while the pass ran: their newer change is sent next pass."""
    names = Names(conn)
    found = (names.record_key(kind, key) for kind, key in repo.changed_keys_after(conn, upto))
    return {k for k in found if k is not None}
