"""Importing into data that is already there: nothing twice, newer wins, local is safe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services.backups import Backup, list_backups
from selftrust.services.checkins import CheckinState
from selftrust.services.clock import FixedClock
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.events import Change, What
from selftrust.services.interchange import export_file, import_file
from selftrust.services.reflections import ReflectionDraft
from selftrust.services.workspace import Workspace
from tests.services.interchange_helpers import TODAY, db_bytes, fill, workspace

LOOP = Path(__file__).resolve().parents[1] / "interchange" / "fixtures" / "loop_v231_export"


@pytest.fixture
def exported(ws: Workspace, tmp_path: Path) -> Path:
    """A little of everything in ``ws``, exported as one JSON file."""
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    return tmp_path / "all.json"


@contextmanager
def yours(folder: Path, clock: FixedClock, title: str = "Mine") -> Iterator[Workspace]:
    """Another data folder that already holds one commitment of its own."""
    with workspace(folder, clock) as other:
        other.commitments.create(CommitmentDraft(title, Rules()))
        yield other


def counts(ws: Workspace) -> tuple[int, int, int]:
    everything = ws.commitments.all(include_archived=True)
    checkins = sum(len(ws.ledger.entries(c.id)) for c in everything)
    return len(everything), checkins, len(ws.reflections.search())


def test_importing_the_same_file_twice_adds_nothing(
    ws: Workspace, exported: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with workspace(tmp_path / "copy", clock) as copy:
        first = import_file(copy, exported)
        after_first = counts(copy)
        second = import_file(copy, exported)
        assert counts(copy) == after_first == counts(ws)
    assert first.changed and not second.changed
    assert second.commitments_found == first.commitments_added
    assert second.checkins_unchanged == first.checkins_added
    assert second.backup is None  # nothing changed, so no safety copy was needed


def test_json_then_csv_of_the_same_data_adds_nothing(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.json")
    export_file(ws, tmp_path / "all.zip")
    with workspace(tmp_path / "copy", clock) as copy:
        import_file(copy, tmp_path / "all.json")
        assert not import_file(copy, tmp_path / "all.zip").changed


def test_the_later_check_in_wins(ws: Workspace, clock: FixedClock, tmp_path: Path) -> None:
    ids = fill(ws)
    day = TODAY - timedelta(days=20)
    export_file(ws, tmp_path / "old.json")
    copy_dir = tmp_path / "copy"
    with workspace(copy_dir, clock) as copy:
        import_file(copy, tmp_path / "old.json")
    clock.advance(hours=1)
    with workspace(copy_dir, clock) as copy:  # later, the copy records something else
        walk = copy.commitments.find("Walk 20 minutes").id
        copy.checkins.record(walk, day, CheckinState(Status.SKIPPED, None, "rested"))
        again = import_file(copy, tmp_path / "old.json")  # the older file loses
        assert not again.changed
        assert copy.checkins.get(walk, day).state.status is Status.SKIPPED
    clock.advance(hours=1)
    ws.checkins.record(ids["walk"], day, CheckinState(Status.MISSED, None, "newest"))
    export_file(ws, tmp_path / "new.json")
    with workspace(copy_dir, clock) as copy:  # the newer file wins, for that day only
        newer = import_file(copy, tmp_path / "new.json")
        walk = copy.commitments.find("Walk 20 minutes").id
        assert (newer.checkins_replaced, newer.checkins_added) == (1, 0)
        assert copy.checkins.get(walk, day).state == CheckinState(Status.MISSED, None, "newest")


def test_loop_data_never_overwrites_what_you_recorded(
    ws: Workspace, tmp_path: Path
) -> None:
    import_file(ws, LOOP)
    stretch = ws.commitments.find("Stretch").id
    day = min(ws.ledger.entries(stretch))
    ws.checkins.record(stretch, day, CheckinState(Status.SKIPPED, None, "mine"))
    again = import_file(ws, LOOP)
    assert not again.changed
    assert ws.checkins.get(stretch, day).state.note == "mine"


def test_a_title_you_already_use_gets_a_number(
    exported: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with yours(tmp_path / "other", clock, "walk 20 minutes") as other:
        summary = import_file(other, exported)
        titles = [c.title for c in other.commitments.all(include_archived=True)]
    assert "Walk 20 minutes (2)" in titles and "walk 20 minutes" in titles
    assert any("Walk 20 minutes (2)" in w for w in summary.warnings)


def test_imported_commitments_come_after_yours(
    ws: Workspace, exported: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with yours(tmp_path / "other", clock, "Mine first") as other:
        import_file(other, exported)
        order = [c.title for c in other.commitments.all(include_archived=True)]
    assert order[0] == "Mine first"
    assert order[1:] == [c.title for c in ws.commitments.all(include_archived=True)]


def test_settings_come_along_only_into_an_empty_folder(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    ws.update_settings(replace(ws.settings, day_start_hour=6, chosen_week_start=6))
    export_file(ws, tmp_path / "all.json")
    with workspace(tmp_path / "empty", clock) as empty:
        assert import_file(empty, tmp_path / "all.json").settings_applied
        assert (empty.settings.day_start_hour, empty.settings.week_start) == (6, 6)
    with yours(tmp_path / "used", clock) as used:
        summary = import_file(used, tmp_path / "all.json")
        assert not summary.settings_applied
        assert used.settings.day_start_hour == 4
        assert any("yours were kept" in w for w in summary.warnings)


def test_dry_run_tells_exactly_and_changes_nothing(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    export_file(ws, tmp_path / "all.zip")
    target = tmp_path / "target"
    with yours(target, clock):
        pass
    before = db_bytes(target)
    with workspace(target, clock) as other:
        dry = import_file(other, tmp_path / "all.zip", dry_run=True)
    assert db_bytes(target) == before
    assert dry.dry_run and "dry run" in " ".join(dry.lines())
    assert not [b for b in list_backups_of(target, clock) if b.kind == "before-import"]
    with workspace(target, clock) as other:
        real = import_file(other, tmp_path / "all.zip")
    assert replace(dry, dry_run=False) == replace(real, backup=None)


def list_backups_of(folder: Path, clock: FixedClock) -> list[Backup]:
    with workspace(folder, clock) as ws:
        return list_backups(ws)


def test_a_backup_keeps_the_data_from_before_the_import(
    exported: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with yours(tmp_path / "other", clock) as other:
        summary = import_file(other, exported)
        backups = [b for b in list_backups(other) if b.kind == "before-import"]
    assert summary.backup is not None and [b.path for b in backups] == [summary.backup]
    assert summary.backup.name in " ".join(summary.lines())
    with workspace(tmp_path / "restored", clock) as restored:
        from selftrust.services.backups import restore_in_place

        restore_in_place(restored, summary.backup)
        assert [c.title for c in restored.commitments.all()] == ["Mine"]


def test_no_backup_when_importing_into_an_empty_folder(
    exported: Path, clock: FixedClock, tmp_path: Path
) -> None:
    with workspace(tmp_path / "empty", clock) as empty:
        assert import_file(empty, exported).backup is None


def test_repairs_stay_linked_and_later_edits_win(
    ws: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    fill(ws)
    export_file(ws, tmp_path / "old.json")
    copy_dir = tmp_path / "copy"
    with workspace(copy_dir, clock) as copy:
        import_file(copy, tmp_path / "old.json")
        assert copy.stats.report(TODAY).to_json() == ws.stats.report(TODAY).to_json()
    clock.advance(minutes=5)
    first = ws.reflections.search("sofa")[0]
    ws.reflections.update(first.id, ReflectionDraft(day=first.day, happened="Rewritten"))
    export_file(ws, tmp_path / "new.json")
    with workspace(copy_dir, clock) as copy:
        summary = import_file(copy, tmp_path / "new.json")
        assert summary.reflections_replaced == 1 and summary.reflections_added == 0
        assert [r.happened for r in copy.reflections.search("Rewritten")] == ["Rewritten"]
        assert copy.stats.report(TODAY).to_json() == ws.stats.report(TODAY).to_json()


def test_a_hand_made_file_can_add_days_to_your_commitment(
    ws: Workspace, tmp_path: Path
) -> None:
    walk = ws.commitments.create(CommitmentDraft("Walk", Rules(),
                                                 created_on=TODAY - timedelta(days=9)))
    ws.checkins.record(walk.id, TODAY - timedelta(days=2), CheckinState(Status.MISSED))
    doc = {"format": "selftrust", "version": 1, "checkins": [
        {"commitment": walk.uid, "day": (TODAY - timedelta(days=d)).isoformat(),
         "status": "kept"} for d in (1, 2, 3)]}
    (tmp_path / "mine.json").write_text(json.dumps(doc), encoding="utf-8")
    summary = import_file(ws, tmp_path / "mine.json")
    assert (summary.checkins_added, summary.checkins_unchanged) == (2, 1)
    assert ws.checkins.get(walk.id, TODAY - timedelta(days=2)).state.status is Status.MISSED


def test_views_are_told_to_reload(exported: Path, clock: FixedClock, tmp_path: Path) -> None:
    with workspace(tmp_path / "copy", clock) as copy:
        heard: list[Change] = []
        copy.subscribe(heard.append)
        import_file(copy, exported, dry_run=True)
        assert heard == []
        import_file(copy, exported)
        assert heard == [Change(What.EVERYTHING)]
        assert len(copy.commitments.all()) == 6


LOOP_PUBLIC = LOOP.parent / "loop_public_csv_export"


def test_loop_notes_on_days_loop_filled_in_itself_are_kept_as_reflections(
    ws: Workspace,
) -> None:
    """Loop writes notes on YES_AUTO days (days it shaded itself); those days stay
    unmarked here, and a note lives on a check-in, so each such note becomes a free
    reflection about that commitment on that day, its words as "what happened". It
    repairs nothing and counts nothing; importing again adds nothing."""
    from datetime import date

    summary = import_file(ws, LOOP_PUBLIC)
    wake = ws.commitments.find("Wake up early")
    auto_day = date(2015, 1, 23)  # YES_AUTO, "Forgot to do it, really"
    assert ws.checkins.get(wake.id, auto_day) is None  # still unmarked, as in Loop
    notes = {r.day: r for r in ws.reflections.search() if r.commitment_id == wake.id}
    kept = notes[auto_day]
    assert kept.happened == "Forgot to do it, really"
    assert kept.checkin_id is None and not (kept.owning or kept.learned or kept.next_step)
    assert notes[date(2015, 1, 19)].happened == '"Vacation"'
    assert summary.reflections_added == len(notes) == 2
    assert any("became reflections" in w for w in summary.warnings)
    again = import_file(ws, LOOP_PUBLIC)
    assert not again.changed
    assert len(ws.reflections.search()) == 2
