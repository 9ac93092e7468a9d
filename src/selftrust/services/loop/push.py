"""``loop push``: write a Loop backup that Loop's "Import data" merges into the phone.

Every commitment Loop can represent goes whole, with all its check-ins (Loop's importer
writes each entry of the file that differs from the phone's, and never removes one).
A commitment keeps the Loop ``uuid`` it is linked by; one not linked yet goes under its
own id (a 32-digit hex number, the shape of Loop's uuids), and the link is recorded in
the same transaction that writes the file, so the next push and pull find the habit
Loop made of it. A commitment whose Loop habit was deleted on the phone (``gone``) is
left out: sending it under its uuid would undo the deletion. What does not travel is
listed first (``PushSummary.lost``); a dry run lists only that.
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path

from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.interchange.loop_db_write import (
    PushProblem,
    backup_name,
    is_own_push,
    write_loop_db,
)
from selftrust.interchange.loop_outbound import OutboundCommitment, OutboundDay, to_loop
from selftrust.interchange.loop_records import LoopHabit
from selftrust.services.loop.gone import gone_commitments
from selftrust.services.loop.reports import LoopRefused, PushSummary
from selftrust.services.reflections import repaired_checkin_ids
from selftrust.services.workspace import Workspace
from selftrust.store import repository as repo
from selftrust.store.repository import loop as links_repo

log = logging.getLogger(__name__)

_LOOP_UUID = re.compile(r"[0-9a-f]{32}")


def push(ws: Workspace, path: Path | str, *, dry_run: bool = False) -> PushSummary:
    """Write every commitment Loop can represent to a Loop backup at ``path`` (a file, or
    a folder to write a file named like Loop's own backups into)."""
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / backup_name(ws.clock.now())
    elif not target.parent.is_dir():
        raise LoopRefused(target, _("there is no folder {folder} to write into").format(
            folder=target.parent))
    _check_target(ws, target)
    with ws.read() as conn:
        habits, new_links, summary = _habits(conn, ws, target, dry_run)
    if dry_run:
        return summary
    try:
        with ws.write() as conn:
            for cid, loop_uuid in new_links:
                links_repo.insert_link(conn, cid, loop_uuid)
            write_loop_db(target, habits, ws.clock.now())
    except PushProblem as problem:
        raise LoopRefused(target, str(problem)) from None
    except OSError as exc:
        # TRANSLATORS: {reason} is the system's own words.
        raise LoopRefused(target, _("cannot write {path} ({reason})").format(
            path=target, reason=exc.strerror or exc)) from None
    log.info("loop push to %s: %s", target, summary.as_json())
    return summary


def _check_target(ws: Workspace, target: Path) -> None:
    """Refuse a destination whose loss would hurt: anything in the data folder (the live
    database, its backups) and any existing file but an earlier push (a phone backup
    not pulled yet, or a file of some other kind)."""
    data = ws.db.folder.root.resolve()
    where = target.resolve()
    if where == data or data in where.parents:
        raise LoopRefused(target, _("{path} is inside the Self-Trust data folder {folder}; "
                                    "push to another folder; nothing was written").format(
            path=target, folder=data))
    if (target.exists() or target.is_symlink()) and not (
            target.is_file() and is_own_push(target)):
        raise LoopRefused(target, _("{path} already exists and is not a Self-Trust push; it "
                                    "was left as it is; push to a folder or a new name").format(
            path=target))


def _habits(conn: Connection, ws: Workspace, target: Path, dry_run: bool
            ) -> tuple[list[LoopHabit], list[tuple[int, str]], PushSummary]:
    summary = PushSummary(target, dry_run=dry_run)
    linked = {link.commitment_id: link.loop_uuid for link in links_repo.links(conn).values()}
    gone = gone_commitments(conn)
    taken = set(linked.values())
    repaired = repaired_checkin_ids(conn)
    today = ws.today()
    habits: list[LoopHabit] = []
    new_links: list[tuple[int, str]] = []
    for position, c in enumerate(repo.list_commitments(conn)):
        if c.id in gone:
            summary.deleted_on_phone.append(c.title)
            summary.lost.append(_("“{title}” was deleted on the phone, so it is not sent back; "
                                  "it stays here with its history.").format(title=c.title))
            continue
        rows = repo.checkins(conn, [c.id])
        loop_uuid = linked.get(c.id)
        if loop_uuid is None:
            loop_uuid = c.uid if _LOOP_UUID.fullmatch(c.uid) and c.uid not in taken \
                else uuid.uuid4().hex
        out = to_loop(OutboundCommitment(
            title=c.title, why=c.why, rules=c.rules, color=c.color, archived=c.archived,
            position=position, uuid=loop_uuid, reminder=c.reminder,
            checkins=[OutboundDay(r.day, r.status, r.value, r.note) for r in rows],
            repaired=sum(1 for r in rows if r.id in repaired)), today)
        summary.lost.extend(out.lost)
        if out.habit is None:
            continue
        if c.id not in linked:
            taken.add(loop_uuid)
            new_links.append((c.id, loop_uuid))
        habits.append(out.habit)
        summary.checkins += len(out.habit.entries)
    if repo.count_rows(conn, "reflection"):
        summary.lost.append(_("Reflections stay on this computer: Loop has no place for them."))
    summary.habits = len(habits)
    summary.new_links = len(new_links)
    return habits, new_links, summary
