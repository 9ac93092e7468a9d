"""A file that cannot be imported changes nothing, byte for byte, and says where and why."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from selftrust.services.clock import FixedClock
from selftrust.services.interchange import ImportRefused, export_file, import_file
from tests.services.interchange_helpers import db_bytes, fill, workspace, zip_texts

FIXTURES = Path(__file__).resolve().parents[1] / "interchange" / "fixtures"
LOOP = FIXTURES / "loop_v231_export"


@pytest.fixture
def setup(tmp_path: Path, clock: FixedClock) -> tuple[Path, Path, Path]:
    """(data folder with data, its JSON export, its CSV export); the folder is closed."""
    data = tmp_path / "data"
    with workspace(data, clock) as ws:
        fill(ws)
        export_file(ws, tmp_path / "good.json")
        export_file(ws, tmp_path / "good.zip")
    # the import target: another folder that already holds (other) data
    return data, tmp_path / "good.json", tmp_path / "good.zip"


def _json(good: Path, out: Path, change: Callable[[str], str]) -> Path:
    out.write_text(change(good.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def _zip(good: Path, out: Path, member: str, change: Callable[[str], str]) -> Path:
    texts = zip_texts(good)
    texts[member] = change(texts[member])
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in texts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out


def _loop_folder(out: Path, member: str, change: Callable[[str], str]) -> Path:
    shutil.copytree(LOOP, out)
    path = out / member
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def _zip_folder(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return out


def _cut(path: Path, out: Path) -> Path:
    data = path.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    return out


def _nth_line_with(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


CASES: dict[str, Callable[[Path, Path, Path], tuple[Path, list[str]]]] = {
    "truncated zip of ours": lambda j, z, t: (
        _cut(z, t / "cut.zip"), ["cut.zip", "damaged or incomplete"]),
    "truncated Loop zip": lambda j, z, t: (
        _cut(_zip_folder(LOOP, t / "loop.zip"), t / "Loop Habits CSV.zip"),
        ["Loop Habits CSV.zip", "damaged or incomplete"]),
    "truncated JSON": lambda j, z, t: (
        _cut(j, t / "cut.json"), ["cut.json, line ", "cut short"]),
    "wrong columns in our checkins.csv": lambda j, z, t: (
        _zip(z, t / "cols.zip", "checkins.csv",
             lambda s: s.replace("commitment_uid,day,status", "habit,date,state", 1)),
        ["cols.zip › checkins.csv, line 1", "missing: commitment_uid, day, status"]),
    "wrong columns in Loop's Habits.csv": lambda j, z, t: (
        _loop_folder(t / "loopcols", "Habits.csv",
                     lambda s: s.replace("Position,Name", "Nr,Title")),
        ["loopcols › Habits.csv, line 1", "not those of a Loop export"]),
    "bad date in JSON": lambda j, z, t: (
        _json(j, t / "date.json",
              lambda s: s.replace('"day": "2026-10-20"', '"day": "2026-13-01"', 1)),
        ["date.json, line ", "“2026-13-01” is not a date"]),
    "bad date in our CSV": lambda j, z, t: (
        _zip(z, t / "date.zip", "checkins.csv",
             lambda s: s.replace(",2026-10-20,", ",20/10/2026,", 1)),
        ["date.zip › checkins.csv, line ", "“20/10/2026” is not a date"]),
    "bad date in Loop's check-marks": lambda j, z, t: (
        _loop_folder(t / "loopdate", "001 Stretch/Checkmarks.csv",
                     lambda s: s.replace("2025-03-0", "2025-03-4", 1)),
        ["loopdate › 001 Stretch/Checkmarks.csv, line ", "is not a date"]),
    "unknown status in JSON": lambda j, z, t: (
        _json(j, t / "status.json",
              lambda s: s.replace('"status": "skipped"', '"status": "done"', 1)),
        ["status.json, line ", "“done” is not one Self-Trust knows"]),
    "unknown status in our CSV": lambda j, z, t: (
        _zip(z, t / "status.zip", "checkins.csv", lambda s: s.replace(",missed,", ",maybe,", 1)),
        ["status.zip › checkins.csv, line ", "“maybe” is not one Self-Trust knows"]),
    "unknown value in Loop's check-marks": lambda j, z, t: (
        _loop_folder(t / "loopval", "001 Stretch/Checkmarks.csv",
                     lambda s: s.replace("YES_MANUAL", "MAYBE", 1)),
        ["loopval › 001 Stretch/Checkmarks.csv, line ", "“MAYBE” is not a Loop check-mark"]),
    "a binary file": lambda j, z, t: (
        _bytes(t / "photo.json", bytes(range(256)) * 40), ["photo.json", "not"]),
    "a 0-byte file": lambda j, z, t: (
        _bytes(t / "empty.json", b""), ["empty.json", "empty (0 bytes)"]),
    "a check-in twice": lambda j, z, t: (
        _json(j, t / "twice.json", _duplicate_first_checkin),
        ["twice.json, line ", "appears twice (also on line "]),
    "a check-in of no commitment": lambda j, z, t: (
        _json(j, t / "orphan.json", _orphan),
        ["orphan.json, line ", "belongs to no commitment"]),
    "a reflection repairing nothing": lambda j, z, t: (
        _json(j, t / "repair.json", _repair_missing_day),
        ["repair.json, line ", "repairs the check-in of 2020-01-01"]),
    "our own database": lambda j, z, t: (
        _copy_db(t), ["selftrust-copy.db", "restore it under File → Backups"]),
}


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _copy_db(tmp: Path) -> Path:
    target = tmp / "selftrust-copy.db"
    shutil.copy(tmp / "data" / "selftrust.db", target)
    return target


def _duplicate_first_checkin(text: str) -> str:
    lines = text.splitlines()
    at = _nth_line_with(text, '"checkins": [')
    lines.insert(at + 1, lines[at] if lines[at].endswith(",") else lines[at] + ",")
    return "\n".join(lines)


def _orphan(text: str) -> str:
    data = json.loads(text)
    data["checkins"][7]["commitment"] = "nobody"
    return json.dumps(data, indent=1)


def _repair_missing_day(text: str) -> str:
    data = json.loads(text)
    data["reflections"][-1]["repairs"] = {"commitment": data["commitments"][0]["uid"],
                                          "day": "2020-01-01"}
    return json.dumps(data, indent=1)


@pytest.mark.parametrize("case", CASES)
def test_bad_file_changes_nothing_and_says_where(
    setup: tuple[Path, Path, Path], tmp_path: Path, clock: FixedClock, case: str
) -> None:
    data, good_json, good_zip = setup
    bad, expected = CASES[case](good_json, good_zip, tmp_path)
    before = db_bytes(data)
    with workspace(data, clock) as ws:
        with pytest.raises(ImportRefused) as refused:
            import_file(ws, bad)
        with pytest.raises(ImportRefused):
            import_file(ws, bad, dry_run=True)
    assert db_bytes(data) == before
    message = str(refused.value)
    assert "\n" not in message
    for part in expected:
        assert part in message, message


def test_the_good_files_do_import(setup: tuple[Path, Path, Path], tmp_path: Path,
                                  clock: FixedClock) -> None:
    """The bad files above are broken copies of these, which import cleanly."""
    _, good_json, good_zip = setup
    for good in (good_json, good_zip, _zip_folder(LOOP, tmp_path / "loop.zip")):
        with workspace(tmp_path / f"fresh-{good.name}", clock) as ws:
            assert import_file(ws, good).changed
