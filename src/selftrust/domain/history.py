"""One commitment's recorded days, laid out densely for fast, simple rule code.

The store hands over sparse check-ins; the rules want "what happened on day i" for
every day from the commitment's start to the day being judged. Pauses are applied
here, once, so no rule has to remember them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.outcome import Outcome, judge_amount

UNMARKED = 0
KEPT = 1
MISSED = 2
SKIPPED = 3


class Status(StrEnum):
    KEPT = "kept"
    MISSED = "missed"
    SKIPPED = "skipped"

    @property
    def code(self) -> int:
        return _CODES[self]


_CODES = {Status.KEPT: KEPT, Status.MISSED: MISSED, Status.SKIPPED: SKIPPED}


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded check-in as the rules see it. ``reflected``: a reflection is about
    it (linked to it); whether that reflection repairs it is the rules' call (`repairs`)."""

    day: date
    status: Status
    value: float | None = None
    reflected: bool = False


def is_lapse(rules: Rules | None, entry: Entry) -> bool:
    """Whether a reflection about this check-in repairs it: only a lapse can be repaired.

    A lapse is what the day is judged to be missed (`judge_amount`, the judgement the
    counts, the jar and the calendar read): a day marked missed, nothing done towards a
    daily target, or more than a daily limit allows. A kept, partly kept, skipped or
    resting day has nothing to repair: a reflection on it is a reflection, not a repair
    (partial credit is not a miss). An amount towards a weekly or monthly target is
    a step of its period, not a lapse of its own; such a period is repaired through a
    day marked missed. This is derived, never stored, so a day changed later (kept to
    missed, or back) re-judges the reflections about it at once, everywhere.
    """
    status = entry.status
    if status is Status.MISSED:
        return rules is None or not rules.paused(entry.day)  # planned rest owes nothing
    if status is not Status.KEPT or rules is None or rules.target is None:
        return False
    target = rules.target
    if target.per is not Period.DAY:
        return False
    done = entry.value if entry.value is not None else target.amount
    return judge_amount(target, done, today=False) is Outcome.MISSED


def repairs(rules: Rules | None, entry: Entry) -> bool:
    """A reflection is about this check-in, and it is a lapse: the miss is repaired."""
    return entry.reflected and is_lapse(rules, entry)


class History:
    """Dense per-day arrays over [start, end]; index i is ``start + i days``.

    ``values`` holds the amount of a measurable commitment (0.0 when none: an explicit
    miss counts as nothing done); ``repaired`` marks lapses a reflection repaired
    (`repairs`); ``paused`` marks days turned into skips by a pause.
    """

    __slots__ = ("start", "end", "codes", "values", "repaired", "paused", "size", "memo")

    def __init__(
        self, start: date, end: date, entries: Iterable[Entry], rules: Rules | None = None
    ) -> None:
        self.start = start
        self.end = end
        # Figures derived from this history by the rules (occasions.py), so streaks,
        # counts and the jar judge its days once between them. Read only, like the rest.
        self.memo: dict[object, object] = {}
        size = max(0, (end - start).days + 1)
        self.size = size
        self.codes = [UNMARKED] * size
        self.values = [0.0] * size
        self.repaired = [False] * size
        self.paused = [False] * size
        kept_value = _kept_default_value(rules)
        # Ten years of twenty commitments pass through here whenever figures are
        # recomputed: ordinals and a direct lookup instead of a timedelta and a property
        # per entry (a quarter faster).
        first = start.toordinal()
        code_of = _CODES.__getitem__
        codes, values, repaired = self.codes, self.values, self.repaired
        for entry in entries:
            i = entry.day.toordinal() - first
            if not 0 <= i < size:
                continue
            code = code_of(entry.status)
            codes[i] = code
            value = entry.value
            if code == KEPT:
                values[i] = value if value is not None else kept_value
            elif code == MISSED:
                values[i] = value if value is not None else 0.0
            # A reflection repairs a lapse only (a day over its limit is one; a kept day
            # is not): `repairs` is the one rule.
            repaired[i] = entry.reflected and is_lapse(rules, entry)
        if rules is not None and rules.pauses:
            for pause in rules.pauses:
                first = max(0, (pause.start - start).days)
                last = min(size - 1, (pause.end - start).days)
                for i in range(first, last + 1):
                    # A promise kept during planned rest still counts; anything else rests.
                    if self.codes[i] != KEPT:
                        self.codes[i] = SKIPPED
                        self.values[i] = 0.0
                        self.repaired[i] = False
                        self.paused[i] = True

    def day(self, i: int) -> date:
        return self.start + timedelta(days=i)

    def index(self, day: date) -> int:
        return (day - self.start).days


def _kept_default_value(rules: Rules | None) -> float:
    """A measurable day marked kept without an amount counts as meeting a daily target."""
    if rules is None or rules.target is None or rules.target.per is not Period.DAY:
        return 0.0
    return rules.target.amount
