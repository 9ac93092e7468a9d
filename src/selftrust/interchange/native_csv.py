"""Reading Self-Trust's CSV export: the zip of one CSV file per table, or its folder.

The layout and the quoting that keeps spreadsheets from running a cell are in
``native_csv_layout``, the writer in ``native_csv_write``; this module reads the files
back (through ``zip_or_folder``, the reader every export format shares) and turns each
row into a record, naming the file and line of anything that does not fit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from selftrust.base.i18n import N_, _
from selftrust.interchange.csv_rows import expect_columns, numbered_rows
from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.native_build import checkin_row, reflection_record
from selftrust.interchange.native_checks import (
    ARCHIVE_DAY,
    COMMITMENT_ID,
    POSITION,
    START_DAY,
    WHY,
    RowProblem,
    check_color,
    check_day,
    check_int,
    check_optional_day,
    check_text,
    check_title,
    check_uid,
    newer_version,
)
from selftrust.interchange.native_csv_layout import (
    CHECKINS_FILE,
    COLUMNS,
    COMMITMENTS_FILE,
    FORMAT_FILE,
    FORMULA_STARTS,
    OPTIONAL_COLUMNS,
    PAUSES_FILE,
    REFLECTIONS_FILE,
    SETTINGS_FILE,
    neutralise,
    restore,
)
from selftrust.interchange.native_csv_write import write_csv_zip
from selftrust.interchange.native_json import BATCH
from selftrust.interchange.native_records import (
    CSV_FORMAT,
    FORMAT_VERSION,
    MAX_POSITION,
    MAX_WHY_LENGTH,
    CheckinBatch,
    CheckinRow,
    CommitmentRecord,
    Item,
    ReadProgress,
    ReflectionRecord,
    SettingsRecord,
)
from selftrust.interchange.native_rules import check_reminder, make_rules
from selftrust.interchange.zip_or_folder import ExportFiles, Guard

__all__ = [
    "COMMITMENTS_FILE", "FORMULA_STARTS", "MAX_MEMBER_BYTES", "neutralise", "read_csv",
    "restore", "write_csv_zip",
]  # fmt: skip

MAX_MEMBER_BYTES = 8 * 1024**3
"""A guard against zip bombs: no file of an export unpacks to more than this."""


def guard() -> Guard:
    """Our limit (read when called, so a test can lower it) and words (marked here,
    translated where they are said)."""
    return Guard(
        member_bytes=MAX_MEMBER_BYTES,
        member_too_big=N_("unpacks to more than 8 GB; that is not an export"),
        damaged=N_("this file inside the zip is damaged (was the zip cut short?)"),
        unpackable=N_("cannot be read ({reason})"),
    )


def read_csv(path: Path) -> Iterator[Item]:
    """Stream the records of a Self-Trust CSV export (zip or folder)."""
    with ExportFiles(path, marker=COMMITMENTS_FILE, guard=guard(), wanted=COLUMNS) as source:
        if not source.has(COMMITMENTS_FILE):
            raise ImportProblem(
                _("there is no commitments.csv here, so this is not a Self-Trust CSV export"),
                file=path.name,
            )
        total = sum(source.size(name) for name in source.names())
        if source.has(FORMAT_FILE):
            _check_format(source)
        if source.has(SETTINGS_FILE):
            yield from _settings(source)
        pauses = _pauses(source) if source.has(PAUSES_FILE) else {}
        uids: set[str] = set()
        for line, row in _records(source, COMMITMENTS_FILE):
            record = _guard(_commitment, row, COMMITMENTS_FILE, line, pauses)
            uids.add(record.uid)
            yield record
        for uid, (line, _days) in pauses.items():
            if uid not in uids:
                raise ImportProblem(
                    # TRANSLATORS: commitment_uid is a column of the file, {uid} its value.
                    _("the pause belongs to no commitment in {file} (commitment_uid "
                      "“{uid}”)").format(file=COMMITMENTS_FILE, uid=uid),
                    file=PAUSES_FILE, line=line)
        if source.has(CHECKINS_FILE):
            batch: list[CheckinRow] = []
            for line, row in _records(source, CHECKINS_FILE):
                batch.append(_guard(_checkin, row, CHECKINS_FILE, line))
                if len(batch) >= BATCH:
                    yield CheckinBatch(batch, CHECKINS_FILE)
                    yield ReadProgress(source.read_bytes, total)
                    batch = []
            if batch:
                yield CheckinBatch(batch, CHECKINS_FILE)
        if source.has(REFLECTIONS_FILE):
            for line, row in _records(source, REFLECTIONS_FILE):
                yield _guard(_reflection, row, REFLECTIONS_FILE, line)
        yield ReadProgress(total, total)


def _records(source: ExportFiles, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line where the record starts, {column: cell}) with quotes restored; header checked."""
    optional = OPTIONAL_COLUMNS.get(name, ())
    wanted = tuple(c for c in COLUMNS[name] if c not in optional)
    header: list[str] | None = None
    with closing(numbered_rows(source.open(name), name, cell="cell")) as rows:
        for line, row in rows:
            if not any(row):
                continue
            cells = [restore(c) for c in row]
            if header is None:
                header = _check_header(cells, wanted, name, line)
                continue
            expect_columns(cells, len(header), name, line, _("the header"))
            record = dict(zip(header, cells, strict=True))
            for column in optional:
                record.setdefault(column, "")
            yield line, record
    if header is None:
        raise ImportProblem(_("is empty; it should start with the line “{header}”").format(
            header=",".join(wanted)), file=name)


