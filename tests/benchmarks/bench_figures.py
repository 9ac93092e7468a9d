"""Figures a benchmark measures outside pytest-benchmark's timer (whole processes,
peak memory), for `make bench`'s report.

``record(name, **figures)`` appends one JSON line to the file SELFTRUST_BENCH_FIGURES
names (run_bench.py sets it per run) with the data size of the run; without it,
nothing is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bench_data import size_label


def record(name: str, **figures: Any) -> None:
    target = os.environ.get("SELFTRUST_BENCH_FIGURES")
    if not target:
        return
    line = json.dumps({"name": name, "size": size_label(), **figures}, sort_keys=True)
    with Path(target).open("a", encoding="utf-8") as out:
        out.write(line + "\n")
