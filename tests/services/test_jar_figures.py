"""The figures of "How is this counted?" come from the jar's own replay (issue 17, item 3):
check-offs beyond a weekly target win nothing, and the page's sum is the jar."""

from __future__ import annotations

from datetime import date, timedelta

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.domain.schedule import Schedule
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.demo import generate
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace

MONDAY = date(2026, 11, 2)


def adds_up(f: dict[str, int]) -> bool:
    return (f["won_marbles"] - f["missed_marbles"] - f["repaired_cost"] + f["repaired_back"]
            + f["spared"]) == f["marbles"]


def test_a_weekly_target_with_extra_check_offs_adds_up(ws: Workspace) -> None:
    rules = Rules(Schedule.per_week(1))
    cid = ws.commitments.create(CommitmentDraft("Call Mum", rules, created_on=MONDAY)).id
    for d in (0, 2, 4, 7, 8, 9):  # three check-offs in week one, three in week two
        ws.checkins.record(cid, MONDAY + timedelta(days=d), CheckinState(Status.KEPT))
    ws.checkins.record(cid, MONDAY + timedelta(days=14), CheckinState(Status.MISSED))
    ws.reflections.write(ReflectionDraft(MONDAY + timedelta(days=14), cid, happened="Busy."))
    f = ws.stats.jar_figures()
    jar = ws.stats.report().jar
    assert (f["marbles"], f["gold"]) == (jar.marbles, jar.gold) == (2, 1)
    assert (f["won"], f["missed"], f["repaired"], f["spared"]) == (2, 0, 1, 0)
    assert f["won_marbles"] == 2 and f["repaired_cost"] == f["repaired_back"] == 2
    assert adds_up(f)


def test_the_demo_jar_adds_up_to_the_marble(ws: Workspace) -> None:
    generate(ws, years=2, commitments=6, seed=17)
    f = ws.stats.jar_figures()
    jar = ws.stats.report().jar
    assert (f["marbles"], f["gold"]) == (jar.marbles, jar.gold)
    assert f["repaired"] == jar.gold
    # Two years of six promises won marbles, lost some and repaired some: each term of the
    # sum is there, so the sum is no trivial 0 = 0. (The demo's jar never runs dry, so
    # nothing is spared: the test below spares marbles.)
    assert f["won"] > 0 and f["missed"] > 0 and f["repaired"] > 0
    assert f["won_marbles"] > f["missed_marbles"] > 0
    assert f["repaired_cost"] == f["repaired_back"] > 0
    assert adds_up(f)


def test_a_miss_on_an_empty_jar_is_spared(ws: Workspace) -> None:
    cid = ws.commitments.create(CommitmentDraft("Walk", created_on=MONDAY)).id
    ws.checkins.record(cid, MONDAY, CheckinState(Status.MISSED))  # nothing to knock out
    ws.checkins.record(cid, MONDAY + timedelta(days=1), CheckinState(Status.KEPT))
    f = ws.stats.jar_figures()
    assert (f["won"], f["missed"], f["repaired"], f["spared"], f["marbles"]) == (1, 1, 0, 2, 1)
    assert adds_up(f)


def test_an_empty_folder_adds_up_to_nothing(ws: Workspace) -> None:
    f = ws.stats.jar_figures()
    assert f["marbles"] == f["won"] == f["missed"] == f["repaired"] == f["spared"] == 0
    assert adds_up(f)
