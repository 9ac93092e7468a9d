"""Series for the Charts view and `selftrust chart`, cached per commitment.

Ten years of twenty commitments is some 73,000 days, and a chart must redraw within
100 ms after a check-in. So each commitment's figures (strength, day states,
occasions, jar events) are derived once from the ledger's in-memory history
(chart_derived.py) and kept until *that* commitment changes; a chart then only
slices and adds up cached arrays for its range (chart_figures.py). The view calls
``forget`` with each change notice.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar, cast

from selftrust.services import chart_figures as figures
from selftrust.services import insights as say
from selftrust.services.chart_derived import Derived, owed, weekday_counts
from selftrust.services.chart_range import ChartRange
from selftrust.services.chart_series import (
    Calendar,
    Growth,
    KeptRate,
    StreakBar,
    StrengthLine,
    Weekdays,
    as_date,
)
from selftrust.services.events import Change, What
from selftrust.services.needs import Tracked
from selftrust.store.records import CommitmentRow

T = TypeVar("T")
Selection = Sequence[int] | None
"""Commitment ids to include; None means every commitment (archived ones too)."""


class ChartData:
    """The charts' figures for one workspace; cached per commitment until it changes."""

    @classmethod
    def shared(cls, ws: Tracked) -> ChartData:
        """The one ChartData of an open workspace, kept current by its change notices.

        A Charts view made again (the window rebuilt, the view reopened) finds every
        commitment's figures already derived instead of deriving twenty commitments'
        whole histories again: that cost grew with the years of data. It listens to the
        workspace itself, so it stays right while no view is there to tell it."""
        found = _SHARED.get(ws)
        if found is None:
            # A weak reference: the workspace owns its listener, never the other way.
            found = cls(cast("Tracked", weakref.proxy(ws)))
            ws.subscribe(found.on_change)
            _SHARED[ws] = found
        return found

    def __init__(self, ws: Tracked) -> None:
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
            found = Derived(self.ws.ledger, self._week_start, row, end)
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
        return cast(T, self._memo[key])

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


    def _week_start(self) -> int:
        return self.ws.settings.week_start

    # --- the figures of each chart --------------------------------------------------
    def _growth(self, rng: ChartRange, selection: Selection = None) -> Growth:
        return figures.growth(self.selected(selection), self.span(rng, selection),
                              self.ws.settings.jar_rules)

    def _strength(self, rng: ChartRange, selection: Selection = None) -> list[StrengthLine]:
        return figures.strength_lines(self.selected(selection), self.span(rng, selection))

    def _kept_rate(self, rng: ChartRange, selection: Selection = None) -> KeptRate:
        return figures.kept_rate(self.selected(selection), self.span(rng, selection),
                                 self._week_start())

    def _calendar(self, rng: ChartRange, selection: Selection = None) -> Calendar:
        return figures.calendar(self.selected(selection), self.span(rng, selection),
                                self._week_start(), self.today())

    def _weekdays(self, rng: ChartRange, selection: Selection = None) -> Weekdays:
        return figures.weekdays(self.selected(selection), self.span(rng, selection),
                                self._week_start())

    def _streaks(
        self, rng: ChartRange, selection: Selection = None, count: int = 10
    ) -> list[StreakBar]:
        return figures.streak_bars(self.selected(selection), self.span(rng, selection), count)

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
            k, m, r = weekday_counts(d, first, last)
            missed += int(m.sum())
            repaired += int(r.sum())
            kept += int(k.sum())
            due += owed(d, first, last)
        out.append(say.repairs(repaired, missed, words))

        best_pattern: tuple[float, str] | None = None
        for d in items:
            _kept, m, _repaired = weekday_counts(d, first, last)
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



_SHARED: weakref.WeakKeyDictionary[Tracked, ChartData] = weakref.WeakKeyDictionary()


def _key(selection: Selection) -> tuple[int, ...] | None:
    return None if selection is None else tuple(sorted(selection))


__all__ = ["ChartData", "ChartRange", "Selection", "as_date"]
