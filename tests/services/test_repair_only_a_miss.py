"""Only a reflection on a missed day repairs it (issue 17, item 1).

A reflection written on a kept day is about that day (it stays linked to its check-in),
but it is a reflection, not a repair. When the day changes later, the reflection is
judged again, and the change says so in plain words.
"""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.journal import JournalIndex
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace

DAY = date(2026, 11, 20)
KEPT = CheckinState(Status.KEPT)
MISSED = CheckinState(Status.MISSED)


def walk(ws: Workspace) -> int:
    return ws.commitments.create(CommitmentDraft("Walk", created_on=date(2026, 11, 1))).id


def journal_says_repairs(ws: Workspace) -> list[bool]:
    index = JournalIndex(ws)
    try:
        return [e.repairs for e in index.all()]
    finally:
        index.close()


def jar(ws: Workspace) -> tuple[int, int]:
    j = ws.stats.report().jar
    return j.marbles, j.gold


def test_a_reflection_on_a_kept_day_repairs_nothing(ws: Workspace) -> None:
    cid = walk(ws)
    ws.checkins.record(cid, DAY, KEPT)
    row = ws.reflections.write(ReflectionDraft(DAY, cid, happened="A lovely walk."))
    assert row.checkin_id is not None  # still about that day's check-in
    assert not ws.reflections.repairs(row)
    assert journal_says_repairs(ws) == [False]
    assert not ws.ledger.repaired(cid, DAY)
    assert jar(ws) == (1, 0)
    assert ws.stats.summary(cid).counts.repaired == 0


def test_a_kept_day_that_becomes_missed_is_repaired_then_and_says_so(ws: Workspace) -> None:
    cid = walk(ws)
    ws.checkins.record(cid, DAY, KEPT)
    row = ws.reflections.write(ReflectionDraft(DAY, cid, happened="Written on a good day."))
    change = ws.checkins.record(cid, DAY, MISSED)
    assert change.repair_news == (
        "Your reflection on this day now repairs the miss: the marbles it knocked out come "
        "back, and one is drawn gold.")
    assert ws.reflections.repairs(ws.reflections.get(row.id))
    assert journal_says_repairs(ws) == [True]
    assert ws.ledger.repaired(cid, DAY)
    assert jar(ws) == (0, 1)
    assert ws.stats.summary(cid).counts.repaired == 1
    # Undo goes back to a kept day: the reflection is a plain reflection again.
    ws.checkins.revert(change)
    assert journal_says_repairs(ws) == [False] and jar(ws) == (1, 0)


def test_a_repaired_miss_that_becomes_kept_stops_repairing_and_says_so(ws: Workspace) -> None:
    cid = walk(ws)
    ws.checkins.record(cid, DAY, MISSED)
    ws.reflections.write(ReflectionDraft(DAY, cid, happened="Too tired."))
    assert journal_says_repairs(ws) == [True] and jar(ws) == (0, 1)
    change = ws.checkins.record(cid, DAY, KEPT)
    assert change.repair_news == (
        "This day is kept now, so your reflection on it stays in your Journal as a "
        "reflection, not a repair.")
    assert journal_says_repairs(ws) == [False]
    assert not ws.ledger.repaired(cid, DAY)
    assert jar(ws) == (1, 0)
    # A change that does not touch a repair says nothing about one.
    assert ws.checkins.record(cid, DAY, CheckinState(Status.KEPT, note="nice")).repair_news \
        == ""


def test_a_weekly_limit_kept_day_with_a_reflection_keeps_its_strength(ws: Workspace) -> None:
    rules = Rules(target=Target(10.0, "drinks", per=Period.WEEK, at_most=True))
    cid = ws.commitments.create(CommitmentDraft("Drinks", rules,
                                                created_on=date(2026, 11, 16))).id
    ws.checkins.record(cid, DAY, CheckinState(Status.KEPT, 5.0))  # within the week's 10
    before = ws.stats.summary(cid).strength
    ws.reflections.write(ReflectionDraft(DAY, cid, happened="Party, but I kept count."))
    assert ws.stats.summary(cid).strength == pytest.approx(before)
    assert journal_says_repairs(ws) == [False]


def test_a_reflection_on_a_partly_kept_day_repairs_nothing_anywhere(ws: Workspace) -> None:
    """5 of 20 pages is partial credit, not a miss: the Journal, the ledger, the jar, the
    counts and strength all say so alike; 0 pages is a miss, repaired alike everywhere."""
    rules = Rules(target=Target(20.0, "pages"))
    cid = ws.commitments.create(CommitmentDraft("Read", rules,
                                                created_on=date(2026, 11, 16))).id
    ws.checkins.record(cid, DAY, CheckinState(Status.KEPT, 5.0))
    before = ws.stats.summary(cid)
    row = ws.reflections.write(ReflectionDraft(DAY, cid, happened="Only a chapter."))
    assert not ws.reflections.repairs(row)
    assert journal_says_repairs(ws) == [False]
    assert not ws.ledger.repaired(cid, DAY)
    after = ws.stats.summary(cid)
    assert after.counts == before.counts and after.counts.repaired == 0
    assert after.strength == pytest.approx(before.strength)
    assert jar(ws)[1] == 0
    change = ws.checkins.record(cid, DAY, CheckinState(Status.KEPT, 0.0))
    assert ws.reflections.repairs(ws.reflections.get(row.id)) and change.repair_news
    assert journal_says_repairs(ws) == [True] and ws.ledger.repaired(cid, DAY)
    assert ws.stats.summary(cid).counts.repaired == 1 and jar(ws)[1] == 1


BLANKS = [" ", "\u200b", "  \u200b  ", "\u200d\u200c", "\ufeff", "\u2060 \u00a0", "\u3164",
          "\u2800", "\n\t \u200b\n"]


@pytest.mark.parametrize("blank", BLANKS)
def test_a_reflection_with_no_visible_character_is_not_written(ws: Workspace,
                                                              blank: str) -> None:
    cid = walk(ws)
    ws.checkins.record(cid, DAY, MISSED)
    with pytest.raises(Invalid, match="at least one line"):
        ws.reflections.write(ReflectionDraft(DAY, cid, happened=blank, owning=blank))
    assert ws.reflections.search() == []
    assert jar(ws) == (0, 0)
