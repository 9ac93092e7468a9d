"""An in-memory ledger of commitments and check-ins, kept in step with every write.

The Today view, streaks and the jar need whole histories; re-reading ten years of
check-ins after each click would blow the 16 ms budget of a check-off. The ledger
loads everything once, is patched by the services after each committed write, and
caches per-commitment summaries until that commitment changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import date
from typing import TypeVar

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
from selftrust.store import repository as repo
from selftrust.store.records import CommitmentRow

_STATUS = {s.value: s for s in Status}
T = TypeVar("T")


class Ledger:
    def __init__(self, read: Callable[[], AbstractContextManager[Connection]],
                 week_start: Callable[[], int]) -> None:
        self._read = read
        self._week_start = week_start
        self.commitments: dict[int, CommitmentRow] = {}
        self._entries: dict[int, dict[date, Entry]] = {}
        self._ids: dict[int, dict[date, int]] = {}
        self._reflected: set[int] = set()  # check-ins a reflection is about
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
        for _ in self.load_in_steps(chunk=0):
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
        entries: dict[int, dict[date, Entry]] = {}
        ids: dict[int, dict[date, int]] = {}
        # Twenty commitments share each day, and most of their entries are alike (kept,
        # no amount): one date and one Entry object each, shared (both are immutable),
        # keep ten years in a fraction of the memory.
        days: dict[str, date] = {}
        alike: dict[tuple[date, str, float | None, bool], Entry] = {}
        fromiso = date.fromisoformat
        with self._read() as conn:
            commitments = repo.list_commitments(conn)
            reflected = repo.linked_checkin_ids(conn)
            entries = {c.id: {} for c in commitments}
            ids = {c.id: {} for c in commitments}
            # Rows arrive a batch at a time: ten years never sit in memory twice.
            for rows in repo.checkin_batches(conn, chunk or 8000):
                if chunk:
                    yield
                    if self._version != version:
                        return
                for checkin_id, cid, day_text, status, value in rows:
                    day = days.get(day_text)
                    if day is None:
                        day = days[day_text] = fromiso(day_text)
                    key = (day, status, value, checkin_id in reflected)
                    entry = alike.get(key)
                    if entry is None:
                        entry = alike[key] = Entry(day, _STATUS[status], value, key[3])
                    entries[cid][day] = entry
                    ids[cid][day] = checkin_id
        if chunk:
            yield
            if self._version != version:
                return
        self._version += 1
        self.commitments = {c.id: c for c in commitments}
        self._reflected = reflected
        self._entries, self._ids = entries, ids
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
        self._entries.setdefault(row.id, {})
        self._ids.setdefault(row.id, {})
        self.forget(row.id)

    def drop_commitment(self, commitment_id: int) -> None:
        self.commitments.pop(commitment_id, None)
        self._entries.pop(commitment_id, None)
        self._ids.pop(commitment_id, None)
        self.forget(commitment_id)

    def put_checkin(
        self,
        commitment_id: int,
        day: date,
        checkin_id: int | None,
        status: Status | None,
        value: float | None,
    ) -> None:
        entries = self._entries.setdefault(commitment_id, {})
        ids = self._ids.setdefault(commitment_id, {})
        if status is None or checkin_id is None:
            entries.pop(day, None)
            ids.pop(day, None)
        else:
            entries[day] = Entry(day, status, value, checkin_id in self._reflected)
            ids[day] = checkin_id
        self.forget(commitment_id)

    def set_reflected(self, checkin_ids: Iterable[int]) -> None:
        """Replace the set of check-ins a reflection is about (after a reflection was
        written or removed). Which of them are repaired the rules say (`repaired`)."""
        self._version += 1
        new = set(checkin_ids)
        changed = new ^ self._reflected
        self._reflected = new
        if not changed:
            return
        for cid, ids in self._ids.items():
            for day, checkin_id in ids.items():
                if checkin_id in changed:
                    e = self._entries[cid][day]
                    self._entries[cid][day] = Entry(e.day, e.status, e.value, checkin_id in new)
                    self.forget(cid)

    def unlink(self, checkin_id: int) -> None:
        """A deleted check-in has no reflection about it any more (its links became NULL)."""
        if checkin_id in self._reflected:
            self.set_reflected(self._reflected - {checkin_id})

    # --- reading --------------------------------------------------------------------
    def checkin_id(self, commitment_id: int, day: date) -> int | None:
        return self._ids.get(commitment_id, {}).get(day)

    def entry(self, commitment_id: int, day: date) -> Entry | None:
        return self._entries.get(commitment_id, {}).get(day)

    def repaired(self, commitment_id: int, day: date) -> bool:
        """A reflection repairs this day's check-in: it is about it, and it is a lapse."""
        entry = self.entry(commitment_id, day)
        c = self.commitments.get(commitment_id)
        return entry is not None and c is not None and repairs(c.rules, entry)

    def entries(self, commitment_id: int) -> dict[date, Entry]:
        return self._entries.get(commitment_id, {})

    def start_of(self, commitment_id: int) -> date:
        c = self.commitments[commitment_id]
        days = self._entries.get(commitment_id)
        return history_start(c.created_on, min(days) if days else None)

    def history(self, commitment_id: int, end: date) -> History:
        """The dense history up to ``end``. Shared, not copied: callers only read it."""
        start = self.start_of(commitment_id)
        last = self._last_history.get(commitment_id)
        if last is not None and last.end == end and last.start == start:
            return last
        c = self.commitments[commitment_id]
        found = History(start, end, self._entries.get(commitment_id, {}).values(), c.rules)
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
