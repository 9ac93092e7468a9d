"""Shared paths for the interchange tests; makes the fixture script importable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
# The fixture builders are plain scripts too (run by hand to regenerate files), so they
# are imported by name; the suite runs with --import-mode=importlib, hence the paths.
for folder in (HERE, FIXTURES):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
