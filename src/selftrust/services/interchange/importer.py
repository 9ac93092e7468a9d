"""Import over an open workspace, the same for the CLI and the UI.

Import is one transaction. Whatever the source (our JSON or CSV, Loop's CSV export or
backup), its records are checked as they stream in, check-ins are staged and merged
with set-based statements (``store/bulk.py`` holds the merge rule), and only when all
of it fits is anything committed. A bad line, a Cancel, or a crash leaves the data
exactly as it was. A dry run does the same work and rolls back, so its summary is
exact. Before a real import changes existing data, a "before-import" backup is taken
of the state being replaced (read from the last commit while the import waits).

Merge rules (also in docs/export-format.md):

* commitments are matched by uid; one already here keeps its own title, schedule,
  colour and reminder, and the file's check-ins and reflections join it;
* a check-in replaces the one of the same day only when it says something different
  and was recorded later; sources without time stamps (Loop) only fill empty days;
* a reflection replaces the one with the same uid only when it was edited later;
* settings are taken from the file only into a data folder that has no data yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from selftrust.base.i18n import _
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.loop_import import derived_uid
from selftrust.interchange.native_records import (
    PORTABLE_SETTINGS,
    CheckinBatch,
    CommitmentRecord,
    Notice,
    ReflectionRecord,
    SettingsRecord,
    stored_moment,
)
from selftrust.interchange.sources import Source, identify
from selftrust.services.commitments import free_title
from selftrust.services.interchange.reports import (
    READING_STEPS,
    STEPS,
    Cancel,
    ImportCancelled,
    ImportRefused,
    ImportSummary,
    Progress,
)
from selftrust.services.settings import Settings
from selftrust.services.workspace import Workspace
from selftrust.store import backups as store_backups
from selftrust.store import bulk
from selftrust.store import repository as repo
from selftrust.store.errors import StoreError

log = logging.getLogger(__name__)

BEFORE_IMPORT = "before-import"


class _DryRun(Exception):
    def __init__(self, summary: ImportSummary) -> None:
        self.summary = summary


def import_file(
    ws: Workspace,
    path: Path | str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    reload: bool = True,
) -> ImportSummary:
    """Import a file; ImportRefused, ImportCancelled or DataProblem change nothing.

    Safe to call from a worker thread with ``reload=False``; the caller then calls
    ``ws.reload()`` on the thread that owns the views.
    """
    source_path = Path(path).expanduser()
    try:
        source = identify(source_path)
        summary = _Importer(ws, source, dry_run, progress, cancel).run()
    except ImportProblem as problem:
        log.info("import of %s refused: %s", source_path, problem)
        raise ImportRefused(source_path, problem) from None
    log.info("import of %s (%s)%s: %s", source_path, source.kind,
             " (dry run)" if dry_run else "", summary.headline())
    if reload and summary.changed and not dry_run:
        ws.reload()
    return summary


@dataclass
class _Tally:
    commitments_added: int = 0
    commitments_found: int = 0
    reflections_added: int = 0
    reflections_replaced: int = 0
    reflections_unchanged: int = 0
    warnings: list[str] = field(default_factory=list)


class _Importer:
    def __init__(self, ws: Workspace, source: Source, dry_run: bool,
                 progress: Progress | None, cancel: Cancel | None) -> None:
        self.ws = ws
        self.source = source
        self.dry_run = dry_run
        self._progress = progress
        self._cancel = cancel
        self._last_step = -1
        self._titles: dict[str, str] = {}

    def run(self) -> ImportSummary:
        try:
            with self.ws.write() as conn:
                summary = self._import(conn)
                self._check_cancel()
                if self.dry_run:
                    raise _DryRun(summary)
                bulk.end_staging(conn)
            self._report(STEPS)
            return summary
        except _DryRun as done:
            return done.summary

    # --- helpers --------------------------------------------------------------------
    def _check_cancel(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ImportCancelled()

    def _report(self, step: int) -> None:
        if self._progress is not None and step != self._last_step:
            self._last_step = step
            self._progress(step, STEPS)

    # --- the import -----------------------------------------------------------------
    def _import(self, conn: Connection) -> ImportSummary:
        ws = self.ws
        today = ws.today()
        empty = bulk.is_empty(conn)
        bulk.start_staging(conn)
        local = bulk.commitment_uids(conn)
        if self.source.is_loop:
            # A Loop habit brought in before from another kind of Loop file: found by
            # the id its name and first kept day give (see interchange/loop_import.py).
            for cid, title, first in bulk.first_kept_days(conn):
                day = date.fromisoformat(first) if first else None
                local.setdefault(derived_uid(title, day), cid)
        titles = {t.casefold() for (t,) in conn.exec_driver_sql("SELECT title FROM commitment")}
        next_position = repo.next_position(conn)
        tally = _Tally()
        resolved: dict[str, int] = {}
        seen: dict[str, int | None] = {}
        reflections: list[ReflectionRecord] = []
        settings: SettingsRecord | None = None
        checkin_file = self.source.path.name
        arrived = 0
        self._report(0)
        for item in self.source.read():
            if isinstance(item, CheckinBatch):
                self._check_cancel()
                checkin_file = item.file
                self._stage(conn, item)
            elif isinstance(item, CommitmentRecord):
                if item.uid in seen:
                    raise ImportProblem(
                        _("the commitment id “{uid}” is used twice (also on line {line})").format(
                            uid=item.uid, line=seen[item.uid]), file=item.file, line=item.line)
                seen[item.uid] = item.line
                self._titles[item.uid] = item.title
                position = item.position if empty else next_position + arrived
                arrived += 1
                resolved[item.uid] = self._commitment(conn, item, local, titles, position,
                                                      today, tally)
            elif isinstance(item, ReflectionRecord):
                reflections.append(item)
            elif isinstance(item, SettingsRecord):
                settings = item
            elif isinstance(item, Notice):
                tally.warnings.append(item.text)
            elif item.total > 0:  # what is left is ReadProgress
                self._report(min(READING_STEPS, READING_STEPS * item.done // item.total))
                self._check_cancel()
        self._check_cancel()
        bulk.map_uids(conn, resolved.items())
        unknown = bulk.first_unknown_uid(conn)
        if unknown is not None:
            raise ImportProblem(
                _("the check-in belongs to no commitment (the commitment id “{uid}” is neither "
                  "in the file nor in your data)").format(uid=unknown[0]),
                file=checkin_file, line=unknown[1])
        staged = bulk.staged_count(conn)
        added, replaced = bulk.merge_checkins(conn)
        self._report(950)
        self._check_cancel()
        for record in reflections:
            self._reflection(conn, record, resolved, local, tally)
        applied = False
        if settings is not None:
            applied = self._settings(conn, settings, empty, tally)
        summary = ImportSummary(
            source=self.source.path,
            kind=self.source.kind,
            dry_run=self.dry_run,
            commitments_added=tally.commitments_added,
            commitments_found=tally.commitments_found,
            checkins_added=added,
            checkins_replaced=replaced,
            checkins_unchanged=staged - added - replaced,
            reflections_added=tally.reflections_added,
            reflections_replaced=tally.reflections_replaced,
            reflections_unchanged=tally.reflections_unchanged,
            settings_applied=applied,
            warnings=tuple(tally.warnings),
        )
        if not self.dry_run and not empty and summary.changed:
            self._check_cancel()
            summary = replace(summary, backup=self._backup())
        return summary

    def _stage(self, conn: Connection, batch: CheckinBatch) -> None:
        try:
            bulk.stage_checkins(conn, batch.rows)
        except sa.exc.IntegrityError:
            first: dict[tuple[str, str], int] = {}
            for uid, day, *_rest, line in batch.rows:
                earlier = first.get((uid, day))
                if earlier is None:
                    staged = bulk.staged_line(conn, uid, day)
                    earlier = staged if staged is not None and staged != line else None
                if earlier is not None:
                    title = self._titles.get(uid, uid)
                    raise ImportProblem(
                        # TRANSLATORS: {day} is a date as the file writes it (2026-11-24).
                        _("the check-in of “{title}” on {day} appears twice (also on line "
                          "{line})").format(title=title, day=day, line=earlier),
                        file=batch.file, line=line or None,
                    ) from None
                first[(uid, day)] = line
            raise

    def _commitment(self, conn: Connection, rec: CommitmentRecord, local: dict[str, int],
                    titles: set[str], position: int, today: date, tally: _Tally) -> int:
        for uid in (rec.uid, *rec.aliases):
            if uid in local:
                tally.commitments_found += 1
                return local[uid]
        title = rec.title
        if title.casefold() in titles:
            title = free_title(title, titles)
            tally.warnings.append(_("You already have a commitment called “{title}”, so the "
                                    "imported one is called “{new}”.").format(
                title=rec.title, new=title))
        created = rec.created_on or today
        archived = rec.archived_on or (today if rec.archived_today else None)
        if archived is not None and archived < created:
            archived = created
        new_id = repo.insert_commitment(
            conn, uid=rec.uid, title=title, why=rec.why, rules=rec.rules, color=rec.color,
            position=position, created_on=created, archived_on=archived,
            reminder=rec.reminder,
        )
        titles.add(title.casefold())  # a second spelling later in the file is renamed too
        tally.commitments_added += 1
        return new_id

    def _reflection(self, conn: Connection, rec: ReflectionRecord, resolved: dict[str, int],
                    local: dict[str, int], tally: _Tally) -> None:
        def commitment(uid: str, repairs: bool) -> int:
            found = resolved.get(uid, local.get(uid))
            if found is None:
                if repairs:
                    text = _("the reflection repairs a check-in of a commitment that is neither "
                             "in the file nor in your data (id “{uid}”)")
                else:
                    text = _("the reflection is about a commitment that is neither in the file "
                             "nor in your data (id “{uid}”)")
                raise ImportProblem(text.format(uid=uid), file=rec.file, line=rec.line)
            return found

        cid = None if rec.commitment_uid is None else commitment(rec.commitment_uid, False)
        checkin_id = None
        if rec.repairs is not None:
            rcid = commitment(rec.repairs[0], True)
            checkin_id = bulk.checkin_id(conn, rcid, rec.repairs[1].isoformat())
            if checkin_id is None:
                raise ImportProblem(
                    # TRANSLATORS: {day} is a date as the file writes it (2026-11-24).
                    _("the reflection repairs the check-in of {day}, which is not in the "
                      "file").format(day=rec.repairs[1].isoformat()),
                    file=rec.file, line=rec.line)
        values: dict[str, Any] = {
            "created_at": rec.created_at, "updated_at": rec.updated_at, "day": rec.day,
            "commitment_id": cid, "checkin_id": checkin_id, **rec.parts,
            "feeling_before": rec.feeling_before, "feeling_after": rec.feeling_after,
        }
        existing = bulk.reflection_stamp(conn, rec.uid)
        if existing is None:
            repo.insert_reflection(conn, uid=rec.uid, **values)
            tally.reflections_added += 1
        elif stored_moment(rec.updated_at) > existing[1]:
            repo.update_reflection(conn, existing[0], **values)
            tally.reflections_replaced += 1
        else:
            tally.reflections_unchanged += 1

    def _settings(self, conn: Connection, record: SettingsRecord, empty: bool,
                  tally: _Tally) -> bool:
        current = self.ws.settings.to_stored()
        wanted = {k: v for k, v in record.values.items() if k in PORTABLE_SETTINGS}
        merged = Settings.from_stored({**current, **wanted}).to_stored()
        different = {k for k in wanted if merged.get(k) != current.get(k)}
        if not different:
            return False
        if not empty:
            tally.warnings.append(
                _("The file's settings (day start, week start, marble jar) differ from yours; "
                  "yours were kept."))
            return False
        for key in PORTABLE_SETTINGS:
            repo.put_setting(conn, key, merged[key])
        return True

    def _backup(self) -> Path:
        """A backup of the data as last committed, taken while this import waits to commit."""
        try:
            made = store_backups.back_up_labelled(self.ws.db.folder, BEFORE_IMPORT,
                                                  now=self.ws.clock.now())
        except StoreError as exc:
            raise ImportProblem(
                # TRANSLATORS: {reason} is a whole message of its own.
                _("a safety backup could not be made before importing ({reason}); nothing "
                  "was imported").format(reason=exc)) from None
        return made.path


