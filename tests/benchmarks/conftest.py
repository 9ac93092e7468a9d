"""Benchmark data: 20 commitments × 10 years of demo data, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from today_bench_support import BENCH_NOW

from selftrust.services.clock import FixedClock
from selftrust.services.demo import generate
from selftrust.services.workspace import open_workspace


@pytest.fixture(scope="session")
def big_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as a long-time user has it (takes a few seconds to make)."""
    from datetime import datetime

    folder = tmp_path_factory.mktemp("bench") / "data"
    ws = open_workspace(folder, FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone()))
    try:
        generate(ws, years=10, commitments=20, seed=2026)
    finally:
        ws.close()
    return folder
