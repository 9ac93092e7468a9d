"""What a sync pass did, in numbers and in words for the person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.services.sync.kept import shown_device
from selftrust.sync import Resolution

_ORDER = ("checkin", "reflection", "commitment", "setting")


def _counted(kind: str, n: int) -> str:
    """ "3 check-ins", "1 reflection": records of one kind that arrived."""
    if kind == "checkin":
        text = ngettext("{n} check-in", "{n} check-ins", n)
    elif kind == "reflection":
        text = ngettext("{n} reflection", "{n} reflections", n)
    elif kind == "commitment":
        text = ngettext("{n} commitment", "{n} commitments", n)
    else:
        text = ngettext("{n} setting", "{n} settings", n)
    return text.format(n=formats.number(n))


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
        device = shown_device(self.other_device)
        if self.kind == "reflection":
            # TRANSLATORS: {device} is the name of the other computer ("Laptop").
            text = _("This reflection was also changed on {device}; both versions are kept.")
        else:
            text = _("This note was also changed on {device}; both versions are kept.")
        return text.format(device=device)


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
        things = formats.join([_counted(k, counts[k]) for k in _ORDER if counts[k]])
        name = device_names.get(device) or _("another device")
        # TRANSLATORS: what a sync pass brought from one computer: {things} are counts with
        # their words ("3 check-ins and 1 reflection"), {device} the computer's name.
        parts.append(_("{things} from {device}").format(things=things, device=name))
    # TRANSLATORS: between what came from one computer and what came from another.
    return _("; ").join(parts)
