"""Texts changed on two devices while apart: the one not shown is kept, and told once.

The engine finds them (a losing version its winner's device had not seen, with other
text); this module keeps each losing text in ``sync_conflict`` beside the record and
words it for the person. Nothing a person typed is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy.engine import Connection

from selftrust.services.sync.kept import UNKNOWN_DEVICE
from selftrust.services.sync.result import ConflictNote
from selftrust.store.repository import sync as repo
from selftrust.sync import Resolution
from selftrust.sync.records import TEXT_FIELDS


def conflict_words(kind: str, other_device: str) -> str:
    return ConflictNote(kind, "", "", other_device).words


def keep_conflicts(conn: Connection, resolutions: Iterable[Resolution],
                   device_names: Mapping[str, str], *, now: datetime) -> list[ConflictNote]:
    """Keep every losing text the engine reported; returns one note per record and device
    for the texts not kept before (the person is told once)."""
    notes: dict[tuple[str, str, str], ConflictNote] = {}
    for resolution in resolutions:
        shown = resolution.winner.fields or {}
        for loser in resolution.conflicts:
            if loser.fields is None:
                continue
            device = device_names.get(loser.stamp.device, UNKNOWN_DEVICE)
            for name in TEXT_FIELDS.get(resolution.kind, ()):
                text = loser.fields.get(name)
                if text and text != shown.get(name) and repo.add_conflict(
                        conn, kind=resolution.kind, key=resolution.key, field=name,
                        other_text=text, other_device=device, found_at=now):
                    notes[(resolution.kind, resolution.key, device)] = ConflictNote(
                        resolution.kind, resolution.key, name, device)
    repo.mark_told(conn, [c.id for c in repo.conflicts(conn, untold_only=True)])
    return list(notes.values())
