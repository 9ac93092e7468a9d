"""What noticing outside changes costs: the window's poll (every 2 s) and the two
data_version reads that bracket each of our own writes (inside the 16 ms check-off).
Run with --benchmark-enable to measure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from today_bench_support import BENCH_NOW

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, open_workspace


@pytest.fixture
def big_ws(big_data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(big_data_dir, FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone()))
    ws.changed_elsewhere()  # watching, as with the window open
    yield ws
    ws.close()


def test_poll_with_nothing_new(benchmark: Any, big_ws: Workspace) -> None:
    assert benchmark(big_ws.changed_elsewhere) is False


def test_own_write_with_the_watch(benchmark: Any, big_ws: Workspace) -> None:
    """One check-in written and taken back through the service: the watch brackets both."""
    walk = big_ws.commitments.find("Walk 20 minutes")
    assert walk is not None
    day = big_ws.today()

    def toggle() -> None:
        big_ws.checkins.record(walk.id, day, CheckinState(Status.KEPT))
        big_ws.checkins.record(walk.id, day, None)

    benchmark(toggle)
    assert big_ws.changed_elsewhere() is False


def test_the_bracket_alone(benchmark: Any, big_ws: Workspace) -> None:
    """The watch's share of each write: two data_version reads under its lock."""
    watch = big_ws.db._outside

    def bracket() -> None:
        watch.before_own_write()
        watch.after_own_write()

    benchmark(bracket)
    assert big_ws.changed_elsewhere() is False
