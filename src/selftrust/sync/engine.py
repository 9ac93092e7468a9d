"""One sync pass's machinery: our versions into our log, other devices' logs into the
documents, and "later change wins" over the versions.

An ``Engine`` serves one pass and is then dropped: documents are loaded from the cache when
the pass needs them and saved back to it, so the app does not carry them between passes.
A pass with nothing new compares each device's newest log (generation and size) with the
cache's offsets and loads no document at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from selftrust.base.durable import fsync_dir
from selftrust.base.i18n import _
from selftrust.sync.cache import DocCache
from selftrust.sync.document import MAIN, Document, document_for, resolve, typed_text
from selftrust.sync.folder import DeviceState, SyncFolder, newer_format_message
from selftrust.sync.framing import append_frames, read_log
from selftrust.sync.records import TEXT_FIELDS, Received, Resolution, Stamp, Version

COMPACT_FLOOR = 32 * 1024
"""Below this a log is never compacted: rewriting it would cost more than it saves."""
COMPACT_AT = 1.9
"""A log past this many snapshots is rewritten as one: with device.json and one pass's
appending, a device's files stay under twice one snapshot of its entries."""


def damaged_message(name: str) -> str:
    # TRANSLATORS: {name} is the name of another computer ("Laptop").
    return _(
        "A few changes from {name} could not be read (a file looks damaged). "
        "They will arrive after {name} next tidies its sync files."
    ).format(name=name)


