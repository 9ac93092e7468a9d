"""Import and export a million check-ins: time (pytest-benchmark) and peak memory.

Normal runs pass ``--benchmark-disable``: each benchmark then runs once on 20,000
check-ins as a smoke test. Measure the real thing with

    pytest tests/benchmarks/test_import_bench.py --benchmark-enable -s

which imports 1,000,000 check-ins (100 commitments × 10,000 days) from our JSON and
CSV exports into a fresh data folder, exports them again, and prints the peak memory
of an import measured in a separate process (its peak RSS, and the growth over the
process after start-up).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from selftrust.domain.commitment import Rules
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import export_file, import_file
from selftrust.services.workspace import open_workspace
from selftrust.store import repository as repo
from tests.e2e.helpers import cli_env

NOON = datetime(2026, 11, 24, 12, 0).astimezone()
FULL = 1_000_000
SMOKE = 20_000
COMMITMENTS = 100


@dataclass(frozen=True)
class Source:
    rows: int
    folder: Path
    json: Path
    zip: Path


def _build(root: Path, rows: int) -> Source:
    """A data folder with ``rows`` check-ins written in bulk, and its two exports."""
    days = rows // COMMITMENTS
    start = date(2026, 11, 24) - timedelta(days=days)
    folder = root / "source"
    ws = open_workspace(folder, FixedClock(NOON))
    try:
        with ws.write() as conn:
            for n in range(COMMITMENTS):
                cid = repo.insert_commitment(
                    conn, uid=uuid.UUID(int=n + 1).hex, title=f"Habit {n}", why=None,
                    rules=Rules(), color="#3f8f6b", position=n, created_on=start)
                conn.exec_driver_sql(
                    "INSERT INTO checkin (commitment_id, day, status, value, note, recorded_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(cid, (start + timedelta(days=d)).isoformat(),
                      "kept" if (d + n) % 7 else "missed", None,
                      "a note, with “quotes”" if d % 97 == 0 else None,
                      f"{(start + timedelta(days=d)).isoformat()} 20:00:00.000000")
                     for d in range(days)],
                )
        export_file(ws, root / "all.json")
        export_file(ws, root / "all.zip")
    finally:
        ws.close()
    return Source(rows, folder, root / "all.json", root / "all.zip")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Source]:
    return {}


def source_for(benchmark: Any, sources: dict[int, Source],
               factory: pytest.TempPathFactory) -> Source:
    rows = SMOKE if benchmark.disabled else FULL
    if rows not in sources:
        sources[rows] = _build(factory.mktemp(f"rows-{rows}"), rows)
    return sources[rows]


def _fresh_folders(root: Path) -> Iterator[Path]:
    n = 0
    while True:
        n += 1
        yield root / f"target-{n}"


@pytest.mark.parametrize("kind", ["json", "zip"])
def test_import_a_million_checkins(
    benchmark: Any, sources: dict[int, Source], tmp_path_factory: pytest.TempPathFactory,
    kind: str,
) -> None:
    source = source_for(benchmark, sources, tmp_path_factory)
    path = source.json if kind == "json" else source.zip
    folders = _fresh_folders(tmp_path_factory.mktemp(f"import-{kind}"))

    def setup() -> tuple[tuple[Any, ...], dict[str, Any]]:
        ws = open_workspace(next(folders), FixedClock(NOON))
        return (ws,), {}

    results = []

    def run(ws: Any) -> None:
        try:
            results.append(import_file(ws, path, reload=False))
        finally:
            ws.close()

    benchmark.pedantic(run, setup=setup, rounds=1 if benchmark.disabled else 3, iterations=1)
    assert results[-1].checkins_added == source.rows
    benchmark.extra_info["checkins"] = source.rows
    benchmark.extra_info["file_mb"] = round(path.stat().st_size / 2**20, 1)


@pytest.mark.parametrize("kind", ["json", "zip"])
def test_export_a_million_checkins(
    benchmark: Any, sources: dict[int, Source], tmp_path_factory: pytest.TempPathFactory,
    kind: str,
) -> None:
    source = source_for(benchmark, sources, tmp_path_factory)
    out = tmp_path_factory.mktemp(f"export-{kind}") / f"out.{kind}"
    ws = open_workspace(source.folder, FixedClock(NOON))
    try:
        summary = benchmark.pedantic(lambda: export_file(ws, out),
                                     rounds=1 if benchmark.disabled else 3, iterations=1)
    finally:
        ws.close()
    assert summary.checkins == source.rows


PROBE = r"""
import json, resource, sys, time, tracemalloc
from datetime import datetime
from pathlib import Path
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import import_file
from selftrust.services.workspace import open_workspace

def rss_mb():
    # VmHWM: ru_maxrss would also count pytest's memory at fork time (it survives exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

path, folder, traced = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
ws = open_workspace(folder, FixedClock(datetime(2026, 11, 24, 12).astimezone()))
with ws.read() as conn:
    conn.exec_driver_sql("SELECT 1")
base = rss_mb()
if traced:
    tracemalloc.start()
t0 = time.perf_counter()
summary = import_file(ws, path, reload=False)
seconds = time.perf_counter() - t0
python_peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else None
peak = rss_mb()
ws.close()
print(json.dumps({"rows": summary.checkins_added, "seconds": seconds, "base_mb": base,
                  "peak_rss_mb": peak, "python_peak_mb": python_peak}))
"""


@pytest.mark.parametrize("kind", ["json", "zip"])
def test_peak_memory_of_an_import(
    benchmark: Any, sources: dict[int, Source], tmp_path_factory: pytest.TempPathFactory,
    kind: str,
) -> None:
    """Peak memory in a fresh process: flat, whatever the number of check-ins."""
    source = source_for(benchmark, sources, tmp_path_factory)
    path = source.json if kind == "json" else source.zip
    figures = {}
    for traced in ("0", "1"):
        target = tmp_path_factory.mktemp(f"memory-{kind}") / "data"
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(path), str(target), traced],
            capture_output=True, text=True, timeout=1800, env=cli_env(),
        )
        assert done.returncode == 0, done.stderr
        figures[traced] = json.loads(done.stdout.strip().splitlines()[-1])
    plain, traced_run = figures["0"], figures["1"]
    assert plain["rows"] == source.rows
    report = {
        "checkins": source.rows,
        "seconds": round(plain["seconds"], 2),
        "rss_at_start_mb": round(plain["base_mb"], 1),
        "peak_rss_mb": round(plain["peak_rss_mb"], 1),
        "growth_mb": round(plain["peak_rss_mb"] - plain["base_mb"], 1),
        "python_peak_mb": round(traced_run["python_peak_mb"], 1),
    }
    benchmark.extra_info.update(report)
    print(f"\nimport {kind}: {report}")
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
