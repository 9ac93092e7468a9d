"""`loop pull` keeps the app's rules: a safety backup before it changes existing data, a
day written about in a reflection is not removed by the phone, no check-in after the
desktop's today, titles cleaned as the app cleans them, and a rename frees its old title."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from loop_checks import data_of
from loop_db_builder import DbHabit, build_loop_db, timestamp

from tests.e2e.helpers import Run

WALK, RUN = "1" * 32, "2" * 32
FIRST = "Loop Habits Backup 2026-11-20 080000.db"
NEWER = "Loop Habits Backup 2026-11-24 080000.db"


def d(day: int) -> date:
    return date(2026, 11, day)


def _phone(tmp_path: Path, reps: list[tuple[date, int, str | None]] | None = None,
           name: str = "Walk") -> Path:
    phone = tmp_path / "phone"
    phone.mkdir(exist_ok=True)
    build_loop_db(phone / FIRST, 25, [
        DbHabit(name, uuid=WALK, reps=reps or [(d(i), 2, None) for i in range(1, 10)]),
        DbHabit("Run", uuid=RUN, reps=[(d(2), 2, None)]),
    ])
    return phone


def _edit(phone: Path, *statements: tuple[str, tuple[Any, ...]]) -> None:
    """The phone's newer backup: the first with Loop's edits made to it."""
    shutil.copy(phone / FIRST, phone / NEWER)
    conn = sqlite3.connect(phone / NEWER)
    with conn:
        for sql, params in statements:
            conn.execute(sql, params)
    conn.close()


def _pull(run: Run, where: Path, **env: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(run("loop", "pull", str(where), "--json",
                                            **env).stdout)
    return report


def _labelled(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "desktop" / "backups").glob("selftrust-before-*"))


def _data_of_backup(backup: Path) -> dict[str, Any]:
    folder = backup.parent.parent.parent / "from-backup"
    folder.mkdir()
    shutil.copy(backup, folder / "selftrust.db")
    return data_of(folder)


def test_a_pull_that_changes_existing_data_backs_it_up_first(run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path)
    _pull(run, phone)
    assert _labelled(tmp_path) == []  # nothing was there to lose
    _pull(run, phone)
    assert _labelled(tmp_path) == []  # nothing changed

    _edit(phone, ("DELETE FROM Repetitions WHERE habit = 1 AND timestamp = ?",
                  (timestamp(d(4)),)))
    report = _pull(run, phone)
    assert report["checkins"]["removed"] == 1
    [made] = _labelled(tmp_path)
    assert made.startswith("selftrust-before-loop-pull-")
    assert "Before a Loop pull" in run("backups").stdout
    # the backup holds the data as it was before the pull
    assert d(4) in _data_of_backup(tmp_path / "desktop" / "backups" / made)["Walk"].days


def test_a_day_with_a_reflection_stays_when_the_phone_removes_it(
        run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path, [(d(i), 2 if i != 5 else 0, None) for i in range(1, 10)])
    _pull(run, phone)
    run("reflect", "Walk", "--day", "2026-11-05", "--happened", "Rain all day")
    assert data_of(tmp_path / "desktop")["Walk"].repaired == 1

    _edit(phone, ("DELETE FROM Repetitions WHERE habit = 1 AND timestamp IN (?, ?)",
                  (timestamp(d(5)), timestamp(d(6)))))
    report = _pull(run, phone)
    assert report["checkins"]["removed"] == 1 and report["checkins"]["kept_desktop"] == 1
    walk = data_of(tmp_path / "desktop")["Walk"]
    assert walk.days[d(5)] == ("missed", None, None) and d(6) not in walk.days
    assert walk.repaired == 1
    _pull(run, phone)  # the same backup again: nothing new, and the day stays
    assert data_of(tmp_path / "desktop")["Walk"].days[d(5)] == ("missed", None, None)


def test_a_phone_day_after_the_desktops_today_is_held_back(run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path, [(d(23), 2, None), (d(24), 2, None), (d(25), 2, "early")])
    report = _pull(run, phone)
    assert report["checkins"]["added"] == 3  # Walk's 23rd and 24th, Run's 2nd
    assert any("25 Nov 2026" in w and "held back" in w for w in report["warnings"])
    assert "held back" in run("loop", "pull", str(phone)).stdout
    assert d(25) not in data_of(tmp_path / "desktop")["Walk"].days

    later = _pull(run, phone, SELFTRUST_NOW="2026-11-25T12:00:00")  # the next day comes
    assert later["checkins"]["added"] == 1 and later["warnings"] == []
    assert data_of(tmp_path / "desktop")["Walk"].days[d(25)] == ("kept", None, "early")


def test_phone_titles_are_cleaned_as_the_app_cleans_them(run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path, name="Wa\x07lk\x00")
    _pull(run, phone)
    assert set(data_of(tmp_path / "desktop")) == {"Walk", "Run"}
    _edit(phone, ("UPDATE Habits SET name = ? WHERE uuid = ?", ("Stroll\x1b[31m", WALK)))
    _pull(run, phone)
    assert set(data_of(tmp_path / "desktop")) == {"Stroll[31m", "Run"}


def test_a_phone_rename_frees_the_old_title(run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path)
    _pull(run, phone)
    _edit(phone, ("UPDATE Habits SET name = 'Stroll' WHERE uuid = ?", (WALK,)),
          ("UPDATE Habits SET name = 'walk' WHERE uuid = ?", (RUN,)))
    report = _pull(run, phone)
    assert report["habits"]["changed"] == 2 and report["warnings"] == []
    assert set(data_of(tmp_path / "desktop")) == {"Stroll", "walk"}


def test_a_phone_rename_that_only_changes_case_keeps_the_name(
        run: Run, tmp_path: Path) -> None:
    phone = _phone(tmp_path)
    _pull(run, phone)
    _edit(phone, ("UPDATE Habits SET name = 'walk' WHERE uuid = ?", (WALK,)))
    _pull(run, phone)
    assert set(data_of(tmp_path / "desktop")) == {"walk", "Run"}
