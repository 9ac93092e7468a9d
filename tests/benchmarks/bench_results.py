"""What `make bench` measured, read back from its results folder: one ``Run`` per data
size (pytest-benchmark's JSON, the whole-process figures of bench_figures.py, the
failures), and the getters that turn a run into one ``Figure`` (report.py's tables).
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- reading the runs ---------------------------------------------------------------------


@dataclass
class Run:
    size: str
    benchmarks: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> entry
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)  # figure name -> values
    machine: dict[str, Any] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)


def load_runs(folder: Path) -> dict[str, Run]:
    runs: dict[str, Run] = {}
    for path in sorted(folder.glob("*.json")):
        size = path.stem
        data = json.loads(path.read_text(encoding="utf-8"))
        run = runs.setdefault(size, Run(size))
        run.machine = data.get("machine_info", {})
        for entry in data.get("benchmarks", []):
            run.benchmarks[entry["name"]] = entry
    figures = folder / "figures.jsonl"
    if figures.exists():
        for line in figures.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                runs.setdefault(record["size"], Run(record["size"])).figures[record["name"]] = \
                    record
    failures = folder / "failures.json"
    if failures.exists():
        for size, names in json.loads(failures.read_text(encoding="utf-8")).items():
            runs.setdefault(size, Run(size)).failed = names
    return runs


# --- one measured figure --------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    median: float
    low: float
    high: float
    note: str = ""


Getter = Callable[[Run], Figure | None]


def timing(name: str, scale: float = 1000.0) -> Getter:
    """A pytest-benchmark entry's median/min/max (seconds → ms by default)."""

    def get(run: Run) -> Figure | None:
        entry = run.benchmarks.get(name)
        if entry is None:
            return None
        s = entry["stats"]
        return Figure(s["median"] * scale, s["min"] * scale, s["max"] * scale,
                      f"{s['rounds']} rounds")

    return get


def worst_of(prefix: str, scale: float = 1000.0) -> Getter:
    """The slowest (by median) of a parametrised benchmark's cases."""

    def get(run: Run) -> Figure | None:
        cases = [e for n, e in run.benchmarks.items() if n.startswith(prefix + "[")]
        if not cases:
            return None
        worst = max(cases, key=lambda e: e["stats"]["median"])
        s = worst["stats"]
        case = worst["name"][len(prefix) + 1:-1]
        return Figure(s["median"] * scale, s["min"] * scale, s["max"] * scale,
                      f"worst of {len(cases)}: {case}")

    return get


def extra(prefix: str, key: str, many: str | None = None, scale: float = 1.0,
          pick: Callable[[list[float]], float] = max) -> Getter:
    """A figure a benchmark put in extra_info (the worst case over its parameters)."""

    def get(run: Run) -> Figure | None:
        cases = [e for n, e in run.benchmarks.items()
                 if (n == prefix or n.startswith(prefix + "[")) and key in e.get("extra_info", {})]
        if not cases:
            return None
        values = [float(e["extra_info"][key]) for e in cases]
        worst = cases[values.index(pick(values))]
        each = [float(v) for v in worst["extra_info"].get(many, [])] if many else []
        value = pick(values) * scale
        low = min(each) * scale if each else value
        high = max(each) * scale if each else value
        name = worst["name"]
        case = name[name.index("[") + 1:-1] if "[" in name else ""
        return Figure(value, low, high, f"worst of {len(cases)}: {case}" if len(cases) > 1
                      else "")

    return get


def whole_process(name: str, baseline: str) -> Getter:
    """Ratio of medians of a whole-process figure against its baseline, run turn about
    (bench_figures.py records ``app_s`` and ``floor_s``); min and max are the per-round
    ratios."""

    def get(run: Run) -> Figure | None:
        record = run.figures.get(name)
        if record is None:
            return None
        app, floor = record["app_s"], record["floor_s"]
        ratios = [a / f for a, f in zip(app, floor, strict=True)]
        return Figure(statistics.median(app) / statistics.median(floor), min(ratios),
                      max(ratios), f"{statistics.median(app) * 1000:.0f} ms, {baseline} "
                      f"{statistics.median(floor) * 1000:.0f} ms, {len(app)} rounds each")

    return get


startup = whole_process("start-up", "floor")


def stall(run: Run) -> Figure | None:
    """The longest gap between the event loop's ticks (test_stall_bench.py)."""
    record = run.figures.get("event-loop stall")
    if record is None:
        return None
    found = record["longest_ms"]  # one run's figure, or a list of runs'
    each = [float(v) for v in (found if isinstance(found, list) else [found])]
    return Figure(max(each), min(each), max(each), f"worst of {len(each)} runs")


def first_of(*getters: Getter) -> Getter:
    """The first getter that finds its figure (a figure another benchmark may also give)."""

    def get(run: Run) -> Figure | None:
        for getter in getters:
            found = getter(run)
            if found is not None:
                return found
        return None

    return get


def any_extra(key: str) -> Getter:
    """An extra_info figure, from whichever benchmark reports it (the largest)."""

    def get(run: Run) -> Figure | None:
        values = [(float(e["extra_info"][key]), n) for n, e in run.benchmarks.items()
                  if key in e.get("extra_info", {})]
        if not values:
            return None
        value, name = max(values)
        return Figure(value, value, value, f"`{name}`")

    return get


def fmt(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.2f} s"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    if value >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def recorded(name: str, key: str, many: str | None = None) -> Getter:
    """A figure a probe recorded with bench_figures.record (``key``; ``many``: the runs it
    is the median of, for the spread)."""

    def get(run: Run) -> Figure | None:
        record = run.figures.get(name)
        if record is None or key not in record:
            return None
        value = float(record[key])
        each = [float(v) for v in record.get(many, [])] if many else []
        low, high = (min(each), max(each)) if each else (value, value)
        return Figure(value, low, high, f"{len(each)} runs" if each else "")

    return get

