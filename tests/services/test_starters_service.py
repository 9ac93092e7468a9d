"""The starter commitments load into drafts the services accept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selftrust.domain.days import Period
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid
from selftrust.services.starters import load_starters, starter_draft
from selftrust.services.workspace import Workspace


def test_every_starter_can_be_created(ws: Workspace) -> None:
    drafts = load_starters()
    assert len(drafts) >= 8
    for draft in drafts:
        ws.commitments.create(draft)
    assert [c.title for c in ws.commitments.all()] == [d.title for d in drafts]


def test_a_measurable_starter() -> None:
    draft = starter_draft({"title": "Coffee", "schedule": "daily",
                           "measurable": {"unit": "cups", "target": 2, "per": "day",
                                          "at_most": True}})
    assert isinstance(draft, CommitmentDraft)
    assert draft.rules.target is not None
    assert (draft.rules.target.amount, draft.rules.target.per) == (2.0, Period.DAY)
    assert draft.rules.target.at_most


@pytest.mark.parametrize("entry", [
    {"title": ""},
    {"title": "Gym", "schedule": "9/week"},
    {"title": "Run", "schedule": "3/week", "measurable": {"target": 5, "per": "day"}},
    {"title": "Read", "measurable": {"unit": "pages"}},
])
def test_a_broken_entry_is_named(entry: dict[str, object]) -> None:
    with pytest.raises(Invalid):
        starter_draft(entry)


def test_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "starters.json"
    path.write_text(json.dumps({"commitments": [{"title": "Floss", "schedule": "mon,thu"}]}),
                    encoding="utf-8")
    [draft] = load_starters(path)
    assert draft.rules.schedule.to_text() == "mon,thu"
