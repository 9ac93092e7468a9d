"""The starter commitments offered on the first run (resources/starter_commitments.json),
read into drafts the welcome dialog can show, edit and add.

Their titles, whys and units are ours, so they come in the person's language (the
catalogue holds them: packaging/catalogues.py reads the same file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from selftrust.base.i18n import _
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
        raise Invalid(_("A starter commitment has no title."))
    title = _(title)
    try:
        schedule = parse_schedule(str(entry.get("schedule", "daily")))
        target = None
        measurable = entry.get("measurable")
        if measurable is not None:
            unit = str(measurable.get("unit", ""))
            target = Target(
                float(measurable["target"]),
                _(unit) if unit else "",
                Period(measurable.get("per", "day")),
                bool(measurable.get("at_most", False)),
            )
        rules = Rules(schedule, target)
    except (ScheduleError, TargetError, KeyError, TypeError, ValueError) as exc:
        # TRANSLATORS: {problem} says what is wrong with the starter commitment.
        raise Invalid(_("The starter “{title}” cannot be used: {problem}")
                      .format(title=title, problem=exc)) from None
    why = str(entry.get("why", ""))
    return CommitmentDraft(
        title=title,
        rules=rules,
        why=_(why) if why else "",
        color=entry.get("color") if isinstance(entry.get("color"), str) else None,
    )


def load_starters(path: Path | None = None) -> list[CommitmentDraft]:
    source = path if path is not None else resource_path("starter_commitments.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return [starter_draft(entry) for entry in data.get("commitments", [])]
