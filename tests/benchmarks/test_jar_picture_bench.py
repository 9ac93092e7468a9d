"""The marble jar's picture (which marble is whose, gold or plain) for a long-time
user's data: the view builds it on every change, so it must stay well inside a frame
budget after the owners of gold marbles began to be tracked alongside the pile.

Run with --benchmark-enable; in ordinary runs it runs once as a smoke test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from bench_data import BENCH_NOW

from selftrust.services.clock import FixedClock
from selftrust.services.jar_picture import jar_picture
from selftrust.services.workspace import Workspace, open_workspace


@pytest.fixture
def jar_ws(big_data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(big_data_dir, FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone()))
    ws.ledger.ensure_loaded()
    yield ws
    ws.close()


def test_jar_picture_with_owners(benchmark: Any, jar_ws: Workspace) -> None:
    picture = benchmark.pedantic(lambda: jar_picture(jar_ws), rounds=20, warmup_rounds=2)
    assert sum(s.marbles for s in picture.shares) == picture.marbles
