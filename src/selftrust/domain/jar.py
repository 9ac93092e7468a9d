"""The marble jar: the overall count of self-trust.

Every kept occasion adds a marble; every missed one knocks marbles out (trust tumbles
faster than it is built); a reflection on a miss repairs it, the marbles come back and
the repaired one is drawn gold. The jar is replayed day by day and never goes below 0.
The numbers are parameters so the "How is this counted?" page can quote them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from selftrust.domain.commitment import Rules
from selftrust.domain.days import MONDAY, Period, period_spans
from selftrust.domain.history import KEPT, History
from selftrust.domain.occasions import Outcome, judge_occasions, outcome_array
from selftrust.domain.periods import amount_marbles
from selftrust.domain.schedule import ScheduleKind

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
else:  # numpy on first use (base/lazy_numpy.py)
    from selftrust.base.lazy_numpy import np


@dataclass(frozen=True, slots=True)
class JarRules:
    kept_gain: int = 1
    miss_cost: int = 2
    repair_return: int = 2


DEFAULT_JAR_RULES = JarRules()


@dataclass(frozen=True, slots=True)
class Jar:
    marbles: int
    gold: int


class JarEvent(NamedTuple):
    """One commitment's effect on the jar on one day."""

    day: date
    kept: int = 0  # marbles won
    missed: int = 0  # unrepaired misses
    repaired: int = 0  # repaired misses (gold)


@dataclass(frozen=True, slots=True, eq=False)
class JarTrack:
    """One commitment's effect on the jar, as one count per day from ``start``.

    The dense form of its events, as arrays: twenty years of a hundred commitments are
    hundreds of thousands of events, and adding arrays day by day is far cheaper than
    collecting that many records (fill_jar_tracks; DESIGN.md gives the whole jar 50 ms).
    """

    start: date
    kept: npt.NDArray[np.int64]  # marbles won
    missed: npt.NDArray[np.int64]  # unrepaired misses
    repaired: npt.NDArray[np.int64]  # repaired misses (gold)

    @classmethod
    def empty(cls, start: date, size: int) -> JarTrack:
        return cls(start, *np.zeros((3, size), np.int64))

    def add(self, i: int, outcome: Outcome, repaired: bool) -> None:
        """Day ``i`` kept (a marble) or missed (a loss, or gold when repaired)."""
        if outcome is Outcome.KEPT:
            self.kept[i] += 1
        elif repaired:
            self.repaired[i] += 1
        else:
            self.missed[i] += 1

    def events(self) -> list[JarEvent]:
        first, day = self.start.toordinal(), date.fromordinal
        busy = np.flatnonzero(self.kept | self.missed | self.repaired)
        return [
            JarEvent(day(first + i), k, m, r)
            for i, k, m, r in zip(busy.tolist(), self.kept[busy].tolist(),
                                  self.missed[busy].tolist(), self.repaired[busy].tolist(),
                                  strict=True)
        ]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JarTrack):
            return NotImplemented
        return self.start == other.start and all(
            np.array_equal(a, b) for a, b in ((self.kept, other.kept),
                                             (self.missed, other.missed),
                                             (self.repaired, other.repaired)))


def jar_events(
    rules: Rules, history: History, week_start: int = MONDAY
) -> list[JarEvent]:
    """What one commitment did to the jar, day by day (days with no effect left out)."""
    return jar_track(rules, history, week_start).events()


def jar_track(rules: Rules, history: History, week_start: int = MONDAY) -> JarTrack:
    """What one commitment did to the jar, as one count per day."""
    track = JarTrack.empty(history.start, history.size)
    if history.size == 0:
        return track
    target = rules.target
    if target is not None and target.per is not Period.DAY:
        _add_period_amounts(track, rules, history, week_start)
        return track
    outcomes = outcome_array(rules, history)
    won = outcomes == Outcome.KEPT
    allowed = _kept_cap(rules, history, week_start)
    if allowed is not None:
        won &= allowed
    missed = outcomes == Outcome.MISSED
    repaired = history.repaired_array
    return JarTrack(history.start, won.astype(np.int64),
                    (missed & ~repaired).astype(np.int64), (missed & repaired).astype(np.int64))


