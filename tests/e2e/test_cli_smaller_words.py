"""The smaller words of issue 17 (item 11) on the command line: counts in the singular
when there is one, an impossible date named as such, and a pause before a commitment's
first day refused in one clear line."""

from __future__ import annotations

import json

from tests.e2e.helpers import Run


def test_one_marble_is_one_marble(run: Run) -> None:
    run("add", "Walk", "--start", "2026-11-24")
    run("check", "Walk")
    out = run("stats").stdout
    assert "1 marble in the jar" in out and "1 marbles" not in out
    assert json.loads(run("stats", "--json").stdout)["jar"]["marbles"] == 1


def test_demo_data_with_one_commitment_says_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.e2e.helpers import make_runner

    out = make_runner(tmp_path / "d")("demo", "--years", "0.1", "--commitments", "1").stdout
    assert "1 commitment," in out and "1 commitments" not in out


def test_a_range_with_an_impossible_day_names_it(run: Run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run("add", "Walk", "--start", "2026-01-01")
    result = run("chart", "growth", "--out", str(tmp_path / "g.png"),
                 "--range", "2026-02-30:2026-03-10", ok=False)
    assert result.returncode == 2
    assert "“2026-02-30” is no day: February 2026 has 28 days" in result.stderr
    assert "not a range" not in result.stderr
    day = run("list", "--day", "2026-02-30", ok=False)
    assert day.returncode == 2 and "February 2026 has 28 days" in day.stderr


def test_a_pause_before_the_first_day_is_refused(run: Run) -> None:
    run("add", "Walk", "--start", "2026-11-10")
    result = run("pause", "Walk", "--from", "2026-11-05", "--to", "2026-11-12", ok=False)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "“Walk” begins on Tuesday, 10 November 2026" in line
    assert json.loads(run("list", "--day", "2026-11-11", "--json").stdout)["items"][0][
        "state"] != "paused"
    run("pause", "Walk", "--from", "2026-11-10", "--to", "2026-11-12")
