"""Self-Trust's CSV export: a zip with one UTF-8 CSV file per table, ISO dates.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or carriage return) as a formula, so a note like ``=HYPERLINK(...)`` could do
harm when someone opens the export. Every such cell is written with a leading single
quote, which spreadsheets show as text. A cell that really starts with a quote gets
one more, so reading strips exactly one quote from any cell that starts with one and
the round trip gives back every text exactly (see ``docs/export-format.md``).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from selftrust.interchange.errors import ImportProblem
from selftrust.interchange.guarded_stream import buffered
from selftrust.interchange.native_json import BATCH
from selftrust.interchange.native_records import (
    CSV_FORMAT,
    FORMAT_VERSION,
    MAX_NOTE_LENGTH,
    MAX_POSITION,
    MAX_WHY_LENGTH,
    REFLECTION_PARTS,
    CheckinBatch,
    CheckinRow,
    CommitmentRecord,
    Item,
    ReadProgress,
    ReflectionRecord,
    RowProblem,
    SettingsRecord,
    Snapshot,
    check_color,
    check_day,
    check_feeling,
    check_int,
    check_moment,
    check_moment_text,
    check_optional_day,
    check_reflection_parts,
    check_reminder,
    check_status,
    check_text,
    check_title,
    check_uid,
    check_value,
    make_rules,
    moment_text,
    weekday_names,
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

FORMAT_FILE = "format.csv"
SETTINGS_FILE = "settings.csv"
COMMITMENTS_FILE = "commitments.csv"
PAUSES_FILE = "pauses.csv"
CHECKINS_FILE = "checkins.csv"
REFLECTIONS_FILE = "reflections.csv"

COLUMNS: dict[str, tuple[str, ...]] = {
    FORMAT_FILE: ("format", "version"),
    SETTINGS_FILE: ("key", "value"),
    COMMITMENTS_FILE: (
        "uid", "title", "why", "schedule", "times", "days", "weekdays", "once_on",
        "target_amount", "target_unit", "target_per", "target_at_most", "color", "position",
        "created_on", "archived_on", "reminder_time", "reminder_weekdays",
    ),
    PAUSES_FILE: ("commitment_uid", "first_day", "last_day"),
    CHECKINS_FILE: ("commitment_uid", "day", "status", "value", "note", "recorded_at"),
    REFLECTIONS_FILE: (
        "uid", "day", "commitment_uid", "repairs_commitment_uid", "repairs_day",
        "created_at", "updated_at", *REFLECTION_PARTS, "feeling_before", "feeling_after",
    ),
}  # fmt: skip
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    COMMITMENTS_FILE: ("reminder_time", "reminder_weekdays"),
}
"""Columns added to version 1 later: a file written before them still imports."""
MAX_MEMBER_BYTES = 8 * 1024**3
"""A guard against zip bombs: no file of an export unpacks to more than this."""

Progress = Callable[[int, int], None]


# --- formula neutralisation --------------------------------------------------------------


def neutralise(cell: str) -> str:
    """The cell as written: a quote before anything a spreadsheet would run (or a quote)."""
    if cell and (cell[0] in FORMULA_STARTS or cell[0] == QUOTE):
        return QUOTE + cell
    return cell


def restore(cell: str) -> str:
    """Undo ``neutralise``: exactly one leading quote goes."""
    return cell[1:] if cell.startswith(QUOTE) else cell


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


# --- where the files come from ------------------------------------------------------------


def _member_limit(_n: int, so_far: int, name: str) -> None:
    if so_far > MAX_MEMBER_BYTES:
        raise ImportProblem("unpacks to more than 8 GB; that is not an export", file=name)


class CsvSource:
    """The CSV files of an export: a zip, or the folder it unpacked to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_bytes = [0]
        self._archive: zipfile.ZipFile | None = None
        self._sizes: dict[str, int] = {}
        self._names: dict[str, str] = {}
        if path.is_dir():
            root = path
            if not (root / COMMITMENTS_FILE).is_file():
                nested = [d for d in root.iterdir() if (d / COMMITMENTS_FILE).is_file()]
                if len(nested) == 1:
                    root = nested[0]
            for name in COLUMNS:
                file = root / name
                if file.is_file():
                    self._names[name] = str(file)
                    self._sizes[name] = file.stat().st_size
            return
        try:
            self._archive = zipfile.ZipFile(path)
            infos = self._archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ImportProblem(
                "the zip file is damaged or incomplete (was the download or copy cut short?)",
                file=path.name,
            ) from None
        files = {i.filename: i for i in infos if not i.is_dir()}
        prefix = ""
        if COMMITMENTS_FILE not in files:
            nested = [n for n in files if n.count("/") == 1 and n.endswith("/" + COMMITMENTS_FILE)]
            if len(nested) == 1:
                prefix = nested[0][: -len(COMMITMENTS_FILE)]
        for name in COLUMNS:
            info = files.get(prefix + name)
            if info is not None:
                if info.flag_bits & 0x1:
                    raise ImportProblem("this file inside the zip is password-protected",
                                        file=name)
                self._names[name] = info.filename
                self._sizes[name] = info.file_size

    def __enter__(self) -> CsvSource:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._archive is not None:
            self._archive.close()

    def has(self, name: str) -> bool:
        return name in self._names

    @property
    def total_bytes(self) -> int:
        return sum(self._sizes.values())

    def open(self, name: str) -> BinaryIO:
        where = self._names[name]
        try:
            inner: BinaryIO
            if self._archive is None:
                inner = open(where, "rb")  # noqa: SIM115 - closed by the reader
            else:
                inner = self._archive.open(where)  # type: ignore[assignment]
        except (zipfile.BadZipFile, NotImplementedError, zlib.error, OSError, EOFError) as exc:
            detail = getattr(exc, "strerror", None) or "it is damaged or packed in an unusual way"
            raise ImportProblem(f"cannot be read ({detail})", file=name) from None
        return buffered(inner, name, on_read=self._count,
                        damaged="this file inside the zip is damaged (was the zip cut short?)")

    def _count(self, n: int, so_far: int, name: str) -> None:
        """Bytes read, for the progress bar; and the limit of one member."""
        self.read_bytes[0] += n
        _member_limit(n, so_far, name)


