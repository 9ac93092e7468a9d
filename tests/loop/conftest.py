"""The Loop bridge tests: the CLI runner, Loop's reference score (tests/domain) and the
Loop database builder (tests/interchange), made importable by name as those folders do."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, make_runner

TESTS = Path(__file__).resolve().parent.parent
for folder in (TESTS / "domain", TESTS / "interchange"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture
def run(tmp_path: Path) -> Run:
    return make_runner(tmp_path / "desktop")
