"""The single-instance lock file is owner-only, like every other file of ours."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from selftrust.ui.desktop.single_instance import SingleInstance


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_lock_is_owner_only(qapp: Any, tmp_path: Path) -> None:
    guard = SingleInstance(tmp_path)
    try:
        assert guard.acquire()
        mode = stat.S_IMODE((tmp_path / "instance.lock").stat().st_mode)
        assert mode == 0o600
    finally:
        guard.release()
