"""Memory of the loaded history (issue 13: ≤ 20 MB at 100 commitments × 20 years).

What the ledger keeps once every check-in and repair is read into memory, measured
two ways: the Python allocations still held after loading (tracemalloc, which numpy's
arrays report to as well), and the growth of the resident set. Each in a fresh
workspace; the figure is reported, never asserted.
"""

from __future__ import annotations

import gc
import tracemalloc
from datetime import datetime
from pathlib import Path
from typing import Any

from bench_data import BENCH_NOW

from selftrust.services.clock import FixedClock
from selftrust.services.workspace import open_workspace

MB = 1024 * 1024


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def test_memory_of_the_loaded_history(benchmark: Any, big_data_dir: Path) -> None:
    clock = FixedClock(datetime.fromisoformat(BENCH_NOW).astimezone())
    with open_workspace(big_data_dir, clock) as ws:
        gc.collect()
        rss = _rss_mb()
        ws.ledger.ensure_loaded()
        gc.collect()
        rss_growth = _rss_mb() - rss
    with open_workspace(big_data_dir, clock) as ws:
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            ws.ledger.ensure_loaded()
            gc.collect()
            held, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert ws.ledger.loaded
    benchmark.extra_info.update(history_mb=round((held - before) / MB, 1),
                                history_peak_mb=round((peak - before) / MB, 1),
                                history_rss_growth_mb=round(rss_growth, 1))
    print(f"\nloaded history: {(held - before) / MB:.1f} MB held (tracemalloc; peak while "
          f"loading {(peak - before) / MB:.1f} MB), resident set +{rss_growth:.1f} MB")
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
