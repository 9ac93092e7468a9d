"""Records inside pycrdt documents: which document holds a record, and where in it.

Sharding: one document ``main`` for commitments, settings, reflections (and any other
kind), and one per commitment and year for check-ins (``checkin/<uid>/<year>``). A day's
changes then touch one small document per commitment (≈365 check-ins a device) instead of a
document of 73,000, and a fresh device can merge document by document without holding the
whole record in memory.

Inside a document each device writes only its own root map, ``d:<device id>``, whose keys
are ``<kind>:<key>`` (just the day in a check-in document) and whose values are a version
as compact JSON text. pycrdt would keep one
value for concurrent writes to one key, chosen by client id rather than time; with one
writer per key there are no concurrent writes, so nothing is discarded and "later change
wins" is decided over the versions when read (``resolve``). A device's client id is derived
from its device id, so its items keep one identity in every document and generation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pycrdt import Doc, Map

from selftrust.sync.records import Resolution, Stamp, Version

MAIN = "main"
_ROOT = "d:"
_DIRECT_LOOKUPS = 16  # records resolved one by one before reading the whole document
_INDEX = "i:"  # in ``main``: per device, the documents it has written to (for compaction)


def document_for(kind: str, key: str) -> str:
    """The document that holds record ``(kind, key)``."""
    if kind == "checkin":
        uid, _, day = key.partition("/")
        if uid and day[:4].isdigit():
            return f"checkin/{uid}/{day[:4]}"
    return MAIN


def client_id(device_id: str) -> int:
    """A stable 48-bit Yjs client id for a device (within JavaScript's safe integers)."""
    return int.from_bytes(hashlib.blake2b(device_id.encode(), digest_size=6).digest(), "big")


class Document:
    """One pycrdt document, loaded for the length of a pass."""

    def __init__(self, name: str, state: bytes | None, device_id: str) -> None:
        self.name = name
        self.device_id = device_id
        self.doc: Doc[Map[str]] = Doc(client_id=client_id(device_id))
        if state:
            self.doc.apply_update(state)
        self.dirty = False
        # Check-in documents hold one commitment's year: their entries are just the day.
        self._day_prefix = name.split("/")[1] + "/" if name.startswith("checkin/") else None
        self._table: dict[str, dict[str, Any]] | None = None  # device -> entry -> JSON text
        self._parsed: dict[str, dict[str, object]] | None = None  # the values parsed
        self._lookups = 0

    def state(self) -> bytes:
        return self.doc.get_update()

    def _root(self, device_id: str) -> Map[str]:
        root: Map[str] = self.doc.get(_ROOT + device_id, type=Map)
        return root

    def _entry(self, kind: str, key: str) -> str:
        if kind == "checkin" and self._day_prefix and key.startswith(self._day_prefix):
            return key[len(self._day_prefix):]
        return f"{kind}:{key}"

    def _record(self, entry: str) -> tuple[str, str]:
        kind, colon, key = entry.partition(":")
        if not colon and self._day_prefix:
            return "checkin", self._day_prefix + entry
        return kind, key

    def _entries(self) -> dict[str, dict[str, Any]]:
        """Every device's entries, read out of the document once (pycrdt pays a
        transaction per access, and a pass may resolve every record of a document)."""
        if self._table is None:
            self._table = {}
            for name in self.doc.keys():
                if name.startswith(_ROOT):
                    # str() is the map as JSON in one native call; to_py() pays per item.
                    entries = json.loads(str(self._root(name[len(_ROOT):])))
                    self._table[name[len(_ROOT):]] = entries if isinstance(entries, dict) else {}
        return self._table

    def _decoded(self) -> dict[str, dict[str, object]]:
        """Every device's entries with their values parsed, in one ``json.loads`` per
        device (a joining device resolves tens of thousands of records: one call each
        would cost more than the rest of its merge)."""
        if self._parsed is None:
            self._parsed = {}
            for device_id, entries in self._entries().items():
                values = [v for v in entries.values() if isinstance(v, str)]
                try:
                    parsed = json.loads("[" + ",".join(values) + "]")
                except ValueError:
                    parsed = []
                if len(parsed) != len(values):  # a damaged value: parse them one by one
                    parsed = [_parse(v) for v in values]
                keys = [k for k, v in entries.items() if isinstance(v, str)]
                self._parsed[device_id] = dict(zip(keys, parsed, strict=True))
        return self._parsed

    def _lookup(self, entry: str) -> Iterator[tuple[str, object]]:
        """(device, parsed value) of one entry: a few direct reads for a day's changes,
        one read of everything once a pass asks for many."""
        self._lookups += 1
        if self._parsed is None and self._lookups <= _DIRECT_LOOKUPS:
            for name in self.doc.keys():
                if name.startswith(_ROOT):
                    raw = self._root(name[len(_ROOT):]).get(entry)
                    yield name[len(_ROOT):], _parse(raw) if isinstance(raw, str) else None
            return
        for device_id, entries in self._decoded().items():
            yield device_id, entries.get(entry)

    def versions(self, kind: str, key: str) -> list[Version]:
        """Every device's version of the record (at most one each)."""
        found = []
        for device_id, value in self._lookup(self._entry(kind, key)):
            if value is not None:
                version = _decode(kind, key, device_id, value)
                if version is not None:
                    found.append(version)
        return found

    def versions_of(self, records: Iterable[tuple[str, str]]
                    ) -> Iterator[tuple[tuple[str, str], list[Version]]]:
        """``versions`` of many records: after a few, from one read of everything."""
        records = list(records)
        if len(records) <= _DIRECT_LOOKUPS:
            for kind, key in records:
                yield (kind, key), self.versions(kind, key)
            return
        table = self._decoded()
        for kind, key in records:
            entry = self._entry(kind, key)
            found = []
            for device_id, entries in table.items():
                value = entries.get(entry)
                if value is not None and (
                        version := _decode(kind, key, device_id, value)) is not None:
                    found.append(version)
            yield (kind, key), found

    def records(self, kind: str) -> Iterator[str]:
        """The keys of every record of ``kind`` any device holds here."""
        seen: set[str] = set()
        for entries in self._entries().values():
            for entry in entries:
                if entry not in seen:
                    seen.add(entry)
                    record_kind, key = self._record(entry)
                    if record_kind == kind:
                        yield key

    def write(self, versions: Iterable[Version]) -> bytes:
        """Put our versions under our own root; returns the Yjs update to append."""
        before = self.doc.get_state()
        root = self._root(self.device_id)
        with self.doc.transaction():
            for version in versions:
                root[self._entry(version.kind, version.key)] = _encode(version)
        self.dirty = True
        self._table = self._parsed = None
        return self.doc.get_update(before)

    def apply(self, device_id: str, updates: Iterable[bytes]) -> set[tuple[str, str]]:
        """Merge ``device_id``'s updates; returns the records its entries changed."""
        entries: set[str] = set()
        root = self._root(device_id)
        if not len(root):  # all its entries are new: no need to follow each one
            for update in updates:
                self.doc.apply_update(update)
            entries.update(root.keys())
        else:
            def collect(event: object) -> None:
                entries.update(str(entry) for entry in getattr(event, "keys", {}))

            subscription = root.observe(collect)
            try:
                for update in updates:
                    self.doc.apply_update(update)
            finally:
                root.unobserve(subscription)
        self.dirty = True
        self._table = self._parsed = None
        if len(entries) > _DIRECT_LOOKUPS:  # they will be resolved: read everything once
            self._lookups = _DIRECT_LOOKUPS
        return {self._record(entry) for entry in entries}

    def own_index(self) -> set[str]:
        """The documents this device has written to (kept in ``main``)."""
        index: Map[str] = self.doc.get(_INDEX + self.device_id, type=Map)
        return set(index.keys())

    def indexed(self, prefix: str) -> set[str]:
        """The documents any device has written to whose name starts with ``prefix``."""
        found: set[str] = set()
        for root in self.doc.keys():
            if root.startswith(_INDEX):
                index: Map[str] = self.doc.get(root, type=Map)
                found.update(name for name in index.keys() if name.startswith(prefix))
        return found

    def add_to_index(self, names: Iterable[str]) -> bytes:
        """Note documents this device now writes to; returns the update to append."""
        before = self.doc.get_state()
        index: Map[str] = self.doc.get(_INDEX + self.device_id, type=Map)
        with self.doc.transaction():
            for name in names:
                index[name] = "1"
        self.dirty = True
        return self.doc.get_update(before)

    def own_snapshot(self) -> bytes:
        """An update holding exactly this device's items (and the deletions): what a new
        log generation starts with. Built by asking for everything past a state vector
        that claims every other client's items and none of ours."""
        clocks = _decode_state(self.doc.get_state())
        clocks.pop(client_id(self.device_id), None)
        return self.doc.get_update(_encode_state(clocks))


def resolve(
    kind: str,
    key: str,
    versions: list[Version],
    text_fields: Mapping[str, tuple[str, ...]],
) -> Resolution | None:
    """Later change wins; a concurrent, differing text is kept as a conflict.

    A losing version L conflicts with the winner W when W's device had not seen L
    (``W.seen`` is None or older than ``L.stamp``), L is not a deletion, L changed the text
    it had seen (``L.text_changed`` not False), and L's typed text differs from W's.
    """
    if len(versions) < 2:  # one device's version (a joining device: every record)
        return Resolution(kind, key, versions[0]) if versions else None
    ordered = sorted(versions, key=lambda v: v.stamp, reverse=True)
    winner = ordered[0]
    fields = text_fields.get(kind, ())
    if not fields:
        return Resolution(kind, key, winner)
    conflicts = []
    for loser in ordered[1:]:
        if loser.deleted or loser.text_changed is False:
            continue
        if winner.seen is not None and loser.stamp <= winner.seen:
            continue
        if typed_text(loser, fields) == typed_text(winner, fields):
            continue
        if any(typed_text(loser, fields)):
            conflicts.append(loser)
    return Resolution(kind, key, winner, tuple(conflicts))


def typed_text(version: Version | None, fields: tuple[str, ...]) -> tuple[object, ...]:
    """The values of the text fields (all None for a deletion or no version)."""
    if version is None or version.fields is None:
        return tuple(None for _ in fields)
    return tuple(version.fields.get(f) for f in fields)


def _encode(version: Version) -> str:
    """A version as compact JSON: [fields, wall ms, counter, seen, text changed]. The
    device is the root it is stored under, so it is not repeated."""
    seen = None if version.seen is None else version.seen.to_json()
    value = [None if version.fields is None else dict(version.fields),
             version.stamp.wall_ms, version.stamp.counter, seen, version.text_changed]
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _parse(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _decode(kind: str, key: str, device_id: str, value: Any) -> Version | None:
    """A version from its parsed JSON (see ``_encode``); None for anything else."""
    try:
        fields, wall_ms, counter, seen, text_changed = value
        return Version(kind, key, fields, Stamp(int(wall_ms), device_id, int(counter)),
                       None if seen is None else Stamp.from_json(seen),
                       None if text_changed is None else bool(text_changed))
    except (ValueError, TypeError):
        return None


def _varuint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _decode_state(data: bytes) -> dict[int, int]:
    """A Yjs state vector: a count, then (client, clock) pairs, all lib0 varuints."""
    numbers = []
    value = shift = 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            numbers.append(value)
            value = shift = 0
    count, pairs = numbers[0], numbers[1:]
    return {pairs[2 * i]: pairs[2 * i + 1] for i in range(count)}


def _encode_state(clocks: Mapping[int, int]) -> bytes:
    return _varuint(len(clocks)) + b"".join(
        _varuint(client) + _varuint(clock) for client, clock in clocks.items())
