"""Two commitments with one title after devices merged their records: offered, never
merged silently (two "Walk" commitments may be two promises).

``merge_same_title`` joins them when the person asks: the one here first keeps its
settings and check-ins; the other's check-ins fill the days it has none for, its
reflections move over with their links, and then it is deleted. All of it is ordinary
writes, so the change reaches the other devices on the next pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.services.errors import Invalid, NotFound
from selftrust.store import repository as repo
from selftrust.store.repository import sync as sync_repo

if TYPE_CHECKING:
    from selftrust.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Merged:
    title: str
    moved: int  # check-ins moved over
    overlapping: int  # days both had: the kept commitment's check-in stays
    reflections: int


def same_title_offers(conn: Connection) -> list[str]:
    """Titles (any case) held by more than one commitment."""
    seen: dict[str, list[str]] = {}
    for c in repo.list_commitments(conn):
        seen.setdefault(c.title.casefold(), []).append(c.title)
    return sorted(titles[0] for titles in seen.values() if len(titles) > 1)


def merge_same_title(ws: Workspace, title: str) -> Merged:
    with ws.write() as conn:
        merged = _merge(conn, title, ws.utc_now())
    ws.reload()
    return merged


def _merge(conn: Connection, title: str, now: datetime) -> Merged:
    folded = title.strip().casefold()
    same = sorted((c for c in repo.list_commitments(conn) if c.title.casefold() == folded),
                  key=lambda c: c.id)
    if not same:
        raise NotFound(_("There is no commitment called “{title}”.").format(title=title.strip()))
    if len(same) < 2:
        raise Invalid(_("Only one commitment is called “{title}”: nothing to merge.").format(
            title=same[0].title))
    kept, moved, overlapping, reflections = same[0], 0, 0, 0
    for other in same[1:]:
        days = {c.day for c in repo.checkins(conn, [kept.id])}
        new_ids: dict[int, int] = {}
        for checkin in repo.checkins(conn, [other.id]):
            if checkin.day in days:
                overlapping += 1
                continue
            new_ids[checkin.id] = repo.upsert_checkin(
                conn, commitment_id=kept.id, day=checkin.day, status=checkin.status,
                value=checkin.value, note=checkin.note,
                recorded_at=checkin.recorded_at or now)
            moved += 1
        for reflection in repo.reflections(conn, commitment_id=other.id):
            link = None if reflection.checkin_id is None else new_ids.get(reflection.checkin_id)
            if link is None and reflection.checkin_id is not None:
                link = sync_repo.checkin_id_at(conn, kept.id, reflection.day)
            repo.update_reflection(conn, reflection.id, commitment_id=kept.id, checkin_id=link)
            reflections += 1
        repo.delete_commitment(conn, other.id)
    return Merged(kept.title, moved, overlapping, reflections)
