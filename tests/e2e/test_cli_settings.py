"""`selftrust settings [NAME [VALUE]]`: the personal settings of Preferences, listed, shown and
set with the same checks as the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.helpers import Run

pytestmark = pytest.mark.e2e

NAMES = ["day-start", "week-start", "reminders", "daily-summary", "summary-time",
         "daily-export"]


def test_settings_lists_every_one_with_its_value(run: Run) -> None:
    run("add", "Walk")
    lines = run("settings").stdout.splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert lines[0].split()[1] == "04:00"
    assert lines[1].split(maxsplit=1)[1].startswith("auto: Monday, as your language has it")
    assert json.loads(run("settings", "--json").stdout) == {
        "day-start": "04:00", "week-start": "auto", "reminders": True,
        "daily-summary": False, "summary-time": "20:00", "daily-export": None,
    }


def test_one_setting_shown_and_set(run: Run) -> None:
    run("add", "Walk")
    assert run("settings", "day-start").stdout.startswith("day-start: 04:00")
    said = run("settings", "day-start", "5").stdout
    assert "05:00" in said
    assert json.loads(run("settings", "day-start", "--json").stdout) == {"day-start": "05:00"}
    run("settings", "WEEK-START", "sunday")
    run("settings", "reminders", "off")
    run("settings", "daily-summary", "on")
    run("settings", "summary-time", "21:30")
    assert json.loads(run("settings", "--json").stdout) == {
        "day-start": "05:00", "week-start": "sunday", "reminders": False,
        "daily-summary": True, "summary-time": "21:30", "daily-export": None,
    }


def test_the_day_start_moves_today(run: Run) -> None:
    """The clock says 12:00 on the 24th: with the day starting at 13:00 it is still the 23rd."""
    run("settings", "day-start", "13:00")
    assert json.loads(run("list", "--json").stdout)["day"] == "2026-11-23"


def test_the_daily_export_takes_a_folder_or_off(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    run("settings", "daily-export", str(folder))
    assert json.loads(run("settings", "daily-export", "--json").stdout) == {
        "daily-export": str(folder.resolve())}
    run("settings", "daily-export", "off")
    assert json.loads(run("settings", "daily-export", "--json").stdout) == {"daily-export": None}
    missing = run("settings", "daily-export", str(tmp_path / "nowhere"), ok=False)
    assert missing.returncode == 2 and "no folder" in missing.stderr


@pytest.mark.parametrize(("name", "value", "says"), [
    ("day-start", "25", "0 to 23"),
    ("day-start", "4:30", "whole hour"),
    ("week-start", "someday", "monday"),
    ("reminders", "maybe", "on or off"),
    ("summary-time", "8pm", "HH:MM"),
    ("bedtime", "22:00", "day-start"),
])
def test_a_bad_setting_is_one_clear_line_and_changes_nothing(
        run: Run, name: str, value: str, says: str) -> None:
    run("add", "Walk")
    before = run("settings", "--json").stdout
    result = run("settings", name, value, ok=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert run("settings", "--json").stdout == before


def test_the_week_starts_as_the_language_has_it_until_a_day_is_chosen(run: Run) -> None:
    run("settings", "week-start", "sunday")
    assert json.loads(run("settings", "week-start", "--json").stdout) == {"week-start": "sunday"}
    run("settings", "week-start", "auto")
    assert json.loads(run("settings", "week-start", "--json").stdout) == {"week-start": "auto"}
    assert run("settings", "week-start").stdout.startswith(
        "week-start: auto: Monday, as your language has it")
