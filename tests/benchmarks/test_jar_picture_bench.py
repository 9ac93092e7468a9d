"""The marble jar's picture (which marble is whose, gold or plain) for a long-time
user's data: the view builds it on every change, so it must stay well inside a frame
budget after the owners of gold marbles began to be tracked alongside the pile.

Run with --benchmark-enable; in ordinary runs it runs once as a smoke test.
"""

from __future__ import annotations

from typing import Any

from selftrust.services.jar_picture import jar_picture
from selftrust.services.workspace import Workspace


def test_jar_picture_with_owners(benchmark: Any, loaded_ws: Workspace) -> None:
    picture = benchmark.pedantic(lambda: jar_picture(loaded_ws), rounds=20, warmup_rounds=2)
    assert sum(s.marbles for s in picture.shares) == picture.marbles
