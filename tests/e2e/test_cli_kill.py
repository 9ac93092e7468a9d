"""`selftrust check` killed with SIGKILL at points of its own progress: just before the
k-th SQL statement it runs, or right after it has said "Saved". After every kill the
database passes its integrity check, holds the check-in exactly when its COMMIT ran,
and every check-in the CLI reported as saved is there.

The points are counted in the process's own work, not in seconds, so every kill lands
where it was aimed however fast or busy the machine is. A small wrapper (test code; the
CLI knows nothing of it) counts the statements through SQLite's trace callback and logs
each one before it runs, so the test knows exactly what had happened when the kill came.

SELFTRUST_KILLS sets how many kills (by default every point of a check-in once)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env, make_runner
from tests.reliability.rel_kill import assert_healthy, database_copy

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

KILLS = int(os.environ.get("SELFTRUST_KILLS", "0"))  # 0: every point once
EXIT = "exit"

# Runs the CLI and kills itself just before its k-th step (k = 0: never). A step is an
# SQL statement on any connection, and, last, the moment after the command returned.
DIE_AT_STEP = textwrap.dedent(
    """
    import os, signal, sqlite3, sqlite3.dbapi2, sys

    k, log = int(sys.argv[1]), open(sys.argv[2], "w", buffering=1)
    seen = 0

    def step(what):
        global seen
        seen += 1
        log.write(" ".join(what.split())[:200] + "\\n")
        if seen == k:
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(step)
        return conn

    sqlite3.connect = sqlite3.dbapi2.connect = connect
    from selftrust.cli import main
    code = main(sys.argv[3:])
    step("exit")
    sys.exit(code)
    """
)


def check_dying_at(k: int, data: Path, log: Path, day: str, note: str
                   ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", DIE_AT_STEP, str(k), str(log), "--data-dir", str(data),
         "check", "Walk", "--day", day, "--note", note],
        capture_output=True, text=True, env=cli_env(), timeout=120,
    )


def committed_the_check_in(ran: list[str]) -> bool:
    """Whether the statements that ran include the check-in's INSERT and a COMMIT after it."""
    inserts = [i for i, sql in enumerate(ran) if sql.startswith("INSERT INTO checkin")]
    return bool(inserts) and "COMMIT" in ran[inserts[0] + 1:]


def stored_notes(data: Path, scratch: Path) -> dict[str, str]:
    """The check-ins (day → note) in a copy of the database and its -wal, after checking it
    is whole; the copy keeps the check itself from changing what the next process finds."""
    conn = sqlite3.connect(database_copy(data, scratch))
    try:
        assert_healthy(conn)
        return dict(conn.execute("SELECT day, note FROM checkin").fetchall())
    finally:
        conn.close()


def test_check_survives_kill_9_at_every_point(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = make_runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    first = date(2026, 11, 24)
    # One uninterrupted check-in counts the points a check-in goes through.
    log = tmp_path / "steps.log"
    assert check_dying_at(0, data, log, first.isoformat(), "counted").returncode == 0
    points = len(log.read_text().splitlines())
    assert log.read_text().splitlines()[-1] == EXIT
    assert committed_the_check_in(log.read_text().splitlines())

    rng = random.Random(20261124)
    aims = list(range(1, points + 1))
    rng.shuffle(aims)
    if KILLS:
        aims = [rng.randint(1, points) for _ in range(KILLS)]
    reported: dict[str, str] = {"2026-11-24": "counted"}
    committed = 0
    for n, k in enumerate(aims, start=1):
        day, note = (first - timedelta(days=n)).isoformat(), f"kill test {n} at point {k}"
        result = check_dying_at(k, data, log, day, note)
        ran = log.read_text().splitlines()
        assert result.returncode == -signal.SIGKILL, (
            f"point {k} of {points} was not reached (exit {result.returncode}):\n{result.stderr}")
        assert len(ran) == k, f"killed at step {len(ran)}, aimed at {k}"
        if "Saved" in result.stdout:
            reported[day] = note
        stored = stored_notes(data, tmp_path / "check")
        wrote = committed_the_check_in(ran[:-1])  # the last one was about to run
        committed += wrote
        assert (stored.get(day) == note) == wrote, (
            f"killed before {ran[-1]!r}: the check-in is {'missing' if wrote else 'there'}")
        assert reported.items() <= stored.items(), "a check-in reported saved is missing"
    if len(aims) >= points:
        assert 0 < committed < len(aims), "every kill came on the same side of the COMMIT"
    # The app still opens the folder after all that, and lists what was saved.
    assert "Walk" in run("list").stdout