def _kept_cap(rules: Rules, history: History, week_start: int
              ) -> npt.NDArray[np.bool_] | None:
    """For flexible schedules only the first N kept days of a period win a marble."""
    schedule = rules.schedule
    kept = history.code_array == KEPT
    if schedule.kind is ScheduleKind.IN_DAYS:
        return _window_winners(kept, schedule.times, schedule.days)
    period = schedule.period
    if period is None:
        return None
    spans = period_spans(history.start, history.end, period, week_start)
    lengths = [(min(last, history.end) - max(first, history.start)).days + 1
               for first, last in spans]
    so_far = np.cumsum(kept, dtype=np.int64)
    # Kept days before each day's period began, subtracted: kept so far in the period.
    before = np.repeat(np.concatenate(([0], so_far[np.cumsum(lengths)[:-1] - 1])), lengths)
    allowed: npt.NDArray[np.bool_] = kept & (so_far - before <= schedule.times)
    return allowed


def _window_winners(kept: npt.NDArray[np.bool_], times: int, days: int
                    ) -> npt.NDArray[np.bool_]:
    """Kept days that win a marble: no M-day window may hold more than N winners.

    Counting winners rather than kept days matters: kept every day of "1 in 2 days",
    every other day wins, where counting kept days would let only the first one win.
    Only the kept days are visited: each wins unless the window already holds N.
    """
    won = np.zeros(kept.size, np.bool_)
    winners: deque[int] = deque()  # the days that won within the last ``days`` days
    for i in np.flatnonzero(kept).tolist():
        while winners and winners[0] <= i - days:
            winners.popleft()
        if len(winners) < times:
            won[i] = True
            winners.append(i)
    return won


def _add_period_amounts(track: JarTrack, rules: Rules, history: History, week_start: int) -> None:
    """Weekly/monthly amounts: a marble the day the target is reached (at least) or when
    a period ends within its limit (at most); a loss the day an at-most limit is passed.

    The target is the period's own, as judge_period sets it (a short first period or
    planned rest asks less), so a marble is won exactly when the period is kept.
    """
    target = rules.target
    assert target is not None
    spans = period_spans(history.start, history.end, target.per, week_start)
    won, missed, repaired = amount_marbles(rules, history, spans,
                                           judge_occasions(rules, history, week_start))
    track.kept[:] += won
    track.missed[:] += missed
    track.repaired[:] += repaired


@dataclass(frozen=True, slots=True)
class JarAccount:
    """The jar's own account, for "How is this counted?": with the rules' numbers,

        won × gain − missed × cost − repaired × cost + repaired × return + spared = marbles

    holds to the marble, and gold = repaired. ``won`` counts the occasions that won a
    marble (not every check-off: beyond a weekly target a check-off wins nothing);
    ``spared`` the marbles misses could not take because the jar was empty.
    """

    won: int  # kept occasions that won marbles
    missed: int  # misses not repaired
    repaired: int  # misses repaired by a reflection
    spared: int  # marbles a loss could not take: the jar never goes below 0
    marbles: int
    gold: int


@dataclass(frozen=True, slots=True)
class JarDay:
    day: date
    marbles: int
    gold: int
    won: int
    lost: int


def replay(
    events: Iterable[JarEvent], jar_rules: JarRules = DEFAULT_JAR_RULES
) -> list[JarDay]:
    """The jar after every day that changed it, oldest first; it never goes below 0."""
    return _replay(_moves_of_events(events, jar_rules))


def fill_jar(events: Iterable[JarEvent], jar_rules: JarRules = DEFAULT_JAR_RULES) -> Jar:
    """The jar as it stands after all events."""
    return _fill(_moves_of_events(events, jar_rules))


def replay_tracks(
    tracks: Iterable[JarTrack], jar_rules: JarRules = DEFAULT_JAR_RULES
) -> list[JarDay]:
    """``replay`` of every commitment's track at once: the same days, much faster."""
    days = _days_of_tracks(tracks, jar_rules)
    if days is None:
        return []
    busy = np.flatnonzero(days.won | days.lost | days.fixed)
    day = date.fromordinal
    return [
        JarDay(day(days.origin + i), marbles, gold, won, taken)
        for i, marbles, gold, won, taken in zip(
            busy.tolist(), days.marbles[busy].tolist(), np.cumsum(days.fixed)[busy].tolist(),
            days.won[busy].tolist(), days.taken[busy].tolist(), strict=True)
    ]


def fill_jar_tracks(
    tracks: Iterable[JarTrack], jar_rules: JarRules = DEFAULT_JAR_RULES
) -> Jar:
    """``fill_jar`` of every commitment's track at once."""
    days = _days_of_tracks(tracks, jar_rules)
    if days is None:
        return Jar(0, 0)
    return Jar(int(days.marbles[-1]), int(days.fixed.sum()))


