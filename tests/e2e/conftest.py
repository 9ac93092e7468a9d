"""Fixtures for running `selftrust` as a real process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.helpers import Run, make_runner


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return make_runner(tmp_path / "data")
