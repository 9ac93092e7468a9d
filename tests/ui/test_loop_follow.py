"""Preferences → Loop's folder, followed by the open window: a backup dropped into it
shows in Today within seconds; a file that cannot be read is passed over with its
reason and tried again when it changes; the command runs one at a time."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from today_support import shown, today_view

from selftrust.domain.history import Status
from selftrust.ui.shell.cli_job import CliJob, cli_program
from selftrust.ui.shell.loop_follow import brought, last_merge_line, skipped_lines
from selftrust.ui.shell.main_window import MainWindow
from tests.e2e.helpers import NOW
from tests.interchange.loop_db_builder import DbHabit, build_loop_db

STRETCH = "4" * 32
FIRST = "Loop Habits Backup 2026-11-24 081500.db"
NEWER = "Loop Habits Backup 2026-11-24 091500.db"
WAIT_MS = 20_000  # a new Python process on a busy machine; a quiet one takes about 2 s


@pytest.fixture
def phone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SELFTRUST_NOW", NOW)  # the command's today is the window's
    folder = tmp_path / "phone"
    folder.mkdir()
    return folder


def _follow(window: MainWindow, folder: Path) -> None:
    window.loop.watch._settle.setInterval(150)
    window.loop.settings.folder = folder
    window.loop.settings.enabled = True
    window.loop.apply()


def _stretch(path: Path, days: list[int]) -> Path:
    """Written beside and moved in, as a sync tool does."""
    work = path.with_name("." + path.name + ".tmp")
    build_loop_db(work, 25, [DbHabit("Stretch", uuid=STRETCH,
                                     reps=[(date(2026, 11, d), 2, None) for d in days])])
    os.replace(work, path)
    return path


def _titles(window: MainWindow) -> list[str]:
    return [item.title for item in today_view(window).model.items()]


def test_a_backup_dropped_in_the_folder_shows_in_today(
        qtbot: QtBot, window: MainWindow, phone: Path) -> None:
    _follow(window, phone)
    _stretch(phone / FIRST, [22, 23, 24])

    qtbot.waitUntil(lambda: "Stretch" in _titles(window), timeout=WAIT_MS)
    assert shown(today_view(window), "Stretch").status is Status.KEPT
    # (the window's own poll may show it a moment before the command has ended)
    qtbot.waitUntil(lambda: window.status_text()
                    == "From Loop: 1 new habit, 3 check-ins from the phone", timeout=WAIT_MS)
    last = window.loop.settings.last
    assert last_merge_line(last) == ("Merged the backup of 24 Nov, 08:15 · 1 new habit, "
                                     "3 check-ins from the phone")


def test_a_bad_file_is_passed_over_and_tried_again_when_it_changes(
        qtbot: QtBot, window: MainWindow, phone: Path) -> None:
    good = _stretch(phone / FIRST, [23])
    bad = phone / NEWER
    bad.write_bytes(good.read_bytes()[:3000])  # half copied
    _follow(window, phone)

    qtbot.waitUntil(lambda: window.loop.settings.last is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Stretch" in _titles(window), timeout=WAIT_MS)
    assert [line.split(":")[0] for line in skipped_lines(window.loop.settings.last)] == [NEWER]
    assert shown(today_view(window), "Stretch").status is None  # today not in the older one

    _stretch(phone / NEWER, [23, 24])  # the copy completes
    qtbot.waitUntil(lambda: shown(today_view(window), "Stretch").status is Status.KEPT,
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.status_text() == "From Loop: 1 check-in from the phone",
                    timeout=WAIT_MS)
    assert skipped_lines(window.loop.settings.last) == []


def test_a_folder_without_a_backup_says_so(qtbot: QtBot, window: MainWindow,
                                          phone: Path) -> None:
    (phone / "notes.txt").write_text("not a backup")
    _follow(window, phone)
    qtbot.waitUntil(lambda: window.loop.settings.last is not None, timeout=WAIT_MS)
    line = last_merge_line(window.loop.settings.last)
    assert line.startswith("Nothing could be merged: there is no Loop backup"), line


def test_the_job_runs_once_at_a_time(qtbot: QtBot, tmp_path: Path, phone: Path) -> None:
    job = CliJob(tmp_path / "data")
    answers: list[object] = []
    job.succeeded.connect(answers.append)
    job.failed.connect(answers.append)
    _stretch(phone / FIRST, [24])
    assert job.run(["loop", "pull", "--json", str(phone)])
    assert not job.run(["loop", "pull", "--json", str(phone)])  # remembered, not started
    assert job.running
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=2 * WAIT_MS)
    first, second = answers
    assert isinstance(first, dict) and first["checkins"]["added"] == 1
    assert isinstance(second, dict) and second["checkins"]["added"] == 0  # twice: nothing new
    assert not job.running


def test_a_refused_command_reports_its_one_line(qtbot: QtBot, tmp_path: Path,
                                               phone: Path) -> None:
    job = CliJob(tmp_path / "data")
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as said:
        job.run(["loop", "pull", "--json", str(phone / "nothing.db")])
    assert said.args == [f"there is no file or folder at {phone / 'nothing.db'}"]


def test_a_frozen_app_runs_itself_or_its_console_twin(tmp_path: Path) -> None:
    app = tmp_path / "selftrust"
    assert cli_program(frozen=True, executable=str(app)) == (str(app), [])
    twin = tmp_path / ("selftrust-cli.exe" if os.name == "nt" else "selftrust-cli")
    twin.write_bytes(b"")
    assert cli_program(frozen=True, executable=str(app)) == (str(twin), [])
    assert cli_program(frozen=False, executable="/py")[1] == ["-m", "selftrust"]


def test_a_habit_deleted_on_the_phone_is_told_in_the_status_words() -> None:
    pulled = {"source": f"/phone/{NEWER}", "habits": {"new": 0, "linked": 0, "changed": 0},
              "checkins": {"added": 2, "changed": 0, "removed": 0, "kept_desktop": 0},
              "skipped": [], "warnings": [], "deleted_on_phone": ["Pages"]}
    assert brought(pulled) == ("2 check-ins from the phone, "
                               "“Pages” deleted on the phone (it stays here)")
    assert brought({**pulled, "checkins": {}}) == "“Pages” deleted on the phone (it stays here)"
