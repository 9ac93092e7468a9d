"""The longest stall of the window's event loop through start-up, the daily backup, a
check-off, every view and a merged outside change (``stall_probe.py``), in a fresh
process on a copy of this run's data. Budget: 50 ms at any size (DESIGN.md).

Recorded as "event-loop stall" (``longest_ms``, ``phases``, ``worst``) for the report.
Without --benchmark-enable it runs once as a smoke test and checks only that every
step of the probe ran.
"""

from __future__ import annotations

import pytest
from bench_data import bench_size
from bench_figures import record
from stall_probe import measure
from today_bench_support import benchmarks_enabled

BUDGET_MS = 50.0


def test_the_event_loop_never_stalls(request: pytest.FixtureRequest) -> None:
    figures = measure(size=bench_size())
    assert "error" not in figures, figures.get("error")
    assert {"start", "daily backup", "check-off", "outside change"} <= set(figures["phases"])
    record("event-loop stall", **figures)
    print(f"\nlongest stall {figures['longest_ms']} ms; by phase {figures['phases']}")
    if benchmarks_enabled(request.config):
        assert figures["longest_ms"] <= BUDGET_MS, figures["worst"]
