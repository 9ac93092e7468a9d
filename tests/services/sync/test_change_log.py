"""Every way of writing the record leaves a note for the next sync pass; machine-only
choices (a reminder, the welcome) leave none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.e2e.helpers import make_runner


def _notes(data: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(data / "selftrust.db")
    try:
        rows = con.execute("SELECT kind, key FROM sync_change ORDER BY seq").fetchall()
        con.execute("DELETE FROM sync_change")
        con.commit()
    finally:
        con.close()
    return [(k, v) for k, v in rows]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Sync"
    folder.mkdir(exist_ok=True)
    return folder


def _uid(data: Path, title: str) -> tuple[int, str]:
    con = sqlite3.connect(data / "selftrust.db")
    try:
        cid, uid = con.execute("SELECT id, uid FROM commitment WHERE title = ?",
                               (title,)).fetchone()
    finally:
        con.close()
    return int(cid), str(uid)


def test_cli_writes_are_noted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = make_runner(data)
    run("sync", "--folder", str(_folder(tmp_path)))
    run("add", "Walk", "--start", "2026-11-01")
    cid, uid = _uid(data, "Walk")
    assert len(uid) == 32
    assert ("commitment", uid) in _notes(data)
    run("check", "Walk", "--day", "2026-11-23", "--note", "rain")
    assert _notes(data) == [("checkin", f"{cid}/2026-11-23")]
    run("check", "Walk", "--day", "2026-11-23", "--clear")
    assert _notes(data) == [("checkin", f"{cid}/2026-11-23")]
    run("edit", "Walk", "--why", "fresh air")
    assert set(_notes(data)) == {("commitment", uid)}
    run("pause", "Walk", "--from", "2026-12-01", "--to", "2026-12-03")
    assert ("pause", str(cid)) in _notes(data)
    run("reflect", "Walk", "--day", "2026-11-23", "--happened", "I stayed in")
    assert [k for k, _ in _notes(data)] == ["reflection"]
    run("settings", "day-start", "5")
    assert ("setting", "day_start_hour") in _notes(data)  # (the first save writes them all)
    run("settings", "day-start", "6")
    assert _notes(data) == [("setting", "day_start_hour")]
    run("remind", "Walk", "08:00")
    run("archive", "Walk")
    assert set(_notes(data)) == {("commitment", uid)}  # the archive; the reminder is this machine's
    run("delete", "Walk", "--yes")
    notes = _notes(data)
    assert ("commitment", uid) in notes
    assert {k for k, _ in notes} <= {"commitment", "reflection", "pause", "checkin"}


def test_an_import_is_noted(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    run = make_runner(source)
    run("add", "Read", "--start", "2026-11-01")
    run("check", "Read", "--day", "2026-11-22")
    run("export", "--format", "json", "--out", str(tmp_path / "out.json"))
    into = make_runner(target)
    into("sync", "--folder", str(_folder(tmp_path)))
    into("add", "Something else")
    _notes(target)
    into("import", str(tmp_path / "out.json"))
    kinds = [k for k, _ in _notes(target)]
    assert kinds.count("commitment") >= 1 and kinds.count("checkin") == 1
