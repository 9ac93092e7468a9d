"""Change notices, so every open view can update after any write (no Qt here;
the UI forwards them to a Qt signal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class What(StrEnum):
    CHECKIN = "checkin"
    COMMITMENT = "commitment"
    COMMITMENTS = "commitments"  # order, archive state, many at once
    REFLECTION = "reflection"
    SETTINGS = "settings"
    EVERYTHING = "everything"  # import, restore: reload all


@dataclass(frozen=True, slots=True)
class Change:
    what: What
    commitment_id: int | None = None
    day: date | None = None


Listener = Callable[[Change], None]


class Notifier:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
