"""Stamps for this device's changes: a hybrid logical clock over the app's clock.

A stamp's wall time is when the change was made, seen through the app's clock (so
``SELFTRUST_NOW`` and a fake clock in tests decide it as they decide "today"): the
trigger noted the change by the real clock, and the change's age by that clock is taken
off the app clock's now. Stamps only grow: a wall time not after the last stamp keeps
the last one's time with the next counter, and what other devices sent moves the clock
forward too, so a change made after seeing another device's change always wins over it,
even when this machine's clock is behind.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from selftrust.sync import Stamp


def real_now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class HybridClock:
    device: str
    last_ms: int
    counter: int

    def stamp(self, wall_ms: int) -> Stamp:
        if wall_ms > self.last_ms:
            self.last_ms, self.counter = wall_ms, 0
        else:
            self.counter += 1
        return Stamp(self.last_ms, self.device, self.counter)

    def witness(self, seen: Stamp) -> None:
        """Another device's stamp arrived: later stamps here come after it. (Stamps of one
        millisecond order by device before counter, so "after" means a later millisecond.)"""
        if seen.wall_ms >= self.last_ms:
            self.last_ms, self.counter = seen.wall_ms + 1, 0


def change_wall_ms(app_now_ms: int, changed_at_real_ms: int, real_ms: int) -> int:
    """When a change was made, on the app's clock."""
    return app_now_ms - max(0, real_ms - changed_at_real_ms)
