"""SIGKILL at every step of a backup and of a restore, chosen exactly rather than at
random: the command kills itself at its k-th file-system rename, link or unlink, for
k = 1, 2, … until it runs through. After each, the next ordinary command must find the
data whole (the data from before, or the restored data; never an empty new database)
and the folder tidy."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_env
from tests.reliability.rel_figures import record
from tests.reliability.rel_kill import runner
from tests.reliability.rel_steps import FILES, dying_command
from tests.reliability.rel_victims import backup_files, leftovers

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

NOW = datetime(2026, 11, 24, 12, 0)
MAX_STEPS = 40

def die_at_step(k: int, data: Path, *args: str, now: datetime) -> bool:
    """True if the command was killed at its k-th file-system step, False if it ran
    through (k is past its steps)."""
    result = subprocess.run(
        dying_command(k, data.parent / f"{data.name}.steps", "--data-dir", str(data), *args,
                      kinds=(FILES,)),
        capture_output=True, text=True, timeout=120,
        env=cli_env(SELFTRUST_NOW=now.isoformat()),
    )
    if result.returncode == -signal.SIGKILL:
        return True
    assert result.returncode == 0, result.stderr
    return False


def notes(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {n for (n,) in conn.execute("SELECT note FROM checkin")}


def everything_kept(data: Path) -> set[str]:
    """The notes in the database and in every file set aside next to it."""
    found = notes(data / "selftrust.db")
    for aside in data.glob("selftrust.db.*-*"):
        if not aside.name.endswith(("-wal", "-shm", "-journal")):
            found |= notes(aside)
    return found


def test_rel_a_backup_killed_at_any_step_is_tidied_by_the_next(tmp_path: Path) -> None:
    template = tmp_path / "template"
    run = runner(template)
    run("add", "Walk", "--start", "2020-01-01", SELFTRUST_NOW=NOW.isoformat())
    run("check", "Walk", "--note", "before", SELFTRUST_NOW=NOW.isoformat())
    tomorrow, later = NOW + timedelta(days=1), NOW + timedelta(days=2)
    k = 0
    for k in range(1, MAX_STEPS):
        data = tmp_path / f"k{k}"
        shutil.copytree(template, data)
        # Opening tomorrow makes tomorrow's daily backup before listing.
        if not die_at_step(k, data, "list", now=tomorrow):
            break
        runner(data)("check", "Walk", "--note", "after", SELFTRUST_NOW=later.isoformat())
        assert leftovers(data) == [], f"killed at step {k}, left behind: {leftovers(data)}"
        assert notes(data / "selftrust.db") == {"before", "after"}
        for backup in backup_files(data):
            with sqlite3.connect(backup) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        pytest.fail(f"the command was still being killed after {MAX_STEPS} steps")
    assert k > 1, "the backup made no file-system step to interrupt"
    record("kill points: daily backup", steps=k - 1)


def test_rel_a_restore_killed_at_any_step_keeps_the_data(tmp_path: Path) -> None:
    template = tmp_path / "template"
    run = runner(template)
    run("add", "Walk", "--start", "2020-01-01", SELFTRUST_NOW=NOW.isoformat())
    run("check", "Walk", "--note", "in the backup", SELFTRUST_NOW=NOW.isoformat())
    tomorrow = NOW + timedelta(days=1)
    run("check", "Walk", "--note", "after the backup", SELFTRUST_NOW=tomorrow.isoformat())
    backup = backup_files(template)[-1]
    both = {"in the backup", "after the backup"}
    k = 0
    for k in range(1, MAX_STEPS):
        data = tmp_path / f"k{k}"
        shutil.copytree(template, data)
        copy = data / "backups" / backup.name
        if not die_at_step(k, data, "restore", str(copy), now=tomorrow):
            assert notes(data / "selftrust.db") == {"in the backup"}
            break
        listed = runner(data)("list", "--json", SELFTRUST_NOW=tomorrow.isoformat())
        assert '"title": "Walk"' in listed.stdout, (
            f"killed at step {k} of the restore, the data folder came back empty"
        )
        assert notes(data / "selftrust.db") in ({"in the backup"}, both), k
        assert both <= everything_kept(data), f"killed at step {k}, something was lost"
        assert leftovers(data) == [], f"killed at step {k}, left behind: {leftovers(data)}"
    else:
        pytest.fail(f"the restore was still being killed after {MAX_STEPS} steps")
    assert k > 1, "the restore made no file-system step to interrupt"
    record("kill points: restore", steps=k - 1)
