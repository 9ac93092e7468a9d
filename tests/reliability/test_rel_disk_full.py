"""A full disk: a clear one-line message, nothing lost, and Self-Trust carries on.

Three ways to run out of room, from the most real to the most portable:
- a real 1 MB file system filled to the last byte (a tmpfs in a private mount
  namespace: `unshare -m` as root, `unshare -rm` as a user where the kernel allows
  user namespaces; skipped with the reason where neither works);
- a file-size limit (RLIMIT_FSIZE) on the command, so no file may grow: works for
  any user on any POSIX system;
- SQLITE_FULL injected in-process with ``PRAGMA max_page_count`` (the services raise
  DataProblem(kind="full") and keep working once there is room again).
"""

from __future__ import annotations

import json
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.errors import DataProblem
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from tests.e2e.helpers import cli_env
from tests.reliability.rel_faults import full_disk, namespace_prefix
from tests.reliability.rel_kill import runner
from tests.reliability.rel_scale import FULL

DRIVER = Path(__file__).with_name("rel_full_disk_driver.py")
TODAY = date(2026, 11, 24)


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one clear line on stderr, got:\n{stderr}"
    return lines[0]


# --- a real, full file system -------------------------------------------------------------


@pytest.mark.e2e
def test_rel_a_really_full_disk(tmp_path: Path) -> None:
    command = namespace_prefix()
    if command is None:
        pytest.skip("no private mount namespace here (unshare missing or user namespaces "
                    "disabled); the file-size-limit and injected tests below still run")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    result = subprocess.run([*command, sys.executable, str(DRIVER), str(mount_point)],
                            capture_output=True, text=True, timeout=600, env=cli_env())
    if result.returncode != 0 and "mount" in result.stderr and "tmpfs" in result.stderr:
        pytest.skip(f"could not mount a small tmpfs here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    for step in report["before"]:
        assert step["rc"] == 0, step
    assert report["filler_bytes"] > 0
    for step in report["full"]:
        if step["rc"] != 0:
            line = one_line(step["err"])
            assert "disk is full" in line, f"{step['args']}: {line}"
        else:
            assert not step["err"].strip(), step
    writes = [s for s in report["full"] if s["args"][0] in ("check", "reflect", "add")]
    assert all(s["rc"] != 0 for s in writes), "a write claimed success on a full disk"
    for step in report["after"]:
        assert step["rc"] == 0, step
        assert not step["err"].strip(), step
    assert report["integrity"] == "ok"
    assert report["notes"] == ["after", "before full"]
    assert report["titles"] == ["Walk"]
    assert report["reflections"] == ["written before the disk filled up"]
    assert not [f for f in report["files"] if f.startswith(".") or "/." in f], report["files"]


# --- no file may grow (RLIMIT_FSIZE) ------------------------------------------------------


def _limited(data: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "selftrust", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, env=cli_env(),
        preexec_fn=limit_files,  # noqa: PLW1509 - only sets a limit, no threads involved
    )


@pytest.mark.e2e
@pytest.mark.parametrize("limit", [0, 65536] if not FULL else [0, 4096, 65536, 262144])
def test_rel_commands_under_a_file_size_limit(tmp_path: Path, limit: int) -> None:
    data = tmp_path / "data"
    run = runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    run("check", "Walk", "--day", "2026-11-20", "--note", "saved before")
    for wal in data.glob("selftrust.db-*"):
        wal.unlink()  # closed cleanly: the -wal was folded in; start without one
    long_part = "a long evening, " * 1200  # ~19,000 characters per part
    attempts = [
        ("check", "Walk", "--day", "2026-11-21", "--note", "limited " * 200),
        ("reflect", "Walk", "--day", "2026-11-21", "--happened", long_part,
         "--owning", long_part, "--learned", long_part),
        ("list",),
    ]
    for args in attempts:
        result = _limited(data, limit, *args)
        if result.returncode != 0:
            line = one_line(result.stderr)
            assert line.startswith("selftrust"), line
            assert "Traceback" not in result.stderr
        else:
            assert not result.stderr.strip(), result.stderr
    after = run("list", "--json").stdout
    assert '"title": "Walk"' in after
    with sqlite3.connect(data / "selftrust.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        notes = {n for (n,) in conn.execute("SELECT note FROM checkin")}
    assert "saved before" in notes


# --- SQLITE_FULL injected in-process -------------------------------------------------------


@pytest.fixture
def walk_ws(tmp_path: Path) -> Iterator[Workspace]:
    from datetime import datetime

    ws = open_workspace(tmp_path / "data", FixedClock(datetime(2026, 11, 24, 12).astimezone()))
    from selftrust.services.commitments import CommitmentDraft

    ws.commitments.create(CommitmentDraft("Walk", created_on=date(2020, 1, 1)))
    yield ws
    ws.close()


def test_rel_writes_until_the_database_is_full(walk_ws: Workspace) -> None:
    """Keep checking in with long notes until the disk is full: each write is whole or
    refused with kind "full"; nothing refused shows up; everything saved stays."""
    ws = walk_ws
    cid = ws.commitments.find("Walk").id
    lift = full_disk(ws, extra_pages=6)
    saved: dict[date, str] = {}
    problem: DataProblem | None = None
    for n in range(400):
        day = TODAY - timedelta(days=n)
        note = f"{n} " + "x" * 1900
        try:
            ws.checkins.record(cid, day, CheckinState(Status.KEPT, note=note))
        except DataProblem as exc:
            problem = exc
            refused_day = day
            break
        saved[day] = note
    assert problem is not None, "the page limit never filled up"
    assert problem.kind == "full"
    assert "disk is full" in str(problem) and "\n" not in str(problem)
    assert ws.checkins.get(cid, refused_day) is None  # neither saved nor half-saved
    assert ws.ledger.entry(cid, refused_day) is None  # and the app's memory agrees
    with pytest.raises(DataProblem) as again:
        ws.reflections.write(ReflectionDraft(TODAY, cid, happened="x" * 20_000))
    assert again.value.kind == "full"
    lift()
    ws.checkins.record(cid, refused_day, CheckinState(Status.KEPT, note="room again"))
    fresh = open_workspace(ws.db.folder.root, ws.clock)
    try:
        for day, note in saved.items():
            stored = fresh.checkins.get(cid, day)
            assert stored is not None and stored.state.note == note
        assert fresh.checkins.get(cid, refused_day).state.note == "room again"  # type: ignore[union-attr]
        assert fresh.reflections.search() == []
    finally:
        fresh.close()
