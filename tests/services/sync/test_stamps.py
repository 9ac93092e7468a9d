"""This device's stamps: when a change was made, on the app's clock, and never going back."""

from __future__ import annotations

from selftrust.services.sync.clock import HybridClock, change_wall_ms
from selftrust.sync import Stamp


def test_a_change_is_dated_by_the_app_clock_less_its_age() -> None:
    # Noted at real 1,000 ms, the pass runs at real 1,400 ms and app-clock 50,000 ms.
    assert change_wall_ms(50_000, 1_000, 1_400) == 49_600
    assert change_wall_ms(50_000, 2_000, 1_400) == 50_000  # a note "from the future": now


def test_stamps_only_grow_even_when_the_clock_steps_back() -> None:
    clock = HybridClock("d" * 32, last_ms=0, counter=0)
    first = clock.stamp(10_000)
    behind = clock.stamp(9_000)  # the wall clock was set back
    same = clock.stamp(10_000)
    assert first < behind < same
    assert behind.wall_ms == 10_000 and behind.counter == 1


def test_a_change_after_seeing_another_comes_after_it() -> None:
    clock = HybridClock("a" * 32, last_ms=5_000, counter=0)
    clock.witness(Stamp(90_000, "f" * 32, 3))  # a device whose clock runs ahead
    mine = clock.stamp(6_000)
    assert mine > Stamp(90_000, "f" * 32, 3)
