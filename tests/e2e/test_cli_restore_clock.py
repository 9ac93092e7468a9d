"""`selftrust restore` names the file it keeps aside by the command's clock, so with
SELFTRUST_NOW fixed the name is known (tests, demos) and it sorts with the backups."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace, restore_backup
from tests.e2e.helpers import Run

pytestmark = pytest.mark.e2e


def test_restore_names_the_old_file_by_selftrust_now(run: Run, tmp_path: Path) -> None:
    run("add", "Walk 20 minutes", "--start", "2026-11-01")
    [daily] = json.loads(run("backups", "--json").stdout)
    out = run("restore", Path(daily["path"]).name,
              SELFTRUST_NOW="2026-11-24T21:07:30").stdout
    aside = tmp_path / "data" / "selftrust.db.before-restore-20261124-210730"
    assert f"Your previous data is kept at {aside}." in out
    assert aside.is_file()


def test_restore_backup_takes_the_moment_to_name_the_old_file(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 24, 6, 5, 4).astimezone()
    ws = open_workspace(tmp_path / "data", FixedClock(moment))
    backup = ws.back_up_now()
    ws.close()
    aside = restore_backup(tmp_path / "data", backup.path, now=moment)
    assert aside is not None and aside.name == "selftrust.db.before-restore-20261124-060504"
