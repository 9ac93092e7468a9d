"""What the Streaks view shows: each day's state, a commitment's streaks, the best runs.

Everything here is read from the ledger (histories already in memory), so a view can
ask again after every change without touching the database; only notes, which the
ledger does not hold, are read with one query for the days asked about. Functions take
what they use of an open workspace (`needs.Tracked`), the workspace itself in practice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from selftrust.domain.days import Period
from selftrust.domain.history import KEPT, MISSED
from selftrust.domain.occasions import DayState
from selftrust.domain.occasions import day_states as judge_days
from selftrust.domain.streaks import Streak
from selftrust.domain.summary import Summary
from selftrust.services.ledger import Ledger
from selftrust.services.needs import Tracked
from selftrust.services.streak_units import streak_unit, unit_days
from selftrust.store import repository as repo
from selftrust.store.records import CommitmentRow

ONE_DAY = timedelta(days=1)
SHORT_RANGE = 62  # days: fewer are judged on their own, more from the cached whole


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One day of one commitment, as the calendar shows it."""

    day: date
    state: DayState
    value: float | None = None  # the amount recorded (measurable commitments)
    note: str = ""
    repaired: bool = False  # a miss with a reflection linked to it


@dataclass(frozen=True, slots=True)
class StreakDetails:
    """A commitment judged as of its last day: today, or the day it was archived."""

    commitment: CommitmentRow
    start: date  # the first day of its history
    end: date  # the day judged as "today"
    summary: Summary | None  # None while the commitment has not begun

    @property
    def begun(self) -> bool:
        return self.summary is not None

    @property
    def first_day(self) -> bool:
        """Its very first day is the judged day: nothing to count yet but a beginning."""
        return self.begun and self.start == self.end

    @property
    def current(self) -> Streak | None:
        """The run still going, if there is one."""
        if self.summary is None or self.summary.streaks.current == 0:
            return None
        return self.summary.streaks.last

    @property
    def best(self) -> Streak | None:
        """The longest run; the most recent of equals, so a run just matched is the one named."""
        if self.summary is None:
            return None
        longest = self.summary.streaks.longest(1)
        return longest[0] if longest else None

    @property
    def lapsed_until(self) -> date | None:
        """While the running week or month is already over its limit, the day the next
        one begins (see Summary.lapsed_until)."""
        return self.summary.lapsed_until if self.summary is not None else None

    @property
    def unit(self) -> str:
        """What one step of the run is: "day", "time" (an occasion), "week" or "month"."""
        return streak_unit(self.commitment.rules)


@dataclass(frozen=True, slots=True)
class RankedStreak:
    """One of the longest runs, with enough of its commitment to show it."""

    commitment_id: int
    title: str
    color: str
    streak: Streak
    unit: str
    running: bool  # the commitment's current streak (still growing)


def judged_end(ws: Tracked, c: CommitmentRow) -> date:
    """Today, or the day an archived commitment was put away (its history stops there)."""
    today = ws.today()
    if c.archived_on is not None and c.archived_on < today:
        return c.archived_on
    return today


def details(ws: Tracked, commitment_id: int) -> StreakDetails:
    c = ws.commitments.get(commitment_id)
    return _details(ws, c)


def overview(ws: Tracked, *, include_archived: bool = False) -> list[StreakDetails]:
    """Every commitment in the user's order, with its streaks (the Streaks view's list)."""
    return [_details(ws, c) for c in ws.commitments.all(include_archived=include_archived)]


def _details(ws: Tracked, c: CommitmentRow) -> StreakDetails:
    ledger = ws.ledger
    ledger.ensure_loaded()
    start = ledger.start_of(c.id)
    end = judged_end(ws, c)
    summary = ledger.summary(c.id, end) if start <= end else None
    return StreakDetails(c, start, end, summary)


def day_states(
    ws: Tracked,
    commitment_id: int,
    first: date | None = None,
    last: date | None = None,
    *,
    with_notes: bool = True,
) -> dict[date, DayInfo]:
    """The state of every day from ``first`` to ``last`` that lies in the history.

    Days before the commitment began, after today or after it was archived have no
    state and are left out, except days after today that a planned pause holds: they
    read as resting already, so rest planned ahead shows where the key promises it.
    ``with_notes`` reads the notes of the range in one query; a view showing years at
    once leaves them out and asks `notes` for what it shows.
    """
    c = ws.commitments.get(commitment_id)
    ledger = ws.ledger
    ledger.ensure_loaded()
    start = ledger.start_of(commitment_id)
    end = judged_end(ws, c)
    lo = max(start, first) if first is not None else start
    hi = min(end, last) if last is not None else end
    ahead = _planned_rest(c, max(end + ONE_DAY, start, first or start), last)
    if hi < lo:
        return ahead
    if (hi - lo).days < SHORT_RANGE:
        states = _few_states(ledger, c, lo, hi, end, ws.settings.week_start)
        offset = 0
    else:
        states = _states(ledger, c, end, ws.settings.week_start)
        offset = (lo - start).days
    texts = notes(ws, commitment_id, lo, hi) if with_notes else {}
    measurable = c.rules.target is not None
    out: dict[date, DayInfo] = {}
    day = lo
    for i in range(offset, offset + (hi - lo).days + 1):
        state = states[i]
        value = None
        if measurable:  # a yes/no day has no amount: its entry need not be made
            entry = ledger.entry(commitment_id, day)
            if entry is not None and entry.status.code in (KEPT, MISSED):
                value = entry.value
        out[day] = DayInfo(day, state, value, texts.get(day, ""), state is DayState.REPAIRED)
        day += ONE_DAY
    out.update(ahead)
    return out


