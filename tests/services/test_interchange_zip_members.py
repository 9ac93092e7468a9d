"""A zip whose directory is fine but whose packed data is not (a copy cut or garbled in
the middle), and a zip that unpacks far past any real export: each is refused in one
line that names the file inside the zip, and the data is left exactly as it was."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from selftrust.interchange import loop_csv, native_csv
from selftrust.services.clock import FixedClock
from selftrust.services.interchange import ImportRefused, export_file, import_file
from tests.services.interchange_helpers import db_bytes, fill, workspace

LOOP = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "loop_v231_export"


def _deflated(folder_or_zip: Path, out: Path) -> Path:
    """The same files, deflated (so their data can be garbled without touching names)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if folder_or_zip.is_dir():
            for file in sorted(folder_or_zip.rglob("*")):
                if file.is_file():
                    archive.write(file, file.relative_to(folder_or_zip).as_posix())
        else:
            with zipfile.ZipFile(folder_or_zip) as source:
                for info in source.infolist():
                    archive.writestr(info.filename, source.read(info))
    return out


def _garble(path: Path, member: str) -> Path:
    """Overwrite the start of one member's packed data (a deflate block of a kind that
    does not exist); the zip's directory stays whole."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:
                                                   info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start:start + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return path


@pytest.fixture
def target(tmp_path: Path, clock: FixedClock) -> tuple[Path, Path]:
    """(a data folder holding data, a CSV export of it)."""
    data = tmp_path / "data"
    with workspace(data, clock) as ws:
        fill(ws)
        export_file(ws, tmp_path / "good.zip")
    return data, tmp_path / "good.zip"


def _refused(data: Path, bad: Path, clock: FixedClock) -> str:
    before = db_bytes(data)
    with workspace(data, clock) as ws:
        with pytest.raises(ImportRefused) as refused:
            import_file(ws, bad)
    assert db_bytes(data) == before
    message = str(refused.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("whose", "name", "member"), [
    ("ours", "garbled.zip", "checkins.csv"),
    ("loop", "Loop Habits CSV.zip", "Habits.csv"),
])
def test_garbled_data_inside_a_zip(target: tuple[Path, Path], tmp_path: Path,
                                   clock: FixedClock, whose: str, name: str,
                                   member: str) -> None:
    data, good = target
    bad = _garble(_deflated(good if whose == "ours" else LOOP, tmp_path / name), member)
    message = _refused(data, bad, clock)
    assert member in message and "damaged" in message, message


def test_a_member_that_unpacks_too_far_is_stopped(
    target: tuple[Path, Path], tmp_path: Path, clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real limits are gigabytes; a small one shows the same guard at work."""
    data, good = target
    monkeypatch.setattr(native_csv, "MAX_MEMBER_BYTES", 64)
    assert "that is not an export" in _refused(data, good, clock)
    monkeypatch.setattr(loop_csv, "MAX_MEMBER_BYTES", 64)
    loop = _deflated(LOOP, tmp_path / "Loop Habits CSV.zip")
    assert "that is not a Loop export" in _refused(data, loop, clock)