class Engine:
    """Publishes this device's versions and receives the others', over one cache."""

    def __init__(
        self,
        folder: SyncFolder,
        cache: DocCache,
        text_fields: Mapping[str, tuple[str, ...]] = TEXT_FIELDS,
    ) -> None:
        self.folder = folder
        self.cache = cache
        self.text_fields = text_fields
        self._docs: dict[str, Document] = {}
        self._own: tuple[int, int] | None = None  # our log's (generation, valid end)
        self._must_rewrite = False
        self._own_changed: set[tuple[str, str]] = set()

    # -- public API -------------------------------------------------------------------

    def publish(self, versions: Sequence[Version]) -> int:
        """Append our changed versions to our log; returns how many were written.

        Every stamp must carry this device's id. A version whose ``seen`` is None gets the
        stamp of the winner this device holds for the record (what it showed), and a change
        stamped at or before what it had seen is moved just after it: a change made after
        seeing another always wins over it, whatever the two clocks say. Compacts our log
        when it has grown near twice one snapshot of our own entries (COMPACT_AT).
        """
        me = self.folder.device_id
        for version in versions:
            if version.stamp.device != me:
                raise ValueError(f"{version.stamp} is not stamped by this device ({me})")
            if not version.kind.isidentifier():
                raise ValueError(f"not a record kind: {version.kind!r}")
        generation, end = self._catch_up_own()
        if not versions:
            if self._must_rewrite:
                self._compact(generation, None)
            return 0
        latest: dict[tuple[str, str], Version] = {}
        for version in sorted(versions, key=lambda v: v.stamp):
            latest[(version.kind, version.key)] = version
        by_doc: dict[str, list[Version]] = {}
        for version in latest.values():
            by_doc.setdefault(document_for(version.kind, version.key), []).append(version)
        main = self._load(MAIN)
        new_docs = set(by_doc) - main.own_index() - {MAIN}
        payloads = []
        last_ms = 0
        for name, group in sorted(by_doc.items()):
            doc = self._load(name)
            written = [self._causal(doc, v) for v in group]
            last_ms = max(last_ms, *(v.stamp.wall_ms for v in written))
            payloads.append(self.folder.seal_payload(name, doc.write(written)))
        if new_docs:
            payloads.append(self.folder.seal_payload(MAIN, main.add_to_index(sorted(new_docs))))
        path = self.folder.log_path(me, generation)
        size = append_frames(path, payloads, keep=end)
        self._own = (generation, size)
        self._save_docs()
        self.cache.set_offset(me, generation, size)
        last_write = _iso(last_ms)
        state = self.folder.state(me)
        if self._must_rewrite or size > COMPACT_AT * max(state.snapshot_bytes, COMPACT_FLOOR):
            self._compact(generation, last_write)
        else:
            self.folder.describe(DeviceState(generation, state.snapshot_bytes), last_write)
        return len(latest)

    def receive(self) -> Received:
        """Read what other devices wrote since the cache's offsets and resolve every record
        that changed. With nothing new, no document is loaded."""
        result = Received(devices=self.folder.devices())
        offsets = self.cache.offsets()
        incoming: dict[str, list[tuple[str, bytes]]] = {}
        advanced: dict[str, tuple[int, int]] = {}
        for info in result.devices:
            if info.skipped:
                result.skipped.append(info.skipped)
                continue
            if info.this_device:
                continue
            generations = self.folder.generations(info.device_id)
            if not generations:
                continue
            generation = generations[-1]
            path = self.folder.log_path(info.device_id, generation)
            known_generation, known_end = offsets.get(info.device_id, (0, 0))
            start = known_end if generation == known_generation else 0
            try:
                size = os.stat(path).st_size
            except OSError:
                continue
            if size == start:
                continue  # nothing new: the common case, decided without reading
            if size < start:
                start = 0  # the file was replaced by a shorter one: read it all again
            read = read_log(path, start)
            unreadable = 0
            for payload in read.payloads:
                opened = self.folder.open_payload(info.device_id, payload)
                if opened is None:
                    unreadable += 1
                else:
                    incoming.setdefault(opened[0], []).append((info.device_id, opened[1]))
            if read.corrupt or unreadable:
                result.skipped.append(damaged_message(info.name))
            if read.newer is not None:
                result.skipped.append(newer_format_message(info.name))
            if (generation, read.end) != (known_generation, known_end):
                advanced[info.device_id] = (generation, read.end)
        self._catch_up_own()
        for name, items in incoming.items():
            keep = name in self._docs
            doc = self._load(name)
            changed: set[tuple[str, str]] = set()
            for device_id in dict.fromkeys(d for d, _u in items):
                updates = [u for d, u in items if d == device_id]
                found = doc.apply(device_id, updates)
                result.versions += len(found)
                changed |= found
            for (kind, key), versions in doc.versions_of(changed):
                resolution = resolve(kind, key, versions, self.text_fields)
                if resolution is not None:
                    result.changed[(kind, key)] = resolution
            self.cache.save(name, doc.state())
            doc.dirty = False
            if not keep:
                del self._docs[name]  # one document in memory at a time while merging
        for kind, key in self._own_changed - set(result.changed):
            resolution = self.resolve(kind, key)
            if resolution is not None:
                result.changed[(kind, key)] = resolution
        self._own_changed.clear()
        self._save_docs()
        for device_id, (generation, end) in advanced.items():
            self.cache.set_offset(device_id, generation, end)
        return result

    def compact(self) -> int:
        """Rewrite our log now as one snapshot of our entries; returns its size in bytes.
        (Publishing compacts by itself when the log has doubled; this is for tidying on
        demand and for measuring a snapshot.)"""
        generation, _end = self._catch_up_own()
        self._compact(generation, None)
        return self._own[1] if self._own is not None else 0

    def resolve(self, kind: str, key: str) -> Resolution | None:
        """The record as it stands over every version merged so far (None: never seen)."""
        doc = self._load(document_for(kind, key))
        return resolve(kind, key, doc.versions(kind, key), self.text_fields)

    def keys(self, kind: str) -> list[str]:
        """Every key of ``kind`` held in the main document (commitments, reflections,
        settings; check-ins live in their own documents and arrive through ``receive``)."""
        return list(self._load(MAIN).records(kind))

    def keys_of(self, commitment_uid: str) -> list[str]:
        """The keys of every check-in of a commitment any device holds, over all its years
        (found through the documents each device notes in ``main`` as written to)."""
        keys: list[str] = []
        for name in sorted(self._load(MAIN).indexed(f"checkin/{commitment_uid}/")):
            doc = self._docs.get(name) or Document(name, self.cache.load(name),
                                                   self.folder.device_id)
            keys += doc.records("checkin")
        return keys

    # -- our own log --------------------------------------------------------------------

    def _catch_up_own(self) -> tuple[int, int]:
        """Make the cache hold everything our own log holds, and learn where to append.

        Normally a no-op (the cache's offset is the file's size). After a kill between
        appending and saving the cache, the rest is read back. When our files hold less
        than the cache (removed, or put back older), the next publish writes a new
        generation from the cache, so no other device waits for items it cannot get.
        """
        if self._own is not None:
            return self._own
        me = self.folder.device_id
        known_generation, known_end = self.cache.offsets().get(me, (0, 0))
        generations = self.folder.generations(me)
        if not generations:
            self._must_rewrite = known_end > 0
            self._own = (max(known_generation, 1), 0)
            return self._own
        generation = generations[-1]
        if len(generations) > 1:
            self._remove_before(generation)  # a kill came between compaction's steps
        path = self.folder.log_path(me, generation)
        try:
            size = os.stat(path).st_size
        except OSError:
            size = 0
        start = known_end if generation == known_generation else 0
        if generation < known_generation or size < start:
            self._must_rewrite = True
            start = 0
        if size != start:
            read = read_log(path, start)
            updates: dict[str, list[bytes]] = {}
            for payload in read.payloads:
                opened = self.folder.open_payload(me, payload)
                if opened is not None:
                    updates.setdefault(opened[0], []).append(opened[1])
            for name, group in updates.items():
                self._own_changed |= self._load(name).apply(me, group)
            self._save_docs()
            start = read.end
            self.cache.set_offset(me, generation, start)
        self._own = (generation, start)
        return self._own

    def _compact(self, generation: int, last_write: str | None) -> None:
        """Write a new generation holding one snapshot of our entries per document, make
        it current in device.json, then remove the older generations. A reader still on an
        old one finds it gone and reads the new one from the start; the CRDT ignores the
        items it already has.

        The new log is written under a hidden name and renamed into place, so a log of a
        generation is whole from the moment it exists: a kill mid-compaction leaves the old
        generation current (readers take the newest present), never half a snapshot."""
        me = self.folder.device_id
        known_generation = self.cache.offsets().get(me, (0, 0))[0]
        new_generation = max([generation, known_generation, *self.folder.generations(me)]) + 1
        names = sorted(self._load(MAIN).own_index() | {MAIN})
        payloads = []
        for name in names:
            doc = self._docs.get(name) or Document(name, self.cache.load(name), me)
            payloads.append(self.folder.seal_payload(name, doc.own_snapshot()))
        path = self.folder.log_path(me, new_generation)
        partial = path.with_name(f".{path.name}.partial")
        size = append_frames(partial, payloads, keep=0)
        os.replace(partial, path)
        fsync_dir(path.parent)
        if last_write is None:
            last_write = next((d.last_write for d in self.folder.devices() if d.this_device),
                              None)
        self.folder.describe(DeviceState(new_generation, size), last_write)
        self.cache.set_offset(me, new_generation, size)
        self._remove_before(new_generation)
        self._own = (new_generation, size)
        self._must_rewrite = False

    def _remove_before(self, generation: int) -> None:
        """Remove our logs older than ``generation`` (and any compaction a kill cut short)."""
        me = self.folder.device_id
        for old in self.folder.generations(me):
            if old < generation:
                self.folder.log_path(me, old).unlink(missing_ok=True)
        for partial in self.folder.device_dir(me).glob(".log-*.partial"):
            partial.unlink(missing_ok=True)

    # -- documents ----------------------------------------------------------------------

    def _load(self, name: str) -> Document:
        doc = self._docs.get(name)
        if doc is None:
            doc = Document(name, self.cache.load(name), self.folder.device_id)
            self._docs[name] = doc
        return doc

    def _save_docs(self) -> None:
        for name, doc in self._docs.items():
            if doc.dirty:
                self.cache.save(name, doc.state())
                doc.dirty = False

    def _causal(self, doc: Document, version: Version) -> Version:
        """The version as written: what it had seen, a stamp after it, whether it changed
        the typed text it had seen."""
        held = doc.versions(version.kind, version.key)
        seen = version.seen
        if seen is None and held:
            seen = max(v.stamp for v in held)
        base = next((v for v in held if v.stamp == seen), None)
        fields = self.text_fields.get(version.kind, ())
        text_changed = None
        if fields and (base is not None or seen is None):
            text_changed = typed_text(version, fields) != typed_text(base, fields)
        stamp = version.stamp
        if seen is not None and stamp <= seen:
            stamp = Stamp(seen.wall_ms + 1, stamp.device, 0)
        return Version(version.kind, version.key, version.fields, stamp, seen, text_changed)


def _iso(wall_ms: int) -> str:
    return datetime.fromtimestamp(wall_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
