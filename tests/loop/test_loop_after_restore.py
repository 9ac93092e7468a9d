"""Self-Trust's own exports do not carry the Loop link; after an export is imported into
a new folder, the first pull links every habit again by its id (no doubles), and a day
the two sides hold differently keeps this computer's version."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from loop_checks import data_of
from loop_db_builder import timestamp

from tests.e2e.helpers import Run, make_runner


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_first_pull_after_a_restore_links_again(run: Run, tmp_path: Path, fmt: str) -> None:
    run("add", "Walk", "--start", "2026-11-01")
    run("add", "Read", "--schedule", "3/week", "--start", "2026-11-01")
    run("check", "Walk", "--day", "2026-11-20")
    run("check", "Read", "--day", "2026-11-21", "--note", "a good chapter")
    phone = tmp_path / "phone"
    phone.mkdir()
    run("loop", "push", str(phone))
    [pushed] = phone.iterdir()
    backup = phone / "Loop Habits Backup 2026-11-24 130000.db"  # the phone's, after import
    backup.write_bytes(pushed.read_bytes())
    pushed.unlink()
    with sqlite3.connect(backup) as conn:
        conn.execute("DROP TABLE SelfTrustPush")
        conn.execute("INSERT INTO Repetitions (habit, timestamp, value, notes) SELECT id, ?, 2, "
                     "'from the phone' FROM Habits WHERE name = 'Walk'",
                     (timestamp(date(2026, 11, 22)),))
    conn.close()

    out = tmp_path / f"all.{fmt}" if fmt == "json" else tmp_path / "all-csv"
    run("export", "--format", fmt, "--out", str(out))
    restored = make_runner(tmp_path / "restored")
    restored("import", str(out))
    restored("check", "Walk", "--day", "2026-11-20", "--missed")  # changed here since

    report = json.loads(restored("loop", "pull", str(phone), "--json").stdout)
    assert report["habits"] == {"new": 0, "linked": 2, "changed": 0}
    assert report["checkins"]["added"] == 1
    walk = data_of(tmp_path / "restored")["Walk"].days
    assert walk[date(2026, 11, 22)] == ("kept", None, "from the phone")
    assert walk[date(2026, 11, 20)] == ("missed", None, None)  # this computer's
    assert set(data_of(tmp_path / "restored")) == {"Walk", "Read"}
