"""Chart ranges: the same words mean the same days in the view, the CLI and insights."""

from __future__ import annotations

from datetime import date

import pytest

from selftrust.services.chart_range import ChartRange, months_back
from selftrust.services.errors import Invalid

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("code", "first"),
    [("4w", date(2026, 10, 28)), ("3m", date(2026, 8, 25)), ("1y", date(2025, 11, 25))],
)
def test_presets_end_today_and_reach_back(code: str, first: date) -> None:
    assert ChartRange.parse(code).resolve(TODAY, date(2000, 1, 1)) == (first, TODAY)


def test_four_weeks_are_28_days() -> None:
    first, last = ChartRange("4w").resolve(TODAY, date(2000, 1, 1))
    assert (last - first).days + 1 == 28


def test_a_range_never_starts_before_the_data() -> None:
    assert ChartRange("1y").resolve(TODAY, date(2026, 11, 1)) == (date(2026, 11, 1), TODAY)
    assert ChartRange("all").resolve(TODAY, date(2019, 3, 3)) == (date(2019, 3, 3), TODAY)


def test_custom_ranges_parse_and_stop_at_today() -> None:
    rng = ChartRange.parse("2026-01-01:2027-05-01")
    assert rng.resolve(TODAY, date(2000, 1, 1)) == (date(2026, 1, 1), TODAY)
    assert rng.code() == "2026-01-01:2027-05-01"


@pytest.mark.parametrize("text", ["2w", "", "2026-13-01:2026-12-01", "yesterday:today"])
def test_bad_ranges_say_what_is_expected(text: str) -> None:
    with pytest.raises(Invalid, match="4w, 3m, 1y, all"):
        ChartRange.parse(text)


@pytest.mark.parametrize(("text", "said"), [
    ("2026-02-30:2026-03-10", "“2026-02-30” is no day: February 2026 has 28 days"),
    ("2026-03-01:2026-04-31", "“2026-04-31” is no day: April 2026 has 30 days"),
    ("2026-13-01:2026-12-01", "“2026-13-01” is no day: a year has 12 months"),
])
def test_an_impossible_date_in_a_range_is_named(text: str, said: str) -> None:
    """Not "is not a range": the range is fine, one of its days does not exist."""
    with pytest.raises(Invalid) as raised:
        ChartRange.parse(text)
    assert str(raised.value).startswith(said)
    assert "is not a range" not in str(raised.value)


def test_a_custom_range_backwards_is_refused() -> None:
    with pytest.raises(Invalid, match="comes after"):
        ChartRange.parse("2026-05-01:2026-01-01")


def test_months_back_keeps_the_day_or_the_months_end() -> None:
    assert months_back(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_back(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert months_back(date(2024, 2, 29), 12) == date(2023, 2, 28)


def test_words_name_the_range() -> None:
    assert ChartRange("4w").words(date(2026, 10, 28), TODAY) == "in the last 4 weeks"
    assert ChartRange("all").words(date(2019, 3, 3), TODAY) == "since 3 March 2019"
    custom = ChartRange("custom", date(2026, 3, 1), date(2026, 4, 20))
    assert custom.words(date(2026, 3, 1), date(2026, 4, 20)) == "from 1 March 2026 to 20 April 2026"
