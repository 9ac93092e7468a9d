"""The folder watcher speaks once per settled change: a burst of writes, a file still
growing, a sync tool's rename over an old file, and its hidden work files."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from selftrust.ui.desktop.folder_watch import FolderWatch, is_work_file, listing


def _watch(qtbot: QtBot, folder: Path, poll_ms: int = 300) -> tuple[FolderWatch, list[int]]:
    watch = FolderWatch(poll_ms=poll_ms, settle_ms=150)
    said: list[int] = []
    watch.changed.connect(lambda: said.append(1))
    watch.start(folder)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=3_000)  # what is there already
    return watch, said


def test_a_new_file_is_told_once_after_it_settles(qtbot: QtBot, tmp_path: Path) -> None:
    watch, said = _watch(qtbot, tmp_path)
    with open(tmp_path / "backup.db", "wb") as out:  # written in pieces
        for _ in range(5):
            out.write(b"x" * 1000)
            out.flush()
            qtbot.wait(40)
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3_000)
    qtbot.wait(700)  # nothing more to say while nothing moves
    assert len(said) == 2
    watch.stop()


def test_a_file_still_growing_is_not_ready(qtbot: QtBot, tmp_path: Path) -> None:
    watch, said = _watch(qtbot, tmp_path, poll_ms=100)
    target = tmp_path / "growing.db"
    for i in range(8):  # grows faster than the settle time, for longer than it
        target.write_bytes(b"x" * (i + 1) * 100)
        qtbot.wait(60)
    assert len(said) == 1
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3_000)
    watch.stop()


def test_a_rename_over_an_old_file_is_noticed(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "backup.db").write_bytes(b"old")
    watch, said = _watch(qtbot, tmp_path)
    work = tmp_path / ".syncthing.backup.db.tmp"
    work.write_bytes(b"the new one")
    qtbot.wait(400)
    assert len(said) == 1  # a sync tool's work file is nobody's business
    os.replace(work, tmp_path / "backup.db")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3_000)
    watch.stop()


def test_work_files_and_folders_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "a.db").write_bytes(b"1")
    (tmp_path / "b.db.part").write_bytes(b"1")
    (tmp_path / "~lock").write_bytes(b"1")
    (tmp_path / "sub").mkdir()
    assert set(listing(tmp_path) or {}) == {"a.db"}
    assert listing(tmp_path / "gone") is None
    assert is_work_file(".hidden") and not is_work_file("Loop Habits Backup 1.db")


def test_a_folder_that_cannot_be_read_is_said_once(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "phone"
    folder.mkdir()
    watch, said = _watch(qtbot, folder, poll_ms=100)
    gone: list[str] = []
    watch.unreadable.connect(gone.append)
    folder.rmdir()
    qtbot.waitUntil(lambda: gone == [str(folder)], timeout=3_000)
    qtbot.wait(400)
    assert gone == [str(folder)]
    folder.mkdir()
    (folder / "back.db").write_bytes(b"1")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3_000)  # back again: caught up
    watch.stop()


def test_a_folder_of_folders_is_followed_one_level_down(qtbot: QtBot, tmp_path: Path) -> None:
    """The sync folder's devices/: one folder per device, this device's own left out."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "laptop").mkdir()
    (tmp_path / "laptop" / "log-1.bin").write_bytes(b"1")
    (tmp_path / "laptop" / ".log-2.bin.tmp").write_bytes(b"1")
    assert set(listing(tmp_path, nested=True) or {}) == {"laptop/log-1.bin"}
    watch = FolderWatch(poll_ms=300, settle_ms=150)
    watch.nested = True
    watch.ignore = frozenset({"mine"})
    said: list[int] = []
    watch.changed.connect(lambda: said.append(1))
    watch.start(tmp_path)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=3_000)
    (tmp_path / "mine" / "log-1.bin").write_bytes(b"our own pass")
    qtbot.wait(500)
    assert len(said) == 1
    with open(tmp_path / "laptop" / "log-1.bin", "ab") as out:
        out.write(b"a record more")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=3_000)
    (tmp_path / "office").mkdir()
    (tmp_path / "office" / "log-1.bin").write_bytes(b"a new device")
    qtbot.waitUntil(lambda: len(said) == 3, timeout=3_000)
    watch.stop()
