"""Turn Loop records into Self-Trust's commitments, schedules and check-ins.

The rules, and why:

* Frequency → schedule. Loop's frequency is N occasions in M days: 1/1 is every day,
  k/7 k times a week, N/30 (or N/31, older Loop) N times a month, anything else N times
  in any M days. These give the same frequency (N, M) to our strength, so scores match
  Loop's (N/31 becomes 30 days: a warning says so).
* A measurable habit runs every day with a target per day, week or month (Loop's
  frequency denominator 1, 7 or 30/31), at least or at most.
* Check-marks of a yes/no habit: YES_MANUAL (the user ticked it) is *kept*, NO *missed*,
  SKIP *skipped*. YES_AUTO is Loop's own shading of days inside a completed "N in M
  days" window and UNKNOWN is "nothing recorded": both are *unmarked*, so they get no
  check-in. Their notes are kept aside in ``loose_notes`` so the importer can still
  show them. A Loop 1.x export writes 0 for every unchecked day (there was no explicit
  "no" then), so there 0 is unmarked too.
* Measurable values are Loop's integers ÷ 1000, each a *kept* check-in with that amount
  (our rules judge the amount: 0 is nothing done against an at-least target and a clean
  day against an at-most one, as in Loop). SKIP (3) is *skipped* and UNKNOWN (-1)
  unmarked; 1 and 2 are amounts (0.001, 0.002), though a CSV writes them as the
  names YES_AUTO and YES_MANUAL.
* The commitment starts on its oldest Loop entry, where Loop starts scoring.
* A reminder (backups only: Loop's CSV export has none) keeps its hour, minute and
  weekdays; Loop's weekday mask starts on Saturday (bit 0) and ours on Monday, so the
  bits are turned round. An empty mask is every day, as Loop itself has read it. A
  time that is no time of day is left out, with a warning.
* Title = Loop's name. ``why`` = Loop's description (what the habit is for, in the
  user's words). Loop's question ("Did you meditate this morning?") is a prompt that
  restates the habit, not a reason, so it does not become the why; it is kept in
  ``question`` for the importer to offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selftrust.base import formats
from selftrust.base.i18n import _, ngettext
from selftrust.domain.commitment import MAX_TITLE_LENGTH, MAX_UNIT_LENGTH, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.reminder import ALL_DAYS, Reminder
from selftrust.domain.schedule import MAX_WINDOW_DAYS, Schedule
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_records import (
    CSV_V18,
    NO,
    SKIP,
    UNKNOWN,
    YES_MANUAL,
    LoopExport,
    LoopHabit,
    LoopReminder,
)

MONTH_DENOMINATORS = (30, 31)


@dataclass(frozen=True, slots=True)
class MappedCheckin:
    """A check-in to create: the rules' view of it plus the note Loop kept."""

    entry: Entry
    note: str = ""


@dataclass(frozen=True, slots=True)
class MappedHabit:
    """One Loop habit as a Self-Trust commitment, ready for the store."""

    title: str
    why: str | None
    question: str
    rules: Rules
    color: str
    archived: bool
    position: int
    uuid: str | None
    start: date | None
    checkins: tuple[MappedCheckin, ...]
    loose_notes: tuple[tuple[date, str], ...]
    warnings: tuple[str, ...]
    reminder: Reminder | None = None

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(c.entry for c in self.checkins)

    def history(self, end: date) -> History:
        """The dense history from the start day to ``end`` (empty before any entry)."""
        start = self.start if self.start is not None else end
        return History(start, end, self.entries, self.rules)


def map_export(export: LoopExport) -> list[MappedHabit]:
    """Map every habit of an export; ImportProblem names the first habit that cannot be."""
    zero_is_unchecked = export.format_version == CSV_V18
    return [map_habit(h, zero_is_unchecked=zero_is_unchecked) for h in export.habits]


def map_habit(habit: LoopHabit, *, zero_is_unchecked: bool = False) -> MappedHabit:
    """One Loop habit as a commitment. ``zero_is_unchecked``: a Loop 1.x export."""
    warnings: list[str] = []
    rules = loop_rules(habit, warnings)
    checkins: list[MappedCheckin] = []
    loose: list[tuple[date, str]] = []
    for e in habit.entries:
        status, value = _status(habit, e.value, zero_is_unchecked)
        if status is None:
            if e.notes.strip():
                loose.append((e.day, e.notes))
            continue
        checkins.append(MappedCheckin(Entry(e.day, status, value), e.notes))
    start = min((e.day for e in habit.entries), default=None)
    title = _title(habit, warnings)
    reminder = None
    if habit.reminder is not None:
        reminder = loop_reminder(habit.reminder)
        if reminder is None:
            # TRANSLATORS: {time} is the hour and minute as Loop stored them ("25:70").
            warnings.append(_("“{title}”: Loop's reminder at {time} is not a time of day, so it "
                              "was left out.").format(
                title=title, time=f"{habit.reminder.hour}:{habit.reminder.minute}"))
    return MappedHabit(
        title=title,
        why=habit.description.strip() or None,
        question=habit.question.strip(),
        rules=rules,
        color=habit.color_hex.upper(),
        archived=habit.archived,
        position=habit.position,
        uuid=habit.uuid,
        start=start,
        checkins=tuple(checkins),
        loose_notes=tuple(loose),
        warnings=tuple(warnings),
        reminder=reminder,
    )