# --- reading ------------------------------------------------------------------------------


def read_csv(path: Path) -> Iterator[Item]:
    """Stream the records of a Self-Trust CSV export (zip or folder)."""
    with CsvSource(path) as source:
        if not source.has(COMMITMENTS_FILE):
            raise ImportProblem(
                "there is no commitments.csv here, so this is not a Self-Trust CSV export",
                file=path.name,
            )
        total = source.total_bytes
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
        for uid, (line, _) in pauses.items():
            if uid not in uids:
                raise ImportProblem(f"the pause belongs to no commitment in {COMMITMENTS_FILE} "
                                    f"(commitment_uid “{uid}”)", file=PAUSES_FILE, line=line)
        if source.has(CHECKINS_FILE):
            batch: list[CheckinRow] = []
            for line, row in _records(source, CHECKINS_FILE):
                batch.append(_guard(_checkin, row, CHECKINS_FILE, line))
                if len(batch) >= BATCH:
                    yield CheckinBatch(batch, CHECKINS_FILE)
                    yield ReadProgress(source.read_bytes[0], total)
                    batch = []
            if batch:
                yield CheckinBatch(batch, CHECKINS_FILE)
        if source.has(REFLECTIONS_FILE):
            for line, row in _records(source, REFLECTIONS_FILE):
                yield _guard(_reflection, row, REFLECTIONS_FILE, line)
        yield ReadProgress(total, total)