def _planned_rest(c: CommitmentRow, first: date, last: date | None) -> dict[date, DayInfo]:
    """The days from ``first`` (after today) to ``last`` that a pause holds."""
    if c.archived_on is not None:
        return {}
    out: dict[date, DayInfo] = {}
    for pause in c.rules.pauses:
        day = max(pause.start, first)
        end = pause.end if last is None else min(pause.end, last)
        while day <= end:
            out[day] = DayInfo(day, DayState.PAUSED)
            day += ONE_DAY
    return out


def day_info(ws: Tracked, commitment_id: int, day: date) -> DayInfo | None:
    """One day with its note: what a calendar repaints after a check-in on that day."""
    return day_states(ws, commitment_id, day, day).get(day)


def notes(ws: Tracked, commitment_id: int, first: date, last: date) -> dict[date, str]:
    """The check-in notes of a range of days (one query), only days that have one."""
    with ws.read() as conn:
        rows = repo.checkins(conn, [commitment_id], first=first, last=last)
    return {r.day: r.note for r in rows if r.note}


def best_streaks(
    ws: Tracked,
    count: int = 5,
    *,
    commitment_id: int | None = None,
    include_archived: bool = False,
) -> list[RankedStreak]:
    """The longest runs of one commitment, or of all of them; the most recent of equals first.

    Runs are compared by length times the days one step stands for (a week of a weekly
    promise is not a day); a skipped day bridges a run without lengthening it, so the
    calendar span does not count. Of equals, the most recent comes first.
    """
    if commitment_id is not None:
        chosen = [details(ws, commitment_id)]
    else:
        chosen = overview(ws, include_archived=include_archived)
    ranked: list[tuple[tuple[float, int, date], RankedStreak]] = []
    for d in chosen:
        if d.summary is None:
            continue
        current = d.current
        weight = unit_days(d.commitment.rules)
        for s in _longest(ws.ledger, d.commitment.id, d.summary, count):
            key = (s.length * weight, s.length, s.end)
            ranked.append((key, RankedStreak(d.commitment.id, d.commitment.title,
                                             d.commitment.color, s, d.unit, s == current)))
    ranked.sort(key=lambda kv: kv[0], reverse=True)
    return [r for _key, r in ranked[:count]]


# --- cache -------------------------------------------------------------------------------
# The ledger caches a summary per commitment until that commitment changes, so the
# summary object doubles as a version: states are recomputed only when it is replaced.
_CACHE: WeakKeyDictionary[Ledger, dict[int, tuple[date, Summary, list[DayState]]]] = (
    WeakKeyDictionary()
)


def _few_states(ledger: Ledger, c: CommitmentRow, lo: date, hi: date, end: date,
                week_start: int) -> list[DayState]:
    """The states of a few days without judging the whole history (after a check-in).

    A day's state depends on that day alone, and on whether it is the judged last day;
    a history reaching one day past ``hi`` (unless ``hi`` is the last) keeps that true.
    A weekly or monthly amount depends on its whole period, so it reads the full states.
    """
    target = c.rules.target
    if target is not None and target.per is not Period.DAY:
        first = ledger.start_of(c.id)
        return _states(ledger, c, end, week_start)[(lo - first).days : (hi - first).days + 1]
    stop = hi if hi == end else hi + ONE_DAY
    return judge_days(c.rules, ledger.history(c.id, stop, start=lo))[: (hi - lo).days + 1]


_LONGEST: WeakKeyDictionary[Ledger, dict[int, tuple[Summary, int, list[Streak]]]] = (
    WeakKeyDictionary()
)


def _longest(ledger: Ledger, commitment_id: int, summary: Summary, count: int) -> list[Streak]:
    """A commitment's longest runs, sorted once per change rather than once per look."""
    cache = _LONGEST.setdefault(ledger, {})
    found = cache.get(commitment_id)
    if found is not None and found[0] is summary and found[1] == count:
        return found[2]
    runs = summary.streaks.longest(count)
    cache[commitment_id] = (summary, count, runs)
    return runs


def _states(ledger: Ledger, c: CommitmentRow, end: date, week_start: int) -> list[DayState]:
    summary = ledger.summary(c.id, end)
    cache = _CACHE.setdefault(ledger, {})
    found = cache.get(c.id)
    if found is not None and found[0] == end and found[1] is summary:
        return found[2]
    states = judge_days(c.rules, ledger.history(c.id, end), week_start)
    cache[c.id] = (end, summary, states)
    return states
