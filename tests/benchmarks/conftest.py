"""Benchmark data: 20 commitments × 10 years of demo data, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from selftrust.services.clock import FixedClock
from selftrust.services.demo import generate
from selftrust.services.workspace import open_workspace

BENCH_NOW = "2026-11-24T12:00:00"


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


def benchmarks_enabled(config: pytest.Config) -> bool:
    """As pytest-benchmark decides: --benchmark-enable wins over the default disable."""
    if config.getoption("benchmark_enable", default=False):
        return True
    return not config.getoption("benchmark_disable", default=True)