def loop_reminder(reminder: LoopReminder) -> Reminder | None:
    """Loop's reminder as ours; None when its hour and minute are no time of day."""
    hour, minute, days = reminder.hour, reminder.minute, reminder.days
    if not (isinstance(hour, int) and isinstance(minute, int)):
        return None
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    loop_days = days & ALL_DAYS if isinstance(days, int) else ALL_DAYS
    return Reminder.parse(f"{hour:02d}:{minute:02d}", weekdays_from_loop(loop_days) or ALL_DAYS)


def weekdays_from_loop(mask: int) -> int:
    """Loop's weekday mask (bit 0 = Saturday … bit 6 = Friday) as ours (bit 0 = Monday):
    Loop's day i is our weekday (i + 5) % 7."""
    return sum(1 << (i + 5) % 7 for i in range(7) if mask >> i & 1)


def loop_rules(habit: LoopHabit, warnings: list[str] | None = None) -> Rules:
    """The schedule and target that score like Loop's frequency and target."""
    notes = warnings if warnings is not None else []
    num, den = habit.numerator, habit.denominator
    if num < 1 or den < 1 or num > den:
        raise _problem(habit, _("its frequency {value} is not a number of times per days").format(
            value=f"{num}/{den}"))
    if num == den:  # Loop itself turns N/N into 1/1
        num = den = 1
    if habit.is_numerical:
        return Rules(Schedule.daily(), _target(habit, num, den, notes))
    if den == 1:
        return Rules(Schedule.daily())
    if den == 7:
        return Rules(Schedule.per_week(num))
    if den in MONTH_DENOMINATORS and num <= 31:
        if den == 31:
            if num == 1:
                text = _("“{name}”: Loop's 1 time in 31 days becomes once a month; its "
                         "strength is counted over 30 days, so it can differ slightly from "
                         "Loop's.")
            else:
                text = ngettext(
                    "“{name}”: Loop's {n} time in 31 days becomes {n} time a month; its "
                    "strength is counted over 30 days, so it can differ slightly from Loop's.",
                    "“{name}”: Loop's {n} times in 31 days becomes {n} times a month; its "
                    "strength is counted over 30 days, so it can differ slightly from Loop's.",
                    num)
            notes.append(text.format(name=habit.name, n=formats.number(num)))
        return Rules(Schedule.per_month(num))
    if den > MAX_WINDOW_DAYS:
        raise _problem(
            habit, _("its frequency {value} spans more than {days} days").format(
                value=f"{num}/{den}", days=formats.number(MAX_WINDOW_DAYS))
        )
    return Rules(Schedule.in_days(num, den))


def _target(habit: LoopHabit, num: int, den: int, notes: list[str]) -> Target:
    per = {1: Period.DAY, 7: Period.WEEK, 30: Period.MONTH, 31: Period.MONTH}.get(den)
    if per is None or num != 1:
        raise _problem(
            habit,
            _("it is measurable with the frequency {value}; Self-Trust measures a target per "
              "day, week or month").format(value=f"{num}/{den}"),
        )
    if habit.target_value <= 0:
        raise _problem(
            habit,
            _("it is measurable but has no target above 0 (a CSV export from Loop before "
              "2.3.1 does not include targets: import Loop's backup .db instead)"),
        )
    if den == 31:
        notes.append(
            _("“{name}”: Loop's target per 31 days becomes a monthly target counted over 30 "
              "days, so its strength can differ slightly from Loop's.").format(name=habit.name)
        )
    unit = habit.unit.strip()
    if len(unit) > MAX_UNIT_LENGTH:
        notes.append(_("“{name}”: the unit “{unit}” was shortened.").format(
            name=habit.name, unit=unit))
        unit = unit[: MAX_UNIT_LENGTH - 1] + "…"
    return Target(amount=habit.target_value, unit=unit, per=per, at_most=habit.at_most)


def _status(
    habit: LoopHabit, value: int, zero_is_unchecked: bool
) -> tuple[Status | None, float | None]:
    if habit.is_numerical:
        if value == SKIP:
            return Status.SKIPPED, None
        if value == UNKNOWN or value < 0:
            return None, None
        return Status.KEPT, value / 1000.0
    if value == YES_MANUAL:
        return Status.KEPT, None
    if value == SKIP:
        return Status.SKIPPED, None
    if value == NO and not zero_is_unchecked:
        return Status.MISSED, None
    return None, None  # YES_AUTO, UNKNOWN, or a Loop 1.x unchecked day


def _title(habit: LoopHabit, notes: list[str]) -> str:
    title = " ".join(habit.name.split())
    if not title:
        title = unnamed_title(habit.position)
        notes.append(_("Loop habit {number} has no name; it is called “{title}”.").format(
            number=f"{habit.position:03d}", title=title))
    if len(title) > MAX_TITLE_LENGTH:
        notes.append(_("“{start}…”: the name was shortened to {n} characters.").format(
            start=title[:40], n=formats.number(MAX_TITLE_LENGTH)))
        title = title[: MAX_TITLE_LENGTH - 1] + "…"
    return title


def unnamed_title(position: int) -> str:
    """The title a Loop habit without a name gets ("Loop habit 003"): kept as its title,
    so in the person's language when it is first brought in."""
    # TRANSLATORS: the title of a commitment made of a Loop habit that has no name;
    # {number} is its place in Loop's list ("003").
    return _("Loop habit {number}").format(number=f"{position:03d}")


def _problem(habit: LoopHabit, detail: str) -> ImportProblem:
    return ImportProblem(_("the Loop habit “{name}” cannot be imported: {reason}").format(
        name=habit.name, reason=detail))
