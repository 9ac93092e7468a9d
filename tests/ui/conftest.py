"""UI test fixtures: a real workspace in tmp_path, scratch window preferences, a main
window, and a scripted prompter that answers message boxes for the user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from selftrust.services.workspace import Workspace
from selftrust.ui.dialogs import messages
from selftrust.ui.shell.context import UiContext
from selftrust.ui.shell.launch import make_context
from selftrust.ui.shell.main_window import MainWindow
from selftrust.ui.shell.prefs import UiPrefs


class ScriptedPrompter(messages.Prompter):
    """Answers dialogs from a queue; records every question so tests can assert on it.

    ``answers`` holds, in order, the values the user would give: True/False for ask,
    an index (or None) for choose, a Path (or None) for file dialogs. Informative
    boxes need no answer. Running out of answers fails the test instead of hanging.
    ``asked`` holds (kind, title, text, detail): the detail is the box's "Show
    details" text ("" when it has none, and for file dialogs).
    """

    def __init__(self) -> None:
        self.answers: list[Any] = []
        self.asked: list[tuple[str, str, str, str]] = []  # (kind, title, text, detail)

    def _next(self, kind: str, title: str, text: str, detail: str = "") -> Any:
        self.asked.append((kind, title, text, detail))
        if not self.answers:
            raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")
        return self.answers.pop(0)

    def ask(self, parent: QWidget | None, title: str, text: str, *, accept: str,
            reject: str | None = None, detail: str = "", destructive: bool = False) -> bool:
        return bool(self._next("ask", title, text, detail))

    def inform(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        self.asked.append(("inform", title, text, detail))

    def problem(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        self.asked.append(("problem", title, text, detail))

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[str]
               ) -> int | None:
        answer: int | None = self._next("choose", title, text)
        return answer

    def open_file(self, parent: QWidget | None, caption: str, filters: str, *,
                  start: Path | None = None) -> Path | None:
        answer: Path | None = self._next("open_file", caption, filters, str(start or ""))
        return answer  # detail: the folder

    def save_file(self, parent: QWidget | None, caption: str, suggested: str, filters: str, *,
                  start: Path | None = None) -> Path | None:
        answer: Path | None = self._next("save_file", caption, suggested, str(start or ""))
        return answer

    def choose_folder(self, parent: QWidget | None, caption: str) -> Path | None:
        answer: Path | None = self._next("choose_folder", caption, "")
        return answer


@pytest.fixture
def prompter(monkeypatch: pytest.MonkeyPatch) -> ScriptedPrompter:
    """Every caller looks up ``messages.prompter`` when it asks: one attribute to swap."""
    scripted = ScriptedPrompter()
    monkeypatch.setattr(messages, "prompter", scripted)
    return scripted


@pytest.fixture
def prefs(tmp_path: Path) -> UiPrefs:
    return UiPrefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(qapp: Any, ws: Workspace, prefs: UiPrefs, prompter: ScriptedPrompter
        ) -> Iterator[UiContext]:
    prefs.reduced_motion = True  # no animations to wait for in tests
    context = make_context(ws, prefs)
    yield context
    context.bridge.detach()


@pytest.fixture
def window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    win = MainWindow(ctx, restore_state=False)
    qtbot.addWidget(win)
    win.resize(1100, 720)
    with qtbot.waitExposed(win):
        win.show()
    return win


@pytest.fixture
def sync_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder a file-sync tool would carry; `selftrust sync` processes started
    by a window share its fixed today (SELFTRUST_NOW)."""
    from tests.e2e.helpers import NOW

    monkeypatch.setenv("SELFTRUST_NOW", NOW)
    folder = tmp_path / "Sync"
    folder.mkdir()
    return folder
