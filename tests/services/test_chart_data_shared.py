"""One ChartData per open workspace (issue 9): a Charts view made again reuses the
figures already derived, and they stay right while no view is listening."""

from __future__ import annotations

import gc
import weakref
from datetime import date
from pathlib import Path

from selftrust.domain.history import Status
from selftrust.services.chart_data import ChartData
from selftrust.services.chart_range import ChartRange
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.demo import generate
from selftrust.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 24)
ALL = ChartRange("all")


def test_the_same_workspace_shares_its_chart_figures(ws: Workspace) -> None:
    generate(ws, years=1, commitments=3, seed=2)
    data = ChartData.shared(ws)
    data.strength(ALL)
    derived = data.computed
    again = ChartData.shared(ws)
    assert again is data
    again.strength(ALL)
    again.insights(ALL)
    assert again.computed == derived, "nothing derived twice"


def test_a_check_in_with_no_view_open_is_seen_by_the_next_one(ws: Workspace) -> None:
    generate(ws, years=1, commitments=3, seed=2)
    data = ChartData.shared(ws)
    walk = data.commitments()[0].id
    before = data.growth(ALL).marbles[-1]
    derived = data.computed
    state = ws.checkins.get(walk, TODAY)
    new = Status.MISSED if state is not None and state.state.status is Status.KEPT \
        else Status.KEPT
    ws.checkins.record(walk, TODAY, CheckinState(new))  # nobody forwards this notice
    after = ChartData.shared(ws).growth(ALL).marbles[-1]
    assert after != before and after == ws.ledger.jar(TODAY).marbles
    assert data.computed == derived + 1, "only the changed commitment derived again"


def test_shared_figures_never_keep_a_closed_workspace_alive(data_dir: Path,
                                                            clock: FixedClock) -> None:
    ws = open_workspace(data_dir, clock)
    ChartData.shared(ws).days_of_data()
    gone = weakref.ref(ws)
    ws.close()
    del ws
    gc.collect()
    assert gone() is None


def test_a_new_commitment_joins_the_kept_list(ws: Workspace) -> None:
    from datetime import timedelta

    from selftrust.domain.commitment import Rules
    from selftrust.services.commitments import CommitmentDraft

    generate(ws, years=1, commitments=2, seed=2)
    data = ChartData.shared(ws)
    before = [c.title for c in data.commitments()]
    ws.commitments.create(CommitmentDraft("Stretch", Rules(),
                                          created_on=TODAY - timedelta(days=9)))
    after = [c.title for c in data.commitments()]
    assert after == [*before, "Stretch"] or set(after) == {*before, "Stretch"}
