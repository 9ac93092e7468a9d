"""Strength, streaks and the jar for every commitment as the app computes them: from its
in-memory ledger of the stored check-ins (DESIGN.md: under 50 ms for 20 commitments ×
10 years). test_domain_bench.py times the domain's arithmetic alone on synthetic
histories; this adds what the app does around it (histories built from the ledger,
pauses, repairs, the jar's rules from the settings) on demo data read from the file.

Run with --benchmark-enable; in ordinary runs each case runs once as a smoke test.
"""

from __future__ import annotations

import gc
import tracemalloc
from typing import Any

from selftrust.services.workspace import Workspace


def test_strength_streaks_and_jar_for_every_commitment(benchmark: Any,
                                                       loaded_ws: Workspace) -> None:
    ws = loaded_ws
    today = ws.today()
    ids = list(ws.ledger.commitments)

    def cold() -> None:
        for cid in ids:  # nothing cached, as after the data was loaded
            ws.ledger.forget(cid)

    report = benchmark.pedantic(lambda: ws.stats.report(today), setup=cold, rounds=30,
                                warmup_rounds=2)
    assert len(report.items) >= len(ids) - 1  # the archived one is left out
    assert report.jar.marbles > 0
    assert all(0.0 <= s.summary.strength <= 1.0 for s in report.items)


def test_loading_every_check_in_into_the_ledger(benchmark: Any, loaded_ws: Workspace) -> None:
    """Part of start-up: every check-in and repair read from the file into memory.

    ``extra_info`` says what the loaded history holds in memory (tracemalloc: what a
    load leaves allocated, and its peak), the figure of issue 13's "memory of the
    loaded history" (goal at 100 × 20: at most 20 MB)."""
    benchmark.pedantic(loaded_ws.ledger.load, rounds=10, warmup_rounds=1)
    assert loaded_ws.ledger.loaded
    gc.collect()
    tracemalloc.start()
    try:
        loaded_ws.ledger.load()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    benchmark.extra_info["history_mb"] = round(held / 1e6, 2)
    benchmark.extra_info["load_peak_mb"] = round(peak / 1e6, 2)
