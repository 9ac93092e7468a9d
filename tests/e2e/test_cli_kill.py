"""`selftrust check` killed with SIGKILL at random moments: the database always passes
its integrity check, and every check-in the CLI reported as saved is there.

SELFTRUST_KILLS sets how many kills (the reliability run uses thousands)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, make_runner

pytestmark = pytest.mark.e2e

KILLS = int(os.environ.get("SELFTRUST_KILLS", "24"))


def test_check_survives_kill_9(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = make_runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    rng = random.Random(20261124)
    saved: set[str] = set()
    first = date(2026, 11, 24)
    survived = killed = 0
    for n in range(KILLS):
        day = (first - timedelta(days=n)).isoformat()
        proc = subprocess.Popen(
            [sys.executable, "-m", "selftrust", "--data-dir", str(data), "check", "Walk",
             "--day", day, "--note", f"kill test {n}"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        )
        # Start-up takes a few hundred ms: aim anywhere from import to commit to exit.
        time.sleep(rng.uniform(0.05, 1.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        out, _ = proc.communicate(timeout=60)
        if "Saved" in out:
            saved.add(day)
            survived += 1
    assert killed > 0, "no process was killed; the timing window missed"
    with sqlite3.connect(data / "selftrust.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in conn.execute("SELECT day FROM checkin")}
    assert saved <= stored, f"reported saved but missing: {sorted(saved - stored)}"
    # The app still opens the folder after all that.
    run("list")
