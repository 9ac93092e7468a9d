"""`loop push`: a dry run writes nothing and links nothing; links are kept by Loop's uuid
and follow their commitment; a bad destination is one clear line."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from loop_checks import loop_file
from loop_db_builder import DbHabit, build_loop_db

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace
from selftrust.store.repository import loop as links_repo
from tests.e2e.helpers import NOW, Run


def _links(folder: Path) -> dict[str, int]:
    with open_workspace(folder, FixedClock(datetime.fromisoformat(NOW))) as ws, \
            ws.read() as conn:
        return {u: link.commitment_id for u, link in links_repo.links(conn).items()}


def test_a_dry_run_says_what_stays_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    run("add", "Walk", "--schedule", "mon,wed,fri")
    run("add", "Dentist", "--schedule", "once:2026-12-01")
    out = tmp_path / "out"
    out.mkdir()
    report = json.loads(run("loop", "push", str(out), "--dry-run", "--json").stdout)
    assert report["dry_run"] and report["habits"] == 1
    assert any("Dentist" in text and "stays here" in text for text in report["not_sent"])
    assert any("Walk" in text and "3 times a week" in text for text in report["not_sent"])
    assert list(out.iterdir()) == []
    assert _links(tmp_path / "desktop") == {}


def test_a_push_links_by_uuid_and_keeps_it(run: Run, tmp_path: Path) -> None:
    run("add", "Walk", "--start", "2026-11-01")
    run("check", "Walk", "--day", "2026-11-23", "--note", "by the river")
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    run("loop", "push", str(first))
    run("loop", "push", str(second))
    links = _links(tmp_path / "desktop")
    assert len(links) == 1
    (uuid,) = links
    assert loop_file(first)["Walk"].uuid == loop_file(second)["Walk"].uuid == uuid
    assert not list(tmp_path.glob("*.partial"))

    with open_workspace(tmp_path / "desktop", FixedClock(datetime.fromisoformat(NOW))) as ws, \
            ws.write() as conn:
        conn.exec_driver_sql("DELETE FROM commitment")
    assert _links(tmp_path / "desktop") == {}  # the link goes with its commitment


def test_a_push_into_a_missing_folder_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    run("add", "Walk")
    result = run("loop", "push", str(tmp_path / "nowhere" / "x.db"), ok=False)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "nowhere" in result.stderr


def _refused(run: Run, target: Path) -> str:
    result = run("loop", "push", str(target), ok=False)
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    return line


def test_a_push_never_replaces_the_live_database_or_writes_into_the_data_folder(
        run: Run, tmp_path: Path) -> None:
    run("add", "Walk")
    data = tmp_path / "desktop"
    live = data / "selftrust.db"
    before = live.read_bytes()
    listing = sorted(p.relative_to(data) for p in data.rglob("*"))
    assert "data folder" in _refused(run, live)
    assert "data folder" in _refused(run, data)
    assert "data folder" in _refused(run, data / "backups" / "new.db")
    assert live.read_bytes() == before
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == listing


def test_a_push_replaces_only_its_own_earlier_push(run: Run, tmp_path: Path) -> None:
    run("add", "Walk")
    phone = build_loop_db(tmp_path / "Loop Habits Backup 2026-11-24 080000.db", 25,
                          [DbHabit("Read", uuid="a" * 32)])
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    kept = phone.read_bytes()
    assert "not a Self-Trust push" in _refused(run, phone)
    assert "not a Self-Trust push" in _refused(run, other)
    assert phone.read_bytes() == kept and other.read_text() == "mine"

    ours = tmp_path / "to-phone.db"
    run("loop", "push", str(ours))
    run("add", "Read")
    run("loop", "push", str(ours))  # our own earlier push may be replaced
    assert set(loop_file(ours)) == {"Walk", "Read"}


def test_one_weekday_goes_as_1_time_a_week(run: Run, tmp_path: Path) -> None:
    run("add", "Swim", "--schedule", "sat")
    report = json.loads(run("loop", "push", str(tmp_path), "--dry-run", "--json").stdout)
    assert any("as 1 time a week." in text for text in report["not_sent"]), report
    lines = run("loop", "push", str(tmp_path), "--dry-run").stdout
    assert "Would write 1 habit and 0 entries" in lines
