"""The day's dashboard: what is due on a day and how each commitment stands.

Shared by the Today view and `selftrust list`, so both always agree on what is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.domain.days import MONDAY, Period, period_bounds
from selftrust.domain.history import Entry, History, Status, repairs
from selftrust.domain.occasions import DayState, day_state, judge_period
from selftrust.domain.one_day import day_state_alone
from selftrust.domain.summary import Progress, history_start, progress
from selftrust.services.checkins import CheckinService
from selftrust.services.commitments import CommitmentService
from selftrust.services.ledger import Ledger
from selftrust.services.session import Session
from selftrust.services.streak_units import streak_unit
from selftrust.store import repository as repo
from selftrust.store.records import CheckinRow, CommitmentRow

SMALL_LEDGER = 8000
"""Up to this many check-ins, loading everything before the first paint costs less
than a glance followed by a second pass (about 30 ms on a small machine)."""


@dataclass(frozen=True, slots=True)
class DayItem:
    commitment: CommitmentRow
    day: date
    status: Status | None
    value: float | None
    note: str
    state: DayState
    repaired: bool
    current_streak: int
    best_streak: int
    streak_unit: str  # "day", "week", "month" or "time" (services.streak_units)
    strength: float
    progress: Progress | None
    schedule_hint: str
    checkable: bool  # False for days that have not come yet
    figures: bool = True  # False: streaks, strength and progress are not computed yet
    week_start: int = MONDAY  # the week "this week" in the progress means

    @property
    def title(self) -> str:
        return self.commitment.title

    @property
    def commitment_id(self) -> int:
        return self.commitment.id


def is_due(c: CommitmentRow, day: date) -> bool:
    """Active on that day and the schedule has an occasion then."""
    if day < c.created_on or (c.archived_on is not None and day > c.archived_on):
        return False
    return c.rules.schedule.is_occasion(day)


def schedule_hint(c: CommitmentRow) -> str:
    if c.rules.target is not None:
        text = c.rules.target.describe()
        if c.rules.schedule.kind.value == "weekdays":
            text += f" · {c.rules.schedule.describe()}"
        return text[0].upper() + text[1:]
    return c.rules.schedule.describe()


def _judged_to(c: CommitmentRow, day: date, today: date, week_start: int) -> date:
    """Where the history for ``day`` ends: the day itself, or for a promise judged by
    week or month, the day after its period when that has ended (so the rules see it
    as over, not as still running), else today."""
    period = c.rules.period
    if period is None:
        return day
    return min(period_bounds(day, period, week_start)[1] + timedelta(days=1), today)


def _state_to_come(c: CommitmentRow, day: date) -> DayState:
    """A day not yet come is open, unless a planned pause already holds it: rest planned
    ahead must read as rest on the days it covers, not as a promise still waiting."""
    return DayState.PAUSED if c.rules.paused(day) else DayState.OPEN


def _same_period(a: date, b: date, period: Period, week_start: int) -> bool:
    return period_bounds(a, period, week_start) == period_bounds(b, period, week_start)


class Dashboard:
    def __init__(self, session: Session, ledger: Ledger, commitments: CommitmentService,
                 checkins: CheckinService) -> None:
        self.session = session
        self.ledger = ledger
        self.commitments = commitments
        self.checkins = checkins

    def day(self, day: date) -> list[DayItem]:
        """Every active commitment with an occasion on ``day``, in the user's order."""
        ledger = self.ledger
        ledger.ensure_loaded()
        with self.session.read() as conn:
            rows = repo.checkins(conn, first=day, last=day)
        notes = {r.commitment_id: r.note or "" for r in rows}
        today = self.session.today()
        items: list[DayItem] = []
        for c in self.commitments.all():
            if not is_due(c, day):
                continue
            items.append(self.item(c, day, today, notes.get(c.id, "")))
        return items

    def glance(self, day: date, *, small: int = SMALL_LEDGER,
               loaded_too: bool = False) -> list[DayItem]:
        """The same rows as `day`, without the figures that need whole histories.

        Streaks, strength and progress read years of check-ins; the state of the day
        itself needs only that day. At start-up this paints Today (and lets the user
        check off) before the ledger has loaded; `refresh` then fills in the figures.
        Once the ledger is loaded, or when it holds at most ``small`` check-ins (a few
        years: loading it is quicker than any wait), it simply is `day`. ``loaded_too``
        keeps the figures out even when the ledger is loaded: after a change merged from
        elsewhere every figure is computed afresh, and Today fills them in a row a turn.
        """
        if self.ledger.loaded and not loaded_too:
            return self.day(day)
        with self.session.read() as conn:
            few = repo.count_rows(conn, "checkin") <= small
        if few:
            return self.day(day)
        with self.session.read() as conn:
            commitments = repo.list_commitments(conn, include_archived=False)
            rows = {r.commitment_id: r for r in repo.checkins(conn, first=day, last=day)}
            # Only a lapse can be repaired (a miss, or an amount judged missed): read the
            # links of the rows that could be one.
            reflected = repo.linked_among(conn, [
                r.id for r in rows.values() if r.status is Status.MISSED or r.value is not None])
        today = self.session.today()
        return [self._glance_item(c, day, rows.get(c.id), reflected, today)
                for c in commitments if is_due(c, day)]

    def one(self, c: CommitmentRow, day: date) -> DayItem | None:
        """One commitment's row of `glance` (None when nothing is due that day): what a
        day came to, from that day's check-in (or its week's or month's), without the
        figures that need its whole history, nor anyone else's."""
        if not is_due(c, day):
            return None
        with self.session.read() as conn:
            found = repo.checkins(conn, [c.id], first=day, last=day)
            reflected = repo.linked_among(conn, [r.id for r in found])
        return self._glance_item(c, day, found[0] if found else None, reflected,
                                 self.session.today())

    def _glance_item(self, c: CommitmentRow, day: date, row: CheckinRow | None,
                     reflected: set[int], today: date) -> DayItem:
        entry = None if row is None else Entry(day, row.status, row.value, row.id in reflected)
        state = _state_to_come(c, day)
        if day <= today:
            state = self._glance_state(c, day, entry, today)
        return DayItem(
            commitment=c,
            day=day,
            status=entry.status if entry else None,
            value=entry.value if entry else None,
            note=(row.note or "") if row else "",
            state=state,
            repaired=entry is not None and repairs(c.rules, entry),
            current_streak=0,
            best_streak=0,
            streak_unit=streak_unit(c.rules),
            strength=0.0,
            progress=None,
            schedule_hint=schedule_hint(c),
            checkable=day <= today,
            figures=False,
            week_start=self.session.settings.week_start,
        )

    def _glance_state(self, c: CommitmentRow, day: date, entry: Entry | None, today: date
                      ) -> DayState:
        """The day's state from the day alone, or from its week or month so far.

        A weekly or monthly amount is judged by its period (see day_state), so its few
        check-ins are read; still no whole history.
        """
        target = c.rules.target
        if target is None or target.per is Period.DAY:
            return day_state_alone(c.rules, day, entry)  # no arrays for one value
        week_start = self.session.settings.week_start
        first, _last = period_bounds(day, target.per, week_start)
        last = _judged_to(c, day, today, week_start)
        with self.session.read() as conn:
            rows = repo.checkins(conn, [c.id], first=first, last=last)
            reflected = repo.linked_among(conn, [r.id for r in rows])
        entries = [Entry(r.day, r.status, r.value, r.id in reflected) for r in rows]
        start = history_start(c.created_on, entries[0].day if entries else None)
        history = History(max(first, start), last, entries, c.rules)
        return day_state(c.rules, history, history.index(day), week_start)

    def item(self, c: CommitmentRow, day: date, today: date, note: str) -> DayItem:
        ledger = self.ledger
        week_start = self.session.settings.week_start
        # A streak as of the day itself; a day to come has none yet (today's streak on
        # a future day would promise a run not yet kept).
        summary = ledger.summary(c.id, day) if ledger.start_of(c.id) <= day <= today else None
        entry = ledger.entry(c.id, day)
        state = _state_to_come(c, day)
        prog = None
        if day <= today:
            # A week or month is judged as a whole: a day of one that has ended reads as
            # it ended, later days included ("11 of 10 km that week"), not as of that day.
            judged_to = _judged_to(c, day, today, week_start)
            history = ledger.history(c.id, judged_to)
            if history.size:
                state = day_state(c.rules, history, history.index(day), week_start)
                prog = progress(c.rules, history, week_start)
                period = c.rules.period
                if period is not None and judged_to > day and not _same_period(
                        day, judged_to, period, week_start):
                    first, last = period_bounds(day, period, week_start)
                    done = judge_period(c.rules, history, first, last)
                    at_most = c.rules.target is not None and c.rules.target.at_most
                    prog = Progress(done.done, done.needed, f"that {period.value}", at_most)
        return DayItem(
            commitment=c,
            day=day,
            status=entry.status if entry else None,
            value=entry.value if entry else None,
            note=note,
            state=state,
            repaired=ledger.repaired(c.id, day),
            current_streak=summary.current_streak if summary else 0,
            best_streak=summary.best_streak if summary else 0,
            streak_unit=streak_unit(c.rules),
            strength=summary.strength if summary else 0.0,
            progress=prog,
            schedule_hint=schedule_hint(c),
            checkable=day <= today,
            week_start=self.session.settings.week_start,
        )

    def refresh(self, item: DayItem) -> DayItem:
        """The same row after a change (cheap: only this commitment is recomputed)."""
        c = self.commitments.get(item.commitment_id)
        note = ""
        stored = self.checkins.get(c.id, item.day)
        if stored is not None:
            note = stored.state.note
        return self.item(c, item.day, self.session.today(), note)

