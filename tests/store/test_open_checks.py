"""The check at open costs the same after twenty years as on the first day, and damage
is still found: after a clean close only the header, schema and revision are read;
after a session that did not close (kill -9) ``quick_check`` runs; the full
``integrity_check`` runs with the daily backup, and a file found damaged is never
written to again, by this process or any other, until a backup is restored."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from store_helpers import NOW, add_checkin, add_commitment

import selftrust
from selftrust.store import backups
from selftrust.store.database import open_database
from selftrust.store.errors import BackupFailed, DamagedDatabase, DamageFound
from selftrust.store.markers import damage_marker, open_marker_pattern
from selftrust.store.paths import DataFolder

SRC = Path(selftrust.__file__).resolve().parent.parent


def _real_database(folder: DataFolder, days: int = 400) -> None:
    with open_database(folder, now=NOW) as db, db.transaction() as conn:
        commitment = add_commitment(conn)
        for i in range(days):
            day = date(2020, 1, 1) + timedelta(days=i)
            add_checkin(conn, commitment, day.isoformat(), note="x" * 40)


def _scribble_a_page(folder: DataFolder) -> None:
    """Random bytes over a page in the middle of the file, where check-ins live."""
    data = bytearray(folder.database.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = os.urandom(4096)
    folder.database.write_bytes(bytes(data))


def _open_markers(folder: DataFolder) -> list[str]:
    pattern = open_marker_pattern(folder.database)
    return sorted(p.name for p in folder.root.iterdir() if pattern.match(p.name))


def _in_another_process(folder: DataFolder, body: str) -> str:
    """Run ``body`` in a fresh Python with ``db`` open on the folder (cheap check)."""
    script = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        from datetime import datetime
        from selftrust.store.database import open_database
        from selftrust.store.paths import DataFolder
        db = open_database(DataFolder(Path({str(folder.root)!r})), daily_backup=False,
                           cheap=True)
        print(db.checked, flush=True)
    """) + textwrap.dedent(body)
    env = dict(os.environ, PYTHONPATH=str(SRC))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=60)
    return result.stdout.strip()


def test_a_clean_close_leaves_no_marker_and_the_next_open_reads_only_the_header(
    folder: DataFolder,
) -> None:
    _real_database(folder)
    assert _open_markers(folder) == []
    with open_database(folder, now=NOW, cheap=True) as db:
        assert db.checked == "header"
        assert len(_open_markers(folder)) == 1  # while it is open
    assert _open_markers(folder) == []


def test_after_a_kill_the_next_open_runs_quick_check_and_then_trusts_the_file(
    folder: DataFolder,
) -> None:
    _real_database(folder)
    killed = _in_another_process(folder, "os.kill(os.getpid(), signal.SIGKILL)\n")
    assert killed == "header"
    assert len(_open_markers(folder)) == 1  # the killed session's marker is left
    with open_database(folder, now=NOW, cheap=True) as db:
        assert db.checked == "quick_check"
    assert _open_markers(folder) == []  # that session is over: the next open is cheap
    with open_database(folder, now=NOW, cheap=True) as db:
        assert db.checked == "header"


def test_a_damaged_page_after_a_kill_is_refused_at_open(folder: DataFolder) -> None:
    _real_database(folder)
    _in_another_process(folder, "os.kill(os.getpid(), signal.SIGKILL)\n")
    _scribble_a_page(folder)
    before = folder.database.read_bytes()
    with pytest.raises(DamagedDatabase, match="SQLite reports"):
        open_database(folder, now=NOW, cheap=True)
    assert folder.database.read_bytes() == before


def test_a_command_run_while_the_app_is_open_does_not_trip_its_marker(
    folder: DataFolder,
) -> None:
    _real_database(folder)
    with open_database(folder, now=NOW, cheap=True) as app:
        mine = _open_markers(folder)
        # The command sees the app's marker, but the app still runs: not an unclean close.
        assert _in_another_process(folder, "db.close()\n") == "header"
        assert _open_markers(folder) == mine
        with app.transaction() as conn:
            add_commitment(conn, uid="after the command")
    with open_database(folder, now=NOW, cheap=True) as db:
        assert db.checked == "header"


def test_damage_is_found_by_the_daily_backup_and_the_file_is_never_written_again(
    folder: DataFolder,
) -> None:
    _real_database(folder)
    good = backups.back_up_now(folder, now=NOW)
    _scribble_a_page(folder)
    db = open_database(folder, now=NOW + timedelta(days=1), cheap=True, daily_backup=False)
    try:
        assert db.checked == "header" and not db.damaged
        before = sorted(folder.backups.iterdir())
        with pytest.raises(DamagedDatabase, match="SQLite reports"):
            backups.back_up_now(folder, now=NOW + timedelta(days=1))
        assert sorted(folder.backups.iterdir()) == before  # the good backups stay
        assert db.damaged
        damaged_bytes = folder.database.read_bytes()
        with pytest.raises(DamageFound, match="no longer writes"), db.transaction() as conn:
            add_commitment(conn, uid="never saved")
        with db.transaction(write=False) as conn:  # reading what is still readable
            assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 1
    finally:
        db.close()
    assert folder.database.read_bytes() == damaged_bytes
    # Any later open (the app, a command) gets the full check and refuses the file.
    with pytest.raises(DamagedDatabase, match="SQLite reports"):
        open_database(folder, now=NOW + timedelta(days=1), cheap=True)
    # Restoring the good backup ends it: checked in full, written to again.
    backups.restore(folder, good.path, now=NOW + timedelta(days=1))
    with open_database(folder, now=NOW + timedelta(days=1), cheap=True) as db:
        assert db.checked == "integrity_check" and not db.damaged
        with db.transaction() as conn:
            add_commitment(conn, uid="after the restore")
    assert not damage_marker(folder.database).exists()


def test_a_write_in_another_process_is_refused_once_damage_is_known(
    folder: DataFolder,
) -> None:
    _real_database(folder)
    body = """
        input()  # wait until the damage is found
        try:
            with db.transaction() as conn:
                conn.exec_driver_sql("DELETE FROM checkin")
        except Exception as exc:
            print(type(exc).__name__)
        db.close()
    """
    _scribble_a_page(folder)
    script_env = dict(os.environ, PYTHONPATH=str(SRC))
    prologue = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from selftrust.store.database import open_database
        from selftrust.store.paths import DataFolder
        db = open_database(DataFolder(Path({str(folder.root)!r})), daily_backup=False,
                           cheap=True)
        print(db.checked, flush=True)
    """)
    command = subprocess.Popen([sys.executable, "-c", prologue + textwrap.dedent(body)],
                               env=script_env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    assert command.stdout is not None and command.stdin is not None
    assert command.stdout.readline().strip() == "header"
    with pytest.raises(DamagedDatabase):
        backups.back_up_now(folder, now=NOW + timedelta(days=1))
    out, _ = command.communicate("\n", timeout=60)
    assert out.strip() == "DamageFound"


def test_a_copy_that_fails_while_the_file_is_healthy_is_no_damage(
    folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _real_database(folder, days=3)
    monkeypatch.setattr(backups, "integrity_problems", lambda conn: ["page 7 is never used"])
    with pytest.raises(BackupFailed):
        backups.back_up_now(folder, now=NOW)
    with open_database(folder, now=NOW, cheap=True) as db:
        assert not db.damaged and db.checked == "header"
