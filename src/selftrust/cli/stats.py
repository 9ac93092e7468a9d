"""`selftrust stats`: streaks, strength, counts and the marble jar, as of a day."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from selftrust.base.words import counted
from selftrust.cli.common import Command, open_data, parse_day_arg, print_json
from selftrust.services.streak_units import streak_unit

if TYPE_CHECKING:
    from selftrust.services.stats import CommitmentStats


def _stats_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--day", help="as of this day (default today)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")


def _line(s: CommitmentStats) -> str:
    c, m = s.commitment, s.summary
    unit = streak_unit(c.rules)
    # No streak says nothing, as Today does (no scolding "streak 0 days").
    run = ""
    if m.current_streak:
        units = unit + ("s" if m.current_streak != 1 else "")
        run = f"streak {m.current_streak} {units} (best {m.best_streak}), "
    elif m.best_streak:
        units = unit + ("s" if m.best_streak != 1 else "")
        run = f"best streak {m.best_streak} {units}, "
    return (f"  {c.title}: strength {m.strength:.0%}, {run}"
            f"kept {m.counts.kept}, not kept {m.counts.missed}"
            f" ({m.counts.repaired} repaired), skipped {m.counts.skipped}")


def _stats(args: argparse.Namespace) -> int:
    with open_data(args) as ws:
        day = parse_day_arg(args.day, ws.today())
        report = ws.stats.report(day)
    if args.json:
        print_json(report.to_json())
        return 0
    jar = report.jar
    print(f"As of {day:%A %d %B %Y}: {counted(jar.marbles, 'marble')} in the jar "
          f"({jar.gold:,} gold).")
    for s in report.items:
        print(_line(s))
    return 0


STATS = Command("stats", "streaks, strength, counts and the marble jar", _stats_args, _stats,
                reads_only=True)
