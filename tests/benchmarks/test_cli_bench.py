"""The CLI as whole processes against a bare `python -c "import sqlmodel"` (issue 13):
`selftrust check TITLE` within 1.5× and `selftrust stats --json` within 2.5×, at every
size of data, since every command computes only what it prints.

The three run turn about, round after round, so all see the same machine; the figure
is the ratio of the medians. Without --benchmark-enable each runs once, as a smoke test.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
from pathlib import Path

import pytest
from bench_figures import record
from test_startup_bench import _env, _timed
from today_bench_support import benchmarks_enabled

ROUNDS = 9
GOALS = {"check": 1.5, "stats": 2.5}


def _a_title(db: Path) -> str:
    """The first daily commitment still open, as `check` is typed by hand."""
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT title FROM commitment WHERE archived_on IS NULL "
                          "AND kind = 'yes_no' AND schedule_kind = 'daily' "
                          "ORDER BY position LIMIT 1").fetchone()
    assert row is not None, "the demo data has no open commitment"
    return str(row[0])


def test_cli_against_a_bare_sqlmodel_import(
    big_data_dir: Path, tmp_path: Path, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = _env(tmp_path)
    app = [sys.executable, "-m", "selftrust", "--data-dir", str(big_data_dir)]
    commands = {
        "floor": [sys.executable, "-c", "import sqlmodel"],
        "check": [*app, "check", _a_title(big_data_dir / "selftrust.db")],
        "stats": [*app, "stats", "--json"],
    }
    for command in commands.values():  # the day's backup, the file cache: untimed
        _timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(ROUNDS if benchmarks_enabled(request.config) else 1):
        for name, command in commands.items():
            times[name].append(_timed(command, env))
    floor = statistics.median(times["floor"])
    ratios = {name: statistics.median(times[name]) / floor for name in GOALS}
    with capsys.disabled():
        print("\nCLI over {} rounds: import sqlmodel {:.0f} ms; {}".format(
            len(times["floor"]), floor * 1000, "; ".join(
                f"{name} {statistics.median(times[name]) * 1000:.0f} ms = {ratios[name]:.2f}× "
                f"(goal {GOALS[name]}×)" for name in GOALS)))
    for name in GOALS:
        record(f"cli-{name}", app_s=times[name], floor_s=times["floor"], ratio=ratios[name])
