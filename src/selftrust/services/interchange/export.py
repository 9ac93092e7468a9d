"""Export over an open workspace: everything, from one read, written atomically."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.interchange.atomic import write_atomically
from selftrust.interchange.native_csv import write_csv_zip
from selftrust.interchange.native_json import write_json
from selftrust.interchange.native_records import (
    PORTABLE_SETTINGS,
    CommitmentRecord,
    ReflectionRecord,
    Snapshot,
)
from selftrust.services.errors import Invalid
from selftrust.services.interchange.reports import ExportFailed, Progress, counts_line
from selftrust.services.needs import Opened
from selftrust.services.settings import Settings
from selftrust.store import bulk
from selftrust.store import repository as repo

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class ExportSummary:
    path: Path
    format: ExportFormat
    commitments: int
    checkins: int
    reflections: int

    def headline(self) -> str:
        """ "3 commitments, 2,140 check-ins, 12 reflections"."""
        return counts_line(self.commitments, self.checkins, self.reflections)


def format_for(path: Path) -> ExportFormat:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return ExportFormat.CSV
    if suffix == ".json":
        return ExportFormat.JSON
    raise Invalid(_("“{name}”: end the name with .json (one JSON file) or .zip (CSV files in "
                    "a zip), or say --format json or csv.").format(name=path.name))


def export_file(
    ws: Opened,
    path: Path | str,
    fmt: ExportFormat | None = None,
    *,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write everything to ``path`` atomically; an existing file there is replaced whole."""
    target = Path(path).expanduser()
    fmt = fmt or format_for(target)
    if target.is_dir():
        raise Invalid(_("{path} is a folder; name the file to write.").format(path=target))
    if not target.parent.is_dir():
        raise ExportFailed(_("The folder {folder} does not exist.").format(folder=target.parent))
    try:
        with ws.read() as conn:
            snapshot = read_snapshot(conn)

            def write(out: Any) -> int:
                if fmt is ExportFormat.CSV:
                    return write_csv_zip(snapshot, out, when=ws.clock.now().astimezone(),
                                         progress=progress)
                return write_json(snapshot, out, progress)

            written = write_atomically(target, write)
    except OSError as exc:
        raise ExportFailed(
            # TRANSLATORS: {reason} is the system's own words.
            _("Could not write {path} ({reason}). Your data is unchanged.").format(
                path=target, reason=exc.strerror or exc)
        ) from exc
    if progress is not None:
        progress(written, written)
    log.info("exported %s (%s)", target, fmt.value)
    return ExportSummary(target, fmt, len(snapshot.commitments), written,
                         len(snapshot.reflections))


def read_snapshot(conn: Connection) -> Snapshot:
    """Everything to export, from one read transaction (check-ins stream from a cursor)."""
    commitments = repo.list_commitments(conn)
    uid_of = {c.id: c.uid for c in commitments}
    links = bulk.reflection_links(conn)
    reflections = []
    for r in repo.reflections(conn):
        link = links.get(r.id)
        reflections.append(ReflectionRecord(
            uid=r.uid, created_at=r.created_at, updated_at=r.updated_at, day=r.day,
            commitment_uid=uid_of.get(r.commitment_id) if r.commitment_id else None,
            repairs=None if link is None else (link[0], date.fromisoformat(link[1])),
            parts={"happened": r.happened, "owning": r.owning, "friend": r.friend,
                   "learned": r.learned, "next_step": r.next_step},
            feeling_before=r.feeling_before, feeling_after=r.feeling_after,
        ))
    reflections.sort(key=lambda r: (r.day, r.created_at, r.uid))
    stored = Settings.from_stored(repo.get_settings(conn)).to_stored()
    return Snapshot(
        settings={k: stored[k] for k in PORTABLE_SETTINGS},
        commitments=[
            CommitmentRecord(uid=c.uid, title=c.title, why=c.why or None, rules=c.rules,
                             color=c.color, position=c.position, created_on=c.created_on,
                             archived_on=c.archived_on, reminder=c.reminder)
            for c in commitments
        ],
        checkin_count=bulk.checkin_count(conn),
        checkins=bulk.export_checkins(conn),
        reflections=reflections,
    )

