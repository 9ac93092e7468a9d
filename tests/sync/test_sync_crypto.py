"""With a passphrase a cloud provider sees only ciphertext; a wrong one is refused plainly
and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_core_helpers import Device, devices

from selftrust.sync import SyncError, SyncFolder

SECRET_WORDS = ["Gratitude journal", "Called mum", "Anna's laptop", "Tea with Sam"]


def _every_byte(root: Path) -> bytes:
    """File names and contents of everything in the sync folder."""
    return b"\n".join(str(p.relative_to(root)).encode() + b"\n" + (
        p.read_bytes() if p.is_file() else b"") for p in sorted(root.rglob("*")))


def test_no_title_note_or_device_name_appears_in_the_folder(tmp_path: Path) -> None:
    desk = Device(tmp_path, "dev0", "Anna's laptop", "correct horse")
    laptop = Device(tmp_path, "dev1", "Work", "correct horse")
    desk.change("commitment", "u1", {"title": "Gratitude journal"})
    desk.change("checkin", "u1/2026-03-01", {"status": "kept", "note": "Called mum"})
    laptop.change("reflection", "r1", {"happened": "Tea with Sam"})
    assert laptop.fields("checkin", "u1/2026-03-01") is None
    laptop.sync()
    desk.sync()
    assert laptop.fields("checkin", "u1/2026-03-01") == {"status": "kept", "note": "Called mum"}
    assert desk.fields("reflection", "r1") == {"happened": "Tea with Sam"}
    assert {d.name for d in laptop.folder().devices()} == {"Anna's laptop", "Work"}
    everything = _every_byte(tmp_path).lower()
    for words in SECRET_WORDS:
        for form in (words.encode(), words.encode("utf-16-le"), words.encode().hex().encode()):
            assert form.lower() not in everything, words


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    desk = Device(tmp_path, "dev0", "Desk", "correct horse")
    desk.change("commitment", "u1", {"title": "Walk"})
    before = _every_byte(tmp_path)
    with pytest.raises(SyncError, match="That passphrase does not open this sync folder"):
        SyncFolder.open(tmp_path, "dev1", "Laptop", "wrong horse")
    assert _every_byte(tmp_path) == before


def test_an_encrypted_folder_asks_for_its_passphrase(tmp_path: Path) -> None:
    devices(tmp_path, 1, passphrase="correct horse")[0].folder()
    with pytest.raises(SyncError, match="protected by a passphrase"):
        SyncFolder.open(tmp_path, "dev1", "Laptop", None)


def test_a_plain_folder_refuses_a_passphrase(tmp_path: Path) -> None:
    devices(tmp_path, 1)[0].folder()
    with pytest.raises(SyncError, match="set up without a passphrase"):
        SyncFolder.open(tmp_path, "dev1", "Laptop", "correct horse")


def test_an_empty_passphrase_means_none(tmp_path: Path) -> None:
    assert not SyncFolder.open(tmp_path, "dev0", "Desk", "").encrypted


def test_records_sealed_for_one_device_do_not_pass_as_anothers(tmp_path: Path) -> None:
    desk, laptop = devices(tmp_path, 2, passphrase="pw")
    desk.change("commitment", "u1", {"title": "Walk"})
    own = tmp_path / "Self-Trust" / "devices"
    (own / "dev1").mkdir(exist_ok=True)
    for log in (own / "dev0").glob("log-*.bin"):
        (own / "dev1" / log.name).write_bytes(log.read_bytes())  # a forged copy
    tablet = Device(tmp_path, "dev2", "Tablet", "pw")
    received = tablet.sync()
    assert set(received.changed) == {("commitment", "u1")}
    assert received.skipped and "could not be read" in received.skipped[0]
