"""Reading a Loop CSV export of a million check-marks (one measurable habit).

Normal runs pass ``--benchmark-disable``: the benchmark then reads 20,000 rows once as
a smoke test. Measure with
``pytest tests/benchmarks/test_loop_csv_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from selftrust.interchange.loop_csv import read_loop_csv

FULL = 1_000_000
SMOKE = 20_000
HABITS = (
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,"
    "Unit,Target Type,Target Value,Archived?\n"
    "001,Steps,NUMERICAL,,,1,1,#00897B,k,AT_LEAST,3.0,false\n"
)


def _export(path: Path, rows: int) -> Path:
    start = date(1000, 1, 1).toordinal()
    lines = ["Date,Value,Notes\n"]
    lines += [f"{date.fromordinal(start + i).isoformat()},{(i % 7) * 1000},\n"
              for i in range(rows)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Habits.csv", HABITS)
        zf.writestr("001 Steps/Checkmarks.csv", "".join(lines))
    return path


def test_read_a_million_loop_checkmarks(benchmark: Any, tmp_path: Path) -> None:
    rows = SMOKE if benchmark.disabled else FULL
    archive = _export(tmp_path / "big.zip", rows)
    export = benchmark.pedantic(lambda: read_loop_csv(archive),
                                rounds=1 if benchmark.disabled else 3, iterations=1)
    (habit,) = export.habits
    assert len(habit.entries) == rows
    benchmark.extra_info["rows"] = rows
