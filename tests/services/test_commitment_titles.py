"""One title, one commitment: "Walk" and "walk" cannot both exist, whoever makes them
(the window, the command line, an import). Data that has both already (made before
the rule) still opens, and each of the two can be found by its exact spelling."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.interchange import import_file
from selftrust.services.workspace import Workspace, open_workspace
from selftrust.store import repository as repo

START = date(2026, 11, 1)


def _add(ws: Workspace, title: str) -> int:
    return ws.commitments.create(CommitmentDraft(title, Rules(), created_on=START)).id


def _legacy_twin(ws: Workspace, title: str) -> int:
    """A second commitment written as an older version could: no check on the title."""
    with ws.write() as conn:
        new_id = repo.insert_commitment(conn, uid=f"uid-{title}", title=title, why=None,
                                        rules=Rules(), color="#287ccf", position=9,
                                        created_on=START)
    ws.reload()
    return new_id


def test_a_title_that_differs_only_in_case_is_refused(ws: Workspace) -> None:
    _add(ws, "Walk")
    with pytest.raises(Invalid, match="already have a commitment called “Walk”"):
        _add(ws, "  walk ")
    assert [c.title for c in ws.commitments.all()] == ["Walk"]


def test_an_archived_title_is_taken_too(ws: Workspace) -> None:
    walk = _add(ws, "Walk")
    ws.commitments.archive(walk)
    with pytest.raises(Invalid, match="archived"):
        _add(ws, "WALK")


def test_renaming_onto_another_title_is_refused(ws: Workspace) -> None:
    _add(ws, "Walk")
    read = _add(ws, "Read")
    with pytest.raises(Invalid, match="“Walk”"):
        ws.commitments.update(read, CommitmentDraft("walk", Rules()))
    assert ws.commitments.get(read).title == "Read"


def test_a_commitment_may_change_the_case_of_its_own_title(ws: Workspace) -> None:
    walk = _add(ws, "walk")
    ws.commitments.update(walk, CommitmentDraft("Walk", Rules()))
    assert ws.commitments.get(walk).title == "Walk"


def test_data_with_both_still_opens_and_each_stays_editable(
        ws: Workspace, data_dir: Path) -> None:
    first = _add(ws, "Walk")
    second = _legacy_twin(ws, "walk")
    clock = ws.clock
    ws.close()
    with open_workspace(data_dir, clock) as again:
        assert sorted(c.title for c in again.commitments.all()) == ["Walk", "walk"]
        assert again.commitments.find("Walk").id == first
        assert again.commitments.find("walk").id == second
        with pytest.raises(Invalid, match="say which one"):
            again.commitments.find("WALK")
        # editing one of the twins without renaming it is not refused …
        again.commitments.update(second, CommitmentDraft("walk", Rules(), why="evenings"))
        # … and renaming it away from the other is the way out
        again.commitments.update(second, CommitmentDraft("Evening walk", Rules()))
        assert again.commitments.find("walk").id == first


def test_an_import_never_brings_in_a_second_spelling(ws: Workspace, tmp_path: Path) -> None:
    """Two commitments in one file whose titles differ only in case: the second is renamed,
    as a title already in the data is."""
    commitment = {"schedule": {"kind": "daily"}, "target": None, "pauses": [],
                  "color": "#287ccf", "created_on": "2026-11-01", "archived_on": None}
    data = {"format": "selftrust", "version": 1, "checkins": [], "reflections": [],
            "commitments": [{**commitment, "uid": "a", "title": "Walk", "position": 0},
                            {**commitment, "uid": "b", "title": "walk", "position": 1}]}
    path = tmp_path / "two.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = import_file(ws, path)
    titles = [c.title for c in ws.commitments.all()]
    assert titles == ["Walk", "walk (2)"]
    assert any("walk (2)" in w for w in summary.warnings)


def test_a_next_step_promised_again_on_a_later_day_gets_a_free_title(
        ws: Workspace, clock: FixedClock) -> None:
    """The same step from a reflection a week later: its old one-off promise keeps the
    title, the new one is "… (2)", and it still counts as promised (not made twice)."""
    from selftrust.services.next_step import (
        AlreadyPromised,
        promise_for_tomorrow,
        promised_for_tomorrow,
    )

    first = promise_for_tomorrow(ws, "Pack the bag tonight.")
    clock.advance(days=7)
    again = promise_for_tomorrow(ws, "Pack the bag tonight.")
    assert (first.title, again.title) == ("Pack the bag tonight", "Pack the bag tonight (2)")
    assert promised_for_tomorrow(ws, "pack the bag tonight") == again
    with pytest.raises(AlreadyPromised):
        promise_for_tomorrow(ws, "Pack the bag tonight.")
