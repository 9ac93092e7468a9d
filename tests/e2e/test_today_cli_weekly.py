"""`selftrust list` tells a weekly amount's progress as Today does."""

from __future__ import annotations

import json

from tests.e2e.helpers import Run


def test_a_weekly_amount_on_its_way_lists_as_open_with_its_progress(run: Run) -> None:
    run("add", "Run", "--measurable", "km", "--target", "10", "--per", "week",
        "--start", "2026-11-01")
    run("check", "Run", "--day", "2026-11-23", "--value", "5")
    run("check", "Run", "--value", "3")
    items = json.loads(run("list", "--json").stdout)["items"]
    assert items[0]["state"] == "open" and items[0]["status"] == "kept"
    line = run("list").stdout.splitlines()[1]
    assert "8 of 10 km this week" in line and "on the way" in line
    assert "✓" not in line


def test_a_week_done_twice_lists_as_done_not_two_of_one(run: Run) -> None:
    run("add", "Call Mum", "--schedule", "1/week", "--start", "2026-11-01")
    run("check", "Call Mum", "--day", "2026-11-23")
    run("check", "Call Mum")
    line = run("list").stdout.splitlines()[1]
    assert "done this week (2 times)" in line
    assert "2 of 1" not in line


def test_a_day_to_come_has_no_streak_yet(run: Run) -> None:
    """`list --day` on a future day showed today's streak: a day that has not come has
    none yet (its rows are promises waiting), on the command line as in Today."""
    run("add", "Walk", "--start", "2026-11-01")
    for day in ("2026-11-22", "2026-11-23", "2026-11-24"):
        run("check", "Walk", "--day", day)
    assert "streak 3" in run("list").stdout
    ahead = run("list", "--day", "2026-11-28")
    assert "streak" not in ahead.stdout
    [item] = json.loads(run("list", "--day", "2026-11-28", "--json").stdout)["items"]
    assert item["current_streak"] == 0
    [past] = json.loads(run("list", "--day", "2026-11-23", "--json").stdout)["items"]
    assert past["current_streak"] == 2  # a past day: its streak as of that day
