"""Which promises are still open today, and which reminders are due right now.

No Qt: the UI's scheduler (ui/desktop_citizen.py) calls ``ReminderService.due()`` at
every minute boundary and shows what it returns; everything about *when* lives here,
driven by the workspace's clock, so tests run it with a FixedClock.

The rules
---------
- A commitment's reminder falls at its time on each day its weekdays allow, within the
  user's day (with a 04:00 day start, a 01:30 reminder belongs to the day before).
- It reminds only of a promise still **open** that day: due, not paused, not archived,
  nothing recorded yet (kept, missed or skipped), and for a flexible schedule ("3 times
  a week") the span's target not met already. A kept, skipped or not-due commitment
  never gets a reminder.
- Each reminder fires **at most once** (per commitment and day; the summary per day).
  Once its minute has passed it is spent, whether or not it was shown, so a promise
  un-checked later in the day is not reminded of again.
- The **daily summary** (optional, Settings.summary_enabled at Settings.summary_time)
  says how many promises are still open; with none open it stays silent.
- **On time** means the check ran within ``ON_TIME`` (5 minutes) of the reminder's
  minute. When a check finds reminders that fell longer ago than that, the computer
  was asleep (timers do not run during sleep) or the app was stuck: those reminders
  are not replayed one by one. They become **one catch-up** notice naming the promises
  among them that are still open, however many were missed. Reminders of a day that
  has already ended are dropped silently (that day's Today is history now).
- The first check after start-up looks back to the start of the current minute only:
  opening the app is not a wake-up, and Today is on screen anyway.
- If the clock moves backwards (a manual change, a time zone change), nothing fires
  until it passes the last moment already checked, so nothing fires twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext, pgettext
from selftrust.domain.days import Period, day_of
from selftrust.domain.reminder import moment_of, parse_time
from selftrust.domain.summary import progress
from selftrust.services.dashboard import is_due
from selftrust.services.needs import Tracked
from selftrust.store.records import CommitmentRow

ON_TIME = timedelta(minutes=5)


class Kind(StrEnum):
    COMMITMENT = "commitment"
    SUMMARY = "summary"
    CATCH_UP = "catch_up"


@dataclass(frozen=True, slots=True)
class OpenPromise:
    """A commitment still open today (the tray lists these)."""

    commitment_id: int
    title: str
    color: str
    measurable: bool


@dataclass(frozen=True, slots=True)
class Nudge:
    """One notification to show."""

    kind: Kind
    day: date
    at: datetime  # the naive local moment the (latest) reminder fell
    promises: tuple[OpenPromise, ...]  # the open promises it is about
    open_count: int  # all promises still open today

    @property
    def title(self) -> str:
        if self.kind is Kind.COMMITMENT:
            return self.promises[0].title
        if self.kind is Kind.SUMMARY:
            return _summary_title()
        # TRANSLATORS: the title of a notification after the computer slept through
        # reminders.
        return _("While you were away")

    @property
    def text(self) -> str:
        if self.kind is Kind.COMMITMENT:
            # TRANSLATORS: a reminder notification under the promise's title.
            return _("Still open today. A small step is enough.")
        if self.kind is Kind.SUMMARY:
            # TRANSLATORS: the daily summary notification.
            return ngettext(
                "{n} promise is still open today. A small step is enough.",
                "{n} promises are still open today. A small step is enough.",
                self.open_count,
            ).format(n=formats.number(self.open_count))
        return _open_list(self.promises)


def _summary_title() -> str:
    # TRANSLATORS: the title of the daily summary notification.
    return _("Your promises today")


def _open_list(promises: tuple[OpenPromise, ...] | list[OpenPromise]) -> str:
    # TRANSLATORS: a notification; {titles} lists the promises' titles ("Walk, Read").
    return ngettext("Still open today: {titles}.", "Still open today: {titles}.",
                    len(promises)).format(titles=_titles(promises))


def _titles(promises: tuple[OpenPromise, ...] | list[OpenPromise]) -> str:
    # TRANSLATORS: what separates the titles in a list of open promises ("Walk, Read").
    return pgettext("list separator", ", ").join(p.title for p in promises)


def combine(nudges: list[Nudge]) -> tuple[str, str]:
    """One (title, text) for nudges due in the same check: a desktop shows one message
    at a time, and several promises at 09:00 should read as one gentle note."""
    if len(nudges) == 1:
        return nudges[0].title, nudges[0].text
    promises: list[OpenPromise] = []
    for n in nudges:
        promises.extend(p for p in n.promises if p not in promises)
    if promises:
        return _summary_title(), _open_list(promises)
    return nudges[0].title, nudges[0].text


@dataclass(frozen=True, slots=True)
class _Slot:
    at: datetime
    kind: Kind
    commitment_id: int | None

    @property
    def key(self) -> tuple[str, int | None, datetime]:
        return (self.kind.value, self.commitment_id, self.at)


class ReminderService:
    def __init__(self, ws: Tracked) -> None:
        self.ws = ws
        self._checked_until: datetime | None = None
        self._spent: set[tuple[str, int | None, datetime]] = set()

    # --- what is open -----------------------------------------------------------------
    def open_today(self) -> list[OpenPromise]:
        """Today's open promises in the user's order (cheap: no strength or streaks)."""
        ws = self.ws
        today = ws.today()
        return [
            OpenPromise(c.id, c.title, c.color, c.measurable)
            for c in ws.commitments.all()
            if self.is_open(c, today)
        ]

    def is_open(self, c: CommitmentRow, day: date) -> bool:
        if not is_due(c, day) or c.rules.paused(day):
            return False
        ledger = self.ws.ledger
        if ledger.entry(c.id, day) is not None:
            return False
        schedule = c.rules.schedule
        target = c.rules.target
        flexible = schedule.is_flexible or (target is not None and target.per is not Period.DAY)
        if not flexible:
            return True
        window = max(schedule.days, 31) + 1
        start = max(ledger.start_of(c.id), day - timedelta(days=window))
        history = ledger.history(c.id, day, start=start)
        span = progress(c.rules, history, self.ws.settings.week_start)
        return span is None or not span.met

    # --- what is due ------------------------------------------------------------------
    def now(self) -> datetime:
        """The clock's now as a naive local moment."""
        return self.ws.clock.now().astimezone().replace(tzinfo=None)

    def start(self) -> None:
        """Begin watching: reminders from the current minute on can fire."""
        now = self.now()
        self._checked_until = now.replace(second=0, microsecond=0) - timedelta(microseconds=1)

    def due(self) -> list[Nudge]:
        """The notices to show now; each reminder is spent the first time it is seen."""
        now = self.now()
        if self._checked_until is None:
            self.start()
        since = self._checked_until
        assert since is not None
        if now <= since:
            return []  # the clock went back: wait until it passes what was checked
        self._checked_until = now
        settings = self.ws.settings
        if not settings.reminders_enabled:
            return []
        slots = [s for s in self._slots(since, now) if s.key not in self._spent]
        self._spent.update(s.key for s in slots)
        self._forget_old(now)
        if not slots:
            return []
        today = day_of(now, settings.day_start_hour)
        open_now = {p.commitment_id: p for p in self.open_today()}
        count = len(open_now)
        on_time = [s for s in slots if now - s.at <= ON_TIME]
        late = [s for s in slots if now - s.at > ON_TIME]
        nudges: list[Nudge] = []
        if late:
            promises = (
                tuple(open_now.values())
                if any(s.kind is Kind.SUMMARY for s in late)
                else tuple(
                    open_now[s.commitment_id] for s in late if s.commitment_id in open_now
                )
            )
            if promises:
                at = max(s.at for s in late)
                nudges.append(Nudge(Kind.CATCH_UP, today, at, promises, count))
        for s in sorted(on_time, key=lambda s: (s.at, s.kind != Kind.COMMITMENT)):
            if s.kind is Kind.COMMITMENT:
                promise = None if s.commitment_id is None else open_now.get(s.commitment_id)
                if promise is not None:
                    nudges.append(Nudge(Kind.COMMITMENT, today, s.at, (promise,), count))
            elif count:
                nudges.append(Nudge(Kind.SUMMARY, today, s.at, tuple(open_now.values()), count))
        return nudges

    def _slots(self, since: datetime, now: datetime) -> list[_Slot]:
        """Reminders of *today* that fall in (since, now]; earlier days' are over."""
        settings = self.ws.settings
        hour = settings.day_start_hour
        today = day_of(now, hour)
        out: list[_Slot] = []
        for c in self.ws.commitments.all():
            r = c.reminder
            if r is not None and r.applies_on(today):
                out.append(_Slot(r.moment(today, hour), Kind.COMMITMENT, c.id))
        if settings.summary_enabled:
            out.append(_Slot(moment_of(parse_time(settings.summary_time), today, hour),
                             Kind.SUMMARY, None))
        return [s for s in out if since < s.at <= now]

    def _forget_old(self, now: datetime) -> None:
        """Spent keys older than two days can never come round again."""
        horizon = now - timedelta(days=2)
        self._spent = {k for k in self._spent if k[2] > horizon}

    def next_check(self) -> datetime:
        """The next minute boundary (the UI's timer aims at it)."""
        now = self.now()
        return now.replace(second=0, microsecond=0) + timedelta(minutes=1)
