"""File → Import…, Export… and Backups…, driven like a person would (answers scripted)."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.domain.history import Status
from selftrust.services import auto_export
from selftrust.services.checkins import CheckinState
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.events import Change, What
from selftrust.services.interchange import export_file
from selftrust.ui.dialogs import data_dialogs
from selftrust.ui.dialogs.backups_dialog import BackupsDialog
from selftrust.ui.dialogs.data_task import DataTask, Outcome
from selftrust.ui.shell.main_window import MainWindow
from tests.services.interchange_helpers import fill

WAIT_MS = 30_000


def wait(qtbot: QtBot, task: DataTask | None) -> DataTask:
    assert task is not None
    if task.outcome is None:
        with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
            pass
    return task


def titles(window: MainWindow) -> list[str]:
    return [c.title for c in window.ctx.ws.commitments.all(include_archived=True)]


@pytest.fixture
def export(tmp_path: Path, clock, window: MainWindow) -> Path:  # type: ignore[no-untyped-def]
    """A JSON export of some data made elsewhere."""
    from tests.services.interchange_helpers import workspace

    with workspace(tmp_path / "elsewhere", clock) as other:
        fill(other)
        export_file(other, tmp_path / "elsewhere.json")
    return tmp_path / "elsewhere.json"


# --- import -----------------------------------------------------------------------------


def test_import_from_the_file_menu(qtbot: QtBot, window: MainWindow, prompter, export: Path
                                   ) -> None:  # type: ignore[no-untyped-def]
    prompter.answers = [export]
    heard: list[object] = []
    window.ctx.bridge.changed.connect(heard.append)
    window.actions_.import_data.trigger()
    qtbot.waitUntil(lambda: any(kind == "inform" for kind, *_ in prompter.asked),
                    timeout=WAIT_MS)
    kind, title, text, detail = prompter.asked[-1]
    assert title == "Import finished"
    assert "7 commitments" in text and "check-ins" in text and "4 reflections" in text
    assert "Walk 20 minutes" in titles(window)
    assert Change(What.EVERYTHING) in heard  # every view reloads
    assert prompter.asked[0][0] == "open_file"


def test_import_twice_says_nothing_new(qtbot: QtBot, window: MainWindow, prompter,
                                       export: Path) -> None:  # type: ignore[no-untyped-def]
    wait(qtbot, data_dialogs.start_import(window.ctx, window, export))
    task = wait(qtbot, data_dialogs.start_import(window.ctx, window, export))
    assert task.outcome is Outcome.DONE and not task.result.changed
    assert prompter.asked[-1][1] == "Nothing new to import"
    assert titles(window).count("Walk 20 minutes") == 1


def test_a_bad_file_is_refused_with_where_and_why(
    qtbot: QtBot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "selftrust", "version": 1,\n"checkins": [\n'
                   '{"commitment": "x", "day": "2026-02-31", "status": "kept"}]}')
    prompter.answers = [bad]
    task = wait(qtbot, data_dialogs.import_data(window.ctx, window))
    assert task.outcome is Outcome.FAILED
    kind, title, text, detail = prompter.asked[-1]
    assert (kind, title) == ("problem", "That file could not be imported")
    assert "broken.json, line 3" in text and "2026-02-31" in text
    assert "Nothing in your data was changed" in text
    assert titles(window) == []


def test_choosing_no_file_does_nothing(window: MainWindow, prompter) -> None:  # type: ignore[no-untyped-def]
    prompter.answers = [None]
    assert data_dialogs.import_data(window.ctx, window) is None


def big_export(path: Path, rows: int) -> Path:
    start = date(1990, 1, 1)
    commitments = 10
    per = rows // commitments
    lines = ['{"format": "selftrust", "version": 1, "commitments": [']
    lines.append(",\n".join(
        json.dumps({"uid": f"c{n}", "title": f"Habit {n}", "schedule": {"kind": "daily"},
                    "color": "#3f8f6b", "position": n, "created_on": start.isoformat()})
        for n in range(commitments)))
    lines.append('], "checkins": [')
    lines.append(",\n".join(
        f'{{"commitment": "c{n}", "day": "{(start + timedelta(days=d)).isoformat()}", '
        f'"status": "kept", "recorded_at": "2026-01-01T10:00:00Z"}}'
        for n in range(commitments) for d in range(per)))
    lines.append("]}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_cancel_a_long_import_leaves_nothing_behind(
    qtbot: QtBot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.ctx.ws.commitments.create(CommitmentDraft("Mine", Rules()))
    big = big_export(tmp_path / "big.json", 100_000)
    task = data_dialogs.start_import(window.ctx, window, big)
    with qtbot.waitSignal(task.progressed, timeout=WAIT_MS):
        pass
    qtbot.mouseClick(task.cancel_button, Qt.MouseButton.LeftButton)  # the person presses Cancel
    wait(qtbot, task)
    assert task.outcome is Outcome.CANCELLED
    assert prompter.asked[-1][1] == "Import cancelled"
    assert titles(window) == ["Mine"]
    with window.ctx.ws.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM checkin").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM commitment").scalar() == 1
    backups = window.ctx.ws.db.folder.backups
    assert not list(backups.glob("selftrust-before-import-*"))


# --- export -----------------------------------------------------------------------------


def test_export_json(qtbot: QtBot, window: MainWindow, prompter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(window.ctx.ws)
    prompter.answers = [0, tmp_path / "mine.json"]
    task = wait(qtbot, data_dialogs.export_data(window.ctx, window))
    assert task.outcome is Outcome.DONE
    data = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert len(data["commitments"]) == 7
    kind, title, text, detail = prompter.asked[-1]
    assert title == "Export saved" and "mine.json" in text and "7 commitments" in text
    assert prompter.asked[1][2] == "selftrust-export-2026-11-24.json"  # suggested name


def test_export_csv_adds_the_zip_suffix(qtbot: QtBot, window: MainWindow, prompter,
                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(window.ctx.ws)
    prompter.answers = [1, tmp_path / "for-my-spreadsheet"]
    wait(qtbot, data_dialogs.export_data(window.ctx, window))
    with zipfile.ZipFile(tmp_path / "for-my-spreadsheet.zip") as archive:
        assert "checkins.csv" in archive.namelist()


def test_export_to_a_folder_that_is_gone(qtbot: QtBot, window: MainWindow, prompter,
                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prompter.answers = [0, tmp_path / "gone" / "mine.json"]
    task = wait(qtbot, data_dialogs.export_data(window.ctx, window))
    assert task.outcome is Outcome.FAILED
    assert prompter.asked[-1][:2] == ("problem", "The export could not be saved")


# --- backups ------------------------------------------------------------------------------


def open_dialog(qtbot: QtBot, window: MainWindow) -> BackupsDialog:
    window.actions_.backups.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_backups_are_listed_with_date_and_size(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    assert data_dialogs.show_backups(window.ctx, window) is dialog  # one at a time
    assert dialog.list.topLevelItemCount() >= 1
    first = dialog.list.topLevelItem(0)
    assert first.text(0).startswith("Today, ") and first.text(1) == "Daily"
    assert first.text(2).endswith("KB")
    dialog.close()


def test_back_up_now_with_its_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.list, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert dialog.status.text().startswith("Backed up just now")
    dialog.close()


def test_restore_asks_then_brings_the_data_back_and_views_reload(
    qtbot: QtBot, window: MainWindow, prompter
) -> None:  # type: ignore[no-untyped-def]
    ws = window.ctx.ws
    ws.commitments.create(CommitmentDraft("Before", Rules()))
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    after = ws.commitments.create(CommitmentDraft("After", Rules()))
    ws.checkins.record(after.id, ws.today(), CheckinState(Status.KEPT))
    window.ctx.undo.push(_noop_command())
    dialog.refresh()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))

    prompter.answers = [False]  # "Keep my data"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Before", "After"]

    prompter.answers = [True]
    with qtbot.waitSignal(window.ctx.bridge.changed, timeout=WAIT_MS,
                          check_params_cb=lambda c: c == Change(What.EVERYTHING)):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Before"]
    assert window.ctx.undo.count() == 0  # the undo history described the other data
    kinds = [(k, t) for k, t, *_ in prompter.asked]
    assert ("ask", "Restore this backup?") in kinds and ("inform", "Backup restored") in kinds
    ws.commitments.create(CommitmentDraft("Life goes on", Rules()))  # still writable
    dialog.close()


def _noop_command():  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("something")


# --- the daily copy -------------------------------------------------------------------------


def test_turning_on_the_daily_copy_writes_it(
    qtbot: QtBot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fill(window.ctx.ws)
    sync = tmp_path / "Sync"
    sync.mkdir()
    dialog = open_dialog(qtbot, window)
    prompter.answers = [sync]
    dialog.auto_box.click()
    qtbot.waitUntil(lambda: (sync / auto_export.FILE_NAME).exists() and
                    dialog._exporting is None, timeout=WAIT_MS)
    assert dialog.auto_box.isChecked()
    assert str(sync.resolve()) in dialog.folder_label.text()
    assert dialog.auto_status.text().startswith("Last saved today at 12:00")
    dialog.auto_box.click()
    assert window.ctx.ws.settings.auto_export_folder == ""
    assert dialog.auto_status.text().startswith("Off.")
    dialog.close()


def test_no_folder_chosen_keeps_it_off(qtbot: QtBot, window: MainWindow, prompter) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, window)
    prompter.answers = [None]
    dialog.auto_box.click()
    assert not dialog.auto_box.isChecked()
    dialog.close()


def test_the_app_writes_the_daily_copy_by_itself(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    fill(window.ctx.ws)
    auto_export.set_folder(window.ctx.ws, tmp_path)
    exporter = data_dialogs.start_auto_export(window.ctx, window)
    qtbot.waitUntil(lambda: exporter.last is not None, timeout=WAIT_MS)
    assert exporter.last.outcome is auto_export.Outcome.WRITTEN
    assert (tmp_path / auto_export.FILE_NAME).exists()
    assert data_dialogs.start_auto_export(window.ctx, window) is exporter  # one per window


def test_screenshot_target_is_the_backups_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = data_dialogs.screenshot_target(window.ctx, window)
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, BackupsDialog) and dialog.isVisible()
    dialog.close()
    dialog.deleteLater()


def test_everything_has_a_name_for_screen_readers(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.list.accessibleName() == "Backups"
    for button in (dialog.back_up_button, dialog.restore_button, dialog.choose_button):
        assert button.text().replace("&", "")
        assert "&" in button.text()  # a mnemonic for the keyboard
    dialog.close()


def test_the_summary_tells_what_is_good_to_know(
    qtbot: QtBot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "interchange"))
    from loop_db_builder import DbHabit, build_loop_db

    habit = DbHabit("Budget check", freq_num=2, freq_den=31,
                    reps=[(date(2025, 3, 1), 2, None), (date(2025, 3, 9), 2, "done, finally")])
    backup = build_loop_db(tmp_path / "Loop Habits Backup 2025-03-16.db", 25, [habit])
    prompter.answers = [backup]
    wait(qtbot, data_dialogs.import_data(window.ctx, window))
    kind, title, text, detail = prompter.asked[-1]
    assert title == "Import finished"
    assert "Loop Habit Tracker backup: 1 commitment, 2 check-ins." in text
    assert detail.startswith("Good to know:")
    assert "2 times in 31 days becomes 2 times a month" in detail
    assert titles(window) == ["Budget check"]
