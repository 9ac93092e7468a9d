"""One table from `make bench`'s runs: every budget of DESIGN.md, what was measured, and
how it grows with the years of data.

    python tests/benchmarks/report.py RESULTS_DIR [--write docs/performance.md]

RESULTS_DIR holds one pytest-benchmark JSON per data size (``20x10.json`` is the main
size, ``20x1``, ``20x20`` and ``100x20`` the growth and stress runs) and
``figures.jsonl`` (bench_figures.py: whole-process timings). The table is printed; with
``--write`` it replaces the generated part of docs/performance.md (between the
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` markers), leaving the hand-written
parts (profiles, explanations) as they are.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench_results import (
    Getter,
    Run,
    extra,
    fmt,
    load_runs,
    recorded,
    startup,
    timing,
    worst_of,
)
from report_goals import goals_table

MAIN = "20x10"
GROWTH = ("20x1", "20x10", "20x20")
STRESS = "100x20"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


# --- the budgets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    what: str
    budget: float | None  # None: reported, no budget
    unit: str
    get: Getter
    grows: bool = True  # measured at 1, 10 and 20 years too


ROWS: tuple[Row, ...] = (
    Row("Start-up to an interactive Today (whole process ÷ the floor)", 1.10, "×", startup),
    Row("Check-off with Space in Today: saved and repainted", 16, "ms",
        timing("test_check_off_with_space")),
    Row("Clearing a check-off with Space in Today", 16, "ms", timing("test_clear_with_space")),
    Row("Check-off saved with the Streaks view shown", 16, "ms",
        timing("test_a_whole_check_off_with_the_view_shown")),
    Row("Strength, streaks and jar for all commitments (app, from its data)", 50, "ms",
        timing("test_strength_streaks_and_jar_for_every_commitment")),
    Row("Strength, streaks and jar for all commitments (domain arithmetic)", 50, "ms",
        timing("test_strength_streaks_and_jar_for_20_commitments_over_10_years")),
    Row("Charts, first opening in a fresh process (matplotlib import included)", 500, "ms",
        extra("test_first_opening_in_a_fresh_process", "first_chart_median_s",
              many="first_chart_s", scale=1000.0)),
    Row("Charts, opening again in a running app", 500, "ms",
        timing("test_first_opening_in_process")),
    Row("Charts, redraw after a check-in", 100, "ms",
        worst_of("test_redraw_after_a_check_in")),
    Row("Peak memory with the charts open", 200, "MB",
        extra("test_first_opening_in_a_fresh_process", "peak_mb", many="peak_mb_each")),
    Row("Journal: opening with 5,000 reflections", 100, "ms",
        timing("test_open_the_journal"), grows=False),
    Row("Journal: a filter keystroke", 100, "ms", worst_of("test_a_filter_keystroke"),
        grows=False),
    Row("Import 1,000,000 check-ins (our JSON)", None, "s",
        timing("test_import_a_million_checkins[json]", scale=1.0), grows=False),
    Row("Import 1,000,000 check-ins (our CSV zip)", None, "s",
        timing("test_import_a_million_checkins[zip]", scale=1.0), grows=False),
    Row("Peak memory of an import of 1,000,000 check-ins", None, "MB",
        extra("test_peak_memory_of_an_import", "peak_rss_mb"), grows=False),
    Row("Export 1,000,000 check-ins (worst format)", None, "s",
        worst_of("test_export_a_million_checkins", scale=1.0), grows=False),
    Row("Sync: a pass with nothing new (files and documents)", 20, "ms",
        timing("test_sync_pass_with_nothing_new"), grows=False),
    Row("Sync: merging a day's changes of every commitment from another device", 100, "ms",
        timing("test_sync_receive_a_days_changes"), grows=False),
    Row("Sync: a fresh device receiving the whole record", 5, "s",
        timing("test_sync_fresh_device_receives_everything", scale=1.0), grows=False),
    Row("Sync: a device's files after a year of daily passes ÷ one snapshot", 2, "×",
        extra("test_sync_folder_after_a_year_of_daily_passes", "worst"), grows=False),
    Row("Sync: a second computer joining 10 years (whole `selftrust sync --folder` process)",
        5, "s", recorded("sync join process", "median_s", many="runs"), grows=False),
    Row("Sync: a pass bringing a day's changes (whole `selftrust sync` process)", None, "s",
        recorded("sync day pass process", "median_s", many="runs"), grows=False),
    Row("Sync: the window's peak memory, sync on minus off", 30, "MB",
        recorded("sync window memory", "added_mb"), grows=False),
)


TOLERANCE = 0.15
"""Medians on a shared machine move by a tenth from run to run: a 20-year figure within
15 % of the straight line through the 1- and 10-year figures counts as on the line."""


def growth_words(values: dict[str, float]) -> str:
    """How a figure grows from 1 to 10 to 20 years of data.

    A figure is a fixed part (imports, a window, a query) plus a part that depends on the
    data, so the ratio 20 y / 10 y alone says little. The straight line through the 1- and
    10-year figures predicts the 20-year one if the cost is linear in the years; a figure
    within the tolerance of it is linear, one clearly below is better than linear, one
    clearly above is worse.
    """
    t1, t10, t20 = (values.get(s) for s in GROWTH)
    if t1 is None or t10 is None or t20 is None or min(t1, t10, t20) <= 0:
        return "not measured"
    shape = f"{t20 / t10:.2f}× from 10 to 20 y"
    if t20 <= t1 * 1.25:
        return f"flat: the fixed part dominates ({shape})"
    line = t10 + max(0.0, t10 - t1) * 10 / 9  # the 20-year figure if linear
    if t20 > line * (1 + TOLERANCE):
        return f"worse than linear ({shape}; {t20 / line:.2f}× the straight line)"
    if t20 < t10 + (line - t10) * 0.5 and line > t10:
        return f"better than linear ({shape})"
    return f"linear ({shape})"


def holds(value: float | None, budget: float | None, unit: str) -> str:
    if value is None:
        return "not measured yet"
    if budget is None:
        return "reported (no budget)"
    ok = value <= budget if unit == "×" else value < budget
    return "holds" if ok else "**over budget**"


def table(runs: dict[str, Run]) -> list[str]:
    main = runs.get(MAIN, Run(MAIN))
    lines = [
        "| What (20 commitments × 10 years unless said) | Budget | Median | Min | Max "
        "| 1 y | 10 y | 20 y | Growth with years | 100 × 20 y | |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in ROWS:
        got = row.get(main)
        budget = "—" if row.budget is None else (
            f"≤ {row.budget:g}×" if row.unit == "×" else f"< {row.budget:g} {row.unit}")
        by_size = {s: row.get(runs[s]) for s in (*GROWTH, STRESS) if s in runs}
        medians = {s: f.median for s, f in by_size.items() if f is not None}
        if row.grows:
            years = [fmt(medians.get(s), row.unit) for s in GROWTH]
            growth = growth_words(medians)
            stress = fmt(medians.get(STRESS), row.unit)
        else:
            years, growth, stress = ["—", fmt(got.median if got else None, row.unit), "—"], \
                "does not depend on years of data", "—"
        what = row.what + (f" <br><sub>{got.note}</sub>" if got and got.note else "")
        lines.append(
            f"| {what} | {budget} | {fmt(got.median if got else None, row.unit)} "
            f"| {fmt(got.low if got else None, row.unit)} "
            f"| {fmt(got.high if got else None, row.unit)} | {' | '.join(years)} | {growth} "
            f"| {stress} | {holds(got.median if got else None, row.budget, row.unit)} |")
    return lines


def detail(runs: dict[str, Run]) -> list[str]:
    """Every benchmark of every run, for the curious and for comparisons over time."""
    lines = ["| Benchmark | Size | Median | Min | Max | Rounds |", "|---|---|---|---|---|---|"]
    for size in sorted(runs, key=lambda s: (s != MAIN, s)):
        for name, entry in sorted(runs[size].benchmarks.items()):
            s = entry["stats"]
            lines.append(f"| `{name}` | {size} | {s['median'] * 1000:,.2f} ms "
                         f"| {s['min'] * 1000:,.2f} ms | {s['max'] * 1000:,.2f} ms "
                         f"| {s['rounds']} |")
    return lines


# --- the machine ---------------------------------------------------------------------------


def machine(runs: dict[str, Run]) -> list[str]:
    info = next((r.machine for r in runs.values() if r.machine), {})
    cpu = info.get("cpu", {}).get("brand_raw") or _cpu_model()
    cores = os.cpu_count()
    ram = _ram_gb()
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()} (PySide6 {PySide6.__version__})"
    except ImportError:
        qt = "Qt not installed"
    return [
        f"- CPU: {cpu}, {cores} logical cores",
        f"- RAM: {ram}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}); {qt}",
        f"- OS: {_os_name()}",
        f"- Run on {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
    ]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _ram_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 2**20:.1f} GB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.platform()})"
    except OSError:
        pass
    return platform.platform()


# --- putting it together ------------------------------------------------------------------


def report(runs: dict[str, Run]) -> str:
    missing = [r.what for r in ROWS if r.get(runs.get(MAIN, Run(MAIN))) is None]
    failed = {size: names for size, run in runs.items() for names in [run.failed] if names}
    parts = [BEGIN, "", "## Issue 13: as light as the floor", "", *goals_table(runs), "",
             "Ratios are of medians of whole processes run turn about in the same run "
             "(min and max of the per-round ratios are in the raw results); a figure in "
             "bold misses its goal at that size; \"—\" was not measured at that size.",
             "", "## DESIGN.md's budgets", "", *table(runs), ""]
    if missing:
        parts += ["Not measured yet (their benchmark is missing or did not run): "
                  + "; ".join(missing) + ".", ""]
    if failed:
        parts += ["Benchmarks whose own checks failed in this run: " + "; ".join(
            f"{size}: {', '.join(names)}" for size, names in failed.items()) + ".", ""]
    parts += [
        "Medians of each benchmark's rounds; min and max are the fastest and slowest "
        "round (for start-up, of the per-round app ÷ floor ratios). The growth columns "
        "rerun the same benchmarks on 1 and 20 years of 20 commitments; \"Growth\" "
        "compares the 20-year figure with the straight line through the 1- and 10-year "
        f"ones (within {TOLERANCE:.0%}: linear; see report.py).",
        "",
        "### The machine", "", *machine(runs), "",
        "### Every benchmark", "", *detail(runs), "", END,
    ]
    return "\n".join(parts)


def write_into(doc: Path, text: str) -> None:
    old = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        new = head + text + tail
    else:
        new = (old.rstrip() + "\n\n" if old else "# Performance\n\n") + text + "\n"
    doc.write_text(new, encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path)
    parser.add_argument("--write", type=Path, help="the Markdown file to update")
    args = parser.parse_args(list(argv) if argv is not None else None)
    runs = load_runs(args.results)
    if not runs:
        print(f"no benchmark results in {args.results}", file=sys.stderr)
        return 1
    text = report(runs)
    print("\n".join([*goals_table(runs), "", *table(runs)]))
    if args.write:
        write_into(args.write, text)
        print(f"\nwritten into {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