def _records(source: CsvSource, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line where the record starts, {column: cell}) with quotes restored; header checked."""
    optional = OPTIONAL_COLUMNS.get(name, ())
    wanted = tuple(c for c in COLUMNS[name] if c not in optional)
    raw = source.open(name)
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="") as text:
        reader = csv.reader(text, strict=True)
        line = 1
        header: list[str] | None = None
        try:
            for row in reader:
                if row and any(row):
                    if "\x00" in "".join(row):
                        raise ImportProblem("is not UTF-8 text (is it a binary file?)",
                                            file=name, line=line)
                    cells = [restore(c) for c in row]
                    if header is None:
                        header = _check_header(cells, wanted, name, line)
                    else:
                        if len(cells) != len(header):
                            raise ImportProblem(
                                f"has {len(cells)} columns, but the header has {len(header)}",
                                file=name, line=line,
                            )
                        record = dict(zip(header, cells, strict=True))
                        for column in optional:
                            record.setdefault(column, "")
                        yield line, record
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise ImportProblem("is not UTF-8 text (is it a binary file?)", file=name,
                                line=line) from None
        except csv.Error as exc:
            detail = str(exc)
            if "NUL" in detail:
                message = "is not UTF-8 text (is it a binary file?)"
            elif "field limit" in detail:
                message = f"has a cell longer than {csv.field_size_limit():,} characters"
            else:
                message = f"is not valid CSV ({detail})"
            raise ImportProblem(message, file=name, line=line) from None
    if header is None:
        raise ImportProblem(f"is empty; it should start with the line “{','.join(wanted)}”",
                            file=name)


def _check_header(cells: list[str], wanted: tuple[str, ...], name: str, line: int) -> list[str]:
    header = [c.strip() for c in cells]
    missing = [c for c in wanted if c not in header]
    if missing:
        raise ImportProblem(
            f"the columns are “{','.join(header)[:120]}”; missing: {', '.join(missing)}",
            file=name, line=line,
        )
    doubled = sorted({c for c in header if header.count(c) > 1})
    if doubled:
        raise ImportProblem(f"the column {doubled[0]} appears twice", file=name, line=line)
    return header


def _guard(parse: Callable[..., Any], row: dict[str, str], name: str, line: int,
           *extra: Any) -> Any:
    try:
        return parse(row, name, line, *extra)
    except RowProblem as exc:
        raise ImportProblem(str(exc), file=name, line=line) from None


def _check_format(source: CsvSource) -> None:
    for line, row in _records(source, FORMAT_FILE):
        if row["format"] != CSV_FORMAT:
            raise ImportProblem(f"the format is “{row['format'][:40]}”, not “{CSV_FORMAT}”; "
                                "this is not a Self-Trust CSV export", file=FORMAT_FILE, line=line)
        version = row["version"].strip()
        if not version.isdigit():
            raise ImportProblem(f"the version “{version[:20]}” is not a number",
                                file=FORMAT_FILE, line=line)
        if int(version) > FORMAT_VERSION:
            raise ImportProblem(f"was written by a newer Self-Trust (format version {version}); "
                                "update Self-Trust to import it", file=FORMAT_FILE, line=line)


def _settings(source: CsvSource) -> Iterator[SettingsRecord]:
    values: dict[str, Any] = {}
    first: int | None = None
    for line, row in _records(source, SETTINGS_FILE):
        first = first or line
        try:
            values[row["key"]] = json.loads(row["value"])
        except ValueError:
            raise ImportProblem(f"the value of “{row['key'][:40]}” is not readable",
                                file=SETTINGS_FILE, line=line) from None
    yield SettingsRecord(values, SETTINGS_FILE, first)


def _pauses(source: CsvSource) -> dict[str, tuple[int, list[tuple[date, date]]]]:
    out: dict[str, tuple[int, list[tuple[date, date]]]] = {}
    for line, row in _records(source, PAUSES_FILE):
        try:
            uid = check_uid(row["commitment_uid"], "commitment id")
            first = check_day(row["first_day"], "first day")
            last = check_day(row["last_day"], "last day")
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
    created = check_day(row["created_on"], "start day (created_on)")
    archived = check_optional_day(row["archived_on"], "archive day")
    if archived is not None and archived < created:
        raise RowProblem("the commitment is archived before it started")
    reminder = None
    if row["reminder_time"].strip():
        reminder = check_reminder(row["reminder_time"].strip(), row["reminder_weekdays"])
    return CommitmentRecord(
        uid=uid,
        title=check_title(row["title"]),
        why=check_text(row["why"], "“why”", MAX_WHY_LENGTH),
        rules=rules,
        color=check_color(row["color"]),
        position=check_int(row["position"] or "0", "position", 0, MAX_POSITION),
        created_on=created,
        archived_on=archived,
        reminder=reminder,
        file=name,
        line=line,
    )


def _checkin(row: dict[str, str], name: str, line: int) -> CheckinRow:
    uid = check_uid(row["commitment_uid"], "commitment id")
    day = check_day(row["day"]).isoformat()
    status = check_status(row["status"])
    value = check_value(row["value"])
    note = check_text(row["note"], "note", MAX_NOTE_LENGTH)
    recorded = row["recorded_at"]
    if not recorded:
        return (uid, day, status, value, note, f"{day} 12:00:00.000000", 0, line)
    return (uid, day, status, value, note, check_moment_text(recorded, "recorded_at time"), 1,
            line)


def _reflection(row: dict[str, str], name: str, line: int) -> ReflectionRecord:
    day = check_day(row["day"])
    link = None
    if row["repairs_commitment_uid"] or row["repairs_day"]:
        link = (check_uid(row["repairs_commitment_uid"], "repaired commitment id"),
                check_day(row["repairs_day"], "repaired day"))
    noon = datetime.combine(day, datetime.min.time()).replace(hour=12)
    created_at = check_moment(row["created_at"], "created_at time") if row["created_at"] else noon
    updated_at = (check_moment(row["updated_at"], "updated_at time") if row["updated_at"]
                  else created_at)
    commitment = row["commitment_uid"]
    return ReflectionRecord(
        uid=check_uid(row["uid"]),
        created_at=created_at,
        updated_at=updated_at,
        day=day,
        commitment_uid=check_uid(commitment, "commitment id") if commitment else None,
        repairs=link,
        parts=check_reflection_parts(dict(row)),
        feeling_before=check_feeling(row["feeling_before"], "feeling before"),
        feeling_after=check_feeling(row["feeling_after"], "feeling after"),
        file=name,
        line=line,
    )

