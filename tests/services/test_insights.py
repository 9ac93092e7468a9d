"""Insights say only true things, kindly, and stay quiet about a handful of days."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.services import insights as say

TODAY = date(2026, 11, 24)


def test_most_means_more_than_half() -> None:
    # Monday first: 4 of 7 misses on Mondays.
    assert say.weekday_misses("Walk", [4, 1, 0, 1, 0, 1, 0]) == (
        "Most of your misses of “\u2068Walk\u2069” fall on Mondays."
    )


def test_exactly_half_is_not_most() -> None:
    line = say.weekday_misses("Walk", [4, 1, 1, 1, 1, 0, 0])
    assert line is not None and not line.startswith("Most")
    assert "Mondays than on any other day (4 of 8)" in line


def test_no_weekday_stands_out_no_insight() -> None:
    assert say.weekday_misses("Walk", [2, 2, 1, 1, 1, 1, 1]) is None


def test_too_few_misses_say_nothing() -> None:
    assert say.weekday_misses("Walk", [5, 0, 0, 0, 0, 0, 0]) is None


def test_weekday_counts_need_seven_days() -> None:
    with pytest.raises(ValueError):
        say.weekday_misses("Walk", [1, 2, 3])


def test_strength_growth_in_points_since_a_day_this_year() -> None:
    line = say.strength_change("Read", 0.52, 0.70, date(2026, 3, 1), TODAY)
    assert line == "Your strength in “\u2068Read\u2069” has grown 18 points since 1 March."


def test_strength_dip_is_said_kindly_with_the_year_when_it_was_last_year() -> None:
    line = say.strength_change("Floss", 0.80, 0.68, date(2025, 11, 25), TODAY)
    assert line == (
        "“\u2068Floss\u2069” has eased 12 points since 25 November 2025; "
        "every kept day lifts it again."
    )


def test_small_strength_changes_are_noise() -> None:
    assert say.strength_change("Read", 0.50, 0.54, date(2026, 3, 1), TODAY) is None


def test_repairs_counts_and_words() -> None:
    assert say.repairs(9, 11, "in the last 4 weeks") == (
        "You repaired 9 of 11 misses in the last 4 weeks."
    )
    assert say.repairs(3, 3, "in the last year") == (
        "You repaired all 3 of your misses in the last year."
    )
    assert say.repairs(0, 0, "in the last year") is None
    assert say.repairs(0, 2, "in the last 4 weeks") == (
        "2 misses in the last 4 weeks are waiting for a reflection; "
        "each one you write brings its marbles back."
    )


def test_jar_growth_and_dip() -> None:
    assert say.jar_change(100, 1357, "in the last year") == (
        "Your jar grew by 1,257 marbles in the last year, to 1,357."
    )
    assert say.jar_change(50, 50, "in the last year") is None
    assert "fewer than at the start" in (say.jar_change(50, 40, "x") or "")


def test_longest_streak_needs_three() -> None:
    assert say.longest_streak("Walk", 2, "day", date(2026, 1, 1), date(2026, 1, 2)) is None
    assert say.longest_streak("Call Mum", 8, "week", date(2026, 9, 28), date(2026, 11, 22)) == (
        "Longest run: 8 weeks of “\u2068Call Mum\u2069” in a row, 28 September – 22 November 2026."
    )


def test_kept_share_rounds_and_needs_a_week_of_promises() -> None:
    assert say.kept_share(5, 6, "x") is None
    assert say.kept_share(86, 100, "in the last 4 weeks") == (
        "You kept 86 of 100 promises in the last 4 weeks (86%)."
    )
