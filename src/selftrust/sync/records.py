"""The values sync passes between devices: versions of records, and what a pass found.

A *record* is one thing a person keeps (a commitment, a check-in, a reflection, a personal
setting), named by a kind and a stable key. A *version* is one device's latest state of one
record. "The later change wins" is decided over versions when they are read, never by the
CRDT engine (pycrdt keeps one value for concurrent writes by client id, not by time), so
every device ends with the same winner whatever order it met the versions in.

Every field value is JSON (str, int, float, bool, None, lists and dicts of those), because
versions travel as JSON inside the documents (document.py encodes them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

JSON: TypeAlias = Any
"""A JSON-safe value: str, int, float, bool, None, or lists / string-keyed dicts of them."""

TEXT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "checkin": ("note",),
    "reflection": ("happened", "owning", "friend", "learned", "next_step"),
}
"""Fields a person typed, per kind: concurrent changes to them are kept side by side."""


class SyncError(Exception):
    """A sync folder that cannot be used as asked; the message is for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """When and where a change was made. Ordered by wall clock (ms), then device id, then a
    counter (a hybrid clock: the counter orders changes within one millisecond), so any two
    stamps compare the same way on every device."""

    wall_ms: int
    device: str
    counter: int = 0

    def to_json(self) -> list[JSON]:
        return [self.wall_ms, self.device, self.counter]

    @classmethod
    def from_json(cls, value: JSON) -> Stamp:
        wall_ms, device, counter = value
        return cls(int(wall_ms), str(device), int(counter))


@dataclass(frozen=True, slots=True)
class Version:
    """One device's latest state of one record.

    ``fields`` None is a deletion (a tombstone, kept so a deletion wins over older edits).
    ``seen`` is the stamp of the version the device showed when this change was made (None
    when it showed none): a losing version newer than the winner's ``seen`` was made without
    the winner's device knowing it, so its typed text is kept beside the winner.
    ``text_changed`` is filled in by ``Engine.publish``: whether this change altered the
    typed text of the version it had seen (None: not known), so a change of status alone
    never counts as a second text.
    """

    kind: str
    key: str
    fields: Mapping[str, JSON] | None
    stamp: Stamp
    seen: Stamp | None = None
    text_changed: bool | None = None

    @property
    def deleted(self) -> bool:
        return self.fields is None


@dataclass(frozen=True, slots=True)
class Resolution:
    """How one record stands after merging every device's version of it.

    ``winner`` is the version with the greatest stamp; ``conflicts`` are losing versions
    whose typed text differs from the winner's and that the winner's device had not seen
    (both texts are kept; the person is told once). Ordered by stamp, newest first.
    """

    kind: str
    key: str
    winner: Version
    conflicts: tuple[Version, ...] = ()

    @property
    def deleted(self) -> bool:
        return self.winner.deleted


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """A device that writes into the sync folder, as its ``device.json`` tells.

    ``skipped`` is None for a device that is read, or the reason it is not (a newer format,
    an unreadable description) in words for the person.
    """

    device_id: str
    name: str
    last_write: str | None  # ISO 8601 UTC, e.g. "2026-12-06T22:21:00Z"
    format: int
    skipped: str | None = None
    this_device: bool = False


@dataclass
class Received:
    """What one ``Engine.receive`` brought: the records other devices changed, resolved."""

    changed: dict[tuple[str, str], Resolution] = field(default_factory=dict)
    devices: list[DeviceInfo] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    versions: int = 0  # how many versions from other devices arrived (for "3 check-ins …")
