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
