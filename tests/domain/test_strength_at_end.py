"""Today's strength, stepped over the last stretch of days only (`strength_at_end`), is
the last score of the whole series to the last bit, on histories long enough for the
shortcut to be taken (years) and short ones, of every kind that has a habit to build."""

from __future__ import annotations

import random
from datetime import date

import pytest
from domain_strategies import Mark, build_history

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import Schedule
from selftrust.domain.strength import strength_at_end, strength_series

RULES = [
    Rules(Schedule.daily()),
    Rules(Schedule.on_weekdays(0b0011111)),
    Rules(Schedule.per_week(3)),
    Rules(Schedule.per_month(2)),
    Rules(Schedule.in_days(3, 7)),
    Rules(Schedule.daily(), Target(10.0)),
    Rules(Schedule.daily(), Target(2.0, at_most=True)),
    Rules(Schedule.on_weekdays(0b1010101), Target(5.0)),
    Rules(Schedule.daily(), Target(30.0, per=Period.WEEK)),
    Rules(Schedule.daily(), Target(100.0, per=Period.MONTH, at_most=True)),
]


def _marks(rng: random.Random, rules: Rules, size: int) -> list[Mark]:
    letters = rng.choice(["KKKKKKKMS.RX", "KMMSS...", "SSSSSSSK", "K", "KKKKKKKKKKKR"])
    target = rules.target
    marks: list[Mark] = []
    for _ in range(size):
        letter = rng.choice(letters)
        if target is None:
            marks.append(("M" if letter == "X" else letter, None))
        else:
            amount = rng.choice([0.0, target.amount / 3, target.amount, rng.random() * 40])
            marks.append((letter, amount if letter in "KX" else None))
    return marks


@pytest.mark.parametrize("rules", RULES, ids=lambda r: repr(r)[:40])
@pytest.mark.parametrize("seed", range(6))
def test_the_last_stretch_gives_the_last_score_exactly(rules: Rules, seed: int) -> None:
    rng = random.Random(seed)
    start = date(2000, 1, 1)
    for size in (1, 2, 30, 400, rng.randint(900, 2000), 7305):
        if seed % 3 == 0:  # a long planned rest somewhere
            first = start.toordinal() + rng.randint(0, size)
            rules = Rules(rules.schedule, rules.target, (
                Pause(date.fromordinal(first), date.fromordinal(first + rng.randint(0, 400))),))
        history = build_history(rules, start, _marks(rng, rules, size))
        series = strength_series(rules, history)
        assert strength_at_end(rules, history) == series[-1], (size, rules)
