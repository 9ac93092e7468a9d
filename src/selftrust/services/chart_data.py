"""Series for the Charts view and `selftrust chart`, cached per commitment.

Ten years of twenty commitments is some 73,000 days, and a chart must redraw within
100 ms after a check-in. So each commitment's figures (strength, day states,
occasions, jar events) are derived once from the ledger's in-memory history and
kept until *that* commitment changes; a chart then only slices and adds up cached
arrays for its range. The view calls ``forget`` with each change notice.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np

from selftrust.domain.days import WEEKDAY_TITLES, week_start_of
from selftrust.domain.history import History
from selftrust.domain.jar import JarEvent, JarRules
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_occasions
from selftrust.domain.streaks import Streak, Streaks
from selftrust.domain.strength import strength_series
from selftrust.services import insights as say
from selftrust.services.chart_range import ChartRange
from selftrust.services.chart_series import (
    DAY,
    Calendar,
    Growth,
    KeptRate,
    StreakBar,
    StrengthLine,
    Weekdays,
    as_date,
    day64,
    day_range,
)
from selftrust.services.events import Change, What
from selftrust.services.streak_units import streak_unit
from selftrust.store.records import CommitmentRow

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace

T = TypeVar("T")
Selection = Sequence[int] | None
"""Commitment ids to include; None means every commitment (archived ones too)."""

_OWED = np.array(
    [DayState.KEPT, DayState.PARTLY, DayState.MISSED, DayState.REPAIRED, DayState.UNMARKED],
    dtype=np.int8,
)
_DUE_OUTCOMES = np.array(
    [Outcome.KEPT, Outcome.PARTLY, Outcome.MISSED, Outcome.UNMARKED], dtype=np.int8
)
WEEKLY_UP_TO_DAYS = 120
"""Ranges up to about four months count kept rates per week, longer ones per month."""


class Derived:
    """One commitment's figures up to one day, each computed on first use."""

    def __init__(self, ws: Workspace, row: CommitmentRow, end: date) -> None:
        self._ws = ws
        self.row = row
        self.end = end
        self.history: History = ws.ledger.history(row.id, end)
        self.start = self.history.start
        archived = row.archived_on
        # An archived promise stops counting towards averages the day it was put away.
        self.active_last = min(end, archived) if archived is not None else end
        self._strength: np.ndarray | None = None
        self._states: np.ndarray | None = None
        self._occasions: tuple[np.ndarray, np.ndarray] | None = None
        self._jar: np.ndarray | None = None
        self._runs: list[Streak] | None = None

    @property
    def strength(self) -> np.ndarray:
        if self._strength is None:
            self._strength = np.asarray(
                strength_series(self.row.rules, self.history), dtype=np.float64
            )
        return self._strength

    @property
    def states(self) -> np.ndarray:
        """DayState per day from the start (int8)."""
        if self._states is None:
            states = day_states(self.row.rules, self.history, self._ws.settings.week_start)
            self._states = np.asarray(states, dtype=np.int8)
        return self._states

    @property
    def occasions(self) -> tuple[np.ndarray, np.ndarray]:
        """(last day of each occasion as datetime64, its Outcome as int8)."""
        if self._occasions is None:
            occ = judge_occasions(self.row.rules, self.history, self._ws.settings.week_start)
            self._occasions = (
                np.array([o.last for o in occ], dtype="datetime64[D]"),
                np.array([o.outcome for o in occ], dtype=np.int8),
            )
        return self._occasions

    @property
    def events(self) -> list[JarEvent]:
        return self._ws.ledger.events(self.row.id, self.end)

    @property
    def jar_counts(self) -> np.ndarray:
        """Per day from the start: kept, unrepaired missed and repaired occasions (3 × days)."""
        if self._jar is None:
            # The ledger's jar track is already one count per day from the same start:
            # copied as it is, not rebuilt from tens of thousands of event records.
            track = self._ws.ledger.track(self.row.id, self.end)
            assert track.start == self.start and len(track.kept) == self.history.size
            self._jar = np.array([track.kept, track.missed, track.repaired], dtype=np.int64)
        return self._jar

    @property
    def streaks(self) -> Streaks:
        return self._ws.ledger.summary(self.row.id, self.end).streaks

    @property
    def runs_longest_first(self) -> list[Streak]:
        """Runs of two or more, longest span first: sorted once per change of this
        commitment, so the longest runs of a range need only the first few of each."""
        if self._runs is None:
            runs = [s for s in self.streaks.all if s.length > 1]
            runs.sort(key=lambda s: ((s.end - s.start).days + 1, s.length, s.end), reverse=True)
            self._runs = runs
        return self._runs

    @property
    def streak_unit(self) -> str:
        """"day", "time", "week" or "month": what one step of a run counts."""
        return streak_unit(self.row.rules.schedule)

    def index(self, day: date) -> int:
        return (day - self.start).days

    def window(self, first: date, last: date) -> tuple[int, int]:
        """Indexes [lo, hi) of the days of [first, last] this commitment has."""
        lo = max(0, self.index(first))
        hi = min(self.history.size, self.index(last) + 1)
        return lo, max(lo, hi)


