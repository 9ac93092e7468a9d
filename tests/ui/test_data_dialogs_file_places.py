"""File › Export… and Import… open in the folder last used for that kind of file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from selftrust.ui.dialogs import data_dialogs
from selftrust.ui.dialogs.data_task import Outcome
from selftrust.ui.shell.main_window import MainWindow
from tests.services.interchange_helpers import fill
from tests.ui.conftest import ScriptedPrompter
from tests.ui.test_data_dialogs import wait


def _starts(prompter: ScriptedPrompter, kind: str) -> list[str]:
    return [detail for k, _title, _text, detail in prompter.asked if k == kind]


def test_each_kind_of_file_remembers_its_folder(qtbot: QtBot, window: MainWindow,
                                                 prompter: ScriptedPrompter,
                                                 tmp_path: Path) -> None:
    fill(window.ctx.ws)
    saved, other = tmp_path / "saved", tmp_path / "downloads"
    saved.mkdir()
    other.mkdir()
    prompter.answers = [0, saved / "mine.json"]
    assert wait(qtbot, data_dialogs.export_data(window.ctx, window)).outcome is Outcome.DONE
    prompter.answers = [1, None]  # the next export: chosen CSV, then cancelled
    data_dialogs.export_data(window.ctx, window)
    first, second = _starts(prompter, "save_file")
    assert first == str(Path.home())
    assert second == str(saved)
    names = [text for k, _t, text, _d in prompter.asked if k == "save_file"]
    assert names == ["selftrust-export-2026-11-24.json", "selftrust-export-2026-11-24.zip"]

    prompter.answers = [None]  # Import… starts where the export went, never used before
    data_dialogs.import_data(window.ctx, window)
    assert _starts(prompter, "open_file")[-1] == str(saved)
    (other / "theirs.json").write_bytes((saved / "mine.json").read_bytes())
    prompter.answers = [other / "theirs.json"]
    assert wait(qtbot, data_dialogs.import_data(window.ctx, window)).outcome is Outcome.DONE
    prompter.answers = [None]
    data_dialogs.import_data(window.ctx, window)
    assert _starts(prompter, "open_file")[-1] == str(other)
    prompter.answers = [0, None]  # exports still open where exports went
    data_dialogs.export_data(window.ctx, window)
    assert _starts(prompter, "save_file")[-1] == str(saved)


def test_a_folder_that_is_gone_falls_back_to_home(window: MainWindow,
                                                  prompter: ScriptedPrompter,
                                                  tmp_path: Path) -> None:
    window.ctx.prefs.set_value("files/export_folder", str(tmp_path / "gone"))
    prompter.answers = [0, None]
    data_dialogs.export_data(window.ctx, window)
    assert _starts(prompter, "save_file") == [str(Path.home())]


def test_choosing_a_backup_to_restore_opens_in_the_backups_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, prompter: ScriptedPrompter) -> None:
    from selftrust.services.errors import DataProblem
    from selftrust.store.backups import Backup
    from selftrust.ui.shell import launch

    folder = tmp_path / "backups"
    found = [Backup(folder / f"selftrust-2026-11-2{n}.db", datetime(2026, 11, 20 + n), 10,
                    "daily") for n in (2, 3)]

    def damaged(*_args: Any, **_options: Any) -> None:
        raise DataProblem("The data file is damaged.", path=str(tmp_path), kind="damaged")

    monkeypatch.setattr(launch, "open_workspace", damaged)
    monkeypatch.setattr(launch, "list_backups", lambda _dir: found)
    prompter.answers = [0, None, None]  # restore a backup…, no file chosen, then leave
    assert launch._open_with_recovery(tmp_path, None) is None  # type: ignore[arg-type]
    assert _starts(prompter, "open_file") == [str(folder)]
