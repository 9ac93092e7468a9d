"""Only a day judged missed is a lapse a reflection repairs (issue 17, item 1).

A partly kept day (5 of 20 pages) is partial credit, not a miss: a reflection on it is a
reflection. The Journal, the jar, the counts, the calendar and strength all read the same
judgement, so none of them may call it repaired while another does not.
"""

from __future__ import annotations

from datetime import timedelta

from domain_helpers import MONDAY_0, day, measured
from hypothesis import given, settings
from hypothesis import strategies as st

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.history import Entry, History, Status, is_lapse, repairs
from selftrust.domain.jar import fill_jar, jar_events
from selftrust.domain.occasions import DayState, Outcome, day_states, judge_day
from selftrust.domain.strength import strength_series
from selftrust.domain.summary import count

PAGES = Rules(target=Target(20.0, "pages"))


def pages(amounts: list[float], reflected_on: int | None) -> History:
    """Kept days with these amounts, the last one today; one may carry a reflection."""
    found = [Entry(day(i), Status.KEPT, a, reflected=i == reflected_on)
             for i, a in enumerate(amounts)]
    return History(MONDAY_0, day(len(amounts) - 1), found, PAGES)


def test_a_reflection_on_a_partly_kept_day_repairs_nothing() -> None:
    assert not repairs(PAGES, Entry(day(1), Status.KEPT, 5.0, reflected=True))
    reflected, plain = pages([20, 5, 20], 1), pages([20, 5, 20], None)
    assert reflected.repaired == [False, False, False]
    assert count(PAGES, reflected) == count(PAGES, plain)
    assert count(PAGES, reflected).repaired == 0 and count(PAGES, reflected).partly == 1
    assert day_states(PAGES, reflected)[1] is DayState.PARTLY
    assert fill_jar(jar_events(PAGES, reflected)) == fill_jar(jar_events(PAGES, plain))
    assert fill_jar(jar_events(PAGES, reflected)).gold == 0
    assert strength_series(PAGES, reflected) == strength_series(PAGES, plain)


def test_a_reflection_on_a_day_with_nothing_done_repairs_it_everywhere() -> None:
    assert repairs(PAGES, Entry(day(1), Status.KEPT, 0.0, reflected=True))
    reflected, plain = pages([20, 0, 20], 1), pages([20, 0, 20], None)
    assert reflected.repaired == [False, True, False]
    assert count(PAGES, reflected).repaired == 1 and count(PAGES, reflected).missed == 1
    assert count(PAGES, plain).repaired == 0 and count(PAGES, plain).missed == 1
    assert day_states(PAGES, reflected)[1] is DayState.REPAIRED
    assert fill_jar(jar_events(PAGES, reflected)).gold == 1
    # Strength counts the repaired day as half a day's share: 10 of 20 pages.
    assert strength_series(PAGES, reflected) == strength_series(PAGES, pages([20, 10, 20], None))
    assert strength_series(PAGES, reflected)[1] > strength_series(PAGES, plain)[1]


def test_a_day_marked_missed_is_a_lapse_and_a_kept_day_without_an_amount_is_not() -> None:
    assert is_lapse(PAGES, Entry(day(0), Status.MISSED))
    assert not is_lapse(PAGES, Entry(day(0), Status.KEPT))  # kept: the target met
    h = measured([20, None, 20], PAGES, status=".R.")
    assert count(PAGES, h).repaired == 1


@settings(max_examples=300, deadline=None)
@given(amount=st.sampled_from([1.0, 2.0, 20.0, 0.5]), at_most=st.booleans(),
       done=st.one_of(st.none(), st.sampled_from([0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 5.0, 20.0,
                                                  21.0])),
       status=st.sampled_from(list(Status)), today=st.booleans())
def test_a_lapse_is_exactly_a_day_judged_missed(amount: float, at_most: bool,
                                                done: float | None, status: Status,
                                                today: bool) -> None:
    rules = Rules(target=Target(amount, "units", at_most=at_most))
    entry = Entry(MONDAY_0, status, done, reflected=True)
    end = MONDAY_0 if today else MONDAY_0 + timedelta(days=1)
    h = History(MONDAY_0, end, [entry], rules)
    judged_missed = judge_day(rules, h, 0) is Outcome.MISSED
    assert is_lapse(rules, entry) == judged_missed
    assert h.repaired[0] == judged_missed
