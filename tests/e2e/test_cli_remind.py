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


def _reminder(run: Run, title: str) -> object:
    return json.loads(run("edit", title, "--json").stdout)["reminder"]


def test_remind_sets_changes_and_removes_a_reminder(run: Run) -> None:
    run("add", "Walk")
    out = run("remind", "walk", "7:30").stdout
    assert "“Walk”" in out and "07:30" in out
    assert _reminder(run, "Walk") == {"at": "07:30", "days": "daily"}
    said = json.loads(run("remind", "Walk", "18:05", "--days", "mon,wed,fri", "--json").stdout)
    assert said["reminder"] == {"at": "18:05", "days": "mon,wed,fri"}
    run("remind", "Walk", "--days", "weekdays")  # the days alone: the time stays
    assert _reminder(run, "Walk") == {"at": "18:05", "days": "mon,tue,wed,thu,fri"}
    assert "no reminder" in run("remind", "Walk", "--off").stdout
    assert _reminder(run, "Walk") is None
    items = {i["title"]: i for i in json.loads(run("list", "--json").stdout)["items"]}
    assert items["Walk"]["reminder"] is None


def test_remind_alone_says_what_is_set(run: Run) -> None:
    run("add", "Walk", "--remind", "7:30")
    assert "07:30" in run("remind", "Walk").stdout
    run("add", "Read")
    assert "no reminder" in run("remind", "Read").stdout


@pytest.mark.parametrize("args", [
    ("25:00",), ("7:30", "--off"), ("7:30", "--days", "3/week"), ("--days", "mon"),
])
def test_remind_refuses_what_cannot_be(run: Run, args: tuple[str, ...]) -> None:
    run("add", "Walk")
    result = run("remind", "Walk", *args, ok=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert _reminder(run, "Walk") is None
