"""Shared fixtures: every test gets its own data folder in tmp_path, a real SQLite file
with migrations applied, and a clock that only moves when the test says so."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test talks to the desktop's session bus (its notification service would change which
# way reminders go); the notification tests start a private bus of their own.
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/selftrust-tests-bus"

from selftrust.services.clock import FixedClock  # noqa: E402
from selftrust.services.workspace import Workspace, open_workspace  # noqa: E402

NOON = datetime(2026, 11, 24, 12, 0).astimezone()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOON)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path, clock: FixedClock) -> Iterator[Workspace]:
    workspace = open_workspace(data_dir, clock)
    yield workspace
    workspace.close()
