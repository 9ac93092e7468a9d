"""`selftrust check` killed with SIGKILL at points of its own progress: just before the
k-th SQL statement it runs, or right after it has said "Saved". After every kill the
database passes its integrity check, holds the check-in exactly when its COMMIT ran,
and every check-in the CLI reported as saved is there.

The points are counted in the process's own work, not in seconds, so every kill lands
where it was aimed however fast or busy the machine is. A small wrapper (test code; the
CLI knows nothing of it, see tests/reliability/rel_steps.py) logs each statement before
it runs, so the test knows exactly what had happened when the kill came.

SELFTRUST_KILLS sets how many kills (20 by default, at different points, the COMMIT's
neighbours always among them; more than a check-in has points repeats them at random)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, make_runner
from tests.reliability.rel_kill import assert_healthy, database_copy
from tests.reliability.rel_steps import EXIT, EXIT_STEP, SQL, dying_command, steps_logged

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

KILLS = int(os.environ.get("SELFTRUST_KILLS", "20"))


def check_dying_at(k: int, data: Path, log: Path, day: str, note: str
                   ) -> subprocess.CompletedProcess[str]:
    command = dying_command(k, log, "--data-dir", str(data), "check", "Walk", "--day", day,
                            "--note", note, kinds=(SQL, EXIT))
    return subprocess.run(command, capture_output=True, text=True, env=cli_env(), timeout=120)


def committed_at(steps: list[str]) -> int:
    """The point (1-based) of the COMMIT that ends the check-in's INSERT; 0 if none."""
    insert = next((i for i, sql in enumerate(steps) if sql.startswith("INSERT INTO checkin")),
                  None)
    if insert is None or "COMMIT" not in steps[insert:]:
        return 0
    return steps.index("COMMIT", insert) + 1


def stored_notes(data: Path, scratch: Path) -> dict[str, str]:
    """The check-ins (day → note) in a copy of the database and its -wal, after checking it
    is whole; the copy keeps the check itself from changing what the next process finds."""
    conn = sqlite3.connect(database_copy(data, scratch))
    try:
        assert_healthy(conn)
        return dict(conn.execute("SELECT day, note FROM checkin").fetchall())
    finally:
        conn.close()


def test_check_survives_kill_9_at_any_point(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = make_runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    first = date(2026, 11, 24)
    # One uninterrupted check-in counts the points a check-in goes through.
    log = tmp_path / "steps.log"
    assert check_dying_at(0, data, log, first.isoformat(), "counted").returncode == 0

    ran = steps_logged(log)
    commit = committed_at(ran)
    assert ran[-1] == EXIT_STEP and commit > 0, ran
    rng = random.Random(20261124)
    others = [k for k in range(1, len(ran) + 1) if k not in (commit, commit + 1, len(ran))]
    rng.shuffle(others)
    aims = [commit, commit + 1, len(ran), *others][:KILLS]
    aims += [rng.randint(1, len(ran)) for _ in range(KILLS - len(aims))]
    reported: dict[str, str] = {"2026-11-24": "counted"}
    committed = 0
    for n, k in enumerate(aims, start=1):
        day, note = (first - timedelta(days=n)).isoformat(), f"kill test {n} at point {k}"
        result = check_dying_at(k, data, log, day, note)
        ran = steps_logged(log)
        assert result.returncode == -signal.SIGKILL, (
            f"point {k} was not reached (exit {result.returncode}):\n{result.stderr}")
        assert len(ran) == k, f"killed at step {len(ran)}, aimed at {k}"
        if "Saved" in result.stdout:
            reported[day] = note
        stored = stored_notes(data, tmp_path / "check")
        wrote = 0 < committed_at(ran) < len(ran)  # the last step was about to run
        committed += wrote
        assert (stored.get(day) == note) == wrote, (
            f"killed before {ran[-1]!r}: the check-in is {'missing' if wrote else 'there'}")
        assert reported.items() <= stored.items(), "a check-in reported saved is missing"
    if len(aims) >= 2:  # the COMMIT's own point and the one after it
        assert 0 < committed < len(aims), "every kill came on the same side of the COMMIT"
    # The app still opens the folder after all that, and lists what was saved.
    assert "Walk" in run("list").stdout
