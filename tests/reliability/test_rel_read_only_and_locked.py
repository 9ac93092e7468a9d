"""A data folder that cannot be written, and a database another program holds: a clear
message (one line from the CLI, DataProblem with a kind from the services), nothing
lost, and Self-Trust keeps working once the folder is writable or free again."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import DataProblem
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.store import engine as store_engine
from selftrust.store import inspection as store_inspection
from tests.e2e.helpers import Run, cli_env
from tests.reliability.rel_faults import LockHolder, read_only_file, read_only_runner
from tests.reliability.rel_kill import runner
from tests.reliability.rel_scale import FULL

TODAY = date(2026, 11, 24)
NOON = datetime(2026, 11, 24, 12).astimezone()


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one clear line on stderr, got:\n{stderr}"
    return lines[0]


@pytest.fixture
def walked(tmp_path: Path) -> tuple[Path, Run]:
    """A data folder the CLI made: "Walk", kept on 20 November with the note "before"."""
    data = tmp_path / "data"
    run = runner(data)
    run("add", "Walk", "--start", "2020-01-01")
    run("check", "Walk", "--day", "2026-11-20", "--note", "before")
    return data, run


@pytest.fixture
def walk_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    # Give up on a held lock after 0.3 s instead of 5 s (new connections read this).
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(store_inspection, "BUSY_TIMEOUT_MS", 300)
    ws = open_workspace(tmp_path / "data", FixedClock(NOON))
    ws.commitments.create(CommitmentDraft("Walk", created_on=date(2020, 1, 1)))
    cid = ws.commitments.find("Walk").id
    ws.checkins.record(cid, date(2026, 11, 20), CheckinState(Status.KEPT, note="before"))
    yield ws
    ws.close()


# --- read-only ------------------------------------------------------------------------------


def test_rel_a_read_only_database_refuses_writes_calmly(walk_ws: Workspace) -> None:
    ws = walk_ws
    cid = ws.commitments.find("Walk").id
    lift = read_only_file(ws)
    with pytest.raises(DataProblem) as refused:
        ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, note="refused"))
    assert refused.value.kind == "readonly"
    assert "read-only" in str(refused.value) and "\n" not in str(refused.value)
    with pytest.raises(DataProblem) as again:
        ws.reflections.write(ReflectionDraft(TODAY, cid, happened="not now"))
    assert again.value.kind == "readonly"
    with pytest.raises(DataProblem):
        ws.commitments.create(CommitmentDraft("Read"))
    # Reading still works, and the app's memory did not pretend anything was saved.
    assert ws.checkins.get(cid, TODAY) is None
    assert ws.ledger.entry(cid, TODAY) is None
    assert [c.title for c in ws.commitments.all()] == ["Walk"]
    assert [i.title for i in ws.dashboard.day(TODAY)] == ["Walk"]
    lift()
    ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, note="writable again"))
    assert ws.checkins.get(cid, TODAY).state.note == "writable again"  # type: ignore[union-attr]


@pytest.mark.e2e
def test_rel_the_cli_on_a_read_only_data_folder(walked: tuple[Path, Run]) -> None:
    data, run = walked
    read_only = read_only_runner(data)
    if read_only is None:
        pytest.skip("cannot make a folder read-only here: running as root (chmod does not "
                    "stop root) without a private mount namespace (unshare) to mount it "
                    "read-only; the in-process read-only test covers the services")
    before = sorted(p.name for p in data.rglob("*"))
    for args in (["check", "Walk", "--note", "refused"],
                 ["reflect", "Walk", "--happened", "not now"],
                 ["add", "Read"],
                 ["list"]):
        result = read_only([sys.executable, "-m", "selftrust", "--data-dir", str(data), *args],
                           cli_env())
        if result.returncode != 0:
            line = one_line(result.stderr)
            assert "cannot" in line and str(data) in line, line
        else:
            assert args[0] == "list" and not result.stderr.strip()
        assert args[0] == "list" or result.returncode != 0, f"{args} claims it saved"
    assert sorted(p.name for p in data.rglob("*")) == before  # not a file added or lost
    run("check", "Walk", "--note", "writable again")
    listed = run("list", "--json").stdout
    assert '"note": "writable again"' in listed


# --- locked -----------------------------------------------------------------------------------


def test_rel_a_database_held_by_another_program(walk_ws: Workspace) -> None:
    ws = walk_ws
    cid = ws.commitments.find("Walk").id
    with LockHolder(ws.db.path, "write") as holder:
        with pytest.raises(DataProblem) as refused:
            ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, note="while held"))
        assert refused.value.kind == "locked"
        assert "busy" in str(refused.value) and "\n" not in str(refused.value)
        assert ws.ledger.entry(cid, TODAY) is None
        # Reading is not blocked by another program's write (WAL).
        assert ws.checkins.get(cid, date(2026, 11, 20)) is not None
        assert [i.title for i in ws.dashboard.day(TODAY)] == ["Walk"]
        holder.release()
        ws.checkins.record(cid, TODAY, CheckinState(Status.KEPT, note="after"))
    fresh = open_workspace(ws.db.folder.root, ws.clock)
    try:
        assert fresh.checkins.get(cid, TODAY).state.note == "after"  # type: ignore[union-attr]
        assert fresh.checkins.get(cid, date(2026, 11, 20)).state.note == "before"  # type: ignore[union-attr]
    finally:
        fresh.close()


def test_rel_a_database_locked_even_for_readers(walk_ws: Workspace) -> None:
    ws = walk_ws
    cid = ws.commitments.find("Walk").id
    path = ws.db.folder.root
    ws.close()
    with LockHolder(path / "selftrust.db", "exclusive"), pytest.raises(DataProblem) as refused:
        open_workspace(path, FixedClock(NOON)).close()
    assert refused.value.kind == "locked"
    reopened = open_workspace(path, FixedClock(NOON))
    try:
        assert reopened.checkins.get(cid, date(2026, 11, 20)) is not None
    finally:
        reopened.close()


@pytest.mark.e2e
def test_rel_the_cli_while_another_program_holds_the_database(walked: tuple[Path, Run]
                                                             ) -> None:
    data, run = walked
    with LockHolder(data / "selftrust.db", "write"):
        refused = run("check", "Walk", "--note", "while held", ok=False)
        assert refused.returncode == 1
        assert "busy" in one_line(refused.stderr)
        assert "Walk" in run("list").stdout  # reading goes on meanwhile
    if FULL:  # another 5 s wait: the in-process test covers this in quick runs
        with LockHolder(data / "selftrust.db", "exclusive"):
            blocked = run("list", ok=False)
            assert blocked.returncode == 1
            assert "busy" in one_line(blocked.stderr)
    run("check", "Walk", "--note", "after")
    listed = run("list", "--json").stdout
    assert '"note": "after"' in listed
