"""Which daily backups are kept: 7 days, then the newest of each of 4 older ISO weeks."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.store.retention import days_to_keep


def _days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def test_few_backups_are_all_kept() -> None:
    days = _days(date(2026, 3, 1), 5)
    assert days_to_keep(days) == set(days)


def test_sixty_daily_backups_keep_seven_days_and_four_weeks() -> None:
    days = _days(date(2026, 1, 1), 60)  # 1 January to 1 March 2026 (a Sunday)
    kept = sorted(days_to_keep(days))
    assert kept[-7:] == days[-7:]
    weeklies = kept[:-7]
    assert len(weeklies) == 4
    weeks = [d.isocalendar()[:2] for d in weeklies]
    assert len(set(weeks)) == 4
    assert not set(weeks) & {d.isocalendar()[:2] for d in days[-7:]}
    assert all(d.weekday() == 6 for d in weeklies)  # each week's newest: its Sunday
    assert weeklies == [date(2026, 2, 1), date(2026, 2, 8), date(2026, 2, 15), date(2026, 2, 22)]


def test_gaps_are_fine() -> None:
    days = [date(2026, 1, 5), date(2026, 1, 20), date(2026, 2, 3)] + _days(date(2026, 3, 1), 7)
    assert days_to_keep(days) == set(days)


def test_older_weeks_beyond_four_go() -> None:
    days = [date(2025, 12, 1) + timedelta(weeks=i) for i in range(10)]
    kept = days_to_keep(days, daily=0, weekly=4)
    assert kept == set(days[-4:])


def test_duplicates_and_order_do_not_matter() -> None:
    days = _days(date(2026, 1, 1), 30)
    assert days_to_keep(reversed(days + days)) == days_to_keep(days)


def test_each_kept_day_is_a_daily_or_a_weekly() -> None:
    from selftrust.store.retention import rotation_kinds

    days = _days(date(2026, 1, 1), 60)
    kept = days_to_keep(days)  # what the folder holds after pruning
    kinds = rotation_kinds(kept)
    assert {d for d, k in kinds.items() if k == "daily"} == set(days[-7:])
    assert {d for d, k in kinds.items() if k == "weekly"} == kept - set(days[-7:])
    assert rotation_kinds(days[:3]) == dict.fromkeys(days[:3], "daily")
