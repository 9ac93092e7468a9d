"""Bad and partial Loop files: one clear message, and the database byte for byte as it was."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from loop_db_builder import DbHabit, build_loop_db

from tests.e2e.helpers import Run

GOOD = "Loop Habits Backup 2026-11-20 080000.db"
BAD = "Loop Habits Backup 2026-11-23 080000.db"


def _good(folder: Path) -> Path:
    return build_loop_db(folder / GOOD, 25, [
        DbHabit("Meditate", uuid="1" * 32, reps=[(date(2026, 11, i), 2, None)
                                                 for i in range(1, 20)])])


def _cut(good: Path, bad: Path) -> None:
    data = good.read_bytes()
    bad.write_bytes(data[: random.Random(15).randrange(1, len(data))])


def _text(good: Path, bad: Path) -> None:
    bad.write_text("Date,Meditate\n2026-11-01,2\n")


def _newer(good: Path, bad: Path) -> None:
    bad.write_bytes(good.read_bytes())
    with sqlite3.connect(bad) as conn:
        conn.execute("PRAGMA user_version = 26")
    conn.close()


def _no_repetitions(good: Path, bad: Path) -> None:
    bad.write_bytes(good.read_bytes())
    with sqlite3.connect(bad) as conn:
        conn.execute("DROP TABLE Repetitions")
    conn.close()


def _empty(good: Path, bad: Path) -> None:
    bad.write_bytes(b"")


SPOILERS: dict[str, Callable[[Path, Path], None]] = {
    "cut at a random byte": _cut, "not SQLite": _text, "a newer Loop": _newer,
    "no Repetitions table": _no_repetitions, "empty": _empty,
}


@pytest.fixture
def pulled(run: Run, tmp_path: Path) -> Path:
    """A desktop that merged a good backup once; its phone folder."""
    phone = tmp_path / "phone"
    phone.mkdir()
    _good(phone)
    run("loop", "pull", str(phone))
    return phone


def _database(tmp_path: Path) -> bytes:
    folder = tmp_path / "desktop"
    assert not (folder / "selftrust.db-wal").exists()
    return (folder / "selftrust.db").read_bytes()


@pytest.mark.parametrize("spoil", SPOILERS, ids=list(SPOILERS))
def test_a_bad_file_is_refused_and_changes_nothing(run: Run, tmp_path: Path, pulled: Path,
                                                   spoil: str) -> None:
    bad = tmp_path / BAD
    SPOILERS[spoil](pulled / GOOD, bad)
    before = _database(tmp_path)
    result = run("loop", "pull", str(bad), ok=False)
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert BAD in result.stderr
    assert _database(tmp_path) == before


@pytest.mark.parametrize("spoil", SPOILERS, ids=list(SPOILERS))
def test_in_a_folder_a_bad_newest_backup_is_skipped_for_the_good_one(
        run: Run, tmp_path: Path, pulled: Path, spoil: str) -> None:
    SPOILERS[spoil](pulled / GOOD, pulled / BAD)
    before = _database(tmp_path)
    report = json.loads(run("loop", "pull", str(pulled), "--json").stdout)
    assert report["source"] == str(pulled / GOOD)
    assert [s["file"] for s in report["skipped"]] == [BAD]
    assert report["skipped"][0]["reason"]
    assert report["checkins"]["added"] == 0
    assert _database(tmp_path) == before


def test_a_folder_of_only_bad_backups_is_refused(run: Run, tmp_path: Path,
                                                 pulled: Path) -> None:
    (pulled / GOOD).unlink()
    _text(pulled / GOOD, pulled / BAD)
    before = _database(tmp_path)
    result = run("loop", "pull", str(pulled), ok=False)
    assert result.returncode != 0
    assert "no Loop backup" in result.stderr and BAD in result.stderr
    assert _database(tmp_path) == before


def test_a_folder_without_backups_is_refused(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("loop", "pull", str(empty), ok=False)
    assert result.returncode != 0
    assert "no Loop backup" in result.stderr


def test_a_newer_loop_is_named_as_the_reason(run: Run, tmp_path: Path, pulled: Path) -> None:
    """Refused, not guessed at: a newer schema may mean what we read differently."""
    bad = tmp_path / BAD
    _newer(pulled / GOOD, bad)
    result = run("loop", "pull", str(bad), ok=False)
    assert "comes from a newer Loop (database version 26)" in result.stderr
    assert "versions 22 to 25" in result.stderr
