"""The charts' numbers, on crafted data: they agree with the ledger and the domain,
and a change recomputes only the commitment it touched."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.jar import JarEvent, JarRules, replay
from selftrust.domain.schedule import parse_schedule
from selftrust.domain.strength import strength_series
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_figures import replay_counts
from selftrust.services.chart_range import ChartRange
from selftrust.services.chart_series import as_date
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.events import Change, What
from selftrust.services.insights import Topic
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace, open_workspace
from tests.conftest import NOON

TODAY = date(2026, 11, 24)  # a Tuesday
WALK_START = date(2026, 10, 1)
READ_START = date(2026, 11, 1)
ALL = ChartRange("all")
Crafted = tuple[Workspace, tuple[int, int, list[date]]]


def add(ws: Workspace, title: str, start: date, schedule: str = "daily") -> int:
    rules = Rules(schedule=parse_schedule(schedule))
    return ws.commitments.create(CommitmentDraft(title, rules, created_on=start)).id


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _build(ws: Workspace) -> tuple[int, int, list[date]]:
    """Walk: kept every day but Mondays (missed; the first two Mondays repaired).
    Read: kept every day since 1 November."""
    walk = add(ws, "Walk", WALK_START)
    read = add(ws, "Read", READ_START)
    mondays = []
    for day in days(WALK_START, TODAY):
        if day.weekday() == 0:
            ws.checkins.record(walk, day, CheckinState(Status.MISSED))
            mondays.append(day)
        else:
            ws.checkins.record(walk, day, CheckinState(Status.KEPT))
    for day in mondays[:2]:
        ws.reflections.write(ReflectionDraft(day, walk, happened="Mondays are long."))
    for day in days(READ_START, TODAY):
        ws.checkins.record(read, day, CheckinState(Status.KEPT))
    return walk, read, mondays


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[int, int, list[date]]]:
    """The crafted data is written once (through the services) and copied for each test."""
    folder = tmp_path_factory.mktemp("charts") / "data"
    ws = open_workspace(folder, FixedClock(NOON))
    try:
        made = _build(ws)
    finally:
        ws.close()
    return folder, made


@pytest.fixture
def crafted(
    template: tuple[Path, tuple[int, int, list[date]]], tmp_path: Path
) -> Iterator[tuple[Workspace, tuple[int, int, list[date]]]]:
    folder, made = template
    copy = tmp_path / "crafted"
    shutil.copytree(folder, copy)
    ws = open_workspace(copy, FixedClock(NOON))
    yield ws, made
    ws.close()


def test_growth_is_the_jar_replayed_day_by_day(crafted: Crafted) -> None:
    ws, made = crafted
    walk, _read, mondays = made
    growth = ChartData(ws).growth(ALL)
    assert as_date(growth.days[0]) == WALK_START and as_date(growth.days[-1]) == TODAY
    assert growth.size == (TODAY - WALK_START).days + 1
    jar_days = {d.day: d.marbles for d in ws.ledger.jar_days(TODAY)}
    level = 0
    for i, day in enumerate(days(WALK_START, TODAY)):
        level = jar_days.get(day, level)
        assert growth.marbles[i] == level, day
    assert growth.marbles[-1] == ws.ledger.jar(TODAY).marbles
    assert [as_date(d) for d in growth.repair_days] == mondays[:2]
    assert growth.repairs.tolist() == [1, 1]


def test_growth_strength_averages_the_commitments_active_that_day(crafted: Crafted) -> None:
    ws, made = crafted
    walk, read, _ = made
    growth = ChartData(ws).growth(ALL)
    walk_s = strength_series(ws.commitments.get(walk).rules, ws.ledger.history(walk, TODAY))
    read_s = strength_series(ws.commitments.get(read).rules, ws.ledger.history(read, TODAY))
    before_read = (READ_START - WALK_START).days
    assert growth.strength[:before_read] == pytest.approx(walk_s[:before_read])
    expected = (np.array(walk_s[before_read:]) + np.array(read_s)) / 2
    assert growth.strength[before_read:] == pytest.approx(expected)


def test_growth_of_a_short_range_carries_the_jar_in(crafted: Crafted) -> None:
    ws, made = crafted
    growth = ChartData(ws).growth(ChartRange("4w"))
    assert growth.size == 28
    full = ChartData(ws).growth(ALL)
    assert growth.marbles.tolist() == full.marbles[-28:].tolist()
    assert growth.repair_days.size == 0  # the repaired Mondays were in October


def test_repair_days_of_a_later_range_are_that_ranges(crafted: Crafted) -> None:
    ws, (walk, _read, mondays) = crafted
    rng = ChartRange("custom", date(2026, 10, 10), date(2026, 11, 20))
    growth = ChartData(ws).growth(rng)
    assert [as_date(d) for d in growth.repair_days] == [mondays[1]]  # 12 October


def test_strength_lines_are_the_domain_series(crafted: Crafted) -> None:
    ws, made = crafted
    walk, read, _ = made
    lines = {line.title: line for line in ChartData(ws).strength(ALL)}
    assert set(lines) == {"Walk", "Read"}
    read_s = strength_series(ws.commitments.get(read).rules, ws.ledger.history(read, TODAY))
    assert lines["Read"].values.tolist() == pytest.approx(read_s)
    assert as_date(lines["Read"].days[0]) == READ_START
    assert lines["Walk"].values.size == (TODAY - WALK_START).days + 1


def test_weekday_pattern_counts_misses_by_weekday(crafted: Crafted) -> None:
    ws, made = crafted
    walk, _, mondays = made
    pattern = ChartData(ws).weekdays(ALL, [walk])
    assert pattern.labels[0] == "Monday"
    assert pattern.missed.tolist() == [len(mondays), 0, 0, 0, 0, 0, 0]
    assert pattern.repaired.tolist() == [2, 0, 0, 0, 0, 0, 0]
    walk_days = days(WALK_START, TODAY)
    assert pattern.kept.sum() == len(walk_days) - len(mondays)


def test_weekdays_follow_the_week_start(crafted: Crafted) -> None:
    ws, made = crafted
    from dataclasses import replace

    ws.update_settings(replace(ws.settings, chosen_week_start=6))
    walk, _, mondays = made
    pattern = ChartData(ws).weekdays(ALL, [walk])
    assert pattern.labels[0] == "Sunday"
    assert pattern.missed.tolist() == [0, len(mondays), 0, 0, 0, 0, 0]


def test_kept_rate_per_week_for_four_weeks(crafted: Crafted) -> None:
    ws, made = crafted
    walk, read, _ = made
    rate = ChartData(ws).kept_rate(ChartRange("4w"))
    assert rate.unit == "week"
    assert rate.ids == (walk, read)
    # 28 days ending on a Tuesday touch five Monday-to-Sunday weeks.
    assert rate.starts.size == 5
    assert rate.due.sum(axis=1).tolist() == [28, 24]
    assert rate.kept[1].sum() == 24
    assert rate.kept[0].sum() == 28 - 4  # four Mondays missed
    assert np.nanmax(rate.total_rate()) == 1.0


def test_kept_rate_is_weekly_while_the_data_is_short(crafted: Crafted) -> None:
    ws, made = crafted
    assert ChartData(ws).kept_rate(ALL).unit == "week"


def test_kept_rate_per_month_for_longer_ranges(ws: Workspace) -> None:
    stretch = add(ws, "Stretch", date(2026, 3, 1))
    for day in (date(2026, 3, 2), date(2026, 3, 3), date(2026, 11, 2)):
        ws.checkins.record(stretch, day, CheckinState(Status.KEPT))
    ws.checkins.record(stretch, date(2026, 3, 4), CheckinState(Status.MISSED))
    rate = ChartData(ws).kept_rate(ChartRange("1y"))
    assert rate.unit == "month"
    assert [as_date(s) for s in rate.starts][:2] == [date(2026, 3, 1), date(2026, 4, 1)]
    assert rate.starts.size == 9
    assert rate.kept[0].tolist() == [2, 0, 0, 0, 0, 0, 0, 0, 1]
    # Unrecorded past days are owed too; today is still open, so November owes 23.
    assert rate.due[0, 0] == 31 and rate.due[0, -1] == 23


def test_calendar_counts_kept_and_due_per_day(crafted: Crafted) -> None:
    ws, made = crafted
    data = ChartData(ws)
    cal = data.calendar(ChartRange("4w"))
    assert cal.first.weekday() == 0 and cal.last == TODAY
    i_monday = (date(2026, 11, 23) - cal.first).days
    i_sunday = (date(2026, 11, 22) - cal.first).days
    assert (cal.kept[i_monday], cal.due[i_monday]) == (1, 2)
    assert (cal.kept[i_sunday], cal.due[i_sunday]) == (2, 2)
    assert cal.states is None
    walk = data.commitments()[0].id
    one = data.calendar(ChartRange("4w"), [walk])
    assert one.title == "Walk" and one.states is not None
    assert int(one.states[i_monday]) != int(one.states[i_sunday])


def test_streaks_are_the_ledgers_longest_first(crafted: Crafted) -> None:
    ws, made = crafted
    bars = ChartData(ws).streaks(ALL)
    assert bars[0].title == "Read"
    assert (bars[0].first, bars[0].last, bars[0].length) == (READ_START, TODAY, 24)
    walks = [b for b in bars if b.title == "Walk"]
    assert walks and all(b.length in (4, 6) for b in walks)  # Oct 1–4, then Tue–Sun runs


def test_insights_are_true_for_the_crafted_data(crafted: Crafted) -> None:
    ws, made = crafted
    _, _, mondays = made
    lines = ChartData(ws).insights(ALL, limit=10)
    assert f"You repaired 2 of {len(mondays)} misses since 1 October 2026." in lines
    assert "Most of your misses of “\u2068Walk\u2069” fall on Mondays." in lines
    assert any(line.startswith("Longest run: 24 days of “\u2068Read\u2069”") for line in lines)


WEEKDAY_LINE = "Most of your misses of “\u2068Walk\u2069” fall on Mondays."


def test_without_a_lead_the_insights_keep_their_order(crafted: Crafted) -> None:
    ws, _ = crafted
    lines = ChartData(ws).insights(ALL, limit=10)
    assert lines[0].startswith("You repaired 2 of") and lines[1] == WEEKDAY_LINE


@pytest.mark.parametrize(("lead", "first"), [
    (Topic.WEEKDAYS, WEEKDAY_LINE),
    (Topic.STREAK, "Longest run: 24 days of “\u2068Read\u2069”"),
    (Topic.KEPT, "You kept "),
    (Topic.REPAIRS, "You repaired 2 of"),
])
def test_a_chart_leads_with_the_insight_about_what_it_draws(
        crafted: Crafted, lead: Topic, first: str) -> None:
    """The same sentences, the lead's first and the others in their usual order; the
    lead is said even where the usual order would leave it past the limit."""
    ws, _ = crafted
    data = ChartData(ws)
    every = data.insights(ALL, limit=10)
    led = data.insights(ALL, limit=10, lead=lead)
    assert led[0].startswith(first)
    assert sorted(led) == sorted(every)
    assert [line for line in led[1:]] == [line for line in every if line != led[0]]
    assert data.insights(ALL, limit=1, lead=lead) == [led[0]]


def test_nothing_to_chart_yet(ws: Workspace) -> None:
    data = ChartData(ws)
    assert data.span(ALL) is None
    assert data.growth(ALL).size == 0
    assert data.strength(ALL) == [] and data.streaks(ALL) == []
    assert data.insights(ALL) == []
    assert data.weekdays(ALL).recorded == 0


def test_a_check_in_recomputes_only_its_commitment(crafted: Crafted) -> None:
    ws, made = crafted
    walk, read, _ = made
    data = ChartData(ws)
    ws.subscribe(data.on_change)
    data.growth(ALL)
    data.insights(ALL)
    assert data.computed == 2
    walk_figures = data.selected([walk])[0]
    ws.checkins.record(read, TODAY, CheckinState(Status.MISSED))
    after = data.growth(ALL)
    assert data.computed == 3  # Read again, Walk from the cache
    assert data.selected([walk])[0] is walk_figures
    assert after.marbles[-1] == ws.ledger.jar(TODAY).marbles


def test_a_free_reflection_changes_no_chart(crafted: Crafted) -> None:
    ws, made = crafted
    data = ChartData(ws)
    data.growth(ALL)
    data.on_change(Change(What.REFLECTION, None, TODAY))
    data.growth(ALL)
    assert data.computed == 2


def test_settings_changes_recompute_everything(crafted: Crafted) -> None:
    ws, made = crafted
    data = ChartData(ws)
    data.growth(ALL)
    data.on_change(Change(What.SETTINGS))
    data.growth(ALL)
    assert data.computed == 4


def test_an_archived_commitment_leaves_the_average(crafted: Crafted) -> None:
    ws, made = crafted
    walk, read, _ = made
    ws.commitments.archive(read)
    growth = ChartData(ws).growth(ALL)
    archived = ws.commitments.get(read).archived_on
    assert archived == TODAY
    walk_s = strength_series(ws.commitments.get(walk).rules, ws.ledger.history(walk, TODAY))
    # Active through the day it was archived: today still averages both.
    assert growth.strength[-1] != pytest.approx(walk_s[-1])


@pytest.mark.parametrize("rules", [JarRules(), JarRules(2, 3, 1), JarRules(1, 2, 4)])
def test_the_day_totals_replay_like_the_domain_jar(rules: JarRules) -> None:
    rng = random.Random(7)
    start = date(2026, 1, 1)
    events = [
        JarEvent(start + timedelta(days=rng.randrange(200)), *rng.choice(
            [(1, 0, 0), (0, 1, 0), (0, 0, 1), (2, 0, 0), (0, 2, 1)]))
        for _ in range(400)
    ]
    counts = np.zeros((3, 200), dtype=np.int64)
    for e in events:
        i = (e.day - start).days
        counts[:, i] += (e.kept, e.missed, e.repaired)
    ours = replay_counts(counts, rules)
    level = 0
    by_day = {d.day: d.marbles for d in replay(events, rules)}
    for i in range(200):
        level = by_day.get(start + timedelta(days=i), level)
        assert ours[i] == level
