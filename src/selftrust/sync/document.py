"""Records inside pycrdt documents: which document holds a record, and where in it.

Sharding: one document ``main`` for commitments, settings, reflections (and any other
kind), and one per commitment and year for check-ins (``checkin/<uid>/<year>``). A day's
changes then touch one small document per commitment (≈365 check-ins a device) instead of a
document of 73,000, and a fresh device can merge document by document without holding the
whole record in memory.

Inside a document each device writes only its own root map, ``d:<device id>``, whose keys
are ``<kind>:<key>`` and whose values are a version as JSON text. pycrdt would keep one
value for concurrent writes to one key, chosen by client id rather than time; with one
writer per key there are no concurrent writes, so nothing is discarded and "later change
wins" is decided over the versions when read (``resolve``). A device's client id is derived
from its device id, so its items keep one identity in every document and generation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping

from pycrdt import Doc, Map

from selftrust.sync.records import Resolution, Stamp, Version

MAIN = "main"
_ROOT = "d:"
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
        self.doc: Doc = Doc(client_id=client_id(device_id))
        if state:
            self.doc.apply_update(state)
        self.dirty = False

    def state(self) -> bytes:
        return self.doc.get_update()

    def _root(self, device_id: str) -> Map:
        root: Map = self.doc.get(_ROOT + device_id, type=Map)
        return root

    def _devices(self) -> list[str]:
        return [name[len(_ROOT):] for name in self.doc.keys() if name.startswith(_ROOT)]

    def versions(self, kind: str, key: str) -> list[Version]:
        """Every device's version of the record (at most one each)."""
        entry = f"{kind}:{key}"
        found = []
        for device_id in self._devices():
            raw = self._root(device_id).get(entry)
            if isinstance(raw, str):
                version = _parse(kind, key, raw)
                if version is not None:
                    found.append(version)
        return found

    def records(self, kind: str) -> Iterator[str]:
        """The keys of every record of ``kind`` any device holds here."""
        prefix = f"{kind}:"
        seen: set[str] = set()
        for device_id in self._devices():
            for entry in self._root(device_id).keys():
                if entry.startswith(prefix) and entry not in seen:
                    seen.add(entry)
                    yield entry[len(prefix):]

    def write(self, versions: Iterable[Version]) -> bytes:
        """Put our versions under our own root; returns the Yjs update to append."""
        before = self.doc.get_state()
        root = self._root(self.device_id)
        with self.doc.transaction():
            for version in versions:
                root[f"{version.kind}:{version.key}"] = json.dumps(
                    version.to_json(), separators=(",", ":"), ensure_ascii=False)
        self.dirty = True
        return self.doc.get_update(before)

    def apply(self, device_id: str, updates: Iterable[bytes]) -> set[tuple[str, str]]:
        """Merge ``device_id``'s updates; returns the records its entries changed."""
        changed: set[tuple[str, str]] = set()

        def collect(event: object) -> None:
            for entry in getattr(event, "keys", {}):
                kind, _, key = str(entry).partition(":")
                changed.add((kind, key))

        root = self._root(device_id)
        subscription = root.observe(collect)
        try:
            for update in updates:
                self.doc.apply_update(update)
        finally:
            root.unobserve(subscription)
        self.dirty = True
        return changed

    def own_index(self) -> set[str]:
        """The documents this device has written to (kept in ``main``)."""
        index: Map = self.doc.get(_INDEX + self.device_id, type=Map)
        return set(index.keys())

    def add_to_index(self, names: Iterable[str]) -> bytes:
        """Note documents this device now writes to; returns the update to append."""
        before = self.doc.get_state()
        index: Map = self.doc.get(_INDEX + self.device_id, type=Map)
        with self.doc.transaction():
            for name in names:
                index[name] = 1
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
    (``W.seen`` is None or older than ``L.stamp``), L is not a deletion, and L's typed text
    differs from W's, unless L left the text as it was in the version L had seen.
    """
    if not versions:
        return None
    ordered = sorted(versions, key=lambda v: v.stamp, reverse=True)
    winner = ordered[0]
    fields = text_fields.get(kind, ())
    if not fields:
        return Resolution(kind, key, winner)
    by_stamp: dict[Stamp, Version] = {v.stamp: v for v in ordered}

    def text(version: Version) -> tuple[object, ...]:
        return tuple(None if version.fields is None else version.fields.get(f) for f in fields)

    conflicts = []
    for loser in ordered[1:]:
        if loser.deleted or (winner.seen is not None and loser.stamp <= winner.seen):
            continue
        if text(loser) == text(winner) or not any(text(loser)):
            continue
        base = by_stamp.get(loser.seen) if loser.seen is not None else None
        if base is not None and text(base) == text(loser):
            continue
        conflicts.append(loser)
    return Resolution(kind, key, winner, tuple(conflicts))


def _parse(kind: str, key: str, raw: str) -> Version | None:
    try:
        return Version.from_json(kind, key, json.loads(raw))
    except (ValueError, KeyError, TypeError):
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
