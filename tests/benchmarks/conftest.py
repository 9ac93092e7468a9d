"""Benchmark data: demo data of this run's size (20 commitments × 10 years unless
SELFTRUST_BENCH_SIZE says otherwise), made once and cached (bench_data.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from bench_data import BENCH_NOW, demo_copy

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import Workspace, open_workspace


@pytest.fixture(scope="session")
def big_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as a long-time user has it (a private copy of the cached one)."""
    return demo_copy(tmp_path_factory)


@pytest.fixture
def loaded_ws(big_data_dir: Path) -> Iterator[Workspace]:
    """The long-time user's data open at the benchmarks' clock, the ledger read."""
    with open_workspace(big_data_dir,
                        FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone())) as ws:
        ws.ledger.ensure_loaded()
        yield ws
