"""Restoring a backup under a running workspace: the old data is kept, views reload."""

from __future__ import annotations

from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.services.backups import (
    back_up_now,
    find_backup,
    kind_name,
    list_backups,
    restore_in_place,
)
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import DataProblem
from selftrust.services.events import Change, What
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import TODAY, fill


def test_restore_swaps_the_data_and_keeps_the_old_file(ws: Workspace) -> None:
    fill(ws)
    backup = back_up_now(ws)
    before = ws.stats.report(TODAY).to_json()
    ws.commitments.create(CommitmentDraft("Added after the backup", Rules()))
    heard: list[Change] = []
    ws.subscribe(heard.append)
    aside = restore_in_place(ws, backup.path)
    assert heard == [Change(What.EVERYTHING)]
    assert "Added after the backup" not in [c.title for c in ws.commitments.all()]
    assert ws.stats.report(TODAY).to_json() == before
    assert aside is not None and aside.exists() and "before-restore" in aside.name
    ws.commitments.create(CommitmentDraft("Still writable", Rules()))  # the new db works


def test_a_bad_backup_leaves_the_data_open(ws: Workspace, tmp_path: Path) -> None:
    fill(ws)
    bad = tmp_path / "selftrust-2026-11-20.db"
    bad.write_bytes(b"not a database at all" * 100)
    titles = [c.title for c in ws.commitments.all()]
    with pytest.raises(DataProblem):
        restore_in_place(ws, bad)
    assert [c.title for c in ws.commitments.all()] == titles
    ws.commitments.create(CommitmentDraft("Still writable", Rules()))


def test_backups_are_listed_with_their_kind(ws: Workspace) -> None:
    made = back_up_now(ws)
    listed = list_backups(ws)
    assert made.path in [b.path for b in listed]
    assert kind_name("daily") == "Daily" and kind_name("before-import") == "Before an import"
    assert kind_name("weekly") == "Weekly"
    assert find_backup(ws, Path(made.path.name)) == made.path
