"""Reflection drafts in the data folder: kept across a crash, private, never corrupted."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from selftrust.services.drafts import (
    DRAFTS_FILE,
    FREE_KEY,
    Draft,
    DraftStore,
    draft_key,
    drafts_of,
    edit_key,
)
from selftrust.services.workspace import Workspace

DAY = date(2026, 11, 23)


def test_a_draft_comes_back_from_a_new_store_on_the_same_folder(tmp_path: Path) -> None:
    key = draft_key(3, DAY)
    DraftStore(tmp_path).put(key, Draft(3, DAY, {"owning": "I chose the sofa, but"}, 2, None))
    again = DraftStore(tmp_path).get(key)
    assert again is not None
    assert again.parts["owning"] == "I chose the sofa, but"
    assert (again.commitment_id, again.day, again.feeling_before) == (3, DAY, 2)


def test_keys_keep_each_place_apart() -> None:
    assert draft_key(None, None) == draft_key(None, DAY) == FREE_KEY
    assert draft_key(1, DAY) != draft_key(1, date(2026, 11, 22)) != draft_key(2, DAY)
    assert edit_key(5) != draft_key(5, DAY)


def test_removing_one_draft_keeps_the_others(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.put("a", Draft(parts={"happened": "one"}))
    store.put("b", Draft(parts={"happened": "two"}))
    store.remove("a")
    assert store.get("a") is None
    assert store.get("b") is not None
    store.remove("b")
    assert not (tmp_path / DRAFTS_FILE).exists()


def test_an_empty_draft_is_not_kept(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.put("a", Draft(parts={"happened": "words"}))
    store.put("a", Draft(parts={"happened": "   "}))
    assert store.get("a") is None


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_drafts_file_is_owner_only(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.put("a", Draft(parts={"happened": "private words"}))
    assert stat.S_IMODE((tmp_path / DRAFTS_FILE).stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [DRAFTS_FILE]  # no temporary file left


def test_an_unreadable_file_is_set_aside_not_deleted(tmp_path: Path) -> None:
    (tmp_path / DRAFTS_FILE).write_text("{not json", encoding="utf-8")
    store = DraftStore(tmp_path)
    assert store.get("a") is None
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(f"{DRAFTS_FILE}.unreadable")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    store.put("a", Draft(parts={"happened": "fresh"}))
    assert store.get("a") is not None


def test_a_failed_write_leaves_the_previous_drafts(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = DraftStore(tmp_path)
    store.put("a", Draft(parts={"happened": "safe"}))

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        store.put("b", Draft(parts={"happened": "lost?"}))
    monkeypatch.undo()
    assert store.get("a") is not None and store.get("b") is None
    assert [p.name for p in tmp_path.iterdir()] == [DRAFTS_FILE]


def test_drafts_live_in_the_workspace_data_folder(ws: Workspace, data_dir: Path) -> None:
    drafts_of(ws).put(FREE_KEY, Draft(parts={"learned": "Mornings work."}))
    assert (data_dir / DRAFTS_FILE).exists()
