"""Start-up stays lean: the app shows Today without importing matplotlib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, cli_env


@pytest.mark.e2e
def test_start_up_does_not_import_matplotlib(run: Run, tmp_path: Path) -> None:
    run("demo", "--years", "1", "--commitments", "6")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "selftrust", "--data-dir",
         str(tmp_path / "data"), "--exit-after-startup"],
        capture_output=True, text=True, timeout=120,
        env=cli_env(XDG_CONFIG_HOME=str(tmp_path / "config")),
    )
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")]
    # Today was built (importlib.import_module of the view itself is not listed).
    assert "selftrust.ui.today.today_model" in imported
    assert not [name for name in imported if name.split(".")[0] == "matplotlib"]


def test_a_probe_never_waits_on_a_dialog(tmp_path: Path) -> None:
    """--exit-after-startup on data that cannot be opened says so and exits 1."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "selftrust.db").write_bytes(b"not a database at all" * 50)
    result = subprocess.run(
        [sys.executable, "-m", "selftrust", "--data-dir", str(data), "--exit-after-startup"],
        capture_output=True, text=True, env=cli_env(), timeout=60,
    )
    assert result.returncode == 1
    assert "selftrust.db" in result.stderr
