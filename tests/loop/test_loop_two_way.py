"""The pair in use: a phone backup is pulled, both sides change, the newer phone backup is
pulled (both sides' changes are there), and a push carries the desktop's to the phone."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from loop_checks import data_of, loop_file
from loop_db_builder import timestamp
from loop_pair import FIRST, FLOSS, MEDITATE, NEWER, PAGES, d
from loop_pair import first_backup as _first_backup

from tests.e2e.helpers import Run


def _phone_edits(phone: Path) -> None:
    """What Loop does to its database when the person uses it, on a copy of the backup."""
    shutil.copy(phone / FIRST, phone / NEWER)
    conn = sqlite3.connect(phone / NEWER)
    with conn:
        conn.execute("UPDATE Habits SET name = 'Meditate daily' WHERE uuid = ?", (MEDITATE,))
        conn.execute("INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES "
                     "(1, ?, 2, 'on the train')", (timestamp(d(23)),))
        conn.execute("DELETE FROM Repetitions WHERE habit = 1 AND timestamp = ?",
                     (timestamp(d(3)),))
        conn.execute("UPDATE Repetitions SET value = 8000 WHERE habit = 2 AND timestamp = ?",
                     (timestamp(d(15)),))
        conn.execute("INSERT INTO Habits (archived, color, description, freq_den, freq_num, "
                     "highlight, name, position, type, target_type, target_value, unit, "
                     "question, uuid) VALUES (0, 4, '', 7, 3, 0, 'Floss', 2, 0, 0, 0, '', '', ?)",
                     (FLOSS,))
        conn.executemany("INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES "
                         "(3, ?, 2, NULL)", [(timestamp(d(i)),) for i in (21, 22, 23)])
    conn.close()


def _pull(run: Run, where: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(run("loop", "pull", str(where), "--json").stdout)
    return report


def test_both_sides_changes_meet_and_travel_back(run: Run, tmp_path: Path) -> None:
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    first = _pull(run, phone)
    assert first["habits"] == {"new": 2, "linked": 0, "changed": 0}
    assert first["checkins"] == {"added": 29, "changed": 0, "removed": 0, "kept_desktop": 0}

    # the desktop, through the CLI
    run("check", "Meditate", "--day", "2026-11-22", "--note", "at my desk")
    run("check", "Meditate", "--day", "2026-11-05", "--missed")
    run("check", "Pages", "--day", "2026-11-21", "--value", "12")

    _phone_edits(phone)
    second = _pull(run, phone)
    assert second["source"] == str(phone / NEWER)
    assert second["habits"] == {"new": 1, "linked": 0, "changed": 1}
    assert second["checkins"] == {"added": 4, "changed": 1, "removed": 1, "kept_desktop": 0}

    data = data_of(tmp_path / "desktop")
    assert set(data) == {"Meditate daily", "Pages", "Floss"}
    meditate = data["Meditate daily"].days
    assert meditate[d(22)] == ("kept", None, "at my desk")  # the desktop's
    assert meditate[d(5)] == ("missed", None, None)  # the desktop's
    assert meditate[d(23)] == ("kept", None, "on the train")  # the phone's
    assert d(3) not in meditate  # removed on the phone
    pages = data["Pages"].days
    assert pages[d(21)] == ("kept", 12.0, None)
    assert pages[d(15)] == ("kept", 8.0, "slow")
    assert sorted(data["Floss"].days) == [d(21), d(22), d(23)]
    assert data["Floss"].rules.schedule.times == 3

    again = _pull(run, phone)  # the same backup twice changes nothing
    assert again["habits"] == {"new": 0, "linked": 0, "changed": 0}
    assert again["checkins"] == {"added": 0, "changed": 0, "removed": 0, "kept_desktop": 0}
    assert data_of(tmp_path / "desktop") == data

    run("loop", "push", str(phone))
    pushed = phone / "Loop Habits Backup 2026-11-24 120000.db"
    habits = loop_file(pushed)
    assert {h.uuid for h in habits.values()} == {MEDITATE, PAGES, FLOSS}  # no duplicates
    assert habits["Meditate daily"].reps[d(22)] == (2, "at my desk")
    assert habits["Meditate daily"].reps[d(5)] == (0, "")
    assert habits["Pages"].reps[d(21)] == (12_000, "")
    assert d(3) not in habits["Meditate daily"].reps

    # the desktop's own push in the folder is passed over; the phone's newest is merged
    after = _pull(run, phone)
    assert after["source"] == str(phone / NEWER)
    assert after["skipped"] == [{"file": pushed.name,
                                 "reason": "written by Self-Trust for Loop (a push)"}]
    assert after["checkins"] == {"added": 0, "changed": 0, "removed": 0, "kept_desktop": 0}


def test_phone_edits_to_a_habit_arrive_and_a_day_changed_on_both_sides_stays(
        run: Run, tmp_path: Path) -> None:
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    _pull(run, phone)
    run("check", "Meditate", "--day", "2026-11-10", "--skipped")  # the desktop's day 10

    shutil.copy(phone / FIRST, phone / NEWER)
    conn = sqlite3.connect(phone / NEWER)
    with conn:
        conn.execute("UPDATE Habits SET archived = 1, color = 13, freq_num = 5, freq_den = 7, "
                     "description = 'for a calm head' WHERE uuid = ?", (MEDITATE,))
        conn.execute("UPDATE Repetitions SET value = 0, notes = 'forgot' WHERE habit = 1 AND "
                     "timestamp = ?", (timestamp(d(10)),))  # the phone's day 10
        conn.execute("UPDATE Repetitions SET notes = 'good book' WHERE habit = 2 AND "
                     "timestamp = ?", (timestamp(d(12)),))
    conn.close()
    report = _pull(run, phone)
    assert report["habits"] == {"new": 0, "linked": 0, "changed": 1}
    assert report["checkins"] == {"added": 0, "changed": 1, "removed": 0, "kept_desktop": 1}

    meditate = data_of(tmp_path / "desktop")["Meditate"]
    assert meditate.archived
    assert meditate.color == "#5e35b1"
    assert meditate.rules.schedule.times == 5 and meditate.rules.schedule.days == 7
    assert meditate.days[d(10)] == ("skipped", None, None)
    assert data_of(tmp_path / "desktop")["Pages"].days[d(12)] == ("kept", 5.0, "good book")


def test_a_phone_habit_named_like_an_unlinked_commitment_comes_in_beside_it(
        run: Run, tmp_path: Path) -> None:
    run("add", "Meditate")
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    report = _pull(run, phone)
    assert report["habits"]["new"] == 2
    assert any("“Meditate (2)”" in text for text in report["warnings"])
    assert {"Meditate", "Meditate (2)", "Pages"} == set(data_of(tmp_path / "desktop"))


def test_a_habit_deleted_on_the_phone_stays_on_the_desktop(run: Run, tmp_path: Path) -> None:
    """As docs/loop.md says: a deletion on the phone never deletes here (the desktop may
    hold reflections about it); the next push leaves it out, so the phone's deletion
    stands (test_loop_deleted_on_phone.py has the rest)."""
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    _pull(run, phone)
    before = data_of(tmp_path / "desktop")

    shutil.copy(phone / FIRST, phone / NEWER)
    conn = sqlite3.connect(phone / NEWER)
    with conn:
        conn.execute("DELETE FROM Repetitions WHERE habit = 2")
        conn.execute("DELETE FROM Habits WHERE uuid = ?", (PAGES,))
    conn.close()
    report = _pull(run, phone)
    assert report["habits"] == {"new": 0, "linked": 0, "changed": 0}
    assert report["checkins"] == {"added": 0, "changed": 0, "removed": 0, "kept_desktop": 0}
    assert report["deleted_on_phone"] == ["Pages"]
    assert data_of(tmp_path / "desktop") == before

    run("loop", "push", str(phone))
    pushed = loop_file(phone / "Loop Habits Backup 2026-11-24 120000.db")
    assert PAGES not in {h.uuid for h in pushed.values()}  # not undone on the phone
