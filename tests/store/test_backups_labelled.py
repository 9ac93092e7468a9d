"""Labelled backups ("before-import", "before-update") do not pile up: the newest five of
each label stay, and the one just made is never the one to go."""

from __future__ import annotations

import os
from datetime import timedelta

from store_helpers import NOW, add_commitment

from selftrust.store import backups
from selftrust.store.backups import KEEP_LABELLED, back_up_labelled, list_backups
from selftrust.store.database import Database
from selftrust.store.paths import DataFolder


def _of(folder: DataFolder, kind: str) -> list[str]:
    """The names of one kind, oldest first."""
    return sorted(b.path.name for b in list_backups(folder) if b.kind == kind)


def test_the_newest_five_imports_are_kept(db: Database) -> None:
    assert KEEP_LABELLED == 5
    made = []
    for i in range(8):
        with db.transaction() as conn:
            add_commitment(conn, uid=f"c{i}", title=f"Walk {i}")
        made.append(back_up_labelled(db.folder, "before-import",
                                     now=NOW + timedelta(days=i, minutes=i)))
    assert _of(db.folder, "before-import") == sorted(b.path.name for b in made[-5:])
    assert [b.path.exists() for b in made] == [False] * 3 + [True] * 5


def test_each_label_counts_on_its_own_and_dailies_are_left_alone(db: Database) -> None:
    folder = db.folder
    mine = folder.backups / "my-notes.txt"
    mine.write_text("keep me")
    for i in range(2):
        back_up_labelled(folder, "before-update", now=NOW + timedelta(hours=i))
    for i in range(7):
        back_up_labelled(folder, "before-import", now=NOW + timedelta(days=1, hours=i))
    assert len(_of(folder, "before-update")) == 2
    assert len(_of(folder, "before-import")) == 5
    assert _of(folder, "daily") == ["selftrust-2026-03-02.db"]
    assert mine.read_text() == "keep me"
    for i in range(6):
        back_up_labelled(folder, "before-update", now=NOW + timedelta(days=2, hours=i))
    assert len(_of(folder, "before-update")) == 5
    assert len(_of(folder, "before-import")) == 5


def test_the_one_just_made_stays_when_the_clock_went_back(db: Database) -> None:
    folder = db.folder
    for i in range(5):
        back_up_labelled(folder, "before-import", now=NOW + timedelta(days=10 + i))
    earlier = back_up_labelled(folder, "before-import", now=NOW)  # the clock was set back
    assert earlier.path.exists()
    names = _of(folder, "before-import")
    assert len(names) == 5 and earlier.path.name in names
    newest_first = [b.path.name for b in list_backups(folder) if b.kind == "before-import"]
    assert newest_first[-1] == earlier.path.name  # the oldest by its time, and still kept
    # the one that went is the oldest of the others
    assert "selftrust-before-import-20260312-093000.db" not in names


def test_prune_labelled_keeps_five_with_the_spared_one_among_them(folder: DataFolder) -> None:
    folder.ensure()
    paths = []
    for i in range(7):
        path = folder.backups / f"selftrust-before-import-2026010{i + 1}-120000.db"
        path.write_bytes(b"x")
        moment = (NOW + timedelta(days=i)).timestamp()
        os.utime(path, (moment, moment))
        paths.append(path)
    other = folder.backups / "selftrust-before-update-20260101-120000.db"
    other.write_bytes(b"x")
    removed = backups.prune_labelled(folder, "before-import", spare=paths[0])
    assert sorted(removed) == paths[1:3]
    assert _of(folder, "before-import") == [p.name for p in (paths[0], *paths[3:])]
    assert other.exists()
