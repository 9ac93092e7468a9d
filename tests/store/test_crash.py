"""A check-in the app reported as saved survives the process being killed (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from selftrust.store.database import open_database
from selftrust.store.paths import DataFolder

SRC = Path(__file__).resolve().parents[2] / "src"

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from selftrust.store.database import open_database
    from selftrust.store.paths import DataFolder

    db = open_database(DataFolder.resolve(sys.argv[1]), daily_backup=False)
    with db.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO commitment (uid, title, kind, at_most, schedule_kind, schedule_times, "
            "schedule_days, weekdays, color, position, created_on) "
            "VALUES ('c1', 'Walk', 'yes_no', 0, 'daily', 1, 1, 127, '#112233', 0, '2026-03-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO checkin (commitment_id, day, status, recorded_at) "
            "VALUES (1, '2026-03-02', 'kept', '2026-03-02 08:00:00')"
        )
    print("saved", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_saved_check_in_survives_kill_9(folder: DataFolder) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.stdout.strip() == "saved", child.stderr
    assert child.returncode == -signal.SIGKILL
    wal = folder.root / "selftrust.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # the data is only in the WAL
    with open_database(folder) as db, db.transaction(write=False) as conn:
        status = conn.exec_driver_sql("SELECT status FROM checkin").scalar()
    assert status == "kept"
