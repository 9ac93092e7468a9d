"""`selftrust stats` on weekly and monthly amounts: kept or not per period (issue 17, item 2)."""

from __future__ import annotations

from tests.e2e.helpers import Run, by_title, stats


def _lines(run: Run) -> dict[str, str]:
    out = run("stats").stdout.splitlines()[1:]
    return {line.strip().split(":")[0]: line.strip() for line in out}


def test_a_weekly_amount_has_a_streak_of_weeks(run: Run) -> None:
    run("add", "Run", "--measurable", "km", "--target", "15", "--per", "week",
        "--start", "2026-11-10")
    run("check", "Run", "--day", "2026-11-18", "--value", "16")  # last week: kept
    run("check", "Run", "--value", "12")  # this week, on the way
    assert "streak 1 week (best 1)" in _lines(run)["Run"]
    c = by_title(stats(run))["Run"]
    assert (c["current_streak"], c["best_streak"], c["streak_unit"]) == (1, 1, "week")


def test_a_month_over_its_limit_is_not_kept(run: Run) -> None:
    run("add", "Sweets", "--measurable", "pieces", "--target", "10", "--per", "month",
        "--at-most", "--start", "2026-10-01")
    run("check", "Sweets", "--day", "2026-10-05", "--value", "3")  # October: within
    run("check", "Sweets", "--day", "2026-11-20", "--value", "12")  # November: over
    line = _lines(run)["Sweets"]
    assert "kept 1, not kept 1" in line
    assert "best streak 1 month" in line and "streak 1 month (" not in line
    report = stats(run)
    c = by_title(report)["Sweets"]
    assert (c["current_streak"], c["best_streak"], c["kept"], c["missed"]) == (0, 1, 1, 1)
    assert report["jar"]["marbles"] == 0  # +1 for October, then -2 the day November passed
