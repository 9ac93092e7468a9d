"""The history remembers what the rules derived from it (a speed-up for strength,
streaks and the jar): the answers stay exactly what a fresh computation gives, and
different rules never share an answer."""

from __future__ import annotations

import random
from datetime import date, timedelta

from selftrust.domain.commitment import Pause, Rules
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.jar import jar_track
from selftrust.domain.occasions import day_outcomes, judge_occasions
from selftrust.domain.schedule import parse_schedule
from selftrust.domain.summary import summarise

START = date(2025, 1, 1)
END = date(2026, 11, 24)


def entries(seed: int) -> list[Entry]:
    rng = random.Random(seed)
    out = []
    day = START
    while day <= END:
        roll = rng.random()
        if roll < 0.7:
            out.append(Entry(day, Status.KEPT))
        elif roll < 0.8:
            out.append(Entry(day, Status.MISSED, reflected=rng.random() < 0.5))
        elif roll < 0.85:
            out.append(Entry(day, Status.SKIPPED))
        day += timedelta(days=1)
    return out


def test_remembered_answers_equal_fresh_ones() -> None:
    for text in ("daily", "mon,wed,fri", "3/week", "2/month", "2/5days"):
        rules = Rules(parse_schedule(text),
                      pauses=(Pause(date(2025, 6, 1), date(2025, 6, 10)),))
        history = History(START, END, entries(7), rules)
        first = (day_outcomes(rules, history), judge_occasions(rules, history, 0))
        assert day_outcomes(rules, history) is first[0]  # remembered, not recomputed
        fresh = History(START, END, entries(7), rules)
        assert first == (day_outcomes(rules, fresh), judge_occasions(rules, fresh, 0))
        # Asked in another order (jar first), the figures are the same.
        other = History(START, END, entries(7), rules)
        jar_first = jar_track(rules, other)
        assert summarise(rules, other) == summarise(rules, fresh)
        assert jar_first == jar_track(rules, fresh)


def test_other_rules_or_week_starts_get_their_own_answers() -> None:
    history = History(START, END, entries(3))
    daily = Rules(parse_schedule("daily"))
    weekly = Rules(parse_schedule("3/week"))
    assert day_outcomes(daily, history) != day_outcomes(
        Rules(parse_schedule("mon,wed,fri")), history)
    monday = judge_occasions(weekly, history, 0)
    sunday = judge_occasions(weekly, history, 6)
    assert monday[0].first != sunday[0].first
    assert judge_occasions(weekly, history, 0) is monday