def account_tracks(
    tracks: Iterable[JarTrack], jar_rules: JarRules = DEFAULT_JAR_RULES
) -> JarAccount:
    """The same replay as `fill_jar_tracks`, told as an account (see JarAccount)."""
    tracks = list(tracks)
    days = _days_of_tracks(tracks, jar_rules)
    return JarAccount(
        won=sum(int(t.kept.sum()) for t in tracks),
        missed=sum(int(t.missed.sum()) for t in tracks),
        repaired=sum(int(t.repaired.sum()) for t in tracks),
        spared=0 if days is None else int((days.lost - days.taken).sum()),
        marbles=0 if days is None else int(days.marbles[-1]),
        gold=0 if days is None else int(days.fixed.sum()),
    )


@dataclass(frozen=True, slots=True)
class _JarDays:
    """The jar on every day from ``origin`` (an ordinal) on, as arrays."""

    origin: int
    won: npt.NDArray[np.int64]  # marbles won that day
    lost: npt.NDArray[np.int64]  # marbles the day's losses would take
    fixed: npt.NDArray[np.int64]  # repaired misses (gold)
    marbles: npt.NDArray[np.int64]  # in the jar at the end of the day
    taken: npt.NDArray[np.int64]  # marbles the losses took


def _days_of_tracks(tracks: Iterable[JarTrack], jar_rules: JarRules) -> _JarDays | None:
    """The tracks added up day by day, and the jar replayed over them.

    The jar never goes below 0: marbles_n = max(0, marbles_{n-1} + won_n − lost_n),
    which is the running sum of won − lost less the lowest it has been below 0 (exact,
    in integers, without a step per day).
    """
    tracks = [t for t in tracks if len(t.kept)]
    if not tracks:
        return None
    origin = min(t.start.toordinal() for t in tracks)
    span = max(t.start.toordinal() + len(t.kept) for t in tracks) - origin
    kept, missed, fixed = np.zeros((3, span), np.int64)
    for t in tracks:
        lo = t.start.toordinal() - origin
        hi = lo + len(t.kept)
        kept[lo:hi] += t.kept
        missed[lo:hi] += t.missed
        fixed[lo:hi] += t.repaired
    repair_delta = jar_rules.repair_return - jar_rules.miss_cost
    won = kept * jar_rules.kept_gain + np.maximum(0, fixed * repair_delta)
    lost = missed * jar_rules.miss_cost + np.maximum(0, -fixed * repair_delta)
    walk = np.cumsum(won - lost)
    marbles = walk - np.minimum(0, np.minimum.accumulate(walk))
    before = np.concatenate(([0], marbles[:-1]))
    return _JarDays(origin, won, lost, fixed, marbles, before + won - marbles)


Move = tuple[date, int, int, int]  # day, marbles won, marbles lost, gold


def _step(marbles: int, won: int, lost: int) -> tuple[int, int]:
    """One day of the jar: (marbles after, marbles taken). The jar never goes below 0:
    a loss takes at most what the jar holds."""
    taken = min(lost, marbles + won)
    return marbles + won - taken, taken


def _replay(moves: list[Move]) -> list[JarDay]:
    marbles = gold = 0
    out: list[JarDay] = []
    for day, won, lost, fixed in moves:
        marbles, taken = _step(marbles, won, lost)
        gold += fixed
        out.append(JarDay(day, marbles, gold, won, taken))
    return out


def _fill(moves: list[Move]) -> Jar:
    marbles = gold = 0
    for _, won, lost, fixed in moves:
        marbles = _step(marbles, won, lost)[0]
        gold += fixed
    return Jar(marbles, gold)


def _move(day: date, kept: int, missed: int, fixed: int, jar_rules: JarRules) -> Move:
    repair_delta = jar_rules.repair_return - jar_rules.miss_cost
    won = kept * jar_rules.kept_gain + max(0, fixed * repair_delta)
    lost = missed * jar_rules.miss_cost + max(0, -fixed * repair_delta)
    return day, won, lost, fixed


def _moves_of_events(events: Iterable[JarEvent], jar_rules: JarRules) -> list[Move]:
    """One move for every day with events, oldest first."""
    per_day: dict[date, list[int]] = {}
    for day, kept, missed, fixed in events:
        slot = per_day.get(day)
        if slot is None:
            per_day[day] = [kept, missed, fixed]
        else:
            slot[0] += kept
            slot[1] += missed
            slot[2] += fixed
    moves = []
    for day in sorted(per_day):
        kept, missed, fixed = per_day[day]
        moves.append(_move(day, kept, missed, fixed, jar_rules))
    return moves
