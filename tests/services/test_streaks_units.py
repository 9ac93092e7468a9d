"""What a streak counts, said in words that fit the schedule, and runs ranked fairly."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.history import Status
from selftrust.domain.schedule import parse_schedule
from selftrust.services import calendar
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.streak_units import streak_unit, unit_days
from selftrust.services.workspace import Workspace

TODAY = date(2026, 11, 24)  # a Tuesday
KEPT = CheckinState(Status.KEPT)
SKIPPED = CheckinState(Status.SKIPPED)


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


def add(ws: Workspace, title: str, schedule: str = "daily", start: int = 60) -> int:
    rules = Rules(schedule=parse_schedule(schedule))
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=day(start))).id


def test_a_daily_streak_counts_days_and_others_count_times_weeks_or_months() -> None:
    assert streak_unit(Rules(parse_schedule("daily"))) == "day"
    assert streak_unit(Rules(parse_schedule("mon,wed,fri"))) == "time"
    assert streak_unit(Rules(parse_schedule("2/5days"))) == "time"
    assert streak_unit(Rules(parse_schedule("3/week"))) == "week"
    assert streak_unit(Rules(parse_schedule("2/month"))) == "month"
    assert unit_days(Rules(parse_schedule("mon,wed,fri"))) == 7 / 3
    assert unit_days(Rules(parse_schedule("3/week"))) == 7


def test_the_streaks_view_says_times_for_a_weekday_schedule(ws: Workspace) -> None:
    cid = add(ws, "Journal", "mon,wed,fri")
    for n in (20, 18, 15, 13, 11, 8, 6, 4, 1):  # Mondays, Wednesdays and Fridays
        ws.checkins.record(cid, day(n), KEPT)
    d = calendar.details(ws, cid)
    assert d.unit == "time"
    assert calendar.best_streaks(ws, commitment_id=cid)[0].unit == "time"


def test_equal_runs_of_one_commitment_list_the_most_recent_first(ws: Workspace) -> None:
    """A skipped day bridges a run without adding to it: it must not make the run longer."""
    walk = add(ws, "Walk")
    for n in range(31, 23, -1):  # 7 kept with a skipped day inside: 8 calendar days
        ws.checkins.record(walk, day(n), SKIPPED if n == 27 else KEPT)
    for n in range(7, 0, -1):  # 7 kept in 7 days, ending yesterday
        ws.checkins.record(walk, day(n), KEPT)
    best = calendar.best_streaks(ws, count=2)
    assert [r.streak.length for r in best] == [7, 7]
    assert best[0].streak.end == day(1)  # the recent one first


def test_across_commitments_a_run_is_weighed_by_what_it_counts(ws: Workspace) -> None:
    """9 kept Mon/Wed/Fri (three weeks) outweigh 8 kept days; 2 kept weeks outweigh 10 days."""
    journal = add(ws, "Journal", "mon,wed,fri")
    walk = add(ws, "Walk")
    for n in (22, 20, 18, 15, 13, 11, 8, 6, 4):
        ws.checkins.record(journal, day(n), KEPT)
    for n in range(40, 32, -1):
        ws.checkins.record(walk, day(n), KEPT)
    best = calendar.best_streaks(ws, count=2)
    assert [(r.title, r.streak.length, r.unit) for r in best] == [
        ("Journal", 9, "time"), ("Walk", 8, "day")]


def test_chart_insights_and_bars_count_times_for_a_weekday_promise(ws: Workspace) -> None:
    from selftrust.services.chart_data import ChartData
    from selftrust.services.chart_range import ChartRange

    journal = add(ws, "Journal", "mon,wed,fri")
    for n in (22, 20, 18, 15, 13, 11, 8, 6, 4, 1):
        ws.checkins.record(journal, day(n), KEPT)
    data = ChartData(ws)
    [bar] = data.streaks(ChartRange("3m"))
    assert bar.unit == "time"
    assert any("10 times of “\u2068Journal\u2069” in a row" in line
               for line in data.insights(ChartRange("3m")))


def test_a_weekly_or_monthly_amount_counts_weeks_or_months() -> None:
    """Issue 17: a weekly amount is kept or not per week, and its streak says weeks."""
    weekly = Rules(target=Target(15, "km", Period.WEEK))
    monthly = Rules(target=Target(10, "pieces", Period.MONTH, at_most=True))
    assert (streak_unit(weekly), unit_days(weekly)) == ("week", 7)
    assert streak_unit(monthly) == "month"
    assert streak_unit(Rules(target=Target(20, "pages"))) == "day"


def test_every_place_says_weeks_for_a_weekly_amount(ws: Workspace) -> None:
    from selftrust.services.chart_data import ChartData
    from selftrust.services.chart_range import ChartRange

    rules = Rules(target=Target(15, "km", Period.WEEK))
    run = ws.commitments.create(CommitmentDraft("Run", rules, created_on=day(60))).id
    for n, km in ((27, 16), (20, 15), (13, 20), (6, 16), (0, 12)):  # four kept weeks
        ws.checkins.record(run, day(n), CheckinState(Status.KEPT, km))
    assert calendar.details(ws, run).unit == "week"
    assert calendar.best_streaks(ws, commitment_id=run)[0].unit == "week"
    [item] = ws.dashboard.day(TODAY)
    assert (item.current_streak, item.streak_unit) == (4, "week")
    [bar] = ChartData(ws).streaks(ChartRange("3m"))
    assert (bar.length, bar.unit) == (4, "week")
