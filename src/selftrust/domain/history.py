"""One commitment's recorded days, laid out densely for fast, simple rule code.

The store hands over sparse check-ins; the rules want "what happened on day i" for
every day from the commitment's start to the day being judged. Pauses are applied
here, once, so no rule has to remember them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from selftrust.domain.commitment import Rules
from selftrust.domain.days import Period
from selftrust.domain.outcome import Outcome, judge_amount

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

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

    The rules read numpy arrays (``code_array``, ``value_array``, ``repaired_array``,
    ``paused_array``): twenty years of a hundred commitments are judged in bulk, not a
    Python step per day. ``codes``, ``values``, ``repaired`` and ``paused`` are the same
    as lists, made on first use, for rules that read a few days. ``values`` holds the
    amount of a measurable commitment (0.0 when none: an explicit miss counts as nothing
    done); ``repaired`` marks lapses a reflection repaired (`repairs`); ``paused`` marks
    days turned into skips by a pause. Read only, like everything derived from it.
    """

    __slots__ = ("start", "end", "size", "memo", "code_array", "value_array",
                 "repaired_array", "paused_array", "_lists")

    def __init__(
        self, start: date, end: date, entries: Iterable[Entry], rules: Rules | None = None
    ) -> None:
        first = start.toordinal()
        rows = [(e.day.toordinal() - first, _CODES[e.status], e.value, e.reflected)
                for e in entries]
        index = np.fromiter((r[0] for r in rows), np.int64, len(rows))
        codes = np.fromiter((r[1] for r in rows), np.int8, len(rows))
        values = np.fromiter((math.nan if r[2] is None else r[2] for r in rows), np.float64,
                             len(rows))
        reflected = np.fromiter((r[3] for r in rows), np.bool_, len(rows))
        self._fill(start, end, rules, index, codes, values, reflected)

    @classmethod
    def from_arrays(
        cls,
        start: date,
        end: date,
        rules: Rules | None,
        index: npt.NDArray[np.int64],
        codes: npt.NDArray[np.int8],
        values: npt.NDArray[np.float64],
        reflected: npt.NDArray[np.bool_],
    ) -> History:
        """A history from recorded days as arrays: ``index`` days after ``start``, the
        status ``codes``, the amounts (NaN: none) and whether a reflection is about it."""
        history = cls.__new__(cls)
        history._fill(start, end, rules, index, codes, values, reflected)
        return history

    def _fill(
        self,
        start: date,
        end: date,
        rules: Rules | None,
        index: npt.NDArray[np.int64],
        codes: npt.NDArray[np.int8],
        values: npt.NDArray[np.float64],
        reflected: npt.NDArray[np.bool_],
    ) -> None:
        self.start = start
        self.end = end
        # Figures derived from this history by the rules (occasions.py), so streaks,
        # counts and the jar judge its days once between them. Read only, like the rest.
        self.memo: dict[object, object] = {}
        self._lists: dict[str, list[Any]] = {}
        size = max(0, (end - start).days + 1)
        self.size = size
        inside = (index >= 0) & (index < size)
        if not inside.all():
            index, codes, values, reflected = (
                index[inside], codes[inside], values[inside], reflected[inside])
        lapse = _lapses(rules, codes, values)
        none = np.isnan(values)
        kept = codes == KEPT
        day_codes = np.zeros(size, np.int8)
        day_codes[index] = codes
        day_values = np.zeros(size, np.float64)
        day_values[index] = np.where(
            kept, np.where(none, _kept_default_value(rules), values),
            np.where((codes == MISSED) & ~none, values, 0.0))
        repaired = np.zeros(size, np.bool_)
        # A reflection repairs a lapse only (a day over its limit is one; a kept day
        # is not): `repairs` is the one rule.
        repaired[index] = reflected & lapse
        paused = np.zeros(size, np.bool_)
        if rules is not None and rules.pauses:
            for pause in rules.pauses:
                lo = max(0, (pause.start - start).days)
                hi = min(size - 1, (pause.end - start).days)
                if lo <= hi:
                    paused[lo : hi + 1] = True
            # A promise kept during planned rest still counts; anything else rests.
            paused &= day_codes != KEPT
            day_codes[paused] = SKIPPED
            day_values[paused] = 0.0
            repaired[paused] = False
        self.code_array = day_codes
        self.value_array = day_values
        self.repaired_array = repaired
        self.paused_array = paused

    @property
    def codes(self) -> list[int]:
        return self._list("codes", self.code_array)

    @property
    def values(self) -> list[float]:
        return self._list("values", self.value_array)

    @property
    def repaired(self) -> list[bool]:
        return self._list("repaired", self.repaired_array)

    @property
    def paused(self) -> list[bool]:
        return self._list("paused", self.paused_array)

    def _list(self, name: str, array: npt.NDArray[Any]) -> list[Any]:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = array.tolist()
        return found

    def day(self, i: int) -> date:
        return self.start + timedelta(days=i)

    def index(self, day: date) -> int:
        return (day - self.start).days


def _lapses(
    rules: Rules | None, codes: npt.NDArray[np.int8], values: npt.NDArray[np.float64]
) -> npt.NDArray[np.bool_]:
    """`is_lapse` of each recorded day at once (values NaN: no amount). A miss on a
    paused day is no lapse either, but pauses clear those days anyway."""
    lapse: npt.NDArray[np.bool_] = codes == MISSED
    target = None if rules is None else rules.target
    if target is None or target.per is not Period.DAY:
        return lapse
    done = np.where(np.isnan(values), target.amount, values)
    over: npt.NDArray[np.bool_] = done > target.amount if target.at_most else done <= 0
    found: npt.NDArray[np.bool_] = lapse | ((codes == KEPT) & over)
    return found


def _kept_default_value(rules: Rules | None) -> float:
    """A measurable day marked kept without an amount counts as meeting a daily target."""
    if rules is None or rules.target is None or rules.target.per is not Period.DAY:
        return 0.0
    return rules.target.amount
