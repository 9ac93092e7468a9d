"""Hypothesis strategies: random commitments of every kind and random histories for them.

A case is plain data: rules, a start day and one mark per day. Marks are letters as in
domain_helpers (``K`` kept, ``M`` missed, ``R`` missed and repaired, ``S`` skipped,
``.`` unmarked) plus ``X``: kept with a reflection about it (it repairs a measurable day
over its daily limit or with nothing done towards its daily target: a day judged
missed; on any other day, partly kept included, it repairs nothing). Measurable kept
days always carry an amount.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import strategies as st

from selftrust.domain.commitment import Pause, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Entry, History, Status
from selftrust.domain.schedule import Schedule

KINDS = (
    "daily", "weekdays", "per_week", "per_month", "in_days", "once",
    "amount_day", "amount_weekdays", "amount_once", "amount_week", "amount_month",
)
YES_NO_KINDS = KINDS[:6]

Mark = tuple[str, float | None]


@dataclass(frozen=True)
class Case:
    rules: Rules
    start: date
    marks: tuple[Mark, ...]

    @property
    def size(self) -> int:
        return len(self.marks)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.size - 1)

    def history(self) -> History:
        return build_history(self.rules, self.start, self.marks)

    def with_mark(self, i: int, mark: Mark) -> Case:
        marks = list(self.marks)
        marks[i] = mark
        return replace(self, marks=tuple(marks))

    def __repr__(self) -> str:  # short enough to read in a Hypothesis failure report
        letters = "".join(m[0] for m in self.marks)
        values = [m[1] for m in self.marks if m[1] is not None]
        return f"Case({self.rules!r}, {self.start}, {letters!r}, values={values})"


def entry_of(day: date, mark: Mark) -> Entry | None:
    """The check-in a mark stands for ("." nothing recorded; R and X: reflected on)."""
    letter, value = mark
    if letter == ".":
        return None
    status = {
        "K": Status.KEPT, "X": Status.KEPT, "M": Status.MISSED, "R": Status.MISSED,
        "S": Status.SKIPPED,
    }[letter]
    return Entry(day, status, value, letter in "RX")


def build_history(rules: Rules, start: date, marks: tuple[Mark, ...] | list[Mark]) -> History:
    entries = [e for i, mark in enumerate(marks)
               if (e := entry_of(start + timedelta(days=i), mark)) is not None]
    return History(start, start + timedelta(days=len(marks) - 1), entries, rules)


@st.composite
def schedules(draw: st.DrawFn, kind: str, start: date, size: int) -> Schedule:
    if kind in ("weekdays", "amount_weekdays"):
        return Schedule.on_weekdays(draw(st.integers(1, 126)))
    if kind == "per_week":
        return Schedule.per_week(draw(st.integers(1, 7)))
    if kind == "per_month":
        return Schedule.per_month(draw(st.integers(1, 31)))
    if kind == "in_days":
        days = draw(st.integers(2, 40))
        return Schedule.in_days(draw(st.integers(1, days - 1)), days)
    if kind in ("once", "amount_once"):
        return Schedule.once(start + timedelta(days=draw(st.integers(-3, size + 3))))
    return Schedule.daily()


@st.composite
def rules_for(draw: st.DrawFn, kind: str, start: date, size: int) -> Rules:
    schedule = draw(schedules(kind, start, size))
    target = None
    if kind.startswith("amount"):
        per = {"amount_week": Period.WEEK, "amount_month": Period.MONTH}.get(kind, Period.DAY)
        amount = draw(st.sampled_from([1.0, 2.0, 2.5, 20.0, 30.0]))
        target = Target(amount, per=per, at_most=draw(st.booleans()))
    pauses = []
    for _ in range(draw(st.integers(0, 2))):
        first = draw(st.integers(-5, size + 2))
        length = draw(st.integers(0, 20))
        pauses.append(Pause(start + timedelta(days=first), start + timedelta(days=first + length)))
    return Rules(schedule, target, tuple(pauses))


def marks_for(rules: Rules, repairs: bool) -> st.SearchStrategy[Mark]:
    letters = "KKKKKKMMSS..." + ("RX" if repairs else "")
    target = rules.target
    if target is None:
        return st.sampled_from(letters.replace("X", "")).map(lambda c: (c, None))
    a = target.amount
    amounts = st.one_of(
        st.sampled_from([0.0, a / 7, a / 2, a, a * 1.5, a * 3]),
        st.floats(0.0, a * 3, allow_nan=False, allow_infinity=False),
    )

    @st.composite
    def mark(draw: st.DrawFn) -> Mark:
        letter = draw(st.sampled_from(letters))
        return (letter, draw(amounts) if letter in "KX" else None)

    return mark()


@st.composite
def cases(
    draw: st.DrawFn,
    kinds: tuple[str, ...] = KINDS,
    max_days: int = 120,
    repairs: bool = True,
) -> Case:
    kind = draw(st.sampled_from(kinds))
    start = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    size = draw(st.integers(1, max_days))
    rules = draw(rules_for(kind, start, size))
    marks = draw(st.lists(marks_for(rules, repairs), min_size=size, max_size=size))
    return Case(rules, start, tuple(marks))
