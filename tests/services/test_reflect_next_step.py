"""A reflection's next small step becomes tomorrow's one-off promise."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.domain.schedule import ScheduleKind
from selftrust.services.errors import Invalid
from selftrust.services.next_step import promise_for_tomorrow, step_title
from selftrust.services.workspace import Workspace


def test_the_title_is_the_first_line_tidied() -> None:
    assert step_title("\n  Set out my   shoes tonight.\nAnd more") == "Set out my shoes tonight"


def test_a_long_step_is_cut_at_a_word_to_120_characters() -> None:
    title = step_title("Walk " * 60)
    assert len(title) <= 120 and title.endswith("Walk…")


def test_an_empty_step_is_refused_kindly() -> None:
    with pytest.raises(Invalid, match="next small step"):
        step_title("  \n ")


def test_the_promise_is_due_tomorrow_only(ws: Workspace) -> None:
    row = promise_for_tomorrow(ws, "Do the five-minute version")
    assert row.title == "Do the five-minute version"
    assert row.rules.schedule.kind is ScheduleKind.ONCE
    assert row.rules.schedule.on == date(2026, 11, 25)
    assert [i.title for i in ws.dashboard.day(date(2026, 11, 25))] == [row.title]
    assert ws.dashboard.day(date(2026, 11, 24)) == []


def test_the_same_step_is_promised_once_and_a_repeat_is_refused_kindly(ws: Workspace) -> None:
    from selftrust.services.next_step import AlreadyPromised, promised_for_tomorrow

    step = "Bring a bottle of water to the next meeting."
    assert promised_for_tomorrow(ws, step) is None
    made = promise_for_tomorrow(ws, step)
    assert promised_for_tomorrow(ws, step) == made
    as_typed_later = "  bring a bottle of water to the next meeting. \nmore"
    assert promised_for_tomorrow(ws, as_typed_later) == made
    with pytest.raises(AlreadyPromised) as refused:
        promise_for_tomorrow(ws, step)
    assert refused.value.row == made
    assert "already" in str(refused.value) and ".”." not in str(refused.value)
    assert [c.title for c in ws.commitments.all()] == [step[:-1]]  # no duplicate, no stop


def test_a_promise_counts_only_while_it_is_there_and_for_tomorrow(ws: Workspace) -> None:
    from selftrust.services.next_step import promised_for_tomorrow

    step = "Walk before breakfast"
    made = promise_for_tomorrow(ws, step)
    ws.commitments.delete(made.id)
    assert promised_for_tomorrow(ws, step) is None  # deleted (or undone): may be made again
    promise_for_tomorrow(ws, step)
    assert promised_for_tomorrow(ws, "") is None  # no step, no promise
    assert promised_for_tomorrow(ws, "Walk after breakfast") is None


def test_a_next_step_never_wears_an_archived_commitments_colour(ws: Workspace) -> None:
    """The promise made from a step took the first colour no *active* commitment wore,
    which could be an archived one's: two commitments alike in the charts. It takes a
    colour no commitment wears while there is one, far from the active ones."""
    from selftrust.domain.commitment import Rules
    from selftrust.services.commitments import CommitmentDraft

    walk = ws.commitments.create(CommitmentDraft("Walk", Rules()))
    read = ws.commitments.create(CommitmentDraft("Read", Rules()))
    ws.commitments.archive(walk.id)
    row = promise_for_tomorrow(ws, "Stretch for five minutes")
    assert row.color not in {walk.color, read.color}
    assert ws.commitments.suggested_color() not in {walk.color, read.color, row.color}
