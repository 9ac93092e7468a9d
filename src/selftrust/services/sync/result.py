"""What a sync pass did, in numbers and in words for the person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from selftrust.base.words import counted
from selftrust.sync import Resolution

_NOUNS = {"commitment": "commitment", "checkin": "check-in", "reflection": "reflection",
          "setting": "setting"}
_ORDER = ("checkin", "reflection", "commitment", "setting")


@dataclass(frozen=True, slots=True)
class DeviceSeen:
    name: str
    last_write: str | None  # ISO 8601 UTC
    skipped: str | None = None
    this_device: bool = False


@dataclass(frozen=True, slots=True)
class ConflictNote:
    """A text changed on two devices while apart; both versions are kept."""

    kind: str
    key: str
    field: str
    other_device: str

    @property
    def words(self) -> str:
        what = "reflection" if self.kind == "reflection" else "note"
        return (f"This {what} was also changed on {self.other_device}; "
                "both versions are kept.")


@dataclass(frozen=True, slots=True)
class PassResult:
    sent: int
    received: int
    devices: tuple[DeviceSeen, ...]
    conflicts: tuple[ConflictNote, ...]
    skipped: tuple[str, ...]
    summary: str  # e.g. "3 check-ins from Laptop"; "" when nothing arrived
    offers: tuple[str, ...] = ()  # titles held by two commitments: offered for merging
    backup: Path | None = None  # made before joining a folder that held a record


def summary_words(applied: Iterable[Resolution], device_names: Mapping[str, str],
                  own_device: str) -> str:
    """ "3 check-ins and 1 reflection from Laptop", per device that brought something."""
    by_device: dict[str, Counter[str]] = {}
    for resolution in applied:
        device = resolution.winner.stamp.device
        if device != own_device:
            by_device.setdefault(device, Counter())[resolution.kind] += 1
    parts = []
    for device, counts in sorted(by_device.items(), key=lambda d: device_names.get(d[0], d[0])):
        things = [counted(counts[k], _NOUNS[k]) for k in _ORDER if counts[k]]
        listed = things[0] if len(things) == 1 else ", ".join(things[:-1]) + " and " + things[-1]
        parts.append(f"{listed} from {device_names.get(device, 'another device')}")
    return "; ".join(parts)
