"""Fixtures for running `selftrust`: in this process (``run``) or as a real one (``process``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.helpers import Run, make_process_runner, make_runner


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return make_runner(tmp_path / "data")


@pytest.fixture
def process(tmp_path: Path) -> Run:
    return make_process_runner(tmp_path / "data")
