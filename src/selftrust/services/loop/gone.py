"""A linked habit deleted on the phone: how its link remembers it, without a new column.

The link's ``merged_habit`` holds the habit as the last merged backup described it. When
a backup no longer has the habit, that description gets one more key, ``deleted_on_phone``:
the last merged backup had it deleted. A push then leaves the commitment out (sending it
would undo the phone's deletion, since Loop matches by uuid).

It travels again when a newer backup holds the habit again (the pull replaces the
description, comparing the habit's own fields as for any edit, so the extra key changes
nothing else), or after ``send_again``, which forgets the description as for a habit
pushed from here and not merged back yet (so pulling the backup it was deleted in once
more does not call it deleted twice). The marks of the last backup that had it are kept,
so a habit that comes back is compared day by day as before.
"""

from __future__ import annotations

import json

from sqlalchemy.engine import Connection

from selftrust.services.workspace import Workspace
from selftrust.store.repository import loop as links_repo

_KEY = "deleted_on_phone"


def is_gone(merged_habit: str | None) -> bool:
    """True when the last merged backup no longer had the habit."""
    if not merged_habit:
        return False
    try:
        described = json.loads(merged_habit)
    except ValueError:
        return False
    return isinstance(described, dict) and described.get(_KEY) is True


def as_gone(merged_habit: str) -> str:
    """The description kept for a habit the newest merged backup no longer has."""
    described = json.loads(merged_habit)
    described[_KEY] = True
    return json.dumps(described, ensure_ascii=False, sort_keys=True)


def gone_commitments(conn: Connection) -> set[int]:
    """The commitments whose Loop habit was deleted on the phone."""
    return {link.commitment_id for link in links_repo.links(conn).values()
            if is_gone(link.merged_habit)}


def send_again(ws: Workspace, title: str) -> tuple[str, bool]:
    """Let a commitment whose Loop habit was deleted on the phone go with the next push
    (under its old uuid: the phone makes it anew). Its title, and False when it was
    going anyway."""
    row = ws.commitments.find(title, include_archived=True)
    with ws.write() as conn:
        for link in links_repo.links(conn).values():
            if link.commitment_id == row.id and is_gone(link.merged_habit):
                links_repo.set_merged_habit(conn, link.id, None)
                return row.title, True
    return row.title, False
