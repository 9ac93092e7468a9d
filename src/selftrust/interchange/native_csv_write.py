"""Writing Self-Trust's CSV export: a zip of one CSV file per table, the same bytes for
the same data at the same moment (see ``native_csv_layout`` for the quoting)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

from selftrust.interchange.native_csv_layout import (
    CHECKINS_FILE,
    COLUMNS,
    COMMITMENTS_FILE,
    FORMAT_FILE,
    PAUSES_FILE,
    REFLECTIONS_FILE,
    SETTINGS_FILE,
    neutralise,
)
from selftrust.interchange.native_json import BATCH
from selftrust.interchange.native_records import (
    CSV_FORMAT,
    FORMAT_VERSION,
    REFLECTION_PARTS,
    CommitmentRecord,
    ReflectionRecord,
    Snapshot,
    moment_text,
)
from selftrust.interchange.native_rules import weekday_names

Progress = Callable[[int, int], None]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return neutralise(str(value))


# --- writing ----------------------------------------------------------------------------


def write_csv_zip(
    snapshot: Snapshot, out: BinaryIO, *, when: datetime, progress: Progress | None = None
) -> int:
    """Write the zip to ``out``; returns the number of check-ins written.

    ``when`` dates the files inside the zip (so the same data at the same moment gives
    the same bytes)."""
    stamp = (max(1980, when.year), when.month, when.day, when.hour, when.minute, when.second)
    written = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def member(name: str, rows: Iterator[list[Any]], big: bool = False) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            with archive.open(info, "w", force_zip64=big) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
                writer = csv.writer(text, lineterminator="\r\n")
                writer.writerow(COLUMNS[name])
                for row in rows:
                    writer.writerow([_cell(v) for v in row])
                text.flush()
                text.detach()

        member(FORMAT_FILE, iter([[CSV_FORMAT, FORMAT_VERSION]]))
        member(SETTINGS_FILE, ([k, json.dumps(v)] for k, v in snapshot.settings.items()))
        member(COMMITMENTS_FILE, (_commitment_row(c) for c in snapshot.commitments))
        member(PAUSES_FILE, (
            [c.uid, p.start, p.end] for c in snapshot.commitments for p in c.rules.pauses
        ))

        def checkins() -> Iterator[list[Any]]:
            nonlocal written
            total = snapshot.checkin_count
            for uid, day, status, value, note, recorded_at in snapshot.checkins:
                yield [uid, day, status, value, note, moment_text(recorded_at)]
                written += 1
                if progress is not None and written % BATCH == 0:
                    progress(written, total)

        member(CHECKINS_FILE, checkins(), big=snapshot.checkin_count > 5_000_000)
        member(REFLECTIONS_FILE, (_reflection_row(r) for r in snapshot.reflections))
    return written


def _commitment_row(c: CommitmentRecord) -> list[Any]:
    s, t = c.rules.schedule, c.rules.target
    return [
        c.uid, c.title, c.why, s.kind.value, s.times, s.days, ",".join(weekday_names(s.weekdays)),
        s.on, t.amount if t else None, t.unit if t else None, t.per.value if t else None,
        t.at_most if t else None, c.color, c.position, c.created_on, c.archived_on,
        c.reminder.text if c.reminder else None,
        ",".join(weekday_names(c.reminder.days)) if c.reminder else None,
    ]  # fmt: skip


def _reflection_row(r: ReflectionRecord) -> list[Any]:
    return [
        r.uid, r.day, r.commitment_uid, r.repairs[0] if r.repairs else None,
        r.repairs[1] if r.repairs else None, moment_text(r.created_at), moment_text(r.updated_at),
        *(r.parts.get(p) for p in REFLECTION_PARTS), r.feeling_before, r.feeling_after,
    ]  # fmt: skip
