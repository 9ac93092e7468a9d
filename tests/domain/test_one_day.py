"""`day_state_alone` (one day from its check-in, no arrays) says what `day_state` says
of a history of that single day, for every schedule kind judged day by day: pauses,
skips, misses and repairs, amounts at least and at most per day, nothing recorded."""

from __future__ import annotations

from datetime import timedelta

from domain_strategies import Case, build_history, cases, entry_of
from hypothesis import given, settings

from selftrust.domain.days import Period
from selftrust.domain.occasions import day_state
from selftrust.domain.one_day import day_state_alone


@settings(max_examples=300, deadline=None)
@given(cases(max_days=40))
def test_one_day_alone_agrees_with_its_history(case: Case) -> None:
    target = case.rules.target
    if target is not None and target.per is not Period.DAY:
        return  # a weekly or monthly amount is judged by its period, not alone
    for i, mark in enumerate(case.marks):
        day = case.start + timedelta(days=i)
        alone = day_state_alone(case.rules, day, entry_of(day, mark))
        assert alone == day_state(case.rules, build_history(case.rules, day, [mark]), 0), (
            case, i)
