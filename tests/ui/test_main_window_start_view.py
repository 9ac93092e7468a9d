"""Which view the window opens on: Today on a first run (behind the welcome), else the
view last used with *this* data folder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from selftrust.domain.commitment import Rules
from selftrust.services.commitments import CommitmentDraft
from selftrust.services.workspace import Workspace
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.main_window import MainWindow, remembered_view_key


def _open(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    win = MainWindow(ctx, restore_state=True)
    qtbot.addWidget(win)
    return win


def _lived_in(ws: Workspace) -> None:
    ws.commitments.create(CommitmentDraft("Walk", Rules(), created_on=date(2026, 11, 1)))
    ws.update_settings(replace(ws.settings, welcomed=True))


def test_a_first_run_opens_today_whatever_was_remembered(qtbot: QtBot, ctx: UiContext) -> None:
    ctx.prefs.last_view = "jar"  # from another data folder, or an older version
    ctx.prefs.set_value(remembered_view_key(ctx.ws.db.folder.root), "jar")
    assert _open(qtbot, ctx).current_view == "today"


def test_a_lived_in_folder_opens_its_last_view(qtbot: QtBot, ctx: UiContext) -> None:
    _lived_in(ctx.ws)
    first = _open(qtbot, ctx)
    first.show_view("jar")
    first.close()
    assert _open(qtbot, ctx).current_view == "jar"


def test_another_folders_view_is_not_this_ones(
        qtbot: QtBot, ctx: UiContext, tmp_path: Path) -> None:
    _lived_in(ctx.ws)
    ctx.prefs.set_value(remembered_view_key(tmp_path / "elsewhere"), "jar")
    ctx.prefs.last_view = "jar"
    assert _open(qtbot, ctx).current_view == "today"
