"""Issue 13's table ("as light as the floor"): each figure at 20 × 1, 20 × 10, 20 × 20
and 100 × 20, its goal from the issue, and whether it holds. report.py writes it
above DESIGN.md's budgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench_results import (
    Getter,
    Run,
    any_extra,
    extra,
    first_of,
    fmt,
    stall,
    startup,
    timing,
    whole_process,
    worst_of,
)

MAIN = "20x10"


@dataclass(frozen=True)
class Goal:
    """A figure of issue 13 with its goal per data size (``None``: reported only)."""

    what: str
    unit: str
    get: Getter
    goals: dict[str, float | None]
    default: float | None = None  # the goal at a size not named in ``goals``

    def goal(self, size: str) -> float | None:
        return self.goals.get(size, self.default)

    def words(self) -> str:
        """"≤ 1.10× (100 × 20: ≤ 1.20×)": the usual goal, then the sizes that differ."""
        special = [f"{_size_words(s)}: ≤ {fmt(g, self.unit)}" for s, g in self.goals.items()
                   if g is not None and g != self.default]
        if self.default is None:
            return "; ".join(special) or "—"
        usual = f"≤ {fmt(self.default, self.unit)}"
        return f"{usual} ({'; '.join(special)})" if special else usual


SIZES = ("20x1", "20x10", "20x20", "100x20")
MEMORY_GOAL_KEY = "history_mb"

GOALS: tuple[Goal, ...] = (
    Goal("Start-up to a painted Today ÷ the floor (`floor_app.py`), whole processes", "×",
         startup, {"100x20": 1.20}, default=1.10),
    Goal("`selftrust check TITLE` ÷ a bare `python -c \"import sqlmodel\"`", "×",
         whole_process("cli-check", "import sqlmodel"), {}, default=1.5),
    Goal("`selftrust stats --json` ÷ the same", "×",
         whole_process("cli-stats", "import sqlmodel"), {}, default=2.5),
    Goal("Strength, streaks and jar for all commitments, in process", "ms",
         timing("test_strength_streaks_and_jar_for_every_commitment"),
         {"20x10": 15, "100x20": 150}),
    Goal("Longest stall of the window's event loop (start, check-offs, views, the daily "
         "backup, an outside change)", "ms", stall, {}, default=50),
    Goal("Charts, first opening in a fresh process ÷ a bare matplotlib QtAgg canvas drawing "
         "one line (`canvas_floor.py`)", "×",
         extra("test_first_opening_in_a_fresh_process", "first_chart_ratio",
               many="first_chart_ratio_each"), {}, default=1.0),
    Goal("— the same, with matplotlib imported ahead of need once Today is painted "
         "(`ui/charts/preload.py`; growth, 3 months)", "×",
         extra("test_first_opening_in_a_fresh_process", "preloaded_first_chart_ratio"), {},
         default=1.0),
    Goal("Chart redraw after a check-in, worst chart", "ms",
         worst_of("test_redraw_after_a_check_in"), {}, default=50),
    Goal("Peak memory with the charts open ÷ that bare canvas app", "×",
         extra("test_first_opening_in_a_fresh_process", "peak_ratio", many="peak_ratio_each"),
         {}, default=1.10),
    Goal("Memory of the loaded history (tracemalloc, held after loading)", "MB",
         first_of(extra("test_memory_of_the_loaded_history", MEMORY_GOAL_KEY),
                  any_extra(MEMORY_GOAL_KEY)), {"100x20": 20}),
)


def _size_words(size: str) -> str:
    return size.replace("x", " × ")


def goals_table(runs: dict[str, Run]) -> list[str]:
    """Issue 13's table: each figure at every size, its goal, and whether it holds."""
    lines = [
        "| Figure | Goal | " + " | ".join(_size_words(s) for s in SIZES) + " | |",
        "|---|---|" + "---|" * len(SIZES) + "---|",
    ]
    for goal in GOALS:
        cells, over, measured = [], [], False
        for size in SIZES:
            got = goal.get(runs[size]) if size in runs else None
            if got is None:
                cells.append("—")
                continue
            measured = True
            target = goal.goal(size)
            cell = fmt(got.median, goal.unit)
            if goal.unit == "×" and target is not None and cell == fmt(target, goal.unit):
                cell = f"{got.median:.3f}×"  # 1.105× is over 1.10×: say so
            if target is not None and got.median > target:
                over.append(_size_words(size))
                cell = f"**{cell}**"
            if got.note and size == MAIN:
                cell += f" <br><sub>{got.note}</sub>"
            cells.append(cell)
        verdict = ("not measured" if not measured else
                   f"**over at {', '.join(over)}**" if over else "holds")
        lines.append(f"| {goal.what} | {goal.words()} | {' | '.join(cells)} | {verdict} |")
    return lines