def _check_header(cells: list[str], wanted: tuple[str, ...], name: str, line: int) -> list[str]:
    header = [c.strip() for c in cells]
    missing = [c for c in wanted if c not in header]
    if missing:
        raise ImportProblem(
            # TRANSLATORS: {found} is the first line of a CSV file, {missing} the names of
            # the columns it lacks.
            _("the columns are “{found}”; missing: {missing}").format(
                found=",".join(header)[:120], missing=", ".join(missing)),
            file=name, line=line,
        )
    doubled = sorted({c for c in header if header.count(c) > 1})
    if doubled:
        raise ImportProblem(_("the column {name} appears twice").format(name=doubled[0]),
                            file=name, line=line)
    return header


def _guard(parse: Callable[..., Any], row: dict[str, str], name: str, line: int,
           *extra: Any) -> Any:
    try:
        return parse(row, name, line, *extra)
    except RowProblem as exc:
        raise ImportProblem(str(exc), file=name, line=line) from None


def _check_format(source: ExportFiles) -> None:
    for line, row in _records(source, FORMAT_FILE):
        if row["format"] != CSV_FORMAT:
            raise ImportProblem(
                _("the format is “{found}”, not “{expected}”; this is not a Self-Trust CSV "
                  "export").format(found=row["format"][:40], expected=CSV_FORMAT),
                file=FORMAT_FILE, line=line)
        version = row["version"].strip()
        if not version.isdigit():
            raise ImportProblem(_("the version “{value}” is not a number").format(
                value=version[:20]), file=FORMAT_FILE, line=line)
        if int(version) > FORMAT_VERSION:
            raise ImportProblem(newer_version(version), file=FORMAT_FILE, line=line)


def _settings(source: ExportFiles) -> Iterator[SettingsRecord]:
    values: dict[str, Any] = {}
    first: int | None = None
    for line, row in _records(source, SETTINGS_FILE):
        first = first or line
        try:
            values[row["key"]] = json.loads(row["value"])
        except ValueError:
            raise ImportProblem(_("the value of “{key}” is not readable").format(
                key=row["key"][:40]), file=SETTINGS_FILE, line=line) from None
    yield SettingsRecord(values, SETTINGS_FILE, first)


def _pauses(source: ExportFiles) -> dict[str, tuple[int, list[tuple[date, date]]]]:
    out: dict[str, tuple[int, list[tuple[date, date]]]] = {}
    for line, row in _records(source, PAUSES_FILE):
        try:
            uid = check_uid(row["commitment_uid"], COMMITMENT_ID)
            first = check_day(row["first_day"], N_("first day"))
            last = check_day(row["last_day"], N_("last day"))
        except RowProblem as exc:
            raise ImportProblem(str(exc), file=PAUSES_FILE, line=line) from None
        out.setdefault(uid, (line, []))[1].append((first, last))
    return out


def _commitment(row: dict[str, str], name: str, line: int,
                pauses: dict[str, tuple[int, list[tuple[date, date]]]]) -> CommitmentRecord:
    uid = check_uid(row["uid"])
    target = None
    if row["target_amount"].strip():
        target = (row["target_amount"], row["target_unit"], row["target_per"],
                  row["target_at_most"] or "false")
    rules = make_rules(
        kind=row["schedule"],
        times=row["times"] or "1",
        days=row["days"] or "1",
        weekdays=row["weekdays"] or "mon,tue,wed,thu,fri,sat,sun",
        on=row["once_on"],
        target=target,
        pauses=pauses.get(uid, (0, []))[1],
    )
    created = check_day(row["created_on"], START_DAY)
    archived = check_optional_day(row["archived_on"], ARCHIVE_DAY)
    if archived is not None and archived < created:
        raise RowProblem(_("the commitment is archived before it started"))
    reminder = None
    if row["reminder_time"].strip():
        reminder = check_reminder(row["reminder_time"].strip(), row["reminder_weekdays"])
    return CommitmentRecord(
        uid=uid,
        title=check_title(row["title"]),
        why=check_text(row["why"], WHY, MAX_WHY_LENGTH),
        rules=rules,
        color=check_color(row["color"]),
        position=check_int(row["position"] or "0", POSITION, 0, MAX_POSITION),
        created_on=created,
        archived_on=archived,
        reminder=reminder,
        file=name,
        line=line,
    )


def _checkin(row: dict[str, str], name: str, line: int) -> CheckinRow:
    return checkin_row(commitment=row["commitment_uid"], day=row["day"], status=row["status"],
                       value=row["value"], note=row["note"],
                       recorded_at=row["recorded_at"] or None, line=line)


def _reflection(row: dict[str, str], name: str, line: int) -> ReflectionRecord:
    repairs = None
    if row["repairs_commitment_uid"] or row["repairs_day"]:
        repairs = (row["repairs_commitment_uid"], row["repairs_day"])
    return reflection_record(
        uid=row["uid"], day=row["day"], commitment=row["commitment_uid"] or None,
        repairs=repairs, created_at=row["created_at"] or None,
        updated_at=row["updated_at"] or None, parts=dict(row),
        feeling_before=row["feeling_before"], feeling_after=row["feeling_after"],
        file=name, line=line,
    )
