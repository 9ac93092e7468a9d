"""The domain's performance budget: 20 commitments × 10 years in under 50 ms (DESIGN.md).

Normal runs pass ``--benchmark-disable``: the benchmark then runs once as a smoke test of
the whole domain on realistic data. Measure with
``pytest tests/benchmarks/test_domain_bench.py --benchmark-enable``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from bench_data import bench_size

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import Jar, fill_jar_tracks, jar_track
from selftrust.domain.schedule import WORKDAYS, Schedule
from selftrust.domain.strength import strength_series
from selftrust.domain.summary import Summary, summarise

TODAY = date(2026, 11, 24)
COMMITMENTS, YEARS = bench_size()  # 20 × 10 unless SELFTRUST_BENCH_SIZE says otherwise
START = TODAY - timedelta(days=365 * YEARS)


@dataclass(frozen=True)
class Commitment:
    rules: Rules
    history: History


def _schedules() -> list[Schedule]:
    return (
        [Schedule.daily()] * 8
        + [Schedule.on_weekdays(WORKDAYS), Schedule.on_weekdays(0b0010101),
           Schedule.on_weekdays(0b1100000)]
        + [Schedule.per_week(3), Schedule.per_week(5), Schedule.per_week(1)]
        + [Schedule.per_month(2), Schedule.per_month(8)]
        + [Schedule.in_days(2, 5), Schedule.in_days(1, 3)]
        + [Schedule.once(START + timedelta(days=400))]
    )


def _entries(rng: random.Random, rules: Rules, target: Target | None) -> list[Entry]:
    """About 80% of occasions kept, some missed (a third of them repaired), some skipped."""
    schedule = rules.schedule
    times, window = schedule.frequency
    rate = min(1.0, times / window * 1.3) if schedule.is_flexible else 1.0
    out = []
    day = START
    while day <= TODAY:
        if schedule.is_occasion(day) and (day < TODAY or rng.random() < 0.5):
            roll = rng.random()
            if roll < 0.8 * rate:
                value = None if target is None else rng.choice([10.0, 20.0, 20.0, 25.0, 30.0])
                out.append(Entry(day, Status.KEPT, value))
            elif roll < 0.8 * rate + 0.06:
                out.append(Entry(day, Status.MISSED, reflected=rng.random() < 0.35))
            elif roll < 0.8 * rate + 0.09:
                out.append(Entry(day, Status.SKIPPED))
        day += timedelta(days=1)
    return out


def build_commitments(seed: int = 2026) -> list[Commitment]:
    rng = random.Random(seed)
    out = []
    pauses = (Pause(START + timedelta(days=900), START + timedelta(days=913)),)
    while len(out) < COMMITMENTS:  # twenty different kinds, repeated for larger sizes
        for schedule in _schedules():
            rules = Rules(schedule, pauses=pauses if rng.random() < 0.3 else ())
            out.append(Commitment(rules, History(START, TODAY, _entries(rng, rules, None),
                                                 rules)))
        pages = Rules(target=Target(20.0, "pages"))
        out.append(Commitment(pages, History(START, TODAY, _entries(rng, pages, pages.target),
                                             pages)))
    return out[:COMMITMENTS]


def compute_all(commitments: list[Commitment]) -> tuple[list[Summary], list[list[float]], Jar]:
    """What the dashboard, the stats command and the charts need, for every commitment."""
    series = [strength_series(c.rules, c.history) for c in commitments]
    summaries = [
        summarise(c.rules, c.history, series=s) for c, s in zip(commitments, series, strict=True)
    ]
    jar = fill_jar_tracks(jar_track(c.rules, c.history) for c in commitments)
    return summaries, series, jar


def test_strength_streaks_and_jar_for_20_commitments_over_10_years(benchmark: Any) -> None:
    commitments = build_commitments()
    assert len(commitments) == COMMITMENTS
    assert all(c.history.size == 365 * YEARS + 1 for c in commitments)

    summaries, series, jar = benchmark(compute_all, commitments)

    assert len(summaries) == len(series) == COMMITMENTS
    for summary, days in zip(summaries, series, strict=True):
        assert len(days) == 365 * YEARS + 1
        assert all(0.0 <= s <= 1.0 for s in days)
        assert summary.strength == days[-1]
        assert 0 <= summary.current_streak <= summary.best_streak <= summary.counts.kept
    daily = summaries[0]
    # Kept on about 80% of days: a well-established commitment with some long runs.
    assert 0.6 < daily.strength < 0.95
    assert daily.counts.kept > 0.7 * 365 * YEARS and daily.best_streak >= 10
    assert jar.marbles > 0 and jar.gold > 0
