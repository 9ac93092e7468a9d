"""When the "more than a habit" page is offered: a rule that is quiet by default."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.support import current_miss_run, should_offer_support, support_offered
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_three_low_days_in_a_week_offer_it() -> None:
    feelings = [(days_ago(0), 2), (days_ago(3), 1), (days_ago(6), 2)]
    assert should_offer_support(TODAY, feelings, [])


def test_low_feelings_on_fewer_days_or_longer_ago_do_not() -> None:
    assert not should_offer_support(TODAY, [(days_ago(0), 1), (days_ago(0), 1),
                                            (days_ago(2), 2)], [])
    assert not should_offer_support(TODAY, [(days_ago(0), 2), (days_ago(3), 2),
                                            (days_ago(7), 1)], [])
    assert not should_offer_support(TODAY, [(days_ago(n), 3) for n in range(7)], [])
    assert not should_offer_support(TODAY, [(days_ago(n), None) for n in range(7)], [])


def test_five_misses_in_a_row_offer_it() -> None:
    assert should_offer_support(TODAY, [], [0, 5])
    assert not should_offer_support(TODAY, [], [4, 4])


def test_a_run_of_misses_ignores_skips_and_gaps_and_ends_at_a_kept_day() -> None:
    m, k, s = Status.MISSED, Status.KEPT, Status.SKIPPED
    run = {days_ago(0): m, days_ago(1): s, days_ago(2): m, days_ago(4): m, days_ago(5): m,
           days_ago(6): k, days_ago(7): m}
    assert current_miss_run(run, TODAY) == 4
    assert current_miss_run({days_ago(n): m for n in range(8, 20)}, TODAY) == 0  # long ago


def test_on_real_data(ws: Workspace) -> None:
    cid = ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=days_ago(30))).id
    for n in range(1, 5):
        ws.checkins.record(cid, days_ago(n), CheckinState(Status.MISSED))
    assert not support_offered(ws)
    ws.checkins.record(cid, days_ago(5), CheckinState(Status.MISSED))
    assert support_offered(ws)
    ws.checkins.record(cid, days_ago(3), CheckinState(Status.KEPT))
    assert not support_offered(ws)
    for n in (0, 2, 4):
        ws.reflections.write(ReflectionDraft(days_ago(n), None, happened="Heavy.",
                                             feeling_before=2))
    assert support_offered(ws)
