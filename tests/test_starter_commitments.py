"""The starter commitments are valid commitments in our own rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selftrust.base.palette import commitment_colors
from selftrust.domain.commitment import MAX_TITLE_LENGTH, MAX_UNIT_LENGTH, Rules, Target
from selftrust.domain.days import Period
from selftrust.domain.schedule import parse_schedule

REPO = Path(__file__).resolve().parents[1]
STARTERS: list[dict[str, Any]] = json.loads(
    (REPO / "resources" / "starter_commitments.json").read_text(encoding="utf-8")
)["commitments"]


def test_eight_to_ten_distinct_starters() -> None:
    assert 8 <= len(STARTERS) <= 10
    titles = [s["title"].casefold() for s in STARTERS]
    assert len(set(titles)) == len(titles)
    assert len({s["color"] for s in STARTERS}) == len(STARTERS), "give each its own colour"


def test_starters_show_the_range_of_schedules() -> None:
    kinds = {parse_schedule(s["schedule"]).kind for s in STARTERS}
    assert len(kinds) >= 4
    assert any(s.get("measurable", {}).get("at_most") for s in STARTERS)


@pytest.mark.parametrize("starter", STARTERS, ids=lambda s: s["title"])
def test_starter_is_a_valid_commitment(starter: dict[str, Any]) -> None:
    assert set(starter) <= {"title", "schedule", "measurable", "why", "color"}
    assert 0 < len(starter["title"]) <= MAX_TITLE_LENGTH
    assert isinstance(starter["why"], str) and starter["why"].strip()
    assert starter["color"] in {c.hex for c in commitment_colors()}
    schedule = parse_schedule(starter["schedule"])
    target = None
    if "measurable" in starter:
        m = starter["measurable"]
        assert set(m) == {"unit", "target", "per", "at_most"}
        assert 0 < len(m["unit"]) <= MAX_UNIT_LENGTH
        target = Target(float(m["target"]), m["unit"], Period(m["per"]), bool(m["at_most"]))
    Rules(schedule=schedule, target=target)  # raises on an impossible combination
