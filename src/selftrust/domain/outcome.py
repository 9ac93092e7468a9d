"""What an occasion came to, and how one day's amount is judged against a daily target.

The judgement of an amount lives here, below the history, so that the rules that lay
out a history (which lapses a reflection repairs) and the rules that judge its days
(streaks, counts, the jar, the calendar) ask one function and cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from selftrust.domain.commitment import Target


class Outcome(IntEnum):
    KEPT = 1
    PARTLY = 2  # a measurable at-least target partly met: partial credit, ends a streak
    MISSED = 3
    SKIPPED = 4  # planned rest or an excused day: bridges a streak
    UNMARKED = 5  # a past occasion nobody recorded: ends a streak
    PENDING = 6  # today or the current period, still open


@dataclass(frozen=True, slots=True)
class Occasion:
    """One occasion judged: a due day, or a week or month judged as one."""

    first: date
    last: date
    outcome: Outcome
    repaired: bool = False
    done: float = 0.0
    needed: float = 1.0


def judge_amount(target: Target, done: float, today: bool) -> Outcome:
    """One day's amount against its daily target or limit.

    Nothing done towards an at-least target, or more than an at-most limit allows, is a
    miss at once, today included: it is a lapse, the one thing a reflection repairs.
    Anything else on today is still open until the day is over: an amount short of its
    target may grow, and a day within its limit may still pass it. A past day short of
    its target but above nothing was partly kept.
    """
    if target.at_most:
        if done > target.amount:
            return Outcome.MISSED
        return Outcome.PENDING if today else Outcome.KEPT
    if done >= target.amount:
        return Outcome.KEPT
    if done <= 0:
        return Outcome.MISSED
    return Outcome.PENDING if today else Outcome.PARTLY
