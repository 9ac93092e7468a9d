"""The starter commitments offered on the first run (resources/starter_commitments.json),
read into drafts the welcome dialog can show, edit and add."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from selftrust.base.resources import resource_path
from selftrust.domain.commitment import Rules, Target, TargetError
from selftrust.domain.days import Period
from selftrust.domain.schedule import ScheduleError, parse_schedule
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.errors import Invalid


def starter_draft(entry: dict[str, Any]) -> CommitmentDraft:
    """One entry of the file as a draft; Invalid names the entry that is wrong."""
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        raise Invalid("A starter commitment has no title.")
    try:
        schedule = parse_schedule(str(entry.get("schedule", "daily")))
        target = None
        measurable = entry.get("measurable")
        if measurable is not None:
            target = Target(
                float(measurable["target"]),
                str(measurable.get("unit", "")),
                Period(measurable.get("per", "day")),
                bool(measurable.get("at_most", False)),
            )
        rules = Rules(schedule, target)
    except (ScheduleError, TargetError, KeyError, TypeError, ValueError) as exc:
        raise Invalid(f"The starter “{title}” cannot be used: {exc}") from None
    return CommitmentDraft(
        title=title,
        rules=rules,
        why=str(entry.get("why", "")),
        color=entry.get("color") if isinstance(entry.get("color"), str) else None,
    )


def load_starters(path: Path | None = None) -> list[CommitmentDraft]:
    source = path if path is not None else resource_path("starter_commitments.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return [starter_draft(entry) for entry in data.get("commitments", [])]
