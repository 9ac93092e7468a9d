"""An in-memory ledger of commitments and check-ins, kept in step with every write.

The Today view, streaks and the jar need whole histories; re-reading ten years of
check-ins after each click would blow the 16 ms budget of a check-off. The ledger
loads everything once, is patched by the services after each committed write, and
caches per-commitment summaries until that commitment changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.engine import Connection

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Entry, History, Status, repairs
from selftrust.domain.jar import (
    DEFAULT_JAR_RULES,
    Jar,
    JarAccount,
    JarDay,
    JarEvent,
    JarRules,
    JarTrack,
    account_tracks,
    fill_jar_tracks,
    jar_track,
    replay_tracks,
)
from selftrust.domain.summary import Summary, history_start, summarise
from selftrust.services.recorded import Alike, RecordedDays, split_rows
from selftrust.store import repository as repo
from selftrust.store.records import CommitmentRow

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np

T = TypeVar("T")


class Ledger:
    def __init__(self, read: Callable[[], AbstractContextManager[Connection]],
                 week_start: Callable[[], int]) -> None:
        self._read = read
        self._week_start = week_start
        self.commitments: dict[int, CommitmentRow] = {}
        self._recorded: dict[int, RecordedDays] = {}
        self._reflected: set[int] = set()  # check-ins a reflection is about
        self._alike: Alike = {}  # Entry objects made so far, shared by alike days
        self._summaries: dict[tuple[int, date], Summary] = {}
        self._jar_tracks: dict[tuple[int, date], JarTrack] = {}
        # The last history built per commitment: a Today row needs the same one for its
        # summary and for the day's state and progress (one per commitment keeps memory
        # flat when charts ask for thousands of days).
        self._last_history: dict[int, History] = {}
        self._version = 0  # moves on every change, so a stepwise load knows it is stale
        self.loaded = False

    # --- loading and patching -------------------------------------------------------
    def load(self) -> None:
        for _step in self.load_in_steps(chunk=0):
            pass

    def load_in_steps(self, chunk: int = 8000) -> Iterator[None]:
        """Load everything, pausing (yielding) after the read and after each ``chunk``
        check-ins, so a window can stay responsive while ten years load; ``chunk=0``
        loads in one go.

        The ledger counts as loaded only once every row is in. Any change to the
        ledger meanwhile (a check-off, a full `load`) makes the steps stop without
        installing anything: `ensure_loaded` then reads afresh, the change included.
        """
        version = self._version
        batches: list[dict[str, npt.NDArray[Any]]] = []
        with self._read() as conn:
            commitments = repo.list_commitments(conn)
            reflected = repo.linked_checkin_ids(conn)
            reading: Iterable[dict[str, npt.NDArray[Any]]]
            if chunk:  # rows a batch at a time as arrays: no object per check-in is kept
                reading = repo.checkin_columns(conn, size=chunk)
            else:  # in one go, packed by SQLite: an object per commitment, not per check-in
                whole = repo.checkin_columns_at_once(conn)
                reading = [whole] if whole is not None else repo.checkin_columns(conn)
            for batch in reading:
                if chunk:
                    yield
                    if self._version != version:
                        return
                batches.append(batch)
        if chunk:
            yield
            if self._version != version:
                return
        recorded = split_rows(_joined(batches), reflected)
        self._version += 1
        self.commitments = {c.id: c for c in commitments}
        self._reflected = reflected
        self._recorded = {c.id: recorded.get(c.id) or RecordedDays.empty() for c in commitments}
        self._alike = {}
        self._summaries.clear()
        self._jar_tracks.clear()
        self._last_history.clear()
        self.loaded = True

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.load()

    def forget(self, commitment_id: int) -> None:
        """Drop cached figures of one commitment after it changed."""
        self._version += 1
        self._last_history.pop(commitment_id, None)
        for cache in (self._summaries, self._jar_tracks):
            for key in [k for k in cache if k[0] == commitment_id]:
                del cache[key]

    def put_commitment(self, row: CommitmentRow) -> None:
        self.commitments[row.id] = row
        if self.loaded:  # before the first load no day is held (see put_checkin)
            self._recorded.setdefault(row.id, RecordedDays.empty())
        self.forget(row.id)

    def drop_commitment(self, commitment_id: int) -> None:
        self.commitments.pop(commitment_id, None)
        self._recorded.pop(commitment_id, None)
        self.forget(commitment_id)

    def put_checkin(
        self,
        commitment_id: int,
        day: date,
        checkin_id: int | None,
        status: Status | None,
        value: float | None,
    ) -> None:
        if not self.loaded:
            # Nothing read yet: every reader of days loads first (`ensure_loaded`), and
            # the load reads this change with the rest. A command that records one day
            # (`selftrust check`) so builds no arrays, nor imports numpy for them.
            self.forget(commitment_id)
            return
        recorded = self._recorded.setdefault(commitment_id, RecordedDays.empty())
        if status is None or checkin_id is None:
            recorded.remove(day)
        else:
            recorded.put(day, checkin_id, status, value, checkin_id in self._reflected)
        self.forget(commitment_id)

    def set_reflected(self, checkin_ids: Iterable[int]) -> None:
        """Replace the set of check-ins a reflection is about (after a reflection was
        written or removed). Which of them are repaired the rules say (`repaired`)."""
        self._version += 1
        new = set(checkin_ids)
        changed = new ^ self._reflected
        self._reflected = new
        if not changed or not self._recorded:
            return
        linked = np.fromiter(new, np.int64, len(new))
        for cid, recorded in self._recorded.items():
            if recorded.set_reflected(np.isin(recorded.ids, linked)):
                self.forget(cid)

    def unlink(self, checkin_id: int) -> None:
        """A deleted check-in has no reflection about it any more (its links became NULL)."""
        if checkin_id in self._reflected:
            self.set_reflected(self._reflected - {checkin_id})

    # --- reading --------------------------------------------------------------------
    def _days(self, commitment_id: int) -> RecordedDays:
        return self._recorded.get(commitment_id) or _nothing()

    def checkin_id(self, commitment_id: int, day: date) -> int | None:
        return self._days(commitment_id).checkin_id(day)

    def entry(self, commitment_id: int, day: date) -> Entry | None:
        self.ensure_loaded()  # a command may have found its commitment without loading
        return self._days(commitment_id).entry(day, self._alike)

    def repaired(self, commitment_id: int, day: date) -> bool:
        """A reflection repairs this day's check-in: it is about it, and it is a lapse."""
        entry = self.entry(commitment_id, day)
        c = self.commitments.get(commitment_id)
        return entry is not None and c is not None and repairs(c.rules, entry)

    def entries(self, commitment_id: int) -> dict[date, Entry]:
        """Every recorded day of one commitment (made on demand: prefer `entry`)."""
        self.ensure_loaded()
        return self._days(commitment_id).entries(self._alike)

    def recorded_count(self, commitment_id: int) -> int:
        return len(self._days(commitment_id))

    def start_of(self, commitment_id: int) -> date:
        c = self.commitments[commitment_id]
        return history_start(c.created_on, self._days(commitment_id).first_day())

    def history(self, commitment_id: int, end: date, start: date | None = None) -> History:
        """The dense history up to ``end`` (from ``start``, else from the commitment's
        start). Shared, not copied: callers only read it."""
        if start is not None:
            c = self.commitments[commitment_id]
            return self._days(commitment_id).history(start, end, c.rules)
        start = self.start_of(commitment_id)
        last = self._last_history.get(commitment_id)
        if last is not None and last.end == end and last.start == start:
            return last
        c = self.commitments[commitment_id]
        found = self._days(commitment_id).history(start, end, c.rules)
        self._last_history[commitment_id] = found
        return found

    def summary(self, commitment_id: int, end: date) -> Summary:
        return self._cached(self._summaries, summarise, commitment_id, end)

    def track(self, commitment_id: int, end: date) -> JarTrack:
        """One commitment's effect on the jar, per day (cached until it changes)."""
        return self._cached(self._jar_tracks, jar_track, commitment_id, end)

    def _cached(
        self,
        cache: dict[tuple[int, date], T],
        make: Callable[[Rules, History, int], T],
        commitment_id: int,
        end: date,
    ) -> T:
        """A figure of one commitment's history up to ``end``, made once until it changes."""
        key = (commitment_id, end)
        found = cache.get(key)
        if found is None:
            c = self.commitments[commitment_id]
            found = make(c.rules, self.history(commitment_id, end), self._week_start())
            cache[key] = found
        return found

    def events(self, commitment_id: int, end: date) -> list[JarEvent]:
        return self.track(commitment_id, end).events()

    def _tracks(self, end: date) -> list[JarTrack]:
        return [
            self.track(cid, end) for cid in self.commitments if self.start_of(cid) <= end
        ]

    def jar(self, end: date, rules: JarRules = DEFAULT_JAR_RULES) -> Jar:
        return fill_jar_tracks(self._tracks(end), rules)

    def jar_account(self, end: date, rules: JarRules = DEFAULT_JAR_RULES) -> JarAccount:
        """The jar as an account of what won and lost marbles ("How is this counted?")."""
        return account_tracks(self._tracks(end), rules)

    def jar_days(self, end: date, rules: JarRules = DEFAULT_JAR_RULES) -> list[JarDay]:
        return replay_tracks(self._tracks(end), rules)


@functools.cache
def _nothing() -> RecordedDays:
    """No recorded day, made on first need (numpy is imported on first use)."""
    return RecordedDays.empty()


def _joined(batches: list[dict[str, npt.NDArray[Any]]]) -> dict[str, npt.NDArray[Any]]:
    if not batches:
        return {name: np.zeros(0, np.int64) for name in repo.COLUMNS}
    return {name: np.concatenate([b[name] for b in batches]) for name in repo.COLUMNS}
