"""Benchmark data: demo data of this run's size (20 commitments × 10 years unless
SELFTRUST_BENCH_SIZE says otherwise), made once and cached (bench_data.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_data import demo_copy


@pytest.fixture(scope="session")
def big_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as a long-time user has it (a private copy of the cached one)."""
    return demo_copy(tmp_path_factory)
