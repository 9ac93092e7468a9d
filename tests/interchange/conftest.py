"""Shared paths for the interchange tests; makes the fixture script importable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
