"""One commitment's recorded days as numpy arrays: what the ledger holds in memory.

A hundred commitments over twenty years are three quarters of a million check-ins. As
a dict of objects per check-in they cost about 85 MB and keep the garbage collector
busy at every load; as four arrays (day, status code, amount, check-in id) and a flag
they cost about 22 bytes each, and a history is cut from them without a Python step
per day. Days stay sorted, so one is found by bisection.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, History, Status

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

Alike = dict[tuple[int, int, float | None, bool], Entry]
"""Entries already made, by (day ordinal, status code, amount, reflected)."""
STATUS_OF_CODE: tuple[Status | None, ...] = (None, Status.KEPT, Status.MISSED, Status.SKIPPED)


class RecordedDays:
    """Sorted recorded days of one commitment; ``reflected``: a reflection is about it."""

    __slots__ = ("days", "codes", "values", "ids", "reflected", "_entries")

    def __init__(self, days: npt.NDArray[np.int64], codes: npt.NDArray[np.int8],
                 values: npt.NDArray[np.float64], ids: npt.NDArray[np.int64],
                 reflected: npt.NDArray[np.bool_]) -> None:
        self.days = days  # ordinals, ascending
        self.codes = codes
        self.values = values  # NaN: no amount
        self.ids = ids
        self.reflected = reflected
        self._entries: dict[date, Entry] | None = None

    @classmethod
    def empty(cls) -> RecordedDays:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int8), np.zeros(0, np.float64),
                   np.zeros(0, np.int64), np.zeros(0, np.bool_))

    def __len__(self) -> int:
        return int(self.days.size)

    def first_day(self) -> date | None:
        return date.fromordinal(int(self.days[0])) if self.days.size else None

    def _find(self, day: date) -> int:
        """The position of ``day``, or -1 when it holds nothing."""
        ordinal = day.toordinal()
        i = int(np.searchsorted(self.days, ordinal))
        return i if i < self.days.size and self.days[i] == ordinal else -1

    def entry(self, day: date, alike: Alike) -> Entry | None:
        i = self._find(day)
        return None if i < 0 else self._entry_at(i, alike)

    def checkin_id(self, day: date) -> int | None:
        i = self._find(day)
        return None if i < 0 else int(self.ids[i])

    def _entry_at(self, i: int, alike: Alike) -> Entry:
        """Day ``i`` as an Entry; alike days of different commitments share one (and
        one date), as they are asked for."""
        value = float(self.values[i])
        key = (int(self.days[i]), int(self.codes[i]), None if value != value else value,
               bool(self.reflected[i]))
        found = alike.get(key)
        if found is None:
            status = STATUS_OF_CODE[key[1]]
            assert status is not None
            found = alike[key] = Entry(date.fromordinal(key[0]), status, key[2], key[3])
        return found

    def entries(self, alike: Alike) -> dict[date, Entry]:
        """Every recorded day as an Entry (made on first use, kept until a change)."""
        if self._entries is None:
            self._entries = {e.day: e for e in (self._entry_at(i, alike)
                                                for i in range(self.days.size))}
        return self._entries

    def put(self, day: date, checkin_id: int, status: Status, value: float | None,
            reflected: bool) -> None:
        i = self._find(day)
        code, amount = status.code, np.nan if value is None else value
        if i >= 0:
            self.codes[i], self.values[i], self.ids[i] = code, amount, checkin_id
            self.reflected[i] = reflected
        else:
            at = int(np.searchsorted(self.days, day.toordinal()))
            self.days = np.insert(self.days, at, day.toordinal())
            self.codes = np.insert(self.codes, at, code)
            self.values = np.insert(self.values, at, amount)
            self.ids = np.insert(self.ids, at, checkin_id)
            self.reflected = np.insert(self.reflected, at, reflected)
        self._entries = None

    def remove(self, day: date) -> None:
        i = self._find(day)
        if i >= 0:
            self.days = np.delete(self.days, i)
            self.codes = np.delete(self.codes, i)
            self.values = np.delete(self.values, i)
            self.ids = np.delete(self.ids, i)
            self.reflected = np.delete(self.reflected, i)
        self._entries = None

    def set_reflected(self, reflected: npt.NDArray[np.bool_]) -> bool:
        """New reflected flags; whether any changed."""
        changed = not np.array_equal(reflected, self.reflected)
        if changed:
            self.reflected = reflected
            self._entries = None
        return changed

    def history(self, start: date, end: date, rules: Rules) -> History:
        lo, hi = np.searchsorted(self.days, (start.toordinal(), end.toordinal() + 1))
        part = slice(int(lo), int(hi))
        return History.from_arrays(start, end, rules, self.days[part] - start.toordinal(),
                                   self.codes[part], self.values[part], self.reflected[part])


def split_rows(columns: dict[str, npt.NDArray[Any]], reflected: set[int]
               ) -> dict[int, RecordedDays]:
    """Rows ordered by commitment and day (arrays ``cid``, ``day``, ``code``, ``value``,
    ``id``) split into one RecordedDays per commitment."""
    cids = columns["cid"]
    linked = np.fromiter(reflected, np.int64, len(reflected))
    flags = np.isin(columns["id"], linked)
    bounds = np.flatnonzero(np.diff(cids)) + 1
    out: dict[int, RecordedDays] = {}
    for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), cids.size], strict=True):
        if lo < hi:
            out[int(cids[lo])] = RecordedDays(
                columns["day"][lo:hi].copy(), columns["code"][lo:hi].copy(),
                columns["value"][lo:hi].copy(), columns["id"][lo:hi].copy(),
                flags[lo:hi].copy())
    return out
