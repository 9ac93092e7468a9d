"""`selftrust --exit-after-startup` waits for Today, whichever view the folder showed last.

A real process: the probe is what benchmarks and the packaging smoke test start. The
remembered view stays what it was (the probe is not the person)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from selftrust.ui.shell.main_window import remembered_view_key
from tests.e2e.helpers import Run, cli_env

pytestmark = pytest.mark.e2e


def _settings(config: Path) -> QSettings:
    """The app's QSettings file under XDG_CONFIG_HOME=config (organisation "selftrust")."""
    return QSettings(str(config / "selftrust" / "Self-Trust.conf"), QSettings.Format.IniFormat)


@pytest.mark.parametrize("view", ["streaks", "charts"])
def test_the_probe_waits_for_today_whatever_view_was_last(
        run: Run, tmp_path: Path, view: str) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    run("add", "Walk")  # a folder in use (a first run opens on Today anyway)
    run("check", "Walk")
    settings = _settings(config)
    settings.setValue(remembered_view_key(data), view)
    settings.sync()
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "--data-dir", str(data), "--exit-after-startup"],
        capture_output=True, text=True, timeout=45,
        env=cli_env(XDG_CONFIG_HOME=str(config)),
    )
    assert result.returncode == 0, result.stderr
    assert _settings(config).value(remembered_view_key(data)) == view
