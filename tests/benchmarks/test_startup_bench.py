"""Start-up as whole processes: `selftrust --exit-after-startup` on 20 commitments ×
10 years, against the floor (floor_app.py: a Qt window + SQLModel + one SELECT).

Run turn about so both see the same machine; the goal is 1.10 × the floor's median
(1.20 × at 100 commitments × 20 years: DESIGN.md, issue 13).
Without --benchmark-enable each runs once, as a smoke test.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench_data import size_label
from bench_figures import record
from today_bench_support import BENCH_NOW, benchmarks_enabled

import selftrust

SRC = Path(selftrust.__file__).resolve().parent.parent
FLOOR = Path(__file__).with_name("floor_app.py")
BUDGETS = {"100x20": 1.20}
BUDGET = 1.10
ROUNDS = 9


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["SELFTRUST_NOW"] = BENCH_NOW
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # never the user's window settings
    env.pop("SELFTRUST_DATA_DIR", None)
    return env


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, f"{' '.join(cmd)} failed:\n{result.stderr}"
    return elapsed


def test_startup_against_the_floor(
    big_data_dir: Path, tmp_path: Path, request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = _env(tmp_path)
    app = [sys.executable, "-m", "selftrust", "--data-dir", str(big_data_dir),
           "--exit-after-startup"]
    floor = [sys.executable, str(FLOOR), str(big_data_dir / "selftrust.db")]
    enabled = benchmarks_enabled(request.config)
    # Warm the file cache and make the day's backup before anything is timed.
    _timed(app, env)
    _timed(floor, env)
    app_times: list[float] = []
    floor_times: list[float] = []
    for _ in range(ROUNDS if enabled else 1):
        floor_times.append(_timed(floor, env))
        app_times.append(_timed(app, env))
    app_median = statistics.median(app_times)
    floor_median = statistics.median(floor_times)
    ratio = app_median / floor_median
    budget = BUDGETS.get(size_label(), BUDGET)
    with capsys.disabled():
        print(
            f"\nstart-up over {len(app_times)} rounds: app median {app_median * 1000:.0f} ms "
            f"(min {min(app_times) * 1000:.0f}, max {max(app_times) * 1000:.0f}); floor median "
            f"{floor_median * 1000:.0f} ms (min {min(floor_times) * 1000:.0f}, max "
            f"{max(floor_times) * 1000:.0f}); ratio {ratio:.2f} (budget {budget})"
        )
    record("start-up", app_s=app_times, floor_s=floor_times, ratio=ratio)
    if enabled:
        assert ratio <= budget, f"start-up is {ratio:.2f} × the floor"
