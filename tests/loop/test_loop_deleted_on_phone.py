"""A habit deleted on the phone: it stays on the desktop with its history (nothing typed
here is lost), the pull says so once, and a push leaves it out instead of bringing it back
to the phone, until the habit returns in a newer backup or the person sends it again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from loop_checks import data_of, loop_file
from loop_pair import FIRST, NEWER, PAGES, d
from loop_pair import first_backup as _first_backup

from tests.e2e.helpers import Run

BACK = "Loop Habits Backup 2026-11-24 090000.db"
PUSHED = "Loop Habits Backup 2026-11-24 120000.db"
GONE_LINE = "“Pages” was deleted on the phone; it stays here with its history."


def _json(run: Run, *args: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(run("loop", *args, "--json").stdout)
    return report


def _delete_pages(phone: Path) -> None:
    """What Loop does when the person deletes the habit: its entries go with it."""
    shutil.copy(phone / FIRST, phone / NEWER)
    with sqlite3.connect(phone / NEWER) as conn:
        conn.execute("DELETE FROM Repetitions WHERE habit = 2")
        conn.execute("DELETE FROM Habits WHERE uuid = ?", (PAGES,))
    conn.close()


def _paired_then_deleted(run: Run, tmp_path: Path) -> Path:
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    _json(run, "pull", str(phone))
    run("check", "Pages", "--day", "2026-11-21", "--value", "12", "--note", "on the desktop")
    _delete_pages(phone)
    return phone


def test_the_pull_says_it_once_and_the_desktop_keeps_everything(
        run: Run, tmp_path: Path) -> None:
    phone = _paired_then_deleted(run, tmp_path)
    before = data_of(tmp_path / "desktop")

    said = run("loop", "pull", str(phone)).stdout
    assert GONE_LINE in said
    assert "nothing new" not in said
    assert data_of(tmp_path / "desktop") == before
    assert before["Pages"].days[d(21)] == ("kept", 12.0, "on the desktop")

    again = _json(run, "pull", str(phone))  # the same backup again: already said
    assert again["deleted_on_phone"] == []
    assert again["habits"] == {"new": 0, "linked": 0, "changed": 0}
    assert "deleted on the phone" not in run("loop", "pull", str(phone)).stdout


def test_the_json_pull_names_it(run: Run, tmp_path: Path) -> None:
    phone = _paired_then_deleted(run, tmp_path)
    report = _json(run, "pull", str(phone))
    assert report["deleted_on_phone"] == ["Pages"]
    assert report["habits"] == {"new": 0, "linked": 0, "changed": 0}
    assert report["checkins"] == {"added": 0, "changed": 0, "removed": 0, "kept_desktop": 0}


def test_a_push_leaves_it_out_and_the_dry_run_says_why(run: Run, tmp_path: Path) -> None:
    phone = _paired_then_deleted(run, tmp_path)
    _json(run, "pull", str(phone))

    dry = run("loop", "push", str(phone), "--dry-run").stdout
    assert ("Not sent to Loop: “Pages” was deleted on the phone, so it is not sent back; "
            "it stays here with its history.") in dry
    assert "Would write 1 habit " in dry
    planned = _json(run, "push", str(phone), "--dry-run")
    assert planned["deleted_on_phone"] == ["Pages"]
    assert planned["habits"] == 1

    pushed = _json(run, "push", str(phone))
    assert pushed["deleted_on_phone"] == ["Pages"]
    habits = loop_file(phone / PUSHED)
    assert set(habits) == {"Meditate"}
    assert PAGES not in {h.uuid for h in habits.values()}
    assert "Pages" in data_of(tmp_path / "desktop")  # still here


def test_it_travels_again_once_it_is_back_on_the_phone(run: Run, tmp_path: Path) -> None:
    """Restored on the phone (from an older Loop backup, say): the next pull links it as
    before, and the push carries it, with the desktop's days, under its own uuid."""
    phone = _paired_then_deleted(run, tmp_path)
    _json(run, "pull", str(phone))
    shutil.copy(phone / FIRST, phone / BACK)

    back = _json(run, "pull", str(phone))
    assert back["source"] == str(phone / BACK)
    assert back["deleted_on_phone"] == []
    assert back["habits"] == {"new": 0, "linked": 0, "changed": 0}
    assert set(data_of(tmp_path / "desktop")) == {"Meditate", "Pages"}

    pushed = _json(run, "push", str(phone))
    assert pushed["deleted_on_phone"] == []
    habits = loop_file(phone / PUSHED)
    assert habits["Pages"].uuid == PAGES
    assert habits["Pages"].reps[d(21)] == (12_000, "on the desktop")


def test_sending_it_again_by_hand_puts_it_back_on_the_phone(run: Run, tmp_path: Path) -> None:
    phone = _paired_then_deleted(run, tmp_path)
    _json(run, "pull", str(phone))

    said = run("loop", "send-again", "Pages").stdout
    assert "“Pages” goes to Loop again with the next push" in said
    pushed = _json(run, "push", str(phone))
    assert pushed["deleted_on_phone"] == []
    assert loop_file(phone / PUSHED)["Pages"].uuid == PAGES

    # the backup it was deleted in, pulled again, is old news: it is not deleted twice
    (phone / PUSHED).unlink()
    assert _json(run, "pull", str(phone))["deleted_on_phone"] == []
    assert _json(run, "push", str(phone), "--dry-run")["deleted_on_phone"] == []


def test_sending_again_a_habit_the_phone_still_has_says_so(run: Run, tmp_path: Path) -> None:
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    _json(run, "pull", str(phone))
    run("add", "Walk")
    assert "already goes to Loop" in run("loop", "send-again", "Pages").stdout
    assert "already goes to Loop" in run("loop", "send-again", "Walk").stdout
    failed = run("loop", "send-again", "Swim", ok=False)
    assert failed.returncode != 0


def test_a_habit_the_phone_never_had_is_not_called_deleted(run: Run, tmp_path: Path) -> None:
    """Pushed from here, and the phone's backup is older than its import: not a deletion."""
    phone = tmp_path / "phone"
    phone.mkdir()
    _first_backup(phone)
    _json(run, "pull", str(phone))
    run("add", "Walk", "--start", "2026-11-01")
    _json(run, "push", str(phone))
    (phone / PUSHED).unlink()
    _delete_pages(phone)

    report = _json(run, "pull", str(phone))
    assert report["deleted_on_phone"] == ["Pages"]  # Walk is not among them
    _json(run, "push", str(phone))
    assert set(loop_file(phone / PUSHED)) == {"Meditate", "Walk"}
