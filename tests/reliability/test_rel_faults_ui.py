"""The app under faults: a full disk, a read-only database and a database another program
holds, met while checking off in Today. The Today view shows the calm message, the row
stays as it was, nothing lands on the undo stack, and the next check-off after the
fault is gone works. When the data cannot even be opened for such a reason, the start-
up dialog offers to try again, never to start fresh (which would set the data aside)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selftrust.domain.history import Status
from selftrust.services.errors import DataProblem
from selftrust.services.workspace import Workspace
from selftrust.store import engine as store_engine
from selftrust.ui.shell import launch
from selftrust.ui.shell.main_window import MainWindow
from tests.reliability.conftest import ScriptedPrompter
from tests.reliability.rel_faults import LockHolder, failing_writes, read_only_file
from tests.ui.today_support import (
    add,
    key,
    select,
    stored,
    today_view,
)


def holding(ws: Workspace) -> Callable[[], None]:
    holder = LockHolder(ws.db.path, "write").__enter__()
    return holder.release


@pytest.mark.parametrize("fault, words", [
    (failing_writes, "disk is full"),
    (read_only_file, "read-only"),
    (holding, "busy"),
], ids=["full", "readonly", "locked"])
def test_rel_today_shows_the_fault_and_stays_usable(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[Workspace], Callable[[], None]], words: str,
) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 300)  # not 5 s per click in tests
    walk = add(ws, "Walk")
    read = add(ws, "Read")
    view = today_view(window)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    select(qtbot, view, "Read")
    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, read).status is Status.KEPT  # type: ignore[union-attr]
    undo_steps = window.ctx.undo.count()

    lift = fault(ws)
    try:
        select(qtbot, view, "Walk")
        key(qtbot, view, Qt.Key.Key_Space)
        assert view.banner.isVisible() and view.banner.kind == "problem"
        assert words in view.banner.label.text()
        assert view.banner.label.textFormat() == Qt.TextFormat.PlainText
        assert view.current_item() is not None and view.current_item().status is None
        assert window.ctx.undo.count() == undo_steps
        # Still usable: moving around, other views, reading.
        key(qtbot, view, Qt.Key.Key_Down)
        window.show_view("streaks")
        window.show_view("today")
    finally:
        lift()
    select(qtbot, view, "Walk")
    key(qtbot, view, Qt.Key.Key_Space)
    assert stored(ws, walk).status is Status.KEPT  # type: ignore[union-attr]
    assert stored(ws, read).status is Status.KEPT  # type: ignore[union-attr]
    assert not view.banner.isVisible() or view.banner.kind != "problem"
    assert window.ctx.undo.count() == undo_steps + 1


@pytest.mark.parametrize("kind", ["full", "readonly", "io", "locked", "folder"])
def test_rel_opening_fails_for_a_passing_reason_offers_only_to_try_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ws: Workspace, kind: str,
    prompter: ScriptedPrompter,
) -> None:
    """A full disk or a read-only folder is no reason to set the data aside."""
    attempts: list[int] = []
    offered: list[list[str]] = []

    def open_workspace(data_dir: Path | None, clock: Any, **options: Any) -> Workspace:
        attempts.append(1)
        if len(attempts) == 1:
            raise DataProblem("Your disk is full …", path=str(tmp_path), kind=kind)
        return ws

    def choose(parent: Any, title: str, text: str, choices: list[str]) -> int | None:
        offered.append(list(choices))
        return 0

    monkeypatch.setattr(launch, "open_workspace", open_workspace)
    monkeypatch.setattr(prompter, "choose", choose)
    opened = launch._open_with_recovery(tmp_path, None)  # type: ignore[arg-type]
    assert opened is ws
    assert offered == [["Try again"]], offered
