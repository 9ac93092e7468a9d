"""A reflection's next small step becomes tomorrow's one-off promise."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.domain.schedule import ScheduleKind
from selftrust.services.errors import Invalid
from selftrust.services.next_step import promise_for_tomorrow, step_title
from selftrust.services.workspace import Workspace


def test_the_title_is_the_first_line_tidied() -> None:
    assert step_title("\n  Set out my   shoes tonight.\nAnd more") == "Set out my shoes tonight."


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
