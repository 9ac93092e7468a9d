"""`make bench`: make the demo data, run every benchmark, and write one report.

    python tests/benchmarks/run_bench.py [--sizes 20x1,20x20,100x20] [--no-write]

1. builds (or finds in ``.bench-data/``) demo data of 20 commitments × 10 years, the
   main size, and of the growth and stress sizes;
2. runs all of ``tests/benchmarks`` with ``--benchmark-enable`` on the main size, then
   the benchmarks whose cost depends on the years of data (start-up, the CLI, check-off,
   strength/streaks/jar, streaks view, charts, the event loop's stalls, the history's
   memory) on each other size;
3. prints issue 13's table and DESIGN.md's budgets and writes them into
   docs/performance.md (tests/benchmarks/report.py).

A benchmark that fails its own check (a budget it asserts) does not stop the others;
the report says which failed. Results stay in ``.bench-data/results/<time>/``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO / "src")]

from bench_data import MAIN_SIZE, cache_root, demo_folder  # noqa: E402

GROWTH_FILES = (
    "test_startup_bench.py",
    "test_today_bench.py",
    "test_stats_bench.py",
    "test_domain_bench.py",
    "test_streaks_bench.py",
    "test_charts_bench.py",
    "test_cli_bench.py",
    "test_stall_bench.py",
    "test_memory_bench.py",
)
DEFAULT_SIZES = "20x1,20x20,100x20"


def parse_size(text: str) -> tuple[int, int]:
    commitments, years = (int(x) for x in text.lower().split("x"))
    return commitments, years


def run_pytest(size: str, files: list[str], out: Path, figures: Path) -> list[str]:
    """Run the benchmarks on one data size; returns the tests that failed."""
    env = dict(os.environ, SELFTRUST_BENCH_SIZE=size, SELFTRUST_BENCH_FIGURES=str(figures),
               QT_QPA_PLATFORM="offscreen")
    report = out / f"{size}.report.json"
    command = [sys.executable, "-m", "pytest", *files, "--benchmark-enable",
               f"--benchmark-json={out / (size + '.json')}", "-p", "no:cacheprovider", "-q",
               "-rfE", "--timeout=3600", "-o", "console_output_style=classic"]
    print(f"\n== benchmarks on {size} ({' '.join(Path(f).name for f in files)})", flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, text=True, capture_output=True)
    print(result.stdout[-4000:], end="", flush=True)
    if result.returncode not in (0, 1):
        print(result.stderr[-4000:], file=sys.stderr)
    print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    failed = [line.split(" ", 1)[1].split(" - ")[0] for line in result.stdout.splitlines()
              if line.startswith(("FAILED ", "ERROR "))]
    report.write_text(json.dumps({"returncode": result.returncode, "failed": failed}))
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description="run the benchmarks and write the report")
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"growth and stress sizes besides 20x10 (default {DEFAULT_SIZES})")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()
    sizes = [s for s in args.sizes.split(",") if s.strip()]
    main_size = f"{MAIN_SIZE[0]}x{MAIN_SIZE[1]}"
    out = cache_root() / "results" / datetime.now().strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True)
    figures = out / "figures.jsonl"
    for size in [main_size, *sizes]:
        started = time.perf_counter()
        folder = demo_folder(*parse_size(size))
        print(f"demo data {size}: {folder} ({time.perf_counter() - started:.1f} s)", flush=True)
    failures = {main_size: run_pytest(main_size, ["tests/benchmarks"], out, figures)}
    for size in sizes:
        files = [f"tests/benchmarks/{name}" for name in GROWTH_FILES]
        failures[size] = run_pytest(size, files, out, figures)
    (out / "failures.json").write_text(json.dumps({k: v for k, v in failures.items() if v}))
    command = [sys.executable, str(HERE / "report.py"), str(out)]
    if not args.no_write:
        command += ["--write", str(REPO / "docs" / "performance.md")]
    print(flush=True)
    return subprocess.run(command, cwd=REPO).returncode


if __name__ == "__main__":
    raise SystemExit(main())
