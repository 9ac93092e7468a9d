"""`selftrust add --remind HH:MM`: the reminder is stored and listed; a bad time is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import Run, empty_data

pytestmark = pytest.mark.e2e


def test_add_with_a_reminder(run: Run) -> None:
    out = run("add", "Walk", "--remind", "7:30").stdout
    assert "reminder at 07:30" in out
    run("add", "Read")
    items = {i["title"]: i for i in json.loads(run("list", "--json").stdout)["items"]}
    assert items["Walk"]["reminder"] == "07:30"
    assert items["Read"]["reminder"] is None


def test_a_bad_reminder_time_is_refused_and_nothing_is_added(run: Run, tmp_path: Path) -> None:
    empty_data(tmp_path / "data")
    result = run("add", "Walk", "--remind", "25:00", ok=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "HH:MM" in result.stderr
    assert json.loads(run("list", "--json").stdout)["items"] == []