class ChartData:
    """The charts' figures for one workspace; cached per commitment until it changes."""

    @classmethod
    def shared(cls, ws: Workspace) -> ChartData:
        """The one ChartData of an open workspace, kept current by its change notices.

        A Charts view made again (the window rebuilt, the view reopened) finds every
        commitment's figures already derived instead of deriving twenty commitments'
        whole histories again: that cost grew with the years of data. It listens to the
        workspace itself, so it stays right while no view is there to tell it."""
        found = _SHARED.get(ws)
        if found is None:
            # A weak reference: the workspace owns its listener, never the other way.
            found = cls(cast("Workspace", weakref.proxy(ws)))
            ws.subscribe(found.on_change)
            _SHARED[ws] = found
        return found

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._cache: dict[int, Derived] = {}
        self._end: date | None = None
        self.computed = 0  # commitments derived so far (tests check caching with it)
        self._memo: dict[tuple[object, ...], object] = {}
        self._rows: tuple[date, list[CommitmentRow]] | None = None

    # --- cache ----------------------------------------------------------------------
    def forget(self, commitment_id: int | None = None) -> None:
        """Drop one commitment's figures (None: all of them)."""
        self._memo.clear()  # results mix commitments: any change makes them stale
        self._rows = None
        if commitment_id is None:
            self._cache.clear()
        else:
            self._cache.pop(commitment_id, None)

    def on_change(self, change: Change) -> None:
        """Forget exactly what a change notice makes stale."""
        if change.what in (What.CHECKIN, What.REFLECTION, What.COMMITMENT):
            if change.commitment_id is not None:
                self.forget(change.commitment_id)
            # A free reflection changes no chart.
            return
        self.forget()

    def _derived(self, row: CommitmentRow, end: date) -> Derived:
        if end != self._end:
            self._cache.clear()
            self._memo.clear()
            self._end = end
        found = self._cache.get(row.id)
        if found is None or found.row != row:
            found = Derived(self.ws, row, end)
            self._cache[row.id] = found
            self.computed += 1
        return found

    # --- what there is --------------------------------------------------------------
    def today(self) -> date:
        return self.ws.today()

    def commitments(self) -> list[CommitmentRow]:
        """Every commitment with days to chart: the active ones first, in the user's order.

        Kept until a change notice: finding a commitment's first day reads all its
        days, and one redraw asks for the list a dozen times (it grew with the years)."""
        today = self.today()
        if self._rows is None or self._rows[0] != today:
            ledger = self.ws.ledger
            ledger.ensure_loaded()
            rows = [c for c in ledger.commitments.values() if ledger.start_of(c.id) <= today]
            rows.sort(key=lambda c: (c.archived, c.position, c.id))
            self._rows = (today, rows)
        return list(self._rows[1])

    def selected(self, selection: Selection = None) -> list[Derived]:
        end = self.today()
        wanted = None if selection is None else set(selection)
        return [
            self._derived(c, end)
            for c in self.commitments()
            if wanted is None or c.id in wanted
        ]

    def span(self, rng: ChartRange, selection: Selection = None) -> tuple[date, date] | None:
        """The days a chart of this range draws, or None when there is nothing in it
        (no commitments yet, or a custom range that ends before the first one began)."""
        items = self.selected(selection)
        if not items:
            return None
        today = self.today()
        earliest = min(d.start for d in items)
        if rng.nominal(today)[1] < earliest:
            return None
        return rng.resolve(today, earliest)

    def days_of_data(self, selection: Selection = None) -> int:
        """Days since the earliest selected commitment began (0 when there is none)."""
        items = self.selected(selection)
        if not items:
            return 0
        return (self.today() - min(d.start for d in items)).days + 1

    def _remember(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """The last result for the same chart, range and selection, until anything changes."""
        key = (self.today(), *key)
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    def growth(self, rng: ChartRange, selection: Selection = None) -> Growth:
        return self._remember(
            ("growth", rng, _key(selection)), lambda: self._growth(rng, selection)
        )

    def strength(self, rng: ChartRange, selection: Selection = None) -> list[StrengthLine]:
        return self._remember(
            ("strength", rng, _key(selection)), lambda: self._strength(rng, selection)
        )

    def kept_rate(self, rng: ChartRange, selection: Selection = None) -> KeptRate:
        return self._remember(
            ("kept_rate", rng, _key(selection)), lambda: self._kept_rate(rng, selection)
        )

    def calendar(self, rng: ChartRange, selection: Selection = None) -> Calendar:
        return self._remember(
            ("calendar", rng, _key(selection)), lambda: self._calendar(rng, selection)
        )

    def weekdays(self, rng: ChartRange, selection: Selection = None) -> Weekdays:
        return self._remember(
            ("weekdays", rng, _key(selection)), lambda: self._weekdays(rng, selection)
        )

    def streaks(
        self, rng: ChartRange, selection: Selection = None, count: int = 10
    ) -> list[StreakBar]:
        """The longest runs (by days spanned) that touch the range, longest first."""
        return self._remember(
            ("streaks", rng, _key(selection), count), lambda: self._streaks(rng, selection, count)
        )

    def insights(self, rng: ChartRange, selection: Selection = None, limit: int = 4,
                 lead: say.Topic | None = None) -> list[str]:
        """A few true, plain sentences about the range (see services/insights.py), the
        one about ``lead`` first (a chart's own sentence)."""
        lines = self._remember(("insights", rng, _key(selection)),
                               lambda: self._insights(rng, selection))
        return say.led_by(lines, lead, limit)

    # --- growth ---------------------------------------------------------------------
    def _growth(self, rng: ChartRange, selection: Selection = None) -> Growth:
        items = self.selected(selection)
        span = self.span(rng, selection)
        if span is None:
            empty = np.array([], dtype="datetime64[D]")
            return Growth(empty, np.array([], dtype=np.int64), np.array([]), empty,
                          np.array([], dtype=np.int64))
        first, last = span
        days = day_range(first, last)
        # Add up every commitment's jar counts per day, then let the domain replay the
        # days (clamped at an empty jar): a few thousand days instead of every event.
        origin = min(d.start for d in items)
        width = (last - origin).days + 1
        counts = np.zeros((3, width), dtype=np.int64)
        for d in items:
            at = (d.start - origin).days
            n = min(d.history.size, width - at)
            counts[:, at:at + n] += d.jar_counts[:, :n]
        level = _replay_counts(counts, self.ws.settings.jar_rules)
        skip = (first - origin).days
        marbles = level[skip:skip + days.size]
        total = np.zeros(days.size)
        count = np.zeros(days.size)
        for d in items:
            lo, hi = d.window(first, min(last, d.active_last))
            if hi <= lo:
                continue
            at = (d.start - first).days
            total[at + lo:at + hi] += d.strength[lo:hi]
            count[at + lo:at + hi] += 1
        with np.errstate(invalid="ignore", divide="ignore"):
            strength = np.where(count > 0, total / np.maximum(count, 1), np.nan)
        fixed = counts[2, skip:skip + days.size]
        where = np.flatnonzero(fixed)
        repair_days = days[where]
        repairs = fixed[where]
        return Growth(days, marbles, strength, repair_days, repairs)

    # --- strength -------------------------------------------------------------------
    def _strength(self, rng: ChartRange, selection: Selection = None) -> list[StrengthLine]:
        span = self.span(rng, selection)
        if span is None:
            return []
        first, last = span
        out = []
        for d in self.selected(selection):
            lo, hi = d.window(first, min(last, d.active_last))
            if hi <= lo:
                continue
            days = np.arange(day64(d.start) + lo, day64(d.start) + hi, DAY)
            out.append(StrengthLine(d.row.id, d.row.title, d.row.color, days,
                                    d.strength[lo:hi]))
        return out

    # --- kept rate ------------------------------------------------------------------
    def _kept_rate(self, rng: ChartRange, selection: Selection = None) -> KeptRate:
        items = self.selected(selection)
        span = self.span(rng, selection)
        if span is None:
            return _empty_rate()
        first, last = span
        weekly = (last - first).days < WEEKLY_UP_TO_DAYS
        week_start = self.ws.settings.week_start
        if weekly:
            b0 = week_start_of(first, week_start)
            n = (last - b0).days // 7 + 1
            starts = np.array([b0 + timedelta(days=7 * i) for i in range(n)],
                              dtype="datetime64[D]")
            ends = starts + 6 * DAY
        else:
            m0 = np.datetime64(first, "M")
            months = np.arange(m0, np.datetime64(last, "M") + 1)
            starts = months.astype("datetime64[D]")
            ends = (months + 1).astype("datetime64[D]") - DAY
        kept = np.zeros((len(items), starts.size), dtype=np.int64)
        due = np.zeros((len(items), starts.size), dtype=np.int64)
        lo64, hi64 = day64(first), day64(last)
        for row, d in enumerate(items):
            when, outcome = d.occasions
            inside = (when >= lo64) & (when <= hi64)
            when, outcome = when[inside], outcome[inside]
            if when.size == 0:
                continue
            if weekly:
                bucket = ((when - day64(week_start_of(first, week_start))) // 7).astype(int)
            else:
                bucket = (when.astype("datetime64[M]") - np.datetime64(first, "M")).astype(int)
            owed = np.isin(outcome, _DUE_OUTCOMES)
            due[row] = np.bincount(bucket[owed], minlength=starts.size)
            kept[row] = np.bincount(bucket[outcome == Outcome.KEPT], minlength=starts.size)
        return KeptRate(
            "week" if weekly else "month",
            starts,
            ends,
            tuple(d.row.id for d in items),
            tuple(d.row.title for d in items),
            tuple(d.row.color for d in items),
            kept,
            due,
        )

    # --- calendar -------------------------------------------------------------------
    def _calendar(self, rng: ChartRange, selection: Selection = None) -> Calendar:
        items = self.selected(selection)
        span = self.span(rng, selection)
        week_start = self.ws.settings.week_start
        if span is None:
            today = self.today()
            return Calendar(today, today, today, week_start, np.zeros(1, np.int64),
                            np.zeros(1, np.int64), None, None, None)
        range_first, last = span  # every day of it: a long range is drawn a year a row
        first = week_start_of(range_first, week_start)
        size = (last - first).days + 1
        kept = np.zeros(size, dtype=np.int64)
        due = np.zeros(size, dtype=np.int64)
        one = len(items) == 1
        states = np.zeros(size, dtype=np.int8) if one else None
        for d in items:
            lo, hi = d.window(range_first, last)
            if hi <= lo:
                continue
            part = d.states[lo:hi]
            at = (d.start - first).days
            kept[at + lo:at + hi] += part == DayState.KEPT
            due[at + lo:at + hi] += np.isin(part, _OWED)
            if states is not None:
                states[at + lo:at + hi] = part
        row = items[0].row if one else None
        return Calendar(first, last, range_first, week_start, kept, due, states,
                        row.color if row else None, row.title if row else None)

    # --- weekdays -------------------------------------------------------------------
    def _weekdays(self, rng: ChartRange, selection: Selection = None) -> Weekdays:
        week_start = self.ws.settings.week_start
        order = [(week_start + i) % 7 for i in range(7)]
        kept = np.zeros(7, dtype=np.int64)
        missed = np.zeros(7, dtype=np.int64)
        repaired = np.zeros(7, dtype=np.int64)
        span = self.span(rng, selection)
        if span is not None:
            first, last = span
            for d in self.selected(selection):
                k, m, r = _weekday_counts(d, first, last)
                kept += k
                missed += m
                repaired += r
        return Weekdays(
            tuple(WEEKDAY_TITLES[i] for i in order), kept[order], missed[order], repaired[order]
        )

    # --- streaks --------------------------------------------------------------------
    def _streaks(
        self, rng: ChartRange, selection: Selection = None, count: int = 10
    ) -> list[StreakBar]:
        span = self.span(rng, selection)
        if span is None:
            return []
        first, last = span
        # The longest `count` of all are among each commitment's longest `count` in the
        # range; building a bar for every run of every commitment (8,000 at 20 × 20) and
        # sorting them all after each check-in grew with the years.
        bars: list[StreakBar] = []
        for d in self.selected(selection):
            unit = d.streak_unit
            taken = 0
            for s in d.runs_longest_first:
                if taken == count:
                    break
                if s.end >= first and s.start <= last:
                    bars.append(StreakBar(d.row.id, d.row.title, d.row.color, s.start,
                                          s.end, s.length, unit))
                    taken += 1
        bars.sort(key=lambda b: (b.span_days, b.length, b.last), reverse=True)
        return bars[:count]

    # --- insights -------------------------------------------------------------------
    def _insights(self, rng: ChartRange, selection: Selection = None) -> list[str | None]:
        """One sentence (or None: nothing worth saying) per topic, in say.ORDER."""
        items = self.selected(selection)
        span = self.span(rng, selection)
        if span is None:
            return [None] * len(say.ORDER)
        first, last = span
        today = self.today()
        words = rng.words(first, last)
        out: list[str | None] = []

        missed = repaired = kept = due = 0
        for d in items:
            k, m, r = _weekday_counts(d, first, last)
            missed += int(m.sum())
            repaired += int(r.sum())
            kept += int(k.sum())
            due += _owed(d, first, last)
        out.append(say.repairs(repaired, missed, words))

        best_pattern: tuple[float, str] | None = None
        for d in items:
            _, m, _ = _weekday_counts(d, first, last)
            line = say.weekday_misses(d.row.title, [int(x) for x in m])
            if line is not None:
                share = float(m.max() / m.sum())
                if best_pattern is None or share > best_pattern[0]:
                    best_pattern = (share, line)
        out.append(best_pattern[1] if best_pattern else None)

        growth: tuple[float, str] | None = None
        for d in items:
            if d.start >= first or d.active_last < last:
                continue
            then = float(d.strength[d.index(first)])
            now = float(d.strength[d.index(min(last, d.active_last))])
            line = say.strength_change(d.row.title, then, now, first, today)
            if line is not None and (growth is None or now - then > growth[0]):
                growth = (now - then, line)
        out.append(growth[1] if growth else None)

        bars = self.streaks(rng, selection, count=1)
        b = bars[0] if bars else None
        out.append(say.longest_streak(b.title, b.length, b.unit, b.first, b.last)
                   if b is not None else None)
        g = self.growth(rng, selection) if selection is None else None  # the whole jar only
        out.append(say.jar_change(int(g.marbles[0]), int(g.marbles[-1]), words)
                   if g is not None and g.size > 1 else None)
        out.append(say.kept_share(kept, due, words))
        return out


# --- helpers ---------------------------------------------------------------------------

_SHARED: weakref.WeakKeyDictionary[Workspace, ChartData] = weakref.WeakKeyDictionary()



def _replay_counts(counts: np.ndarray, rules: JarRules) -> np.ndarray:
    """The jar at the end of each day from per-day (kept, missed, repaired) counts.

    The same arithmetic as domain.jar.replay (tests/services/test_chart_data.py checks
    them day by day), on a few thousand day totals instead of every event."""
    delta = rules.repair_return - rules.miss_cost
    kept, missed, fixed = counts
    won = kept * rules.kept_gain + np.maximum(0, fixed * delta)
    lost = missed * rules.miss_cost + np.maximum(0, -fixed * delta)
    change = (won - lost).tolist()
    out = [0] * len(change)
    marbles = 0
    for i, c in enumerate(change):
        marbles += c
        if marbles < 0:
            marbles = 0  # the jar never goes below empty
        out[i] = marbles
    return np.array(out, dtype=np.int64)


def _weekday_counts(d: Derived, first: date, last: date) -> tuple[np.ndarray, ...]:
    """Kept, missed (repaired included) and repaired days by weekday (Monday = 0)."""
    lo, hi = d.window(first, last)
    part = d.states[lo:hi]
    weekday = (d.start.weekday() + np.arange(lo, hi)) % 7
    kept = np.bincount(weekday[part == DayState.KEPT], minlength=7)
    fixed = part == DayState.REPAIRED
    missed = np.bincount(weekday[(part == DayState.MISSED) | fixed], minlength=7)
    return kept, missed, np.bincount(weekday[fixed], minlength=7)


def _owed(d: Derived, first: date, last: date) -> int:
    lo, hi = d.window(first, last)
    return int(np.isin(d.states[lo:hi], _OWED).sum())


def _key(selection: Selection) -> tuple[int, ...] | None:
    return None if selection is None else tuple(sorted(selection))


def _empty_rate() -> KeptRate:
    empty = np.array([], dtype="datetime64[D]")
    none = np.zeros((0, 0), dtype=np.int64)
    return KeptRate("week", empty, empty, (), (), (), none, none)


__all__ = ["ChartData", "ChartRange", "Selection", "as_date"]
